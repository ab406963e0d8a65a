package org.sgema.stability;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.sgema.model.Configuration;
import org.sgema.model.State;

/**
 * Reduced linearizations of the SG field [T6] (λ = 0), row-major {@code vec}:
 * <pre>
 *   at R = 0:       L(X) = −α X BᵀB Cxx − AAᵀ X Cxx + Aᵀ X Cyx            (X = δR, m×n)
 *                   L    = −α (I_m ⊗ Cxx BᵀB) − (AAᵀ ⊗ Cxx) + (Aᵀ ⊗ Cxy)
 *                   spec J = spec L ∪ {0}^{m²}
 *   at (A, 0):      N_A  = −(AᵀA ⊗ Cxx) + (Aᵀ ⊗ Cxy)                     (B-block of J)
 * </pre>
 * Row-major vec uses {@code vec(P X Q) = (P ⊗ Qᵀ) vec(X)}.
 */
public final class Linearization {
    private Linearization() {
    }

    /** @return the reduced matrix L (mn×mn) at an SG point with R = 0 */
    public static DMatrixRMaj reduced(Configuration c, State s) {
        int m = c.m();
        DMatrixRMaj a = s.predictor();
        DMatrixRMaj b = s.encoder();
        DMatrixRMaj btb = new DMatrixRMaj(c.n(), c.n());
        CommonOps_DDRM.multTransA(b, b, btb);
        DMatrixRMaj cxxBtb = new DMatrixRMaj(c.n(), c.n());
        CommonOps_DDRM.mult(c.cxx(), btb, cxxBtb);
        DMatrixRMaj aat = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransB(a, a, aat);
        DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);

        DMatrixRMaj l = CommonOps_DDRM.kron(CommonOps_DDRM.identity(m), cxxBtb, null);
        CommonOps_DDRM.scale(-c.alpha(), l);
        CommonOps_DDRM.subtractEquals(l, CommonOps_DDRM.kron(aat, c.cxx(), null));
        CommonOps_DDRM.addEquals(l, CommonOps_DDRM.kron(at, c.cxy(), null));
        return l;
    }

    /** @return {@code N_A} (mn×mn), the B-block of J at the collapsed SG point (A, 0) */
    public static DMatrixRMaj collapsed(Configuration c, DMatrixRMaj predictor) {
        DMatrixRMaj ata = new DMatrixRMaj(c.m(), c.m());
        CommonOps_DDRM.multTransA(predictor, predictor, ata);
        DMatrixRMaj at = CommonOps_DDRM.transpose(predictor, null);
        DMatrixRMaj na = CommonOps_DDRM.kron(ata, c.cxx(), null);
        CommonOps_DDRM.scale(-1.0, na);
        CommonOps_DDRM.addEquals(na, CommonOps_DDRM.kron(at, c.cxy(), null));
        return na;
    }
}
