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

/** [E1] Limit points of SG and EMA from random initial conditions are normally attracting. */
@AddLifecycleHook(value = ClaimHook.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class E1LimitPointStabilityProperties {

    @Property
    @ChecksClaim(Claim.E1)
    void sgAndEmaConvergeOnlyToNormallyAttractingEquilibria(@ForAll("sgEma") Scenario s) {
        Ledger.check(s);
    }

    @Provide
    Arbitrary<Scenario> sgEma() {
        return Generators.all().withViews(Views.SYMMETRIC, Views.ASYMMETRIC).withFlows(Flow.SG, Flow.EMA).scenarios();
    }
}
