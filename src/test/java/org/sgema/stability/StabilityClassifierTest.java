package org.sgema.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The classifier's two independent tests of a semisimple zero, and its verdicts on closed forms. */
class StabilityClassifierTest {

    @Test
    void aJordanBlockAtZeroIsNotSemisimple() {
        StabilityClassifier c = new StabilityClassifier();
        DMatrixRMaj jordan = new DMatrixRMaj(new double[][] {{0, 1, 0}, {0, 0, 0}, {0, 0, -1}});
        assertFalse(c.semisimpleZero(jordan, 1, 1e-8), "WᵀV = 0: ker J = span e₁ lies in range J");
        assertEquals(StabilityVerdict.INCONCLUSIVE, c.classify(jordan, 0).verdict());
        DMatrixRMaj diagonal = new DMatrixRMaj(new double[][] {{0, 0, 0}, {0, -2, 1}, {0, 0, -1}});
        assertTrue(c.semisimpleZero(diagonal, 1, 1e-8));
        assertEquals(StabilityVerdict.NORMALLY_ATTRACTING, c.classify(diagonal, 0).verdict());
        DMatrixRMaj saddle = new DMatrixRMaj(new double[][] {{0, 0, 0}, {0, 2, 0}, {0, 0, -1}});
        assertEquals(StabilityVerdict.UNSTABLE, c.classify(saddle, 0).verdict());
    }

    /**
     * A genuine eigenvalue −5e-7, beyond the zero bound 1e-7‖J‖ but with a square below 1e-12‖J‖²:
     * 0 is semisimple (J is diagonal) and the point NORMALLY_ATTRACTING. Mutant: the former test
     * nullity(J²) = nullity(J) at relative tolerance 1e-12 counted it as a second zero of J² and
     * called 0 not semisimple (INCONCLUSIVE; the ci run's TINY_GAP SG limits at slowest rate 8.8e-7).
     */
    @Test
    void aTinyGenuineEigenvalueIsNotASecondZero() {
        StabilityClassifier c = new StabilityClassifier();
        DMatrixRMaj j = new DMatrixRMaj(new double[][] {{0, 0, 0}, {0, -5e-7, 0}, {0, 0, -1}});
        assertTrue(c.semisimpleZero(j, 1, 1e-8));
        Stability s = c.classify(j, 0);
        assertEquals(StabilityVerdict.NORMALLY_ATTRACTING, s.verdict(), s.reason());
    }

    /**
     * The error bound decides: a Jordan block perturbed to J = [[0, 1], [0, −δ]] has distinct
     * eigenvalues 0 and −δ, with left and right null vectors at σ(WᵀV) ≈ δ; with δ = 1e-3 that is
     * beyond 2ε/(s₁ − ε) for ε = 1e-8 (semisimple), with δ = 1e-9 it is not (not decided), and
     * neither is it when J is only known to ε = 1e-2.
     */
    @Test
    void nullVectorsAreToldApartOnlyBeyondTheirError() {
        StabilityClassifier c = new StabilityClassifier();
        DMatrixRMaj wide = new DMatrixRMaj(new double[][] {{0, 1}, {0, -1e-3}});
        DMatrixRMaj narrow = new DMatrixRMaj(new double[][] {{0, 1}, {0, -1e-9}});
        assertTrue(c.semisimpleZero(wide, 1, 1e-8));
        assertFalse(c.semisimpleZero(narrow, 1, 1e-8));
        assertFalse(c.semisimpleZero(wide, 1, 1e-2));
    }
}
