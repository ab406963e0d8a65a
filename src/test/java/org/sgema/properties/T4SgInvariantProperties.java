package org.sgema.properties;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import org.sgema.claims.Claim;
import org.sgema.flows.Flow;

/** [T4] The SG invariant AᵀA − αBBᵀ and the collapse lower bound it gives. */
@AddLifecycleHook(value = ClaimHook.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class T4SgInvariantProperties {

    @Property
    @ChecksClaim(Claim.T4_INVARIANT)
    void theInvariantDecaysExactlyAsExpMinusTwoLambdaT(@ForAll("sg") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(Claim.T4_RANK_BOUND)
    void encoderSingularValuesStayAboveTheInvariantBound(@ForAll("sg") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(Claim.T4_SG_COLLAPSE)
    void sgNeverCollapses(@ForAll("sg") Scenario s) {
        Ledger.check(s);
    }

    @Provide
    Arbitrary<Scenario> sg() {
        return Generators.all().withFlows(Flow.SG).scenarios();
    }
}
