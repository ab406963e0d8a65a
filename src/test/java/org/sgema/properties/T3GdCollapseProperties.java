package org.sgema.properties;

import org.junit.jupiter.api.Test;
import org.sgema.claims.Claim;

/**
 * [T3] GD always collapses in the linear case (σ &gt; 0), and the hypothesis σ &gt; 0 matters.
 * Each test runs one claim through the property engine ({@link ClaimChecks}).
 */
class T3GdCollapseProperties {
    @Test
    void encoderNormDecaysAtMinusFourE0() {
        ClaimChecks.check(Claim.T3_IDENTITY);
    }

    @Test
    void gdTrajectoriesStayBelowTheExponentialBoundAndCollapse() {
        ClaimChecks.check(Claim.T3_BOUND);
    }

    @Test
    void gdCollapsesEvenWithIdenticalViews() {
        ClaimChecks.check(Claim.T3_SIGMA_ZERO);
    }
}
