package org.sgema.claims;

import java.util.Locale;

import org.sgema.numerics.RankEstimate;
import org.sgema.flows.Flow;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Outcome;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.numerics.Matrices;

/**
 * [E2] Collapse from random initial conditions. Each try integrates one flow and labels the
 * limit (relative to {@code ‖B(0)‖}):
 * <pre>
 *   complete     ‖B(∞)‖ ≤ 1e-6 ‖B(0)‖
 *   dimensional  s_m(B(∞)) ≤ 1e-6 ‖B(0)‖ (rank B &lt; m)
 *   none         otherwise
 * </pre>
 * GD with σ &gt; 0 must collapse completely ([T3]): anything else is VIOLATED. For SG and EMA
 * the try HOLDS when the limit is not completely collapsed and is VIOLATED otherwise; their
 * rates are measurements (the theory makes no 0 % claim without [T4]'s hypothesis).
 * The metric is the final rank (0: complete collapse, below m: dimensional, m: none); the reason
 * names the label {@code complete|dimensional|none} for people.
 */
public final class CollapseRates {
    private CollapseRates() {
    }

    /** Metric: the final rank of B. */
    public static Evaluation collapse(Case c, IntegrationSettings settings) {
        Configuration cfg = c.configuration();
        Trajectory t = new FlowIntegrator(settings).integrate(c.field(), c.initial());
        if (t.outcome() != Outcome.CONVERGED) {
            return Evaluation.inconclusive(Cause.of(t.outcome()), "final_rank", Double.NaN, "not converged: " + t.outcome());
        }
        double ref = Matrices.norm(c.initial().encoder());
        double[] sv = RankEstimate.singularValues(t.finalState().encoder());
        int rank = collapseRank(sv, ref);
        if (rank < 0) {
            return Evaluation.inconclusive(Cause.SMALL_GAP, "final_rank", Double.NaN, String.format(Locale.ROOT,
                    "singular values %s straddle the collapse cut 1e-6‖B(0)‖ = %.3g with a gap below 1e3",
                    java.util.Arrays.toString(sv), 1e-6 * ref));
        }
        String label = rank == 0 ? "complete" : rank < cfg.m() ? "dimensional" : "none";
        if (c.flow() == Flow.GD) {
            if (cfg.sigma() <= 1e-12) {
                return Evaluation.hypothesisNotMet(Cause.SIGMA_ZERO, "σ = 0: " + label);
            }
            return rank == 0 ? new Evaluation(Verdict.HOLDS, Cause.NONE, "final_rank", rank, label)
                    : Evaluation.violated(Cause.NOT_COLLAPSED, "final_rank", rank, String.format(Locale.ROOT,
                            "%s: GD with σ > 0 did not collapse (rank %d)", label, rank));
        }
        return rank == 0 ? new Evaluation(Verdict.VIOLATED, Cause.COLLAPSED, "final_rank", rank, label)
                : new Evaluation(Verdict.HOLDS, Cause.NONE, "final_rank", rank, label);
    }

    /**
     * The rank of B at a limit for collapse labels: the singular values above the cut
     * {@code 1e-6‖B(0)‖}, decided only when the ones on either side of the cut differ by 1e3
     * (the stop test leaves B within about tol/rate of its limit, so a value near the cut has no
     * side).
     *
     * @param sv singular values, descending (not modified)
     * @param reference ‖B(0)‖
     * @return the rank, or −1 if the cut falls in a gap smaller than 1e3
     */
    public static int collapseRank(double[] sv, double reference) {
        int rank = 0;
        while (rank < sv.length && sv[rank] > 1e-6 * reference) {
            rank++;
        }
        double above = rank == 0 ? Double.POSITIVE_INFINITY : sv[rank - 1];
        double below = rank == sv.length ? 0 : sv[rank];
        return below > 0 && above / below < 1e3 ? -1 : rank;
    }
}
