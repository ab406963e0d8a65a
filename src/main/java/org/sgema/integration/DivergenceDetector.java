package org.sgema.integration;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.AbstractODEDetector;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * Stops the integration when the state blows up: {@code g(θ) = limit − ‖θ‖} crosses zero.
 */
final class DivergenceDetector extends AbstractODEDetector<DivergenceDetector> {
    private final double limit;

    DivergenceDetector(double limit, double maxCheck) {
        this(AdaptableInterval.of(maxCheck), DEFAULT_MAX_ITER,
                new BracketingNthOrderBrentSolver(0, 1e-6, 0, 5), (s, d, increasing) -> Action.STOP, limit);
    }

    private DivergenceDetector(AdaptableInterval maxCheck, int maxIter,
                               BracketedUnivariateSolver<UnivariateFunction> solver,
                               ODEEventHandler handler, double limit) {
        super(maxCheck, maxIter, solver, handler);
        this.limit = limit;
    }

    @Override
    public double g(ODEStateAndDerivative s) {
        return limit - StepState.stateNorm(s);
    }

    @Override
    protected DivergenceDetector create(AdaptableInterval newMaxCheck, int newMaxIter,
                                        BracketedUnivariateSolver<UnivariateFunction> newSolver,
                                        ODEEventHandler newHandler) {
        return new DivergenceDetector(newMaxCheck, newMaxIter, newSolver, newHandler, limit);
    }
}
