package org.sgema.claims;

import java.util.Arrays;
import java.util.Locale;

import org.sgema.flows.Flow;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Outcome;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.model.SgInvariant;
import org.sgema.model.State;
import org.sgema.numerics.Matrices;
import org.sgema.numerics.RankEstimate;

/**
 * [T4] The SG invariant and what it says about collapse:
 * <pre>
 *   Δ(t) = AᵀA − α B Bᵀ = e^{−2λt} Δ(0)                                 along SG
 *   α B Bᵀ = AᵀA − e^{−2λt}Δ(0) ⪰ −e^{−2λt}Δ(0)
 *   ⇒ α s_k(B(t))² ≥ e^{−2λt} · |k-th most negative eigenvalue of Δ(0)|   (Weyl)
 * </pre>
 * The notes state the bound for λ = 0; the factor {@code e^{−2λt}} extends it to λ &gt; 0 by the
 * same argument.
 */
public final class SgInvariantChecks {
    private SgInvariantChecks() {
    }

    /**
     * Largest relative drift of Δ along an SG trajectory. The integrator's global error is about
     * its relative tolerance times the number of steps, so: HOLDS ≤ {@code 1e4·rtol},
     * VIOLATED &gt; {@code 1e6·rtol} (1e-6 and 1e-4 at the default rtol = 1e-10).
     */
    public static Evaluation invariant(Case c, IntegrationSettings settings) {
        return driftAlong(Flow.SG, c, settings);
    }

    /** The [T4] drift verdict of Δ along {@code flow} from the case's initial state (see {@link #invariant}). */
    static Evaluation driftAlong(Flow flow, Case c, IntegrationSettings settings) {
        Trajectory t = new FlowIntegrator(settings).integrate(c.field(flow), c.initial());
        double worst = 0;
        for (double d : t.invariantDrift()) {
            worst = Math.max(worst, d);
        }
        double rtol = settings.relativeTolerance();
        Evaluation e = Evaluation.judge("max_relative_drift", worst, 1e4 * rtol, 1e6 * rtol,
                "relative drift of Δ along " + flow);
        if (e.verdict() == Verdict.HOLDS && t.outcome() == Outcome.DIVERGED) {
            return Evaluation.inconclusive(Cause.DIVERGED, "max_relative_drift", worst, "trajectory diverged: " + t.reason());
        }
        return e.verdict() == Verdict.VIOLATED
                ? Evaluation.violated(Cause.INVARIANT_DRIFTS, e.metricName(), e.metric(), e.reason()) : e;
    }

