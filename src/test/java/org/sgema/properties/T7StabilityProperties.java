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

/** [T7] Stability of equilibria: scalar closed forms and perturbation tests. */
@AddLifecycleHook(value = ClaimHook.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class T7StabilityProperties {

    @Property
    @ChecksClaim(Claim.T7_SCALAR)
    void scalarSpectraMatchTheirClosedForms(@ForAll("scalar") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(Claim.T7_PERTURBATION)
    void attractingPointsPullPerturbationsBackAndUnstableOnesLetThemGo(@ForAll("zeroDecaySgEma") Scenario s) {
        Ledger.check(s);
    }

    @Provide
    Arbitrary<Scenario> scalar() {
        return Generators.all().scalar().withViews(Views.SYMMETRIC, Views.ASYMMETRIC).withLambdas(0.0)
                .atGenericPoints().withFlows(Flow.EMA).scenarios();
    }

    @Provide
    Arbitrary<Scenario> zeroDecaySgEma() {
        return Generators.all().withViews(Views.SYMMETRIC, Views.ASYMMETRIC).withLambdas(0.0)
                .withFlows(Flow.SG, Flow.EMA).scenarios();
    }
}
