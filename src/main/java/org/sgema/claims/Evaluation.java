package org.sgema.claims;

import java.util.Locale;

/**
 * The immutable result of checking one case of a claim.
 *
 * @param verdict the verdict
 * @param metricName name of the claim's key metric
 * @param metric its value on this case
 * @param reason why (empty when the verdict speaks for itself)
 */
public record Evaluation(Verdict verdict, String metricName, double metric, String reason) {

    /** @return a HOLDS evaluation */
    public static Evaluation holds(String metricName, double metric) {
        return new Evaluation(Verdict.HOLDS, metricName, metric, "");
    }

    /** @return a VIOLATED evaluation */
    public static Evaluation violated(String metricName, double metric, String reason) {
        return new Evaluation(Verdict.VIOLATED, metricName, metric, reason);
    }

    /** @return an INCONCLUSIVE evaluation */
    public static Evaluation inconclusive(String metricName, double metric, String reason) {
        return new Evaluation(Verdict.INCONCLUSIVE, metricName, metric, reason);
    }

    /** @return a HYPOTHESIS_NOT_MET evaluation */
    public static Evaluation hypothesisNotMet(String reason) {
        return new Evaluation(Verdict.HYPOTHESIS_NOT_MET, "", Double.NaN, reason);
    }

    /**
     * Three-way verdict on a non-negative error: HOLDS if {@code error ≤ holdsBelow},
     * VIOLATED if {@code error > violatedAbove}, INCONCLUSIVE in between.
     */
    public static Evaluation judge(String metricName, double error, double holdsBelow, double violatedAbove,
                                   String what) {
        if (!Double.isFinite(error)) {
            return inconclusive(metricName, error, what + " is not finite");
        }
        if (error <= holdsBelow) {
            return holds(metricName, error);
        }
        String detail = String.format(Locale.ROOT, "%s = %.3g", what, error);
        return error > violatedAbove
                ? violated(metricName, error, detail + String.format(Locale.ROOT, " > %.1g", violatedAbove))
                : inconclusive(metricName, error, detail + String.format(Locale.ROOT,
                        " between %.1g and %.1g", holdsBelow, violatedAbove));
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
