package org.sgema.flows;

import org.ejml.data.DMatrixRMaj;
import org.sgema.model.Configuration;
import org.sgema.model.State;

/**
 * An autonomous vector field {@code θ̇ = F(θ)} on the flattened state of {@link State}.
 *
 * <p>Implementations keep private workspaces: an instance is not thread-safe, and
 * {@link #evaluate} and {@link #jacobianTimes} allocate nothing. Use {@link #copy()} for
 * another thread.</p>
 */
public interface VectorField {

    /** @return the flow this field implements */
    Flow flow();

    /** @return the configuration it was built for */
    Configuration configuration();

    /** @return the state size N */
    int dimension();

    /**
     * Computes {@code out = F(θ)}.
     *
     * @param theta state, length N (not modified)
     * @param out derivative, length N (modified)
     */
    void evaluate(double[] theta, double[] out);

    /**
     * Computes the directional derivative {@code out = J(θ) v = d/dε F(θ + εv)|₀}, analytically.
     *
     * @param theta state, length N (not modified)
     * @param v direction, length N (not modified)
     * @param out result, length N (modified)
     */
    void jacobianTimes(double[] theta, double[] v, double[] out);

    /**
     * @return floating-point operations of one {@link #evaluate}, the unit of the integrators'
     *     cost model (switching between explicit and stiff methods); the default, {@code 2N²},
     *     is that of a dense matrix–vector product
     */
    default double flopsPerEvaluation() {
        return 2.0 * dimension() * dimension();
    }

    /**
     * @return floating-point operations of one {@link #jacobianTimes} (or
     *     {@link #jacobianTimesAtLinearization}); the default, {@code 2·}{@link #flopsPerEvaluation()},
     *     is that of a field whose directional derivative costs about two evaluations
     */
    default double flopsPerJacobianProduct() {
        return 2 * flopsPerEvaluation();
    }

    /**
     * Fixes θ for the following {@link #jacobianTimesAtLinearization} calls (a Krylov solve makes
     * hundreds of products J(θ)·v at one θ), so that θ's own products are computed once.
     *
     * @param theta state, length N (not modified, not retained)
     * @return whether the field supports it; the default does not (use {@link #jacobianTimes})
     */
    default boolean linearizeAt(double[] theta) {
        return false;
    }

    /**
     * {@code out = J(θ) v} at the θ of the last {@link #linearizeAt}; evaluations of the field in
     * between do not change θ.
     *
     * @param v direction, length N (not modified)
     * @param out result, length N (modified)
     * @throws UnsupportedOperationException if the field does not support linearization
     */
    default void jacobianTimesAtLinearization(double[] v, double[] out) {
        throw new UnsupportedOperationException("this field has no linearizeAt: use jacobianTimes");
    }

    /** @return a new field of the same kind with its own workspaces */
    VectorField copy();

    /** @return {@code F(θ)} as a new array */
    default double[] evaluate(double[] theta) {
        double[] out = new double[dimension()];
        evaluate(theta, out);
        return out;
    }

    /** @return {@code F} at a state */
    default double[] evaluate(State state) {
        return evaluate(state.toArray());
    }

    /**
     * The analytic Jacobian {@code J_ij = ∂F_i/∂θ_j} (N×N), assembled column by column from
     * {@link #jacobianTimes} on the unit vectors.
     */
    default DMatrixRMaj jacobian(double[] theta) {
        return columns(dimension(), (v, out) -> jacobianTimes(theta, v, out));
    }

    /**
     * The N×N matrix whose column c is {@code product(e_c)}: {@code J_rc = (J e_c)_r}.
     *
     * @param n N
     * @param product {@code (v, out) -> out = J v}
     */
    static DMatrixRMaj columns(int n, java.util.function.BiConsumer<double[], double[]> product) {
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        double[] e = new double[n];
        double[] col = new double[n];
        for (int c = 0; c < n; c++) {
            e[c] = 1.0;
            product.accept(e, col);
            e[c] = 0.0;
            for (int r = 0; r < n; r++) {
                j.data[r * n + c] = col[r];
            }
        }
        return j;
    }
}
