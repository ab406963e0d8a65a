package org.sgema.claims;

import org.sgema.config.RunProfile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sgema.integration.Outcome;
import org.sgema.io.JsonFiles;
import org.sgema.stability.Stability;
import org.sgema.stability.StabilityVerdict;

/**
 * [T7-perturbation]'s unstable branch decides only when the run could have seen the unstable
 * mode: a return is VIOLATED for a clearly unstable point, INCONCLUSIVE when the growth rate is
 * below what the stop tolerance and the horizon resolve.
 */
class StabilityChecksTest {

    private static Stability unstable(double rate) {
        return new Stability(StabilityVerdict.UNSTABLE, "eigenvalue with real part " + rate + " > 0", 1e-14, 1, null,
                1, 1e-12, rate, 1e3, null);
    }

    @Test
    void aClearlyUnstablePointThatPullsThePerturbationBackIsViolated() {
        Evaluation e = StabilityChecks.unstableVerdict(unstable(0.5), Outcome.CONVERGED, 1.0, 0.997, 1e-4, 1e-10,
                5000);
        assertEquals(Verdict.VIOLATED, e.verdict(), e.toString());
    }

    @Test
    void aPerturbationThatLeavesHolds() {
        Evaluation e = StabilityChecks.unstableVerdict(unstable(0.5), Outcome.HORIZON_REACHED, 150, 150, 1e-4, 1e-10,
                5000);
        assertEquals(Verdict.HOLDS, e.verdict());
    }

    @Test
    void aGrowthRateTheRunCannotResolveIsInconclusive() {
        // the numbers of the digits counterexample (Re λ₊ = 3.2e-7, horizon 1e5): the old check said VIOLATED
        Evaluation e = StabilityChecks.unstableVerdict(unstable(3.234e-7), Outcome.CONVERGED, 1.0, 0.997, 2e-4, 2e-10,
                1e5);
        assertEquals(Verdict.INCONCLUSIVE, e.verdict(), e.toString());
        assertTrue(e.reason().contains("cannot show the mode"), e.reason());
        // a resolvable rate but too short a horizon
        Evaluation shortRun = StabilityChecks.unstableVerdict(unstable(1e-2), Outcome.CONVERGED, 1.0, 0.997, 1e-4,
                1e-14, 5000);
        assertEquals(Verdict.INCONCLUSIVE, shortRun.verdict(), shortRun.toString());
    }

    @Test
    void theDigitsCaseThatWasCalledViolatedIsNotAnyMore() {
        CaseFiles.CaseFile f = CaseFiles.readCase(Path.of("src/test/resources/cases/T7-perturbation-digits-slow-unstable.json"));
        Evaluation e = f.claim().check(f.reproduction(), RunProfile.load("ci").integration(f.source()));
        assertNotEquals(Verdict.VIOLATED, e.verdict(), e.toString());
    }
}
