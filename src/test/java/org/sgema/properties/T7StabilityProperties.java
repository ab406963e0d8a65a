package org.sgema.properties;

import org.junit.jupiter.api.Test;
import org.sgema.claims.Claim;

/**
 * [T7] Stability of equilibria: scalar closed forms and perturbation tests.
 * Each test runs one claim through the property engine ({@link ClaimChecks}).
 */
class T7StabilityProperties {
    @Test
    void scalarSpectraMatchTheirClosedForms() {
        ClaimChecks.check(Claim.T7_SCALAR);
    }

    @Test
    void attractingPointsPullPerturbationsBackAndUnstableOnesLetThemGo() {
        ClaimChecks.check(Claim.T7_PERTURBATION);
    }

    @Test
    void someCollapsedPointsAttract() {
        ClaimChecks.check(Claim.T7_COLLAPSED_ATTRACTING);
    }

    @Test
    void stabilityVariesAlongOneOrbit() {
        ClaimChecks.check(Claim.T7_ORBIT_VARIES);
    }

    @Test
    void someNonLeadingComponentsAttract() {
        ClaimChecks.check(Claim.T7_ATTRACTING_OFF_TOP);
    }
}
