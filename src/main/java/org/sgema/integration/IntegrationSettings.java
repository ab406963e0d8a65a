package org.sgema.integration;

import org.sgema.model.InvalidInputException;

/**
 * Immutable settings of one integration run. Configure with the {@code withX} methods.
 *
 * @param relativeTolerance Dormand–Prince relative tolerance
 * @param absoluteTolerance Dormand–Prince absolute tolerance
 * @param horizon the largest time {@code tMax} to integrate to
 * @param convergenceTolerance stop when {@code ‖F(θ)‖ ≤ tol·(1 + ‖θ‖)}
 * @param divergenceLimit stop as DIVERGED when {@code ‖θ‖} exceeds it
 * @param maxEvaluations budget of right-hand-side evaluations
 * @param wallClockMillis wall-clock cap of the run
 * @param maxRecordedSteps the trajectory keeps at most about this many points (thinned evenly)
 * @param method which integrator runs (explicit, stiff, or auto-switching)
 * @param eigenbasis whether a moment field with n ≥ 16 runs in the eigenbasis of Cxx (see
 *     {@link org.sgema.flows.Eigenbasis}; the trajectory comes back in the given basis)
 */
public record IntegrationSettings(double relativeTolerance, double absoluteTolerance, double horizon,
                                  double convergenceTolerance, double divergenceLimit,
                                  int maxEvaluations, long wallClockMillis, int maxRecordedSteps, Method method,
                                  boolean eigenbasis) {

    /** Settings with the {@link Method#AUTO} method. */
    public IntegrationSettings(double relativeTolerance, double absoluteTolerance, double horizon,
                               double convergenceTolerance, double divergenceLimit,
                               int maxEvaluations, long wallClockMillis, int maxRecordedSteps) {
        this(relativeTolerance, absoluteTolerance, horizon, convergenceTolerance, divergenceLimit, maxEvaluations,
                wallClockMillis, maxRecordedSteps, Method.AUTO, true);
    }

    /** Defaults: rtol 1e-10, atol 1e-12, horizon 1e4, convergence 1e-10, divergence 1e8, 60 s, auto method. */
    public static IntegrationSettings defaults() {
        return new IntegrationSettings(1e-10, 1e-12, 1e4, 1e-10, 1e8, 20_000_000, 60_000, 4000);
    }

    /** Validates every field, naming the offending one. */
    public IntegrationSettings {
        positive("relativeTolerance", relativeTolerance);
        positive("absoluteTolerance", absoluteTolerance);
        positive("horizon", horizon);
        positive("convergenceTolerance", convergenceTolerance);
        positive("divergenceLimit", divergenceLimit);
        positive("maxEvaluations", maxEvaluations);
        positive("wallClockMillis", wallClockMillis);
        if (method == null) {
            throw new InvalidInputException("method", "is missing (explicit, stiff or auto)");
        }
        if (maxRecordedSteps < 2) {
            throw new InvalidInputException("maxRecordedSteps", "must be ≥ 2, got " + maxRecordedSteps);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidInputException(name, "must be finite and > 0, got " + v);
        }
    }

    /** @return a copy with these Dormand–Prince tolerances */
    public IntegrationSettings withTolerances(double rtol, double atol) {
        return new IntegrationSettings(rtol, atol, horizon, convergenceTolerance, divergenceLimit,
                maxEvaluations, wallClockMillis, maxRecordedSteps, method, eigenbasis);
    }

    /** @return a copy with horizon {@code tMax} */
    public IntegrationSettings withHorizon(double tMax) {
        return new IntegrationSettings(relativeTolerance, absoluteTolerance, tMax, convergenceTolerance,
                divergenceLimit, maxEvaluations, wallClockMillis, maxRecordedSteps, method, eigenbasis);
    }

    /** @return a copy with convergence tolerance {@code tol} */
    public IntegrationSettings withConvergenceTolerance(double tol) {
        return new IntegrationSettings(relativeTolerance, absoluteTolerance, horizon, tol,
                divergenceLimit, maxEvaluations, wallClockMillis, maxRecordedSteps, method, eigenbasis);
    }

    /** @return a copy with this wall-clock cap */
    public IntegrationSettings withWallClockMillis(long millis) {
        return new IntegrationSettings(relativeTolerance, absoluteTolerance, horizon, convergenceTolerance,
                divergenceLimit, maxEvaluations, millis, maxRecordedSteps, method, eigenbasis);
    }

    /** @return a copy with this divergence limit */
    public IntegrationSettings withDivergenceLimit(double limit) {
        return new IntegrationSettings(relativeTolerance, absoluteTolerance, horizon, convergenceTolerance,
                limit, maxEvaluations, wallClockMillis, maxRecordedSteps, method, eigenbasis);
    }

    /** @return a copy that runs with this method */
    public IntegrationSettings withMethod(Method m) {
        return new IntegrationSettings(relativeTolerance, absoluteTolerance, horizon, convergenceTolerance,
                divergenceLimit, maxEvaluations, wallClockMillis, maxRecordedSteps, m, eigenbasis);
    }

    /** @return a copy that integrates in the eigenbasis of Cxx (when n ≥ 16) or never */
    public IntegrationSettings withEigenbasis(boolean use) {
        return new IntegrationSettings(relativeTolerance, absoluteTolerance, horizon, convergenceTolerance,
                divergenceLimit, maxEvaluations, wallClockMillis, maxRecordedSteps, method, use);
    }

    /** @return a copy with this evaluation budget */
    public IntegrationSettings withMaxEvaluations(int budget) {
        return new IntegrationSettings(relativeTolerance, absoluteTolerance, horizon, convergenceTolerance,
                divergenceLimit, budget, wallClockMillis, maxRecordedSteps, method, eigenbasis);
    }
}
