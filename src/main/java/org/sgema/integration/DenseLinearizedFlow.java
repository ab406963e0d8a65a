package org.sgema.integration;

import org.ejml.data.DMatrixRMaj;
import org.sgema.flows.VectorField;
import org.sgema.numerics.LuFactorization;

/**
 * The flow as a {@link LinearizedEquation} with dense linear algebra: J is assembled column by
 * column from the analytic directional derivative (N products J·e_j) and {@code σI − J} is
 * LU-factorized once per shift σ ({@link LuFactorization}: EJML's factors, substitutions on the
 * Vector API's dot products); a rejected step with a new σ refactors, a new point re-assembles. Cost per step O(N · m n²) for J plus O(N³) for LU: the right choice for small N.
 * All workspaces are allocated once.
 *
 * <p>Used up to {@link #DENSE_LIMIT} unknowns; beyond, one dense LU per step (O(N³)) costs more
 * than the matrix-free solves of {@link KrylovLinearizedFlow}.</p>
 */
final class DenseLinearizedFlow extends FlowEquation implements LinearizedEquation {
    /** The largest state size solved with a dense LU. */
    static final int DENSE_LIMIT = 60;

    private final VectorField field;
    private final int n;
    private final DMatrixRMaj jacobian;
    private final DMatrixRMaj shifted;
    private final double[] unit;
    private final double[] column;
    private final LuFactorization lu;
    private double factoredSigma = Double.NaN;
    private long linearizations;
    private long factorizations;
    private long solves;

    DenseLinearizedFlow(VectorField field) {
        super(field);
        this.field = field;
        this.n = field.dimension();
        this.jacobian = new DMatrixRMaj(n, n);
        this.shifted = new DMatrixRMaj(n, n);
        this.unit = new double[n];
        this.column = new double[n];
        this.lu = new LuFactorization(n, LinearizedEquation.kernelsOf(field));
    }

    @Override
    public void linearize(double[] y) {
        for (int c = 0; c < n; c++) {
            unit[c] = 1.0;
            field.jacobianTimes(y, unit, column);
            unit[c] = 0.0;
            for (int r = 0; r < n; r++) {
                jacobian.data[r * n + c] = column[r];
            }
        }
        factoredSigma = Double.NaN;
        linearizations++;
    }

    @Override
    public boolean solve(double sigma, double[] b, double[] x) {
        if (sigma != factoredSigma) {
            for (int i = 0; i < n * n; i++) {
                shifted.data[i] = -jacobian.data[i];
            }
            for (int i = 0; i < n; i++) {
                shifted.data[i * n + i] += sigma;
            }
            factorizations++;
            if (!lu.factor(shifted)) {
                factoredSigma = Double.NaN;
                return false;
            }
            factoredSigma = sigma;
        }
        solves++;
        return lu.solve(b, x);
    }

    /**
     * Solves with the factorization made last, {@code x = (σ₀I − J₀)⁻¹ b} for the σ₀ and J₀ of
     * that factorization, whatever was linearized since (a frozen preconditioner).
     *
     * @return false if there is no factorization or the result is not finite
     */
    boolean solveFactored(double[] b, double[] x) {
        if (Double.isNaN(factoredSigma)) {
            return false;
        }
        solves++;
        return lu.solve(b, x);
    }

    /** @return whether a factorization is held ({@link #solveFactored} can be used) */
    boolean factored() {
        return !Double.isNaN(factoredSigma);
    }

    @Override
    public long linearizations() {
        return linearizations;
    }

    @Override
    public long factorizations() {
        return factorizations;
    }

    /**
     * {@code linearizations · N · P} (J column by column, P = {@link VectorField#flopsPerJacobianProduct()},
     * about twice an evaluation of F) {@code + factorizations · (2/3)N³ + solves · 2N²}.
     */
    @Override
    public double linearAlgebraFlops() {
        double nn = n;
        return linearizations * nn * field.flopsPerJacobianProduct() + factorizations * 2.0 / 3 * nn * nn * nn
                + solves * 2.0 * nn * nn;
    }
}
