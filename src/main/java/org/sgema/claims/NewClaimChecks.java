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
        State rotated = s.rotated(q);
        double[] frot = f.evaluate(rotated);
        double[] expected = fs.rotated(q).toArray();
        double err = Matrices.distance(frot, expected) / Math.max(Matrices.norm(fx), 1e-300);
        Evaluation e = Evaluation.judge("relative_defect", err, 1e-12, 1e-8, "‖F(Q·θ) − Q·F(θ)‖ / ‖F(θ)‖");
        return e.verdict() == Verdict.VIOLATED
                ? Evaluation.violated(Cause.NOT_EQUIVARIANT, e.metricName(), e.metric(), e.reason()) : e;
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

    /**
     * FINDING [T2+]: at some SG or EMA equilibrium J has a non-real eigenvalue, which refutes
     * every gradient representation {@code F = −G(θ)⁻¹∇f} at once (then {@code J(θ*) = −G⁻¹H} is
     * similar to a symmetric matrix and has a real spectrum). Checked as the statement it refutes,
     * "J has a real spectrum at every point of V", at a random point of V (λ = 0): a pair with
     * {@code |Im μ| > 1e-6‖J‖} (far above the eigensolver's ~1e-15‖J‖ for these sizes) is a witness.
     * Metric: {@code max |Im μ| / ‖J‖}.
     */
    public static Evaluation nonRealSpectrum(Case c) {
        Configuration cfg = c.configuration();
        if (cfg.lambda() != 0) {
            return Evaluation.hypothesisNotMet(Cause.WEIGHT_DECAY_NONZERO, "λ > 0: V describes λ = 0");
        }
        State p = org.sgema.equilibria.EquilibriumVariety.randomPoint(cfg, new Random(c.seed()));
        if (p == null) {
            return Evaluation.hypothesisNotMet(Cause.NO_INVARIANT_SUBSPACE, "no real invariant subspace of dimension m");
        }
        State point = c.flow().hasTarget() ? p.withTargetEqualToEncoder() : p;
        DMatrixRMaj j = c.field().jacobian(point.toArray());
        org.sgema.numerics.Spectrum spec = org.sgema.numerics.Spectrum.of(j);
        double maxIm = 0;
        for (int k = 0; k < spec.size(); k++) {
            maxIm = Math.max(maxIm, Math.abs(spec.im(k)));
        }
        double ratio = maxIm / Math.max(Matrices.norm(j), 1e-300);
        if (ratio > 1e-6) {
            return Evaluation.violated(Cause.NON_REAL_SPECTRUM, "max_imag_over_norm", ratio, String.format(Locale.ROOT,
                    "J at a point of V has an eigenvalue with |Im μ| = %.3g (%.3g ‖J‖): no metric makes F a gradient",
                    maxIm, ratio));
        }
        return Evaluation.holds("max_imag_over_norm", ratio);
    }

    /**
     * THEOREM: SG is the τ → ∞ limit of EMA. From the same initial state (B̄(0) = B(0)), the
     * (A, B) part of EMA at time T = 1 tends to SG's as τ grows, at rate O(1/τ) (B̄ lags B by
     * about Ḃ/τ). With {@code e_τ = ‖θ_EMA(T) − θ_SG(T)‖} for τ = 10, 100, 1000:
     * <pre>
     *   e_1000 ≤ e_100 / 3  and  e_100 ≤ e_10 / 3  (ratio 10 expected)   HOLDS
     *   e_1000 &gt; e_100 or e_100 &gt; e_10, both above the integration floor   VIOLATED
     *   EMA diverges before T while SG does not                              VIOLATED
     * </pre>
     * otherwise INCONCLUSIVE (near the floor {@code 1e3·rtol·(1 + ‖θ‖)}). Metric: e_1000 / e_100.
     */
    public static Evaluation sgLimitOfEma(Case c, IntegrationSettings settings) {
        Configuration cfg = c.configuration();
        State s = c.initial().hasTarget() ? State.of(c.initial().predictor(), c.initial().encoder()) : c.initial();
        IntegrationSettings toT = settings.withHorizon(1.0).withConvergenceTolerance(1e-300);
        Trajectory sg = new FlowIntegrator(toT).integrate(c.field(Flow.SG), s);
        double[] ref = sg.finalState().toArray();
        if (sg.finalTime() < 1.0 - 1e-9) {
            return Evaluation.inconclusive(Cause.of(sg.outcome() == Outcome.CONVERGED ? Outcome.HORIZON_REACHED
                    : sg.outcome()), "error_ratio", Double.NaN, "SG stopped at t = " + sg.finalTime());
        }
        double[] taus = {10, 100, 1000};
        double[] e = new double[3];
        for (int k = 0; k < 3; k++) {
            Configuration ck = cfg.withTau(taus[k]);
            Trajectory ema = new FlowIntegrator(toT).integrate(fieldWithTau(c, ck), s.withTargetEqualToEncoder());
            if (ema.outcome() == Outcome.DIVERGED) {
                return Evaluation.violated(Cause.NOT_CONVERGING, "error_ratio", Double.NaN, String.format(Locale.ROOT,
                        "EMA(τ = %.0f) diverged before t = 1 while SG did not", taus[k]));
            }
            if (ema.finalTime() < 1.0 - 1e-9) {
                return Evaluation.inconclusive(Cause.of(ema.outcome() == Outcome.CONVERGED ? Outcome.HORIZON_REACHED
                        : ema.outcome()), "error_ratio", Double.NaN, "EMA(τ = " + taus[k] + ") stopped early");
            }
            double[] th = ema.finalState().toArray();
            double sum = 0;
            for (int i = 0; i < ref.length; i++) {
                sum += (th[i] - ref[i]) * (th[i] - ref[i]);
            }
            e[k] = Math.sqrt(sum);
        }
        double floor = 1e3 * settings.relativeTolerance() * (1 + Matrices.norm(ref));
        double ratio = e[2] / e[1];
        if (e[1] > floor && e[2] <= e[1] / 3 && e[1] <= e[0] / 3) {
            return Evaluation.holds("error_ratio", ratio);
        }
        if (e[1] > 10 * floor && (e[2] > e[1] || e[1] > e[0])) {
            return Evaluation.violated(Cause.NOT_CONVERGING, "error_ratio", ratio, String.format(Locale.ROOT,
                    "EMA does not approach SG as τ grows: e(10) = %.3g, e(100) = %.3g, e(1000) = %.3g", e[0], e[1],
                    e[2]));
        }
        return Evaluation.inconclusive(Cause.BETWEEN_THRESHOLDS, "error_ratio", ratio, String.format(Locale.ROOT,
                "e(10) = %.3g, e(100) = %.3g, e(1000) = %.3g near the floor %.3g or decaying slowly", e[0], e[1],
                e[2], floor));
    }

    /** @return the case's EMA field (exact or mutated, as the case's dynamics) for another τ */
    private static VectorField fieldWithTau(Case c, Configuration withTau) {
        return c.dynamics().field(Flow.EMA, withTau);
    }

    /**
     * FINDING [T7] "stability is not a property of a whole component": checked as the statement it
     * refutes, "two points of one GL(m)-orbit of V (SG, λ = 0) have the same classification", at
     * {@code G₁} (well conditioned) and {@code G₂ = diag(10^{u_i}) G} (u ∈ [−1, 1], seeded by the
     * case) on a random component. One NORMALLY_ATTRACTING and one UNSTABLE is a witness.
     */
    public static Evaluation orbitStability(Case c) {
        Configuration cfg = c.configuration();
        Component comp = Component.of(c);
        if (comp.skip() != null) {
            return comp.skip();
        }
        Random rnd = comp.random();
        var blocks = comp.blocks();
        int[] chosen = comp.chosen();
        DMatrixRMaj g1 = org.sgema.equilibria.EquilibriumVariety.randomG(cfg.m(), rnd);
        DMatrixRMaj g2 = org.sgema.equilibria.EquilibriumVariety.randomG(cfg.m(), rnd);
        for (int i = 0; i < cfg.m(); i++) {
            double scale = Math.pow(10, 2 * rnd.nextDouble() - 1);
            for (int j = 0; j < cfg.m(); j++) {
                g2.set(i, j, g2.get(i, j) * scale);
            }
        }
        VectorField f = c.field(Flow.SG);
        StabilityClassifier classifier = new StabilityClassifier();
        Stability s1 = classifier.classify(f, org.sgema.equilibria.EquilibriumVariety.point(cfg, blocks, chosen, g1));
        Stability s2 = classifier.classify(f, org.sgema.equilibria.EquilibriumVariety.point(cfg, blocks, chosen, g2));
        var v1 = s1.verdict();
        var v2 = s2.verdict();
        if (v1 == org.sgema.stability.StabilityVerdict.INCONCLUSIVE
                || v2 == org.sgema.stability.StabilityVerdict.INCONCLUSIVE) {
            return Evaluation.inconclusive(Cause.CLASSIFICATION_UNDECIDED, "max_re_difference", Double.NaN,
                    "classification undecided at G₁ or G₂: " + s1.reason() + " / " + s2.reason());
        }
        double metric = Math.abs(s1.maxRealNonZero() - s2.maxRealNonZero());
        return v1 != v2
                ? Evaluation.violated(Cause.STABILITY_VARIES, "max_re_difference", metric, String.format(Locale.ROOT,
                        "on one GL(m)-orbit: %s at G₁ (max Re %.3g), %s at G₂ (max Re %.3g)", v1,
                        s1.maxRealNonZero(), v2, s2.maxRealNonZero()))
                : Evaluation.holds("max_re_difference", metric);
    }

    /**
     * FINDING [T7] "components other than the top-μ one can contain attracting points": checked
     * as the statement it refutes, "no point of a non-leading component of V (SG, λ = 0) is
     * normally attracting", at a random non-leading component and G (seeded by the case).
     */
    public static Evaluation attractingOffTop(Case c) {
        Configuration cfg = c.configuration();
        Component comp = Component.of(c);
        if (comp.skip() != null) {
            return comp.skip();
        }
        Random rnd = comp.random();
        var blocks = comp.blocks();
        int[] chosen = comp.chosen();
        if (java.util.Arrays.equals(chosen, org.sgema.equilibria.EquilibriumVariety.leadingBlocks(blocks, cfg.m()))) {
            return Evaluation.hypothesisNotMet(Cause.TOP_COMPONENT, "the chosen component is the leading one");
        }
        State p = org.sgema.equilibria.EquilibriumVariety.point(cfg, blocks, chosen,
                org.sgema.equilibria.EquilibriumVariety.randomG(cfg.m(), rnd));
        Stability st = new StabilityClassifier().classify(c.field(Flow.SG), p);
        return switch (st.verdict()) {
            case NORMALLY_ATTRACTING -> Evaluation.violated(Cause.ATTRACTING_OFF_TOP, "max_re_nonzero",
                    st.maxRealNonZero(), "a point of a non-leading component is normally attracting: " + st);
            case UNSTABLE -> Evaluation.holds("max_re_nonzero", st.maxRealNonZero());
            case INCONCLUSIVE -> Evaluation.inconclusive(Cause.CLASSIFICATION_UNDECIDED, "max_re_nonzero",
                    st.maxRealNonZero(), st.reason());
        };
    }

    /**
     * EMPIRICAL, [T2] beyond block metrics: no constant metric at all makes SG or EMA a gradient
     * flow. A gradient flow {@code F = −P⁻¹∇f} has {@code PJ = −H} symmetric, so P solves the
     * linear problem
     * <pre>
     *   Q J_k = J_kᵀ Q,  Q = Qᵀ,  k = 1..3   (J_k at the case's point and two random points, each / ‖J_k‖)
     * </pre>
     * whose matrix M acts on the N(N+1)/2 entries of Q. For SG and EMA: HOLDS if
     * {@code σ_min(M) > 1e-6 σ_max(M)} (no nonzero Q), VIOLATED if {@code σ_min < 1e-12 σ_max}
     * with a gap of 1e3 to the next (a metric exists; measured, not failing). For GD (the control,
     * failing on violation) a Q exists: {@code diag(I/α, I)}; the roles are reversed.
     * Metric: {@code σ_min/σ_max}.
     */
    public static Evaluation anyConstantMetric(Case c) {
        Configuration cfg = c.configuration();
        Random rnd = new Random(c.seed());
        VectorField f = c.field();
        int n = f.dimension();
        java.util.List<DMatrixRMaj> js = new java.util.ArrayList<>();
        js.add(f.jacobian(c.initial().toArray()));
        for (int k = 1; k < 3; k++) {
            js.add(f.jacobian(org.sgema.model.RandomConfigurations.gaussianState(cfg.m(), cfg.n(), c.flow().hasTarget(),
                    1.0, rnd).toArray()));
        }
        int unknowns = n * (n + 1) / 2;
        int perPoint = n * (n - 1) / 2;
        DMatrixRMaj mat = new DMatrixRMaj(3 * perPoint, unknowns);
        for (int k = 0; k < 3; k++) {
            DMatrixRMaj j = js.get(k);
            double scale = Math.max(Matrices.norm(j), 1e-300);
            int col = 0;
            for (int a = 0; a < n; a++) {
                for (int b = a; b < n; b++, col++) {
                    int row = k * perPoint;
                    for (int i = 0; i < n; i++) {
                        for (int jj = i + 1; jj < n; jj++, row++) {
                            // (QJ − JᵀQ)_{i,jj} for Q = E_ab + E_ba (or E_aa)
                            double v = 0;
                            if (i == a) {
                                v += j.get(b, jj);
                            }
                            if (i == b && a != b) {
                                v += j.get(a, jj);
                            }
                            if (jj == b) {
                                v -= j.get(a, i);
                            }
                            if (jj == a && a != b) {
                                v -= j.get(b, i);
                            }
                            mat.set(row, col, v / scale);
                        }
                    }
                }
            }
        }
        double[] sv = RankEstimate.singularValues(mat);
        double ratio = sv[sv.length - 1] / Math.max(sv[0], 1e-300);
        double gap = sv.length > 1 ? sv[sv.length - 2] / Math.max(sv[sv.length - 1], 1e-300) : Double.POSITIVE_INFINITY;
        boolean metricExists = ratio < 1e-12 && gap >= 1e3;
        boolean noMetric = ratio > 1e-6;
        if (c.flow() == Flow.GD) {
            if (noMetric) {
                return Evaluation.violated(Cause.NO_METRIC_FOR_GD, "min_singular_ratio", ratio, String.format(
                        Locale.ROOT, "no symmetric Q with QJ = JᵀQ for GD (σ_min/σ_max = %.3g): the control fails", ratio));
            }
            return ratio < 1e-12 ? Evaluation.holds("min_singular_ratio", ratio)
                    : Evaluation.inconclusive(Cause.BETWEEN_THRESHOLDS, "min_singular_ratio", ratio,
                            String.format(Locale.ROOT, "σ_min/σ_max = %.3g between 1e-12 and 1e-6", ratio));
        }
        if (noMetric) {
            return Evaluation.holds("min_singular_ratio", ratio);
        }
        return metricExists
                ? Evaluation.violated(Cause.SYMMETRIZABLE, "min_singular_ratio", ratio, String.format(Locale.ROOT,
                        "a constant symmetric Q with QJ_k = J_kᵀQ at 3 points exists (σ_min/σ_max = %.3g)", ratio))
                : Evaluation.inconclusive(Cause.BETWEEN_THRESHOLDS, "min_singular_ratio", ratio, String.format(
                        Locale.ROOT, "σ_min/σ_max = %.3g (gap %.3g): no clear decision", ratio, gap));
    }

    /**
     * A random full-rank component of V (λ = 0) chosen with the case's seed, or why there is none.
     *
     * @param blocks the eigen-blocks of Mᵀ
     * @param chosen the blocks of the component
     * @param random the case's random source, after the choice
     * @param skip the evaluation to return instead, or null
     */
    private record Component(java.util.List<org.sgema.equilibria.EigenBlock> blocks, int[] chosen, Random random,
                             Evaluation skip) {
        static Component of(Case c) {
            Configuration cfg = c.configuration();
            if (cfg.lambda() != 0) {
                return new Component(null, null, null,
                        Evaluation.hypothesisNotMet(Cause.WEIGHT_DECAY_NONZERO, "λ > 0: V describes λ = 0"));
            }
            Random rnd = new Random(c.seed());
            var blocks = org.sgema.equilibria.EquilibriumVariety.blocks(cfg);
            int[] chosen = org.sgema.equilibria.EquilibriumVariety.randomBlocks(blocks, cfg.m(), rnd);
            return chosen == null ? new Component(null, null, null, Evaluation.hypothesisNotMet(
                    Cause.NO_INVARIANT_SUBSPACE, "no real invariant subspace of dimension m"))
                    : new Component(blocks, chosen, rnd, null);
        }
    }
}
