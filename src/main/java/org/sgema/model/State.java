package org.sgema.model;

import org.sgema.numerics.Matrices;
import java.util.Arrays;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * An immutable parameter point: predictor {@code A} (m×m), online encoder {@code B} (m×n) and,
 * for EMA, target encoder {@code B̄} (m×n).
 *
 * <p><b>Flattening order</b> (used by every vector field, Jacobian and integrator):
 * <pre>
 *   θ = [ vec(A), vec(B), vec(B̄) ]     vec = row-major
 *   θ[i·m + j]             = A_ij
 *   θ[m² + i·n + j]        = B_ij
 *   θ[m² + m·n + i·n + j]  = B̄_ij     (EMA only)
 * </pre>
 * so {@code N = m² + m·n} for GD and SG and {@code N = m² + 2·m·n} for EMA.</p>
 */
public final class State {
    private final int m;
    private final int n;
    private final boolean hasTarget;
    private final double[] theta;

    private State(int m, int n, boolean hasTarget, double[] theta) {
        this.m = m;
        this.n = n;
        this.hasTarget = hasTarget;
        this.theta = theta;
    }

    /** @return the state (A, B) of GD or SG (matrices not modified) */
    public static State of(DMatrixRMaj predictor, DMatrixRMaj encoder) {
        int m = encoder.numRows;
        Validation.requireShape("A", predictor, m, m);
        Validation.requireFinite("A", predictor);
        Validation.requireFinite("B", encoder);
        double[] theta = new double[m * m + encoder.data.length];
        System.arraycopy(predictor.data, 0, theta, 0, m * m);
        System.arraycopy(encoder.data, 0, theta, m * m, encoder.getNumElements());
        return new State(m, encoder.numCols, false, theta);
    }

    /** @return the EMA state (A, B, B̄) (matrices not modified) */
    public static State of(DMatrixRMaj predictor, DMatrixRMaj encoder, DMatrixRMaj target) {
        int m = encoder.numRows;
        int n = encoder.numCols;
        Validation.requireShape("A", predictor, m, m);
        Validation.requireShape("Bbar", target, m, n);
        Validation.requireFinite("A", predictor);
        Validation.requireFinite("B", encoder);
        Validation.requireFinite("Bbar", target);
        double[] theta = new double[m * m + 2 * m * n];
        System.arraycopy(predictor.data, 0, theta, 0, m * m);
        System.arraycopy(encoder.data, 0, theta, m * m, m * n);
        System.arraycopy(target.data, 0, theta, m * m + m * n, m * n);
        return new State(m, n, true, theta);
    }

    /**
     * @param theta flattened state in the documented order (copied)
     * @return the state it encodes
     */
    public static State fromArray(int m, int n, boolean hasTarget, double[] theta) {
        int size = size(m, n, hasTarget);
        if (theta.length != size) {
            throw new InvalidInputException("theta", String.format(Locale.ROOT,
                    "has length %d, expected %d for m=%d, n=%d%s", theta.length, size, m, n,
                    hasTarget ? " with target" : ""));
        }
        return new State(m, n, hasTarget, theta.clone());
    }

    /** @return the state size {@code m² + m·n (+ m·n with target)} */
    public static int size(int m, int n, boolean hasTarget) {
        return m * m + (hasTarget ? 2 : 1) * m * n;
    }

    /**
     * @param q an orthogonal m×m matrix
     * @return {@code (QAQᵀ, QB, QB̄)}, the O(m) action under which the fields are equivariant [T5]
     */
    public State rotated(DMatrixRMaj q) {
        int m = m();
        DMatrixRMaj qa = new DMatrixRMaj(m, m);
        CommonOps_DDRM.mult(q, predictor(), qa);
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransB(qa, q, a);
        DMatrixRMaj b = new DMatrixRMaj(m, n());
        CommonOps_DDRM.mult(q, encoder(), b);
        if (!hasTarget) {
            return State.of(a, b);
        }
        DMatrixRMaj t = new DMatrixRMaj(m, n());
        CommonOps_DDRM.mult(q, target(), t);
        return State.of(a, b, t);
    }

    /** @return this state with {@code B̄ = B} appended (the EMA state of an SG point) */
    public State withTargetEqualToEncoder() {
        return of(predictor(), encoder(), encoder());
    }

    /** @return this state without its target (the SG state of an EMA point) */
    public State withoutTarget() {
        return of(predictor(), encoder());
    }

    /** @return this state without its target, or this state itself if it has none */
    public State withoutTargetIfAny() {
        return hasTarget ? withoutTarget() : this;
    }

    /** @return representation dimension m */
    public int m() {
        return m;
    }

    /** @return input dimension n */
    public int n() {
        return n;
    }

    /** @return true if the state carries a target encoder B̄ */
    public boolean hasTarget() {
        return hasTarget;
    }

    /** @return a copy of the flattened state θ */
    public double[] toArray() {
        return theta.clone();
    }

    /** @return the state size N */
    public int size() {
        return theta.length;
    }

    /** @return a copy of the predictor A */
    public DMatrixRMaj predictor() {
        return block(0, m, m);
    }

    /** @return a copy of the online encoder B */
    public DMatrixRMaj encoder() {
        return block(m * m, m, n);
    }

    /** @return a copy of the target encoder B̄ (B itself when the state has no target) */
    public DMatrixRMaj target() {
        return hasTarget ? block(m * m + m * n, m, n) : encoder();
    }

    private DMatrixRMaj block(int offset, int rows, int cols) {
        DMatrixRMaj out = new DMatrixRMaj(rows, cols);
        System.arraycopy(theta, offset, out.data, 0, rows * cols);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof State s && s.m == m && s.n == n && s.hasTarget == hasTarget
                && Arrays.equals(s.theta, theta);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(theta) * 31 + m;
    }

    @Override
    public String toString() {
        return "State[A=" + Matrices.compact(predictor()) + ", B=" + Matrices.compact(encoder())
                + (hasTarget ? ", Bbar=" + Matrices.compact(target()) : "") + "]";
    }
}
