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
}
