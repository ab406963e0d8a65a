package org.sgema.properties;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import org.sgema.claims.Claim;
import org.sgema.flows.Flow;

/** [T1] Control: GD is conservative, so the asymmetry test of [T2] can tell the difference. */
@AddLifecycleHook(value = ClaimHook.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class T1ConservativeControlProperties {

    @Property
    @ChecksClaim(Claim.T1)
    void gdJacobianIsSymmetricInItsNaturalMetric(@ForAll("genericGdPoints") Scenario s) {
        Ledger.check(s);
        Ledger.requireEveryRegime(Claim.T1);
    }

    @Provide
    Arbitrary<Scenario> genericGdPoints() {
        return Generators.all().withFlows(Flow.GD).atGenericPoints().scenarios();
    }
}