    /**
     * The lower bound on the singular values of B(t) at every recorded point, with the drift of
     * the invariant that the integrator is allowed (the HOLDS tolerance of [T4]-invariant) as the
     * tolerance, through Weyl's inequality:
     * <pre>
     *   α s_k(B(t))² + δ(t) ≥ e^{−2λt}|ν_k|,   δ(t) = 1e4·rtol·(‖A‖² + α‖B‖² + e^{−2λt}‖Δ(0)‖) + 1e6·atol·‖θ‖
     * </pre>
     * The measured drift cannot serve: with it the inequality holds at every state (Δ(t) is
     * {@code AᵀA − αBBᵀ} by definition), so the check could not fail. Metric: the smallest ratio
     * {@code (α s_k(B)² + δ) / (e^{−2λt}|ν_k|)} over t and k (≥ 1 when it holds).
     */
    public static Evaluation rankBound(Case c, IntegrationSettings settings) {
        Configuration cfg = c.configuration();
        double alpha = cfg.alpha();
        double[] nu = Matrices.symmetricEigenvalues(SgInvariant.delta(alpha, c.initial()));
        int negatives = 0;
        double scale = Math.pow(Matrices.norm(c.initial().predictor()), 2)
                + alpha * Math.pow(Matrices.norm(c.initial().encoder()), 2);
        while (negatives < nu.length && nu[negatives] < -1e-9 * scale) {
            negatives++;
        }
        if (negatives == 0) {
            return Evaluation.hypothesisNotMet(Cause.NO_NEGATIVE_EIGENVALUE, "Δ(0) has no negative eigenvalue: no lower bound");
        }
        Trajectory t = new FlowIntegrator(settings).integrate(c.field(Flow.SG), c.initial());
        double worst = Double.POSITIVE_INFINITY;
        int minRank = Integer.MAX_VALUE;
        double rtol = settings.relativeTolerance();
        double normDelta0 = Matrices.norm(SgInvariant.delta(alpha, c.initial()));
        for (int i = 0; i < t.size(); i++) {
            State s = t.state(i);
            double[] sv = RankEstimate.singularValues(s.encoder());
            double decay = Math.exp(-2 * cfg.lambda() * t.time(i));
            // Weyl: λ_k(αBBᵀ) ≥ e^{−2λt}|ν_k| − ‖D‖₂ for a drift D of the invariant; D is allowed what
            // [T4]-invariant allows the integrator (a priori, not the measured drift: with the measured
            // drift the inequality holds at every state by definition of Δ and could not fail)
            double allowance = 1e4 * rtol * (Math.pow(Matrices.norm(s.predictor()), 2)
                    + alpha * Math.pow(Matrices.norm(s.encoder()), 2) + decay * normDelta0)
                    + 1e6 * settings.absoluteTolerance() * Matrices.norm(s.toArray());
            for (int k = 0; k < negatives; k++) {
                double need = decay * -nu[k];
                double have = k < sv.length ? alpha * sv[k] * sv[k] : 0;
                worst = Math.min(worst, (have + allowance) / need);
            }
            minRank = Math.min(minRank, RankEstimate.of(s.encoder(), 1e-8).rank());
        }
        if (worst < 1 - 1e-12) {
            return Evaluation.violated(Cause.RANK_BELOW_BOUND, "min_bound_ratio", worst, String.format(Locale.ROOT,
                    "α s_k(B)² fell to %.6g of the bound (ν₋ = %d, negative eigenvalues %s)", worst, negatives,
                    Arrays.toString(Arrays.copyOf(nu, negatives))));
        }
        if (cfg.lambda() == 0 && minRank < negatives) {
            return Evaluation.violated(Cause.RANK_BELOW_BOUND, "min_bound_ratio", worst, "rank B(t) = " + minRank + " < ν₋(Δ(0)) = " + negatives);
        }
        return Evaluation.holds("min_bound_ratio", worst);
    }

    /**
     * FINDING: SG does reach dimensional or complete collapse from some initial conditions.
     * Checked as the refuted statement "SG does not collapse": VIOLATED (a witness) when SG
     * converges with {@code rank B &lt; m} (relative threshold 1e-6 of ‖B(0)‖).
     */
    public static Evaluation sgCollapse(Case c, IntegrationSettings settings) {
        Configuration cfg = c.configuration();
        Trajectory t = new FlowIntegrator(settings).integrate(c.field(Flow.SG), c.initial());
        if (t.outcome() != Outcome.CONVERGED) {
            return Evaluation.inconclusive(Cause.of(t.outcome()), "final_rank", Double.NaN, "SG ended " + t.outcome());
        }
        double[] sv = RankEstimate.singularValues(t.finalState().encoder());
        double ref = Matrices.norm(c.initial().encoder());
        int rank = 0;
        while (rank < sv.length && sv[rank] > 1e-6 * ref) {
            rank++;
        }
        if (rank < cfg.m()) {
            // a witness must be a collapse that lasts: the collapsed limit itself attracts
            org.sgema.stability.Stability st = new org.sgema.stability.StabilityClassifier()
                    .classify(c.field(Flow.SG), t.finalState());
            if (st.verdict() != org.sgema.stability.StabilityVerdict.NORMALLY_ATTRACTING) {
                return Evaluation.inconclusive(Cause.CLASSIFICATION_UNDECIDED, "final_rank", rank,
                        "SG collapsed to rank " + rank + ", but the limit is not shown to attract: " + st.reason());
            }
            return Evaluation.violated(Cause.COLLAPSED, "final_rank", rank, String.format(Locale.ROOT,
                    "SG converged to rank B = %d < m = %d (%s collapse), ‖B‖ = %.3g, and the limit attracts",
                    rank, cfg.m(), rank == 0 ? "complete" : "dimensional", Matrices.norm(t.finalState().encoder())));
        }
        return Evaluation.holds("final_rank", rank);
    }
}
