package org.sgema.claims;

import java.util.Locale;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Outcome;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.model.State;
import org.sgema.numerics.Matrices;
import org.sgema.numerics.RankEstimate;
import org.sgema.stability.Stability;
import org.sgema.stability.StabilityClassifier;

/**
 * Checks of claims from the theory notes that the first catalogue did not cover: the [T4]
 * invariant along EMA (which the notes deny, wrongly), the fields are O(m)-equivariant ([T5] symmetry), collapsed points can
 * attract ([T7]), and the headline contrast, paired from the same initial states ([T3] vs [E2]).
 */
public final class NewClaimChecks {
    private NewClaimChecks() {
    }

    /**
     * THEOREM: Δ = AᵀA − αBBᵀ obeys Δ(t) = e^{−2λt}Δ(0) along EMA too, with [T4]-invariant's
     * tolerances (HOLDS ≤ 1e4·rtol, VIOLATED &gt; 1e6·rtol of relative drift). The [T4] derivation
     * uses only {@code Ȧ = −αRBᵀ − λA} and {@code Ḃ = −AᵀR − λB}, never the form of R, so it holds
     * for EMA's R = AB Cxx − B̄ Cyx as well; the theory notes say "no such invariant holds for
     * EMA", which this check refutes (it was first written as a FINDING of drift and found none).
     */
    public static Evaluation emaInvariant(Case c, IntegrationSettings settings) {
        return SgInvariantChecks.driftAlong(Flow.EMA, c, settings);
    }

    /**
     * THEOREM [T5] symmetry: each field is equivariant under an orthogonal change of the
     * representation basis,
     * <pre>
     *   F(QAQᵀ, QB, QB̄) = (Q F_A Qᵀ, Q F_B, Q F_B̄)     for every orthogonal Q (m×m)
     * </pre>
     * at the case's point and a random Q (seeded by the case). HOLDS ≤ 1e-12, VIOLATED &gt; 1e-8
     * relative. Metric: the relative defect.
     */
    public static Evaluation equivariance(Case c) {
        Configuration cfg = c.configuration();
        int m = cfg.m();
        DMatrixRMaj q = Matrices.randomOrthogonal(m, new Random(c.seed()));
        State s = c.initial();
        VectorField f = c.field();
        double[] fx = f.evaluate(s);
        State fs = State.fromArray(m, cfg.n(), c.flow().hasTarget(), fx);
        State rotated = rotate(q, s);
        double[] frot = f.evaluate(rotated);
        double[] expected = rotate(q, fs).toArray();
        double err = Matrices.distance(frot, expected) / Math.max(Matrices.norm(fx), 1e-300);
        Evaluation e = Evaluation.judge("relative_defect", err, 1e-12, 1e-8, "‖F(Q·θ) − Q·F(θ)‖ / ‖F(θ)‖");
        return e.verdict() == Verdict.VIOLATED
                ? Evaluation.violated(Cause.NOT_EQUIVARIANT, e.metricName(), e.metric(), e.reason()) : e;
    }

    /** @return (QAQᵀ, QB, QB̄) */
    static State rotate(DMatrixRMaj q, State s) {
        int m = q.numRows;
        DMatrixRMaj qa = new DMatrixRMaj(m, m);
        CommonOps_DDRM.mult(q, s.predictor(), qa);
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransB(qa, q, a);
        DMatrixRMaj b = new DMatrixRMaj(m, s.encoder().numCols);
        CommonOps_DDRM.mult(q, s.encoder(), b);
        if (!s.hasTarget()) {
            return State.of(a, b);
        }
        DMatrixRMaj t = new DMatrixRMaj(m, s.encoder().numCols);
        CommonOps_DDRM.mult(q, s.target(), t);
        return State.of(a, b, t);
    }

