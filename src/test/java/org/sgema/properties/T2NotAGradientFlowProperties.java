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

/** [T2] SG and EMA are not gradient flows of any smooth function, and do not optimize E0. */
@AddLifecycleHook(value = ClaimHook.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class T2NotAGradientFlowProperties {

    @Property
    @ChecksClaim(Claim.T2_ASYMMETRY)
    void noConstantBlockMetricSymmetrizesTheSgOrEmaJacobian(@ForAll("genericSgEmaPoints") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(Claim.T2_POINTWISE)
    void aSingleSgJacobianIsNeverBlockSymmetrizable(@ForAll("genericSgPoints") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(Claim.T2_STOKES)
    void circulationByQuadratureAgreesWithTheJacobian(@ForAll("genericPointsOfEveryFlow") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(Claim.T2_GRADIENT)
    void theObjectiveGradientDoesNotVanishAtSgEquilibria(@ForAll("zeroDecayNoisyViews") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(Claim.T2_ENERGY_RISES)
    void theObjectiveNeverRisesAlongSg(@ForAll("zeroDecayNoisyViews") Scenario s) {
        Ledger.check(s);
    }

    @Provide
    Arbitrary<Scenario> genericSgEmaPoints() {
        return Generators.all().withFlows(Flow.SG, Flow.EMA).atGenericPoints().scenarios();
    }

    @Provide
    Arbitrary<Scenario> genericSgPoints() {
        return Generators.all().withFlows(Flow.SG).atGenericPoints().scenarios();
    }

    @Provide
    Arbitrary<Scenario> genericPointsOfEveryFlow() {
        return Generators.all().withFlows(Flow.GD, Flow.SG, Flow.EMA).atGenericPoints().scenarios();
    }

    @Provide
    Arbitrary<Scenario> zeroDecayNoisyViews() {
        return Generators.all().withViews(Views.SYMMETRIC, Views.ASYMMETRIC).withLambdas(0.0).scenarios();
    }
}
