package org.sgema.properties;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import org.sgema.claims.Claim;
import org.sgema.flows.Flow;
import org.sgema.model.ConfigurationSpec.Views;

/** [T3] GD always collapses in the linear case (σ &gt; 0), and the hypothesis σ &gt; 0 matters. */
@AddLifecycleHook(value = ClaimHook.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class T3GdCollapseProperties {

    @Property
    @ChecksClaim(Claim.T3_IDENTITY)
    void encoderNormDecaysAtMinusFourE0(@ForAll("genericGdPoints") Scenario s) {
        Ledger.check(s);
        Ledger.requireEveryRegime(Claim.T3_IDENTITY);
    }

    @Property
    @ChecksClaim(Claim.T3_BOUND)
    void gdTrajectoriesStayBelowTheExponentialBoundAndCollapse(@ForAll("gdWithNoisyViews") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(Claim.T3_SIGMA_ZERO)
    void gdCollapsesEvenWithIdenticalViews(@ForAll("gdWithIdenticalViews") Scenario s) {
        Ledger.check(s);
    }

    @Provide
    Arbitrary<Scenario> genericGdPoints() {
        return Generators.all().withFlows(Flow.GD).atGenericPoints().scenarios();
    }

    @Provide
    Arbitrary<Scenario> gdWithNoisyViews() {
        return Generators.all().withFlows(Flow.GD).withViews(Views.SYMMETRIC, Views.ASYMMETRIC).scenarios();
    }

    @Provide
    Arbitrary<Scenario> gdWithIdenticalViews() {
        return Generators.all().withFlows(Flow.GD).withViews(Views.IDENTICAL).scenarios();
    }
}
