package org.sgema.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * [T5] local dimension decided from the backward error of the constructed point of V, not a fixed
 * rank threshold. Mutants that change J (CXY_TRANSPOSED, CXX_CYY_SWAPPED, SG_KEEPS_TARGET_BRANCH,
 * PREDICTOR_TRANSPOSED_IN_RESIDUAL) are VIOLATED in {@code MutationCheckTest}.
 */
class LocalDimensionTest {

    /**
     * EMA at (n, m) = (4, 3), ill-conditioned symmetric views, τ = 100 (ci profile, seed 2, shrunk):
     * the former rule (rank threshold 1e-8‖J‖, zeros "at round-off" below 1e-11‖J‖, gap ≥ 1e3)
     * counted a genuine singular value between 1e-14‖J‖ and 1e-11‖J‖ as a tenth zero and called the
     * theorem VIOLATED (local dimension 10 ≠ 9). The backward-error bound τ puts it above the
     * zeros: HOLDS. Mutant: the fixed threshold gives VIOLATED again.
     */
    @Test
    void aTinyGenuineSingularValueIsNotCountedAsAZero() {
        CaseFiles.CaseFile f = CaseFiles.readCase(Path.of("src/test/resources/cases/T5-local-dimension-fixed-threshold.json"));
        Evaluation e = VarietyChecks.localDimension(f.reproduction());
        assertEquals(Verdict.HOLDS, e.verdict(), e.toString());
    }

    /**
     * E4 (λ = 0.01, SG, (45, 9), deep profile, seed 20261205, try 14): the run reaches its horizon
     * 2·10⁴ before the stop test, and was INCONCLUSIVE there; continued as T5-limit-points' and
     * E1's runs are, it meets the stop test, and the limit's local dimension is the O(m)-orbit's
     * (HOLDS). Mutant: no continuation (INCONCLUSIVE, HORIZON_REACHED, as in the deep run).
     */
    @Test
    void aWeightDecayRunAtItsHorizonIsContinuedToItsLimit() {
        CaseFiles.CaseFile f = CaseFiles.readCase(Path.of("src/test/resources/cases/E4-horizon-then-converged.json"));
        org.sgema.integration.IntegrationSettings deep = org.sgema.config.RunProfile.load("deep").integration();
        org.sgema.integration.Trajectory first = new org.sgema.integration.FlowIntegrator(deep).integrate(
                f.reproduction().field(org.sgema.flows.Flow.SG), f.reproduction().initial());
        assertEquals(org.sgema.integration.Outcome.HORIZON_REACHED, first.outcome(), "the first run alone");
        Evaluation e = VarietyChecks.weightDecayDimension(f.reproduction(), deep);
        assertEquals(Verdict.HOLDS, e.verdict(), e.toString());
    }
    /**
     * A deep E4 try (SG, n = 39, m = 2, λ = 0.01, targeted try 80 at seed 20261205) that keeps
     * moving: ‖F‖ stays near 0.017 up to t = 4·10⁵ and the run ends on a normally attracting
     * relative periodic orbit (period about 162, a reflection as drift). It has no limit point, so
     * neither weight-decay claim's hypothesis (a converged run) holds: HYPOTHESIS_NOT_MET with the
     * cause NO_LIMIT_POINT, as for E1 and [T5]-limit-points. Mutant: every run that does not meet
     * its stop test INCONCLUSIVE (as before, "run ended HORIZON_REACHED").
     */
    @Test
    void aWeightDecayRunOnAPeriodicOrbitHasNoLimitPoint() {
        CaseFiles.CaseFile f = CaseFiles.readCase(Path.of("src/test/resources/cases/E4-periodic-orbit.json"));
        org.sgema.integration.IntegrationSettings deep = org.sgema.config.RunProfile.load("deep").integration();
        Evaluation dimension = VarietyChecks.weightDecayDimension(f.reproduction(), deep);
        assertEquals(Verdict.HYPOTHESIS_NOT_MET, dimension.verdict(), dimension.toString());
        assertEquals(Cause.NO_LIMIT_POINT, dimension.cause(), dimension.toString());
        org.junit.jupiter.api.Assertions.assertTrue(dimension.reason().contains("relative periodic orbit"),
                dimension.reason());
        Evaluation balance = VarietyChecks.weightDecayBalance(f.reproduction(), deep);
        assertEquals(Cause.NO_LIMIT_POINT, balance.cause(), balance.toString());
    }
}
