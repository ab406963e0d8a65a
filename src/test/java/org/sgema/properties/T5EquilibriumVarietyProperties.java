package org.sgema.properties;

import org.junit.jupiter.api.Test;
import org.sgema.claims.Claim;

/**
 * [T5] The equilibria of SG and EMA are algebraic varieties.
 * Each test runs one claim through the property engine ({@link ClaimChecks}).
 */
class T5EquilibriumVarietyProperties {
    @Test
    void parameterizedPointsAreSgAndEmaEquilibria() {
        ClaimChecks.check(Claim.T5_PARAMETERIZATION);
    }

    @Test
    void theEquilibriumSetHasLocalDimensionMSquared() {
        ClaimChecks.check(Claim.T5_LOCAL_DIMENSION);
    }

    @Test
    void glTangentDirectionsSpanTheJacobianKernel() {
        ClaimChecks.check(Claim.T5_GL_TANGENT);
    }

    @Test
    void fullRankLimitPointsLieOnTheVariety() {
        ClaimChecks.check(Claim.T5_LIMIT_POINTS);
    }

    @Test
    void weightDecayBalancesPredictorAndEncoderAtTheLimit() {
        ClaimChecks.check(Claim.T5_WEIGHT_DECAY);
    }

    @Test
    void theFieldsAreOrthogonallyEquivariant() {
        ClaimChecks.check(Claim.T5_EQUIVARIANCE);
    }

    @Test
    void weightDecayLimitsAreIsolatedModuloOm() {
        ClaimChecks.check(Claim.E4);
    }

    @Test
    void theFullRankComponentsAreTheInvariantSubspaces() {
        ClaimChecks.check(Claim.T5_COMPONENTS);
    }
}
