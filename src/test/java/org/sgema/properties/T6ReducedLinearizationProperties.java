package org.sgema.properties;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import org.sgema.claims.Claim;
import org.sgema.model.ConfigurationSpec.Views;

/** [T6] The SG linearization at R = 0 and at collapsed points reduces to an mn×mn matrix. */
@AddLifecycleHook(value = ClaimHook.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class T6ReducedLinearizationProperties {

    @Property
    @ChecksClaim(Claim.T6_SPECTRUM)
    void fullSpectrumIsReducedSpectrumPlusMSquaredZeros(@ForAll("zeroDecay") Scenario s) {
        Ledger.check(s);
    }

    @Provide
    Arbitrary<Scenario> zeroDecay() {
        return Generators.all().withViews(Views.SYMMETRIC, Views.ASYMMETRIC).withLambdas(0.0).scenarios();
    }
}
