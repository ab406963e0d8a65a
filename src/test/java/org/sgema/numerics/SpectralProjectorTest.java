package org.sgema.numerics;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The kernel projector against its closed form S diag(1, 1, 0, 0) S⁻¹ for J = S diag(0, 0, −1, −2) S⁻¹. */
class SpectralProjectorTest {

    @Test
    void matchesTheClosedFormOfANonNormalMatrix() {
        DMatrixRMaj s = new DMatrixRMaj(new double[][] {{1, 2, 0, 1}, {0, 1, 3, 0}, {1, 0, 1, 2}, {0, 1, 0, 1}});
        DMatrixRMaj sInv = new DMatrixRMaj(4, 4);
        assertTrue(CommonOps_DDRM.invert(s, sInv));
        DMatrixRMaj d = CommonOps_DDRM.diag(0, 0, -1, -2);
        DMatrixRMaj j = new DMatrixRMaj(4, 4);
        DMatrixRMaj tmp = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(s, d, tmp);
        CommonOps_DDRM.mult(tmp, sInv, j);
        DMatrixRMaj expected = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(s, CommonOps_DDRM.diag(1, 1, 0, 0), tmp);
        CommonOps_DDRM.mult(tmp, sInv, expected);
        DMatrixRMaj p = SpectralProjector.kernel(j, 2);
        CommonOps_DDRM.subtractEquals(p, expected);
        assertTrue(Matrices.norm(p) < 1e-10, "‖Π₀ − S E S⁻¹‖ = " + Matrices.norm(p));
    }

    @Test
    void aJordanBlockAtZeroHasNone() {
        DMatrixRMaj j = new DMatrixRMaj(new double[][] {{0, 1, 0}, {0, 0, 0}, {0, 0, -1}});
        // nullity 1 but 0 has algebraic multiplicity 2: Wᵀ V = 0
        assertNull(SpectralProjector.kernel(j, 1));
    }
}
