package org.sgema.properties;

import org.junit.jupiter.api.Test;
import org.sgema.claims.Claim;

/**
 * [T1] Control: GD is conservative, so the asymmetry test of [T2] can tell the difference.
 * Each test runs one claim through the property engine ({@link ClaimChecks}).
 */
class T1ConservativeControlProperties {
    @Test
    void gdJacobianIsSymmetricInItsNaturalMetric() {
        ClaimChecks.check(Claim.T1);
    }
}
