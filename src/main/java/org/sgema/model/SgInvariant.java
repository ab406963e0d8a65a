package org.sgema.model;

import org.sgema.numerics.Matrices;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The stop-gradient invariant [T4]:
 * <pre>
 *   Δ(A, B) = AᵀA − α B Bᵀ            (m×m)
 *   along SG:  Δ(t) = e^{−2λt} Δ(0)   exactly
 * </pre>
 */
public final class SgInvariant {
    private SgInvariant() {
    }

    /** @return {@code Δ = AᵀA − α B Bᵀ} at the state's A and B */
    public static DMatrixRMaj delta(double alpha, State s) {
        DMatrixRMaj a = s.predictor();
        DMatrixRMaj b = s.encoder();
        DMatrixRMaj d = new DMatrixRMaj(s.m(), s.m());
        CommonOps_DDRM.multTransA(a, a, d);
        DMatrixRMaj bbt = new DMatrixRMaj(s.m(), s.m());
        CommonOps_DDRM.multTransB(b, b, bbt);
        CommonOps_DDRM.addEquals(d, -alpha, bbt);
        return d;
    }

    /**
     * Relative drift of the invariant at time t:
     * <pre>‖Δ(t) − e^{−2λt} Δ(0)‖ / (‖A(t)‖² + α‖B(t)‖² + e^{−2λt}‖Δ(0)‖ + floor·‖θ(t)‖)</pre>
     * The first terms are the scale of what cancels (round-off gives ~1e-16). The floor term
     * keeps an integrator's absolute error (about {@code atol·‖θ‖} on Δ) from faking a drift
     * once the state decays towards 0 (theory notes, section 4); pass {@code floor = 0} for
     * exact states and about {@code 1e6·atol} for integrated ones.
     */
    public static double relativeDrift(double alpha, double lambda, State initial, double t, State current,
                                       double floor) {
        DMatrixRMaj d0 = delta(alpha, initial);
        DMatrixRMaj dt = delta(alpha, current);
        double decay = Math.exp(-2.0 * lambda * t);
        double scale = Math.pow(Matrices.norm(current.predictor()), 2)
                + alpha * Math.pow(Matrices.norm(current.encoder()), 2)
                + decay * Matrices.norm(d0) + floor * Matrices.norm(current.toArray());
        CommonOps_DDRM.addEquals(dt, -decay, d0);
        return scale == 0.0 ? 0.0 : Matrices.norm(dt) / scale;
    }
}
