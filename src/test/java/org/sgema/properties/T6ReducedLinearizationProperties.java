package org.sgema.properties;

import org.junit.jupiter.api.Test;
import org.sgema.claims.Claim;

/**
 * [T6] The reduced linearization L carries the whole non-zero spectrum of J.
 * Each test runs one claim through the property engine ({@link ClaimChecks}).
 */
class T6ReducedLinearizationProperties {
    @Test
    void fullSpectrumIsReducedSpectrumPlusMSquaredZeros() {
        ClaimChecks.check(Claim.T6_SPECTRUM);
    }
}
