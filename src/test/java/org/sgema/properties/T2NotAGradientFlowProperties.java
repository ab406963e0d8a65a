package org.sgema.properties;

import org.junit.jupiter.api.Test;
import org.sgema.claims.Claim;

/**
 * [T2] SG and EMA are not gradient flows of any smooth function, and do not optimize E0.
 * Each test runs one claim through the property engine ({@link ClaimChecks}).
 */
class T2NotAGradientFlowProperties {
    @Test
    void noConstantBlockMetricSymmetrizesTheSgOrEmaJacobian() {
        ClaimChecks.check(Claim.T2_ASYMMETRY);
    }

    @Test
    void aSingleSgJacobianIsNeverBlockSymmetrizable() {
        ClaimChecks.check(Claim.T2_POINTWISE);
    }

    @Test
    void circulationByQuadratureAgreesWithTheJacobian() {
        ClaimChecks.check(Claim.T2_STOKES);
    }

    @Test
    void theObjectiveGradientDoesNotVanishAtSgEquilibria() {
        ClaimChecks.check(Claim.T2_GRADIENT);
    }

    @Test
    void theObjectiveNeverRisesAlongSg() {
        ClaimChecks.check(Claim.T2_ENERGY_RISES);
    }

    @Test
    void someEquilibriaHaveNonRealSpectra() {
        ClaimChecks.check(Claim.T2_NON_REAL);
    }

    @Test
    void noConstantMetricAtAllSymmetrizesSgOrEma() {
        ClaimChecks.check(Claim.E5);
    }
}
