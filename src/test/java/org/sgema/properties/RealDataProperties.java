package org.sgema.properties;

import org.junit.jupiter.api.Test;
import org.sgema.claims.Claim;
import org.sgema.claims.ClaimRun;

/**
 * [T3], [T4], [T5], [T7] and [E1] on real second moments: exact moments of augmented
 * handwritten digits (n = 64). Recorded as {@code CLAIM@digits}.
 * Each test runs one claim through the property engine ({@link ClaimChecks}).
 */
class RealDataProperties {
    @Test
    void gdCollapsesOnDigitsWithinTheExponentialBound() {
        ClaimChecks.check(Claim.T3_BOUND, ClaimRun.DIGITS);
    }

    @Test
    void theSgInvariantHoldsOnDigits() {
        ClaimChecks.check(Claim.T4_INVARIANT, ClaimRun.DIGITS);
    }

    @Test
    void digitsLimitPointsLieOnTheVariety() {
        ClaimChecks.check(Claim.T5_LIMIT_POINTS, ClaimRun.DIGITS);
    }

    @Test
    void digitsEquilibriaAttractOrRepelAsClassified() {
        ClaimChecks.check(Claim.T7_PERTURBATION, ClaimRun.DIGITS);
    }

    @Test
    void digitsLimitPointsAreNormallyAttracting() {
        ClaimChecks.check(Claim.E1, ClaimRun.DIGITS);
    }
}
