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
 * Stops the integration at the run's wall-clock cap, as an event rather than an exception.
 * While the deadline has not passed, {@code g = +1} and the detector remembers the latest time
 * it saw, {@code t_last}; afterwards {@code g(t) = +1} for {@code t ≤ t_last} and {@code −1}
 * beyond, a step in t that the event solver locates at {@code t_last}: the run stops at the
 * last state reached in time.
 */
final class WallClockDetector extends AbstractODEDetector<WallClockDetector> {
    private final long deadlineNanos;
    private double lastTimeInTime = Double.NEGATIVE_INFINITY;

    WallClockDetector(long wallClockMillis, double maxCheck) {
        this(AdaptableInterval.of(maxCheck), DEFAULT_MAX_ITER, new BracketingNthOrderBrentSolver(0, 1e-6, 0, 5),
                (s, d, increasing) -> Action.STOP, System.nanoTime() + wallClockMillis * 1_000_000L);
    }

    private WallClockDetector(AdaptableInterval maxCheck, int maxIter,
                              BracketedUnivariateSolver<UnivariateFunction> solver, ODEEventHandler handler,
                              long deadlineNanos) {
        super(maxCheck, maxIter, solver, handler);
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public double g(ODEStateAndDerivative s) {
        if (System.nanoTime() <= deadlineNanos) {
            lastTimeInTime = Math.max(lastTimeInTime, s.getTime());
            return 1.0;
        }
        return s.getTime() <= lastTimeInTime ? 1.0 : -1.0;
    }

    @Override
    protected WallClockDetector create(AdaptableInterval newMaxCheck, int newMaxIter,
                                       BracketedUnivariateSolver<UnivariateFunction> newSolver,
                                       ODEEventHandler newHandler) {
        return new WallClockDetector(newMaxCheck, newMaxIter, newSolver, newHandler, deadlineNanos);
    }
}
