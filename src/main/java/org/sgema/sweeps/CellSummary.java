package org.sgema.sweeps;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.sgema.claims.Rates;
import org.sgema.flows.Flow;

/**
 * The outcome of one cell for one flow: counts per collapse class, the complete-collapse rate
 * over the decided tries with its 95 % Wilson interval, the mean final rank, the distribution of
 * final ranks and why tries were undecided.
 */
public record CellSummary(int cell, double[] values, Flow flow, int tries, int complete, int dimensional, int none,
                          int undecided, double completeRate, double wilsonLow, double wilsonHigh, double meanRank,
                          Map<Integer, Integer> ranks, Map<String, Integer> undecidedReasons) {

    /** The columns of {@code cells.csv} after the flow and the grid axes. */
    public static final List<String> COLUMNS = List.of("tries", "complete", "dimensional", "none", "undecided",
            "complete_rate", "wilson_low", "wilson_high", "mean_rank", "ranks", "undecided_reasons");

    /** @return the summary of the results of one cell and flow */
    public static CellSummary of(int cell, double[] values, Flow flow, List<TryResult> results) {
        int complete = 0;
        int dimensional = 0;
        int none = 0;
        int undecided = 0;
        double rankSum = 0;
        Map<Integer, Integer> ranks = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        for (TryResult r : results) {
            switch (r.collapse()) {
                case COMPLETE -> complete++;
                case DIMENSIONAL -> dimensional++;
                case NONE -> none++;
                case UNDECIDED -> {
                    undecided++;
                    reasons.merge(r.reason(), 1, Integer::sum);
                }
            }
            if (r.rank() >= 0) {
                rankSum += r.rank();
                ranks.merge(r.rank(), 1, Integer::sum);
            }
        }
        int decided = complete + dimensional + none;
        double[] ci = Rates.wilson(complete, decided);
        return new CellSummary(cell, values.clone(), flow, results.size(), complete, dimensional, none, undecided,
                decided == 0 ? Double.NaN : (double) complete / decided, decided == 0 ? Double.NaN : ci[0],
                decided == 0 ? Double.NaN : ci[1], decided == 0 ? Double.NaN : rankSum / decided, ranks, reasons);
    }

    /** @return the decided tries */
    public int decided() {
        return complete + dimensional + none;
    }

    /** @return the CSV cells of {@link #COLUMNS} (numbers to 6 significant digits, so files compare exactly) */
    public String csvTail() {
        return String.join(",", Integer.toString(tries), Integer.toString(complete), Integer.toString(dimensional),
                Integer.toString(none), Integer.toString(undecided), num(completeRate), num(wilsonLow),
                num(wilsonHigh), num(meanRank), join(ranks), join(undecidedReasons));
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String join(Map<?, Integer> m) {
        StringBuilder b = new StringBuilder();
        for (var e : m.entrySet()) {
            b.append(b.length() == 0 ? "" : " ").append(e.getKey()).append(':').append(e.getValue());
        }
        return b.toString();
    }
}
