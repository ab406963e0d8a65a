package org.sgema.integration;

import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.sgema.flows.VectorField;

/**
 * Hipparchus adapter: the problem {@code θ̇ = F(θ)} of a {@link VectorField}.
 *
 * <p>Hipparchus keeps each returned derivative array as a Runge–Kutta stage, so the contract
 * of {@link #computeDerivatives(double, double[])} demands a fresh array; the field evaluation
 * itself allocates nothing, and so does {@link #computeDerivatives(double, double[], double[])}.</p>
 */
class FlowEquation implements OrdinaryDifferentialEquation {
    private final VectorField field;

    FlowEquation(VectorField field) {
        this.field = field;
    }

    @Override
    public int getDimension() {
        return field.dimension();
    }

    @Override
    public final double[] computeDerivatives(double t, double[] theta) {
        double[] out = new double[theta.length];
        computeDerivatives(t, theta, out);
        return out;
    }

    /**
     * {@code out = F(θ)} into the caller's array, for an integrator that keeps its stages in
     * arrays of its own ({@link Dop853Integrator#reuseStageArrays}, RODAS' stages); allocates
     * nothing. Both forms are final, so that the two always compute the same.
     *
     * @throws NonFiniteStateException if an entry is not finite
     */
    final void computeDerivatives(double t, double[] theta, double[] out) {
        field.evaluate(theta, out);
        for (double v : out) {
            if (!Double.isFinite(v)) {
                throw new NonFiniteStateException(t);
            }
        }
    }

    /**
     * Raised when the derivative stops being finite; the run ends as DIVERGED. An arithmetic
     * failure, so callers that integrate by themselves (e.g. the orbit search) catch it as one;
     * without a stack trace, as a control-flow signal.
     */
    static final class NonFiniteStateException extends ArithmeticException {
        private static final long serialVersionUID = 1L;

        NonFiniteStateException(double t) {
            super("non-finite derivative at t = " + t);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
