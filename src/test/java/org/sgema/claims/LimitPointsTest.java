package org.sgema.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sgema.config.RunProfile;

/** [T5] limit points of runs that the ci profile's horizon leaves far from their limit. */
class LimitPointsTest {

    /**
     * SG at (n, m) = (2, 1), symmetric views whose two generalized eigenvalues are 1e-6 apart
     * (TINY_GAP; ci, seed 20261127, try 7): rowspace(B) turns between the two eigenvectors at a rate
     * of about 9e-7. The first continuation (to 10⁵) takes a few long stiff steps, too few on its
     * tail to fit a law, so the run is in transit and continued to 10⁶, whose tail predicts the stop
     * test; at 10⁷ ‖F‖ has fallen 80× on [T/2, T] at μ = 8.8e-7, the approach is decided and the
     * limit lies on V. Mutant: a tail with too few points counted as not in transit leaves the run
     * at 10⁵, INCONCLUSIVE.
     */
    @Test
    void aRunTurningBetweenNearlyEqualEigenvaluesReachesItsLimitOnV() {
        CaseFiles.CaseFile f = CaseFiles.readCase(Path.of("src/test/resources/cases/T5-limit-points-tiny-gap.json"));
        Evaluation e = VarietyChecks.limitPoints(f.reproduction(), RunProfile.load("ci").integration());
        assertEquals(Verdict.HOLDS, e.verdict(), e.toString());
    }
}
