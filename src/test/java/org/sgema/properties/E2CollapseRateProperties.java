package org.sgema.properties;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.statistics.Statistics;
import org.sgema.claims.Claim;
import org.sgema.flows.Flow;
import org.sgema.model.ConfigurationSpec.Views;

/** [E2] Collapse rates of GD, SG and EMA from random initial conditions. */
@AddLifecycleHook(value = ClaimHook.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class E2CollapseRateProperties {

    @Property
    @ChecksClaim(Claim.E2)
    void gdAlwaysCollapsesWhileSgAndEmaRatesAreMeasured(@ForAll("everyFlow") Scenario s) {
        Ledger.check(s);
        Statistics.label("flow").coverage(c -> {
            for (Flow f : Flow.values()) {
                c.check(f).count(k -> k > 0);
            }
        });
    }

    @Provide
    Arbitrary<Scenario> everyFlow() {
        return Generators.all().withViews(Views.SYMMETRIC, Views.ASYMMETRIC).withFlows(Flow.GD, Flow.SG, Flow.EMA)
                .scenarios();
    }
}
