package org.sgema.properties;

import org.junit.jupiter.api.Test;
import org.sgema.claims.Claim;

/**
 * [E2] Collapse rates of GD, SG and EMA from random initial conditions.
 * Each test runs one claim through the property engine ({@link ClaimChecks}).
 */
class E2CollapseRateProperties {
    @Test
    void gdAlwaysCollapsesWhileSgAndEmaRatesAreMeasured() {
        ClaimChecks.check(Claim.E2);
    }

    @Test
    void gdCollapsesWhereSgAndEmaDoNotFromTheSameStart() {
        ClaimChecks.check(Claim.E3);
    }
}
