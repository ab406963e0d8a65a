package org.sgema.integration;

import org.sgema.flows.VectorField;

/**
 * The flow with its variational equation, for the stiff method: the state
 * {@code z = (y, Φ)} (Φ row-major, N + N² components) and
 * <pre>
 *   ẏ = F(y),   Φ̇ = J(y) Φ,   Φ(0) = I   so Φ(t) = ∂φ_t/∂y₀
 * </pre>
 * as a {@link LinearizedEquation}. The Jacobian of this system is block lower triangular,
 * <pre>
 *   ∂ż/∂z · (u, V) = (J u,  D(u)Φ + J V),   D(u)Φ = d/dε J(y + εu)Φ |₀ = F''(y)[u, Φ]
 * </pre>
 * so {@code (σI − ∂ż/∂z)(u, V) = (b_y, B)} is solved by one LU of σI − J(y) (N × N, per shift):
 * <pre>
 *   (σI − J) u = b_y,     (σI − J) V_c = B_c + D(u)Φ_c     (each column c of Φ)
 * </pre>
 * with {@code D(u)Φ_c = (J(y + δu)Φ_c − J(y − δu)Φ_c)/(2δ)}, δ‖u‖ = 1e-3(1 + ‖y‖): exact up to
 * rounding for the fields of this project, whose J·v is quadratic in y (F is a cubic polynomial),
 * and second-order accurate otherwise. The Rosenbrock method then sees the exact Jacobian of the
 * augmented system, so it keeps its order and its error estimate (with the block-diagonal
 * Jacobian, dropping D, it would be a W-method, which RODAS is not). Cost per solve: N + 1
 * triangular solves and 2N products J·v; per right-hand side: F and N products J·v.
 * Workspaces are allocated once.
 */
public final class VariationalEquation implements LinearizedEquation {
    private final VectorField field;
    private final int n;
    /** J(y) and the LU of σI − J(y) at the linearization point (the state block of the solve) */
    private final DenseLinearizedFlow stateBlock;
    /** the state of the right-hand side being evaluated */
    private final double[] y;
    /** y and Φ of the last {@link #linearize}: the solves use these, whatever was evaluated since */
    private final double[] point;
    private final double[] phi;
    private final double[] column;
    private final double[] out;
    private final double[] plus;
    private final double[] minus;
    private final double[] jPlus;
    private final double[] jMinus;
    private long solves;

    /** @param field the flow's field (its workspaces are used; not thread-safe) */
    public VariationalEquation(VectorField field) {
        this.field = field;
        this.n = field.dimension();
        this.stateBlock = new DenseLinearizedFlow(field);
        this.y = new double[n];
        this.point = new double[n];
        this.phi = new double[n * n];
        this.column = new double[n];
        this.out = new double[n];
        this.plus = new double[n];
        this.minus = new double[n];
        this.jPlus = new double[n];
        this.jMinus = new double[n];
    }

    /**
     * @param y0 the initial state (not modified)
     * @return {@code z₀ = (y₀, I)}
     */
    public static double[] initial(double[] y0) {
        int n = y0.length;
        double[] z = new double[n + n * n];
        System.arraycopy(y0, 0, z, 0, n);
        for (int i = 0; i < n; i++) {
            z[n + i * n + i] = 1;
        }
        return z;
    }

    @Override
    public int getDimension() {
        return n + n * n;
    }

    /** {@code ż = (F(y), J(y)Φ)}, Φ column by column; a fresh array (Hipparchus keeps it as a stage). */
    @Override
    public double[] computeDerivatives(double t, double[] z) {
        double[] dz = new double[n + n * n];
        System.arraycopy(z, 0, y, 0, n);
        field.evaluate(y, out);
        System.arraycopy(out, 0, dz, 0, n);
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < n; r++) {
                column[r] = z[n + r * n + c];
            }
            field.jacobianTimes(y, column, out);
            for (int r = 0; r < n; r++) {
                dz[n + r * n + c] = out[r];
            }
        }
        for (double v : dz) {
            if (!Double.isFinite(v)) {
                throw new FlowEquation.NonFiniteStateException(t);
            }
        }
        return dz;
    }

    /** Fixes y and Φ of z and assembles J(y) from N products J·e_j. */
    @Override
    public void linearize(double[] z) {
        System.arraycopy(z, 0, point, 0, n);
        System.arraycopy(z, n, phi, 0, n * n);
        stateBlock.linearize(point);
    }

    /** Solves {@code (σI − ∂ż/∂z)x = b} by block forward substitution (see the class comment). */
    @Override
    public boolean solve(double sigma, double[] b, double[] x) {
        // u = x[0..n) from the state block (it reads b[0..n) and writes x[0..n) only)
        if (!stateBlock.solve(sigma, b, x)) {
            return false;
        }
        // the points y ± δu at which D(u)Φ is differenced
        double normU = 0;
        double normY = 0;
        for (int i = 0; i < n; i++) {
            normU += x[i] * x[i];
            normY += point[i] * point[i];
        }
        normU = Math.sqrt(normU);
        double delta = normU > 0 ? 1e-3 * (1 + Math.sqrt(normY)) / normU : 0;
        for (int i = 0; i < n; i++) {
            plus[i] = point[i] + delta * x[i];
            minus[i] = point[i] - delta * x[i];
        }
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < n; r++) {
                column[r] = phi[r * n + c];
            }
            if (delta > 0) {
                field.jacobianTimes(plus, column, jPlus);
                field.jacobianTimes(minus, column, jMinus);
            }
            for (int r = 0; r < n; r++) {
                double d = delta > 0 ? (jPlus[r] - jMinus[r]) / (2 * delta) : 0;
                column[r] = b[n + r * n + c] + d;
            }
            // same σ: the state block's factorization is reused
            if (!stateBlock.solve(sigma, column, out)) {
                return false;
            }
            for (int r = 0; r < n; r++) {
                x[n + r * n + c] = out[r];
            }
        }
        solves++;
        return true;
    }

    @Override
    public long linearizations() {
        return stateBlock.linearizations();
    }

    @Override
    public long factorizations() {
        return stateBlock.factorizations();
    }

    /**
     * The state block's flops ({@link DenseLinearizedFlow#linearAlgebraFlops}: J, its LUs and the
     * N + 1 triangular solves of each solve) {@code + solves · 2N·P} (the products J·v of D(u)Φ, P = {@link VectorField#flopsPerJacobianProduct()}).
     */
    @Override
    public double linearAlgebraFlops() {
        return stateBlock.linearAlgebraFlops() + solves * 2.0 * n * field.flopsPerJacobianProduct();
    }
}
