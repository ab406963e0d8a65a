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

/** [T5] The equilibria of SG and EMA are algebraic varieties. */
@AddLifecycleHook(value = ClaimHook.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class T5EquilibriumVarietyProperties {

    @Property
    @ChecksClaim(Claim.T5_PARAMETERIZATION)
    void parameterizedPointsAreSgAndEmaEquilibria(@ForAll("zeroDecay") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(Claim.T5_LOCAL_DIMENSION)
    void theEquilibriumSetHasLocalDimensionMSquared(@ForAll("zeroDecay") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(Claim.T5_GL_TANGENT)
    void glTangentDirectionsSpanTheJacobianKernel(@ForAll("zeroDecay") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(Claim.T5_LIMIT_POINTS)
    void fullRankLimitPointsLieOnTheVariety(@ForAll("zeroDecayTrajectories") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(Claim.T5_WEIGHT_DECAY)
    void weightDecayBalancesPredictorAndEncoderAtTheLimit(@ForAll("weightDecaySg") Scenario s) {
        Ledger.check(s);
    }

    @Provide
    Arbitrary<Scenario> zeroDecay() {
        return Generators.all().withViews(Views.SYMMETRIC, Views.ASYMMETRIC).withLambdas(0.0).scenarios();
    }

    @Provide
    Arbitrary<Scenario> zeroDecayTrajectories() {
        return Generators.all().withViews(Views.SYMMETRIC, Views.ASYMMETRIC).withLambdas(0.0)
                .withFlows(Flow.SG, Flow.EMA).scenarios();
    }

    @Provide
    Arbitrary<Scenario> weightDecaySg() {
        return Generators.all().withLambdas(0.01, 0.1, 0.5).withFlows(Flow.SG).scenarios();
    }
}
