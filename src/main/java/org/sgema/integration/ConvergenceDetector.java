package org.sgema.integration;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.AbstractODEDetector;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventHandler;
import org.sgema.numerics.Matrices;

/**
 * Stops the integration at convergence to an equilibrium (theory notes, section 4):
 * <pre>
 *   g(θ) = ‖F(θ)‖ − tol·(1 + ‖θ‖)      stop when g crosses zero downwards
 * </pre>
 * {@code F} is read from the integrator's own derivative, so no extra field evaluation is made.
 */
final class ConvergenceDetector extends AbstractODEDetector<ConvergenceDetector> {
    private final double tolerance;

    ConvergenceDetector(double tolerance, double maxCheck) {
        this(AdaptableInterval.of(maxCheck), DEFAULT_MAX_ITER,
                new BracketingNthOrderBrentSolver(0, 1e-6, 0, 5), (s, d, increasing) -> Action.STOP, tolerance);
    }

    private ConvergenceDetector(AdaptableInterval maxCheck, int maxIter,
                                BracketedUnivariateSolver<UnivariateFunction> solver,
                                ODEEventHandler handler, double tolerance) {
        super(maxCheck, maxIter, solver, handler);
        this.tolerance = tolerance;
    }

    /** @return {@code g(θ) = ‖F(θ)‖ − tol·(1 + ‖θ‖)} */
    static double g(double[] theta, double[] derivative, double tolerance) {
        return g(Matrices.norm(derivative), Matrices.norm(theta), tolerance);
    }

    /** @return {@code g} from the norms ‖F(θ)‖ and ‖θ‖ */
    private static double g(double derivativeNorm, double stateNorm, double tolerance) {
        return derivativeNorm - tolerance * (1.0 + stateNorm);
    }

    /** The same {@code g}, on the norms a {@link StepState} carries (no copies of θ and F). */
    @Override
    public double g(ODEStateAndDerivative s) {
        return g(StepState.derivativeNorm(s), StepState.stateNorm(s), tolerance);
    }

    @Override
    protected ConvergenceDetector create(AdaptableInterval newMaxCheck, int newMaxIter,
                                         BracketedUnivariateSolver<UnivariateFunction> newSolver,
                                         ODEEventHandler newHandler) {
        return new ConvergenceDetector(newMaxCheck, newMaxIter, newSolver, newHandler, tolerance);
    }
}
