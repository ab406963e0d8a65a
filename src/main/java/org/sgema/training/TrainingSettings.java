package org.sgema.training;

import org.sgema.model.InvalidInputException;

/**
 * Immutable settings of a discrete training run.
 *
 * @param learningRate the step η &gt; 0
 * @param maxSteps the step budget (the run ends HORIZON_REACHED after it)
 * @param batch minibatch size b, or 0 for the exact moments
 * @param convergenceTolerance stop CONVERGED when {@code ‖θ_{k+1} − θ_k‖/η ≤ tol·(1 + ‖θ_k‖)}
 *     (0: never, as for minibatch runs)
 * @param divergenceLimit stop DIVERGED when {@code ‖θ‖} exceeds it or turns non-finite
 * @param maxRecords at most this many states are kept (every k-th step, the last one always)
 * @param wallClockMillis stop TIMED_OUT after this many milliseconds (0: no cap)
 */
public record TrainingSettings(double learningRate, long maxSteps, int batch, double convergenceTolerance,
                               double divergenceLimit, int maxRecords, long wallClockMillis) {

    /** η = 0.01, 10⁵ steps, exact moments, tolerance 1e-9, divergence at 1e8, 2000 records, no cap. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(0.01, 100_000, 0, 1e-9, 1e8, 2000, 0);
    }

    /** Validates every field; errors name it. */
    public TrainingSettings {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new InvalidInputException("learning rate", "must be a finite number > 0, got " + learningRate);
        }
        if (maxSteps < 1) {
            throw new InvalidInputException("steps", "must be ≥ 1, got " + maxSteps);
        }
        if (batch < 0) {
            throw new InvalidInputException("batch", "must be ≥ 1 (or 0 for exact moments), got " + batch);
        }
        if (!(convergenceTolerance >= 0)) {
            throw new InvalidInputException("tolerance", "must be ≥ 0, got " + convergenceTolerance);
        }
        if (!(divergenceLimit > 0)) {
            throw new InvalidInputException("divergence limit", "must be > 0, got " + divergenceLimit);
        }
        if (maxRecords < 2) {
            throw new InvalidInputException("records", "must be ≥ 2, got " + maxRecords);
        }
        if (wallClockMillis < 0) {
            throw new InvalidInputException("wall clock", "must be ≥ 0, got " + wallClockMillis);
        }
    }

    /** @return a copy with step η */
    public TrainingSettings withLearningRate(double eta) {
        return new TrainingSettings(eta, maxSteps, batch, convergenceTolerance, divergenceLimit, maxRecords,
                wallClockMillis);
    }

    /** @return a copy with this step budget */
    public TrainingSettings withMaxSteps(long steps) {
        return new TrainingSettings(learningRate, steps, batch, convergenceTolerance, divergenceLimit, maxRecords,
                wallClockMillis);
    }

    /** @return a copy with minibatches of size b (0: exact moments); minibatch runs never stop CONVERGED */
    public TrainingSettings withBatch(int b) {
        return new TrainingSettings(learningRate, maxSteps, b, b > 0 ? 0 : convergenceTolerance, divergenceLimit,
                maxRecords, wallClockMillis);
    }

    /** @return a copy with this convergence tolerance (0: run every step) */
    public TrainingSettings withConvergenceTolerance(double tol) {
        return new TrainingSettings(learningRate, maxSteps, batch, tol, divergenceLimit, maxRecords, wallClockMillis);
    }

    /** @return a copy that stops DIVERGED when ‖θ‖ exceeds this limit */
    public TrainingSettings withDivergenceLimit(double limit) {
        return new TrainingSettings(learningRate, maxSteps, batch, convergenceTolerance, limit, maxRecords,
                wallClockMillis);
    }

    /** @return a copy keeping at most this many states */
    public TrainingSettings withMaxRecords(int records) {
        return new TrainingSettings(learningRate, maxSteps, batch, convergenceTolerance, divergenceLimit, records,
                wallClockMillis);
    }

    /** @return a copy with a wall-clock cap */
    public TrainingSettings withWallClockMillis(long millis) {
        return new TrainingSettings(learningRate, maxSteps, batch, convergenceTolerance, divergenceLimit, maxRecords,
                millis);
    }
}
