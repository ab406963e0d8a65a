package org.sgema.integration;

import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.sgema.numerics.DenseKernels;

/**
 * A problem {@code y' = f(y)} that can also solve the shifted linear systems of implicit and
 * linearly implicit methods with its Jacobian:
 * <pre>
 *   linearize(y):        fix J = ∂f/∂y at y for the following solves
 *   solve(σ, b, x):      x = (σ I − J)⁻¹ b
 * </pre>
 * How the system is solved (dense LU, structured, Krylov) is the problem's business, as a
 * Hipparchus problem owns its derivative; the integrator only asks.
 */
public interface LinearizedEquation extends OrdinaryDifferentialEquation {

    /** Fixes the Jacobian at {@code y} (not modified) for the following {@link #solve} calls. */
    void linearize(double[] y);

    /**
     * Solves {@code (σ I − J) x = b} with the Jacobian of the last {@link #linearize}.
     *
     * @param sigma the shift σ &gt; 0 (1/(hγ) for a Rosenbrock method)
     * @param b right-hand side (not modified)
     * @param x solution (modified)
     * @return false if the matrix is numerically singular
     */
    boolean solve(double sigma, double[] b, double[] x);

    /** @return how many Jacobians were formed (or linearizations made) */
    long linearizations();

    /** @return how many factorizations (or preconditioner set-ups) were made */
    long factorizations();

    /**
     * @return floating-point operations spent so far by {@link #linearize} and {@link #solve}
     *     (matrix–vector products, factorizations, orthogonalizations), estimated from their
     *     counts; with the field's evaluations it prices a stiff step for the switching test
     */
    double linearAlgebraFlops();

    /**
     * @param field the field whose systems are solved
     * @return the dense kernels of its solves' dot products: the field's own for a moment field
     *     (the Vector API kernels of every claim and of the default fields, as before; a short
     *     command's plain loops until they switch, so that its first stiff steps do not run the
     *     Vector API before the JIT has compiled it, see {@code DenseKernels.forShortRun}), else
     *     {@link DenseKernels#best()}
     */
    static DenseKernels kernelsOf(org.sgema.flows.VectorField field) {
        return field instanceof org.sgema.flows.MomentField moments ? moments.kernels() : DenseKernels.best();
    }

    /**
     * @param field a field (its workspaces are used; not thread-safe)
     * @return the flow θ̇ = F(θ) with a dense LU of σI − J per step (J from N products J·v): the
     *     stiff method's linear algebra for small N, up to a few hundred unknowns
     */
    static LinearizedEquation dense(org.sgema.flows.VectorField field) {
        return new DenseLinearizedFlow(field);
    }
}
