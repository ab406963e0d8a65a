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
        assertFalse(c.semisimpleZero(jordan, 1), "nullity(J²) = 2 > nullity(J) = 1");
        assertEquals(StabilityVerdict.INCONCLUSIVE, c.classify(jordan, 0).verdict());
        DMatrixRMaj diagonal = new DMatrixRMaj(new double[][] {{0, 0, 0}, {0, -2, 1}, {0, 0, -1}});
        assertTrue(c.semisimpleZero(diagonal, 1));
        assertEquals(StabilityVerdict.NORMALLY_ATTRACTING, c.classify(diagonal, 0).verdict());
        DMatrixRMaj saddle = new DMatrixRMaj(new double[][] {{0, 0, 0}, {0, 2, 0}, {0, 0, -1}});
        assertEquals(StabilityVerdict.UNSTABLE, c.classify(saddle, 0).verdict());
    }
}
