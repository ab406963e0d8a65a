package org.sgema.integration;

/** How an integration run ended. Every run ends with exactly one of these. */
public enum Outcome {
    /** {@code ‖F(θ)‖ ≤ tol·(1 + ‖θ‖)} was reached. */
    CONVERGED,
    /** The horizon {@code tMax} was reached before convergence. */
    HORIZON_REACHED,
    /** {@code ‖θ‖} exceeded the divergence limit or a value became non-finite. */
    DIVERGED,
    /** The integrator gave up (step size underflow, evaluation budget exhausted, ...). */
    INTEGRATOR_FAILED,
    /** The run's wall-clock cap was reached. */
    TIMED_OUT;

    /**
     * @return whether the run was stopped by one of its budgets of time, the horizon or the wall
     *     clock, with nothing gone wrong: what its tail shows does not depend on which of the two
     *     stopped it (a wall-clock stop is a horizon set by the machine's speed)
     */
    public boolean stoppedOnTime() {
        return this == HORIZON_REACHED || this == TIMED_OUT;
    }
}
