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
    TIMED_OUT
}
