package org.sgema.properties;

import org.junit.jupiter.api.Test;
import org.sgema.claims.Claim;

/**
 * [T4] The SG invariant AᵀA − αBBᵀ and the collapse lower bound it gives.
 * Each test runs one claim through the property engine ({@link ClaimChecks}).
 */
class T4SgInvariantProperties {
    @Test
    void theInvariantDecaysExactlyAsExpMinusTwoLambdaT() {
        ClaimChecks.check(Claim.T4_INVARIANT);
    }

    @Test
    void encoderSingularValuesStayAboveTheInvariantBound() {
        ClaimChecks.check(Claim.T4_RANK_BOUND);
    }

    @Test
    void sgNeverCollapses() {
        ClaimChecks.check(Claim.T4_SG_COLLAPSE);
    }

    @Test
    void theInvariantIsConservedAlongEmaToo() {
        ClaimChecks.check(Claim.T4_EMA_INVARIANT);
    }

    @Test
    void emaTendsToSgAsTauGrows() {
        ClaimChecks.check(Claim.SG_LIMIT_OF_EMA);
    }
}
