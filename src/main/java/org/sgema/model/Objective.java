package org.sgema.model;

import org.sgema.numerics.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The non-contrastive objective and its gradients (theory notes, sections 1 and 2):
 * <pre>
 *   E0(A,B) = ½ E‖ABx − By‖² = ½ tr(AB Cxx BᵀAᵀ) − tr(AB Cxy Bᵀ) + ½ tr(B Cyy Bᵀ)
 *   Eλ(A,B) = E0 + (λ/2)(‖A‖²/α + ‖B‖²)
 *   R       = A B Cxx − B Cyx                      (residual cross-moment, B̄ = B)
 *   ∇_A E0  = R Bᵀ
 *   ∇_B E0  = AᵀR + (B Cyy − A B Cxy)
 * </pre>
 * Allocates; meant for checks and reports, not for the integrator's hot loop.
 */
public final class Objective {
    private Objective() {
    }

    /** @return {@code E0(A, B)} for the state's A and B (a target, if any, is ignored) */
    public static double e0(Configuration c, State s) {
        DMatrixRMaj a = s.predictor();
        DMatrixRMaj b = s.encoder();
        DMatrixRMaj ab = new DMatrixRMaj(c.m(), c.n());
        CommonOps_DDRM.mult(a, b, ab);
        return 0.5 * traceOfProduct(ab, c.cxx(), ab)
                - traceOfProduct(ab, c.cxy(), b)
                + 0.5 * traceOfProduct(b, c.cyy(), b);
    }

    /** @return {@code Eλ = E0 + (λ/2)(‖A‖²/α + ‖B‖²)} */
    public static double eLambda(Configuration c, State s) {
        double na = Matrices.norm(s.predictor());
        double nb = Matrices.norm(s.encoder());
        return e0(c, s) + 0.5 * c.lambda() * (na * na / c.alpha() + nb * nb);
    }

    /** @return {@code tr(X C Yᵀ)} */
    private static double traceOfProduct(DMatrixRMaj x, DMatrixRMaj cMat, DMatrixRMaj y) {
        DMatrixRMaj xc = new DMatrixRMaj(x.numRows, cMat.numCols);
        CommonOps_DDRM.mult(x, cMat, xc);
        return CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(xc, y, null));
    }

    /** @return the residual {@code R = A B Cxx − B̄ Cyx} (B̄ = B for states without target) */
    public static DMatrixRMaj residual(Configuration c, State s) {
        DMatrixRMaj ab = new DMatrixRMaj(c.m(), c.n());
        CommonOps_DDRM.mult(s.predictor(), s.encoder(), ab);
        DMatrixRMaj r = new DMatrixRMaj(c.m(), c.n());
        CommonOps_DDRM.mult(ab, c.cxx(), r);
        DMatrixRMaj t = new DMatrixRMaj(c.m(), c.n());
        CommonOps_DDRM.mult(s.target(), c.cyx(), t);
        CommonOps_DDRM.subtractEquals(r, t);
        return r;
    }

    /** @return {@code ∇_A E0 = R Bᵀ} (m×m) */
    public static DMatrixRMaj gradientPredictor(Configuration c, State s) {
        DMatrixRMaj g = new DMatrixRMaj(c.m(), c.m());
        CommonOps_DDRM.multTransB(residual(c, s.withoutTargetIfAny()), s.encoder(), g);
        return g;
    }

    /** @return {@code ∇_B E0 = AᵀR + (B Cyy − A B Cxy)} (m×n) */
    public static DMatrixRMaj gradientEncoder(Configuration c, State s) {
        DMatrixRMaj a = s.predictor();
        DMatrixRMaj b = s.encoder();
        DMatrixRMaj g = new DMatrixRMaj(c.m(), c.n());
        CommonOps_DDRM.multTransA(a, residual(c, s.withoutTargetIfAny()), g);
        CommonOps_DDRM.addEquals(g, targetBranch(c, s));
        return g;
    }

    /**
     * @return the target-branch term {@code B Cyy − A B Cxy} that stop-gradient drops from
     *     {@code ∇_B E0}
     */
    public static DMatrixRMaj targetBranch(Configuration c, State s) {
        DMatrixRMaj a = s.predictor();
        DMatrixRMaj b = s.encoder();
        DMatrixRMaj out = new DMatrixRMaj(c.m(), c.n());
        CommonOps_DDRM.mult(b, c.cyy(), out);
        DMatrixRMaj ab = new DMatrixRMaj(c.m(), c.n());
        CommonOps_DDRM.mult(a, b, ab);
        DMatrixRMaj abCxy = new DMatrixRMaj(c.m(), c.n());
        CommonOps_DDRM.mult(ab, c.cxy(), abCxy);
        CommonOps_DDRM.subtractEquals(out, abCxy);
        return out;
    }
}