    /**
     * FINDING [T7] "collapsed equilibria (A, 0) are attracting when N_A is Hurwitz (e.g. A = −I)":
     * checked as the statement it refutes, "no collapsed SG point (A, 0) with λ = 0 is normally
     * attracting", at A = the case's predictor. A NORMALLY_ATTRACTING classification (local
     * dimension m², the collapsed set) is a witness.
     */
    public static Evaluation collapsedAttracting(Case c) {
        Configuration cfg = c.configuration();
        if (cfg.lambda() != 0) {
            return Evaluation.hypothesisNotMet(Cause.WEIGHT_DECAY_NONZERO, "λ > 0: (A, 0) is an equilibrium only for λ = 0");
        }
        State point = State.of(c.initial().predictor(), new DMatrixRMaj(cfg.m(), cfg.n()));
        Stability st = new StabilityClassifier().classify(c.field(Flow.SG), point);
        return switch (st.verdict()) {
            case NORMALLY_ATTRACTING -> Evaluation.violated(Cause.ATTRACTING_COLLAPSE, "max_re_nonzero",
                    st.maxRealNonZero(), "the collapsed point (A, 0) is normally attracting: " + st);
            case UNSTABLE -> Evaluation.holds("max_re_nonzero", st.maxRealNonZero());
            case INCONCLUSIVE -> Evaluation.inconclusive(Cause.CLASSIFICATION_UNDECIDED, "max_re_nonzero",
                    st.maxRealNonZero(), st.reason());
        };
    }

    /**
     * EMPIRICAL, the headline contrast paired: from the same initial state (λ = 0, σ &gt; 0), GD
     * collapses completely while SG and EMA (B̄(0) = B(0)) do not. HOLDS when all three runs
     * converge and GD ends at rank 0 while SG and EMA keep rank ≥ 1; VIOLATED when SG or EMA
     * collapses completely too (GD not collapsing would refute [T3] itself). Ranks count singular
     * values above 1e-6‖B(0)‖ and are decided only with a gap of 1e3 at that cut.
     * Metric: the smaller of the SG and EMA final ranks.
     */
    public static Evaluation contrast(Case c, IntegrationSettings settings) {
        Configuration cfg = c.configuration();
        if (cfg.lambda() != 0) {
            return Evaluation.hypothesisNotMet(Cause.WEIGHT_DECAY_NONZERO, "λ > 0: the contrast is stated for λ = 0");
        }
        if (cfg.sigma() <= 1e-12) {
            return Evaluation.hypothesisNotMet(Cause.SIGMA_ZERO, "σ = 0: GD need not collapse");
        }
        State s = c.initial().hasTarget() ? State.of(c.initial().predictor(), c.initial().encoder())
                : c.initial();
        double ref = Matrices.norm(s.encoder());
        int[] ranks = new int[3];
        Flow[] flows = {Flow.GD, Flow.SG, Flow.EMA};
        for (int k = 0; k < 3; k++) {
            State start = flows[k].hasTarget() ? s.withTargetEqualToEncoder() : s;
            Trajectory t = new FlowIntegrator(settings).integrate(c.field(flows[k]), start);
            if (t.outcome() != Outcome.CONVERGED) {
                return Evaluation.inconclusive(Cause.of(t.outcome()), "min_sg_ema_rank", Double.NaN,
                        flows[k] + " ended " + t.outcome());
            }
            double[] sv = RankEstimate.singularValues(t.finalState().encoder());
            int rank = CollapseRates.collapseRank(sv, ref);
            if (rank < 0) {
                return Evaluation.inconclusive(Cause.SMALL_GAP, "min_sg_ema_rank", Double.NaN, String.format(Locale.ROOT,
                        "%s: singular values straddle the collapse cut with a gap below 1e3", flows[k]));
            }
            ranks[k] = rank;
        }
        int minRank = Math.min(ranks[1], ranks[2]);
        if (ranks[0] != 0) {
            return Evaluation.inconclusive(Cause.BETWEEN_THRESHOLDS, "min_sg_ema_rank", minRank,
                    "GD did not collapse (rank " + ranks[0] + "): a matter for [T3], not for the contrast");
        }
        return minRank >= 1 ? Evaluation.holds("min_sg_ema_rank", minRank)
                : Evaluation.violated(Cause.COLLAPSED, "min_sg_ema_rank", minRank, String.format(Locale.ROOT,
                        "GD collapsed and so did %s (ranks SG %d, EMA %d)", ranks[1] == 0 ? "SG" : "EMA", ranks[1],
                        ranks[2]));
    }
}
