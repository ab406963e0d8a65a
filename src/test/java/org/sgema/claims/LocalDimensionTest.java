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
}
