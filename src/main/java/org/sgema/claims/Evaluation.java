package org.sgema.claims;

import java.util.Locale;

/**
 * The immutable result of checking one case of a claim.
 *
 * @param verdict the verdict
 * @param cause why, as a constant ({@link Cause#NONE} for HOLDS); its verdict is {@code verdict}
 * @param metricName name of the claim's key metric
 * @param metric its value on this case
 * @param reason the cause with its numbers, for people (empty when the verdict speaks for itself)
 */
public record Evaluation(Verdict verdict, Cause cause, String metricName, double metric, String reason) {

    /** Checks that the cause explains the verdict. */
    public Evaluation {
        if (cause.verdict() != verdict) {
            throw new IllegalArgumentException("cause " + cause + " explains " + cause.verdict() + ", not " + verdict);
        }
    }

    /** @return a HOLDS evaluation */
    public static Evaluation holds(String metricName, double metric) {
        return new Evaluation(Verdict.HOLDS, Cause.NONE, metricName, metric, "");
    }

    /** @return a VIOLATED evaluation */
    public static Evaluation violated(Cause cause, String metricName, double metric, String reason) {
        return new Evaluation(Verdict.VIOLATED, cause, metricName, metric, reason);
    }

    /** @return an INCONCLUSIVE evaluation */
    public static Evaluation inconclusive(Cause cause, String metricName, double metric, String reason) {
        return new Evaluation(Verdict.INCONCLUSIVE, cause, metricName, metric, reason);
    }

    /** @return a HYPOTHESIS_NOT_MET evaluation */
    public static Evaluation hypothesisNotMet(Cause cause, String reason) {
        return new Evaluation(Verdict.HYPOTHESIS_NOT_MET, cause, "", Double.NaN, reason);
    }

    /**
     * Three-way verdict on a non-negative error: HOLDS if {@code error ≤ holdsBelow},
     * VIOLATED ({@link Cause#ABOVE_THRESHOLD}) if {@code error > violatedAbove}, INCONCLUSIVE
     * ({@link Cause#BETWEEN_THRESHOLDS}) in between, INCONCLUSIVE ({@link Cause#NOT_FINITE}) if not finite.
     */
    public static Evaluation judge(String metricName, double error, double holdsBelow, double violatedAbove,
                                   String what) {
        if (!Double.isFinite(error)) {
            return inconclusive(Cause.NOT_FINITE, metricName, error, what + " is not finite");
        }
        if (error <= holdsBelow) {
            return holds(metricName, error);
        }
        String detail = String.format(Locale.ROOT, "%s = %.3g", what, error);
        return error > violatedAbove
                ? violated(Cause.ABOVE_THRESHOLD, metricName, error, detail + String.format(Locale.ROOT, " > %.1g",
                        violatedAbove))
                : inconclusive(Cause.BETWEEN_THRESHOLDS, metricName, error, detail + String.format(Locale.ROOT,
                        " between %.1g and %.1g", holdsBelow, violatedAbove));
    }

    /** @return this evaluation with {@code more} appended to its reason (verdict, cause and metric unchanged) */
    public Evaluation appending(String more) {
        return new Evaluation(verdict, cause, metricName, metric, reason + more);
    }

    /** @return the worse of two evaluations (VIOLATED > INCONCLUSIVE > HYPOTHESIS_NOT_MET > HOLDS) */
    public Evaluation and(Evaluation other) {
        return rank(other.verdict) > rank(verdict) ? other : this;
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case HOLDS -> 0;
            case HYPOTHESIS_NOT_MET -> 1;
            case INCONCLUSIVE -> 2;
            case VIOLATED -> 3;
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s=%.4g%s", verdict, metricName, metric,
                reason.isEmpty() ? "" : " (" + reason + ")");
    }
}
