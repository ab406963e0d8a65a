package org.sgema.claims;

/**
 * How a claim turns the key metric of a try into a score that grows towards violation, for
 * targeted search (Hypothesis' {@code target()}): an error grows, a margin shrinks.
 */
public enum Score {
    /** an error that violates when large: <pre>score = log₁₀ max(metric, 1e-300)</pre> */
    LOG_ERROR,
    /** a margin that violates when small and positive: <pre>score = −log₁₀ max(metric, 1e-300)</pre> */
    NEG_LOG,
    /** a quantity that violates when large: <pre>score = metric</pre> */
    METRIC,
    /** a quantity that violates when small: <pre>score = −metric</pre> */
    NEG_METRIC,
    /** a deviation that violates when non-zero: <pre>score = |metric|</pre> */
    ABS;

    /** @return the score of a metric value; NaN stays NaN */
    public double of(double metric) {
        if (Double.isNaN(metric)) {
            return Double.NaN;
        }
        return switch (this) {
            case LOG_ERROR -> Math.log10(Math.max(Math.abs(metric), 1e-300));
            case NEG_LOG -> -Math.log10(Math.max(Math.abs(metric), 1e-300));
            case METRIC -> metric;
            case NEG_METRIC -> -metric;
            case ABS -> Math.abs(metric);
        };
    }
}
