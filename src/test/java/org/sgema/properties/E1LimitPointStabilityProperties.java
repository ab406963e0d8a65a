package org.sgema.properties;

import org.junit.jupiter.api.Test;
import org.sgema.claims.Claim;

/**
 * [E1] Limit points of SG and EMA from random initial conditions are normally attracting.
 * Each test runs one claim through the property engine ({@link ClaimChecks}).
 */
class E1LimitPointStabilityProperties {
    @Test
    void sgAndEmaConvergeOnlyToNormallyAttractingEquilibria() {
        ClaimChecks.check(Claim.E1);
    }
}
