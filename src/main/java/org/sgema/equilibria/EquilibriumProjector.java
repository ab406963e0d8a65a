package org.sgema.equilibria;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.sgema.flows.VectorField;
import org.sgema.numerics.Lapack;
import org.sgema.numerics.Svd;
import org.sgema.numerics.Matrices;
import org.sgema.model.InvalidInputException;
import org.sgema.model.State;

/**
 * Projects a point near the equilibrium set onto it by Levenberg–Marquardt on {@code F(θ) = 0}
 * with the parameter {@code μ_k = ‖F(θ_k)‖²} (Yamashita and Fukushima 2001):
 * <pre>
 *   θ_{k+1} = θ_k − (JᵀJ + μ_k I)⁻¹ Jᵀ F = θ_k − Σ_i s_i/(s_i² + μ_k) (u_iᵀF) v_i
 * </pre>
 * Near a manifold of equilibria J is singular along the manifold; the damping keeps the step
 * from following the tiny singular values of those directions, the iterate moves (nearly)
 * normally onto the set, and convergence is quadratic under a local error bound.
 */
public final class EquilibriumProjector {
    private final int maxIterations;
    private final double tolerance;

    /**
     * Immutable, validated settings of the projector; configure with the {@code withX} copies.
     *
     * @param maxIterations Levenberg–Marquardt iteration cap, at least 1
     * @param tolerance stop when {@code ‖F‖ ≤ tolerance·(1 + ‖θ‖)}, positive
     */
    public record Settings(int maxIterations, double tolerance) {
        /** Validates every field, naming the offending one. */
        public Settings {
            if (maxIterations < 1) {
                throw new InvalidInputException("maxIterations", "must be at least 1, got " + maxIterations);
            }
            if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
                throw new InvalidInputException("tolerance", "must be a finite positive number, got " + tolerance);
            }
        }

        /** @return up to 30 iterations, stop when {@code ‖F‖ ≤ 1e-14 (1 + ‖θ‖)} */
        public static Settings defaults() {
            return new Settings(30, 1e-14);
        }

        /** @return a copy with another iteration cap */
        public Settings withMaxIterations(int k) {
            return new Settings(k, tolerance);
        }

        /** @return a copy with another tolerance */
        public Settings withTolerance(double t) {
            return new Settings(maxIterations, t);
        }
    }

    /** The projector with {@link Settings#defaults()}. */
    public EquilibriumProjector() {
        this(Settings.defaults());
    }

    /** @param settings validated settings */
    public EquilibriumProjector(Settings settings) {
        this.maxIterations = settings.maxIterations();
        this.tolerance = settings.tolerance();
    }

    /**
     * Result of a projection.
     *
     * @param state the projected point
     * @param residual {@code ‖F(θ)‖} at it
     * @param distance {@code ‖θ − θ_0‖}
     * @param iterations Levenberg–Marquardt iterations used
     * @param converged whether the tolerance was met
     */
    public record Projection(State state, double residual, double distance, int iterations, boolean converged) {
    }

    /** @return the projection of {@code start} onto {@code F = 0} */
    public Projection project(VectorField field, State start) {
        double[] theta = start.toArray();
        double[] theta0 = start.toArray();
        int n = theta.length;
        double[] f = new double[n];
        field.evaluate(theta, f);
        int it = 0;
        double res = Matrices.norm(f);
        double bestRes = res;
        double[] best = theta.clone();
        while (it < maxIterations && res > tolerance * (1 + Matrices.norm(theta))) {
            DMatrixRMaj j = field.jacobian(theta);
            double[] step = dampedStep(j, f);
            if (step == null) {
                break;
            }
            for (int i = 0; i < n; i++) {
                theta[i] -= step[i];
            }
            field.evaluate(theta, f);
            res = Matrices.norm(f);
            it++;
            if (!Double.isFinite(res)) {
                break;
            }
            if (res < bestRes) {
                bestRes = res;
                best = theta.clone();
            }
        }
        State s = State.fromArray(start.m(), start.n(), start.hasTarget(), best);
        return new Projection(s, bestRes, Matrices.distance(best, theta0), it,
                bestRes <= tolerance * (1 + Matrices.norm(best)) * 10);
    }

    /**
     * The damped minimal-norm step {@code V diag(s/(s² + ‖f‖²)) Uᵀ f} over the singular values
     * above {@code 1e-13 s_max} ({@code J = U diag(s) Vᵀ}); the SVD by the system's LAPACK from order
     * {@link Lapack#MIN_ORDER} on where there is one (at N = 2208 EJML's took about 30 s), by EJML
     * otherwise.
     */
    private static double[] dampedStep(DMatrixRMaj j, double[] f) {
        int n = j.numRows;
        DMatrixRMaj u;
        DMatrixRMaj vt;
        double[] s;
        Svd fast = Lapack.svd(j);
        if (fast != null) {
            u = fast.u();
            vt = fast.vt();
            s = fast.s();
        } else {
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, true, true, false);
            if (!svd.decompose(j.copy())) {
                return null;
            }
            u = svd.getU(null, false);
            vt = svd.getV(null, true);
            s = svd.getSingularValues();
        }
        double smax = 0;
        for (double x : s) {
            smax = Math.max(smax, x);
        }
        DMatrixRMaj fv = DMatrixRMaj.wrap(n, 1, f.clone());
        DMatrixRMaj utf = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.multTransA(u, fv, utf);
        double mu2 = 0;
        for (double x : f) {
            mu2 += x * x;
        }
        for (int i = 0; i < s.length; i++) {
            utf.data[i] = s[i] > 1e-13 * smax ? utf.data[i] * s[i] / (s[i] * s[i] + mu2) : 0.0;
        }
        DMatrixRMaj step = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.multTransA(vt, utf, step);
        return step.data;
    }
}
