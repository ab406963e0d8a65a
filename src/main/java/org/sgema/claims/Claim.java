package org.sgema.claims;

import java.util.function.BiFunction;

import org.sgema.integration.IntegrationSettings;
import org.sgema.model.InvalidInputException;

/**
 * The claim catalogue: every claim of the theory notes, section 3, with its ID, kind, a
 * one-line statement and the check that decides one case. {@code properties/CLAIMS.md} is the
 * readable version (tolerances, thresholds, property classes).
 *
 * <p>A FINDING is checked as the universal statement it refutes ("SG never collapses"): a try
 * whose verdict is VIOLATED is a witness of the finding.</p>
 */
public enum Claim {
    T1("T1", ClaimKind.THEOREM, Score.LOG_ERROR, "diag(1/α, 1)·J_GD is symmetric (GD is a gradient flow): the control",
            (c, s) -> MetricSymmetry.gdControl(c)),
    T2_ASYMMETRY("T2-asymmetry", ClaimKind.THEOREM, Score.NEG_LOG,
            "no constant block metric symmetrizes J_SG / J_EMA at several generic points when Cxy ≠ 0",
            (c, s) -> MetricSymmetry.notAGradientFlow(c)),
    T2_POINTWISE("T2-pointwise", ClaimKind.FINDING, Score.NEG_LOG,
            "at some single points a block metric does symmetrize J_SG (refutes the pointwise reading of [T2])",
            (c, s) -> MetricSymmetry.pointwise(c)),
    T2_STOKES("T2-stokes", ClaimKind.THEOREM, Score.LOG_ERROR,
            "circulation of P⁻¹F around a small loop: quadrature agrees with π r²(vᵀJ'u − uᵀJ'v); zero for GD",
            (c, s) -> Circulation.stokes(c)),
    T2_GRADIENT("T2-gradient", ClaimKind.THEOREM, Score.NEG_METRIC,
            "at R = 0 equilibria ∇_B E0 = B·K with K the Schur complement, so ‖∇E0‖ ≥ λ_min(K)‖B‖ > 0",
            (c, s) -> ObjectiveAtEquilibria.gradientAtEquilibria(c)),
    T2_ENERGY_RISES("T2-energy-rises", ClaimKind.FINDING, Score.METRIC, "E0 increases along some SG trajectories",
            (c, s) -> ObjectiveAtEquilibria.energyRises(c)),
    T3_IDENTITY("T3-identity", ClaimKind.THEOREM, Score.LOG_ERROR, "along GD, d/dt‖B‖² = −4E0 − 2λ‖B‖² pointwise",
            (c, s) -> GdCollapse.identity(c)),
    T3_BOUND("T3-bound", ClaimKind.THEOREM, Score.METRIC, "along GD, ‖B(t)‖ ≤ e^{−(σ+λ)t}‖B(0)‖ and B → 0 (A → 0 if λ > 0)",
            GdCollapse::bound),
    T3_SIGMA_ZERO("T3-sigma-zero", ClaimKind.FINDING, Score.METRIC, "with σ = 0 (identical views) GD has non-collapsed limits",
            GdCollapse::sigmaZero),
    T4_INVARIANT("T4-invariant", ClaimKind.THEOREM, Score.LOG_ERROR, "along SG, AᵀA − αBBᵀ = e^{−2λt}(AᵀA − αBBᵀ)(0)",
            SgInvariantChecks::invariant),
    T4_RANK_BOUND("T4-rank-bound", ClaimKind.THEOREM, Score.NEG_METRIC,
            "along SG, α s_k(B(t))² ≥ e^{−2λt}|ν_k(Δ(0))| for the negative eigenvalues ν_k of Δ(0)",
            SgInvariantChecks::rankBound),
    T4_SG_COLLAPSE("T4-sg-collapse", ClaimKind.FINDING, Score.NEG_METRIC, "SG reaches dimensional or complete collapse from some inits",
            SgInvariantChecks::sgCollapse),
    T5_PARAMETERIZATION("T5-parameterization", ClaimKind.THEOREM, Score.LOG_ERROR,
            "B = G Wᵀ, A = G Λᵀ G⁻¹ (Mᵀ W = W Λ) are SG and EMA equilibria (λ = 0)",
            (c, s) -> VarietyChecks.parameterization(c)),
    // nullity − m² violates when negative; positive is AMBIGUOUS_NULLITY (INCONCLUSIVE), which |metric|
    // scored highest, so targeted search climbed into undecidable tries (99 of 125 in a deep run)
    T5_LOCAL_DIMENSION("T5-local-dimension", ClaimKind.THEOREM, Score.NEG_METRIC,
            "the equilibrium set has local dimension N − rank J = m² on the full-rank part (λ = 0)",
            (c, s) -> VarietyChecks.localDimension(c)),
    T5_GL_TANGENT("T5-gl-tangent", ClaimKind.THEOREM, Score.LOG_ERROR, "the GL(m) directions ([X, A], XB) span ker J (λ = 0)",
            (c, s) -> VarietyChecks.glTangent(c)),
    T5_COMPONENTS("T5-components", ClaimKind.THEOREM, Score.LOG_ERROR,
            "with distinct eigenvalues of Mᵀ the full-rank components of V are its m-dim invariant subspaces: "
                    + "Σ C(r, m−2j)C(p, j) of them, and every point of V reached by projection lies on one",
            (c, s) -> VarietyChecks.components(c)),
    T5_LIMIT_POINTS("T5-limit-points", ClaimKind.THEOREM, Score.LOG_ERROR,
            "full-rank limits of SG/EMA (λ = 0) lie on V: rowspace(B) Mᵀ-invariant, spec A ⊂ spec Mᵀ, B̄ = B",
            VarietyChecks::limitPoints),
    T5_WEIGHT_DECAY("T5-weight-decay", ClaimKind.THEOREM, Score.LOG_ERROR, "with λ > 0, SG limits satisfy AᵀA = αBBᵀ",
            VarietyChecks::weightDecayBalance),
    T6_SPECTRUM("T6-spectrum", ClaimKind.THEOREM, Score.LOG_ERROR,
            "spec J = spec L ∪ {0}^{m²} at R = 0 and spec N_A ∪ {0}^{m²} at (A, 0); same stability verdict",
            (c, s) -> ReducedSpectrumChecks.spectrum(c)),
    T7_SCALAR("T7-scalar", ClaimKind.THEOREM, Score.LOG_ERROR, "scalar SG/EMA closed-form spectra; scalar EMA equilibria attract",
            (c, s) -> StabilityChecks.scalar(c)),
    T7_PERTURBATION("T7-perturbation", ClaimKind.THEOREM, Score.LOG_ERROR,
            "normally attracting points of V pull perturbations back within Kε; unstable ones let them go",
            StabilityChecks::perturbation),
    T2_NON_REAL("T2-non-real", ClaimKind.FINDING, Score.METRIC,
            "at some SG/EMA equilibria J has non-real eigenvalues: no metric and no function make F a gradient there",
            (c, s) -> NewClaimChecks.nonRealSpectrum(c)),
    SG_LIMIT_OF_EMA("SG-limit-of-EMA", ClaimKind.THEOREM, Score.METRIC,
            "EMA tends to SG as τ → ∞: at t = 1 the distance falls ~10× per 10× in τ (τ = 10, 100, 1000)",
            NewClaimChecks::sgLimitOfEma),
    T7_ORBIT_VARIES("T7-orbit-varies", ClaimKind.FINDING, Score.METRIC,
            "on one GL(m)-orbit of V some points attract and others are unstable (SG, λ = 0)",
            (c, s) -> NewClaimChecks.orbitStability(c)),
    T7_ATTRACTING_OFF_TOP("T7-attracting-off-top", ClaimKind.FINDING, Score.METRIC,
            "components of V other than the leading one contain normally attracting points (SG, λ = 0)",
            (c, s) -> NewClaimChecks.attractingOffTop(c)),
    T4_EMA_INVARIANT("T4-ema-invariant", ClaimKind.THEOREM, Score.LOG_ERROR,
            "along EMA too, AᵀA − αBBᵀ = e^{−2λt}(AᵀA − αBBᵀ)(0) (the notes say no such invariant holds for EMA)",
            NewClaimChecks::emaInvariant),
    T5_EQUIVARIANCE("T5-equivariance", ClaimKind.THEOREM, Score.LOG_ERROR,
            "F(QAQᵀ, QB, QB̄) = (Q F_A Qᵀ, Q F_B, Q F_B̄) for orthogonal Q, for GD, SG and EMA",
            (c, s) -> NewClaimChecks.equivariance(c)),
    T7_COLLAPSED_ATTRACTING("T7-collapsed-attracting", ClaimKind.FINDING, Score.METRIC,
            "some collapsed SG points (A, 0) are normally attracting (refutes 'collapse never attracts')",
            (c, s) -> NewClaimChecks.collapsedAttracting(c)),
    D_FIXED_POINTS("D-fixed-points", ClaimKind.THEOREM, Score.LOG_ERROR,
            "the limits of training θ ← θ + ηF(θ) are equilibria of the flow (on V at λ = 0, balanced at λ > 0)",
            DiscreteChecks::fixedPoints),
    D_CRITICAL_RATE("D-critical-rate", ClaimKind.THEOREM, Score.ABS,
            "a normally attracting equilibrium attracts training iff η < η* = min 2|Re μ|/|μ|² (0.8η* stays, 1.25η* leaves)",
            DiscreteChecks::criticalRate),
    D_SELF_STABILIZATION("D-self-stabilization", ClaimKind.FINDING, Score.METRIC,
            "above η*, training leaves θ* but does not diverge: it settles on another equilibrium of V with η*(θ') ≥ η",
            (c, s) -> DiscreteChecks.selfStabilization(c, s)),
    D_INVARIANT_DRIFT("D-invariant-drift", ClaimKind.THEOREM, Score.NEG_METRIC,
            "along SG training Δ = AᵀA − αBBᵀ drifts by O(η²) per step, and the [T4] rank bound holds up to that drift",
            DiscreteChecks::invariantDrift),
    D_GD_COLLAPSE("D-gd-collapse", ClaimKind.THEOREM, Score.NEG_METRIC,
            "GD training obeys ‖B_{k+1}‖² ≤ (1 − 2η(σ+λ))‖B_k‖² + η²‖F_B‖² and its decay rate tends to the flow's at O(η)",
            DiscreteChecks::gdCollapse),
    D_EMA_LIMIT("D-ema-limit", ClaimKind.THEOREM, Score.NEG_METRIC,
            "the momentum update B̄ ← βB̄ + (1−β)B is the Euler step with τ = (1−β)/η; discrete EMA → EMA flow at O(η)",
            DiscreteChecks::emaLimit),
    D_MINIBATCH_SPREAD("D-minibatch-spread", ClaimKind.EMPIRICAL, Score.METRIC,
            "with minibatches of size b the iterates fluctuate around V with a spread ~ √(η/b) (fitted exponents)",
            DiscreteChecks::minibatchSpread),
    E3("E3", ClaimKind.EMPIRICAL, Score.NEG_METRIC,
            "from the same initial states (λ = 0, σ > 0) GD collapses completely while SG and EMA do not",
            NewClaimChecks::contrast),
    E4("E4", ClaimKind.EMPIRICAL, Score.ABS,
            "with λ > 0, full-rank SG limits are isolated modulo O(m): local dimension m(m − 1)/2",
            VarietyChecks::weightDecayDimension),
    E5("E5", ClaimKind.EMPIRICAL, Score.NEG_LOG,
            "no constant metric (any symmetric Q) makes SG/EMA a gradient at 3 generic points; GD has one (control)",
            (c, s) -> NewClaimChecks.anyConstantMetric(c)),
    E1("E1", ClaimKind.EMPIRICAL, Score.METRIC, "limit points of SG and EMA from random inits are normally attracting",
            StabilityChecks::limitPoint),
    E2("E2", ClaimKind.EMPIRICAL, Score.METRIC, "collapse rates of GD (100 % when σ > 0), SG and EMA from random inits",
            CollapseRates::collapse);

    private final String id;
    private final ClaimKind kind;
    private final Score score;
    private final String statement;
    private final BiFunction<Case, IntegrationSettings, Evaluation> check;

    Claim(String id, ClaimKind kind, Score score, String statement,
          BiFunction<Case, IntegrationSettings, Evaluation> check) {
        this.id = id;
        this.kind = kind;
        this.score = score;
        this.statement = statement;
        this.check = check;
    }

    /** @return the claim ID, e.g. {@code T3-bound} */
    public String id() {
        return id;
    }

    /** @return the kind */
    public ClaimKind kind() {
        return kind;
    }

    /** @return how the key metric becomes a score that grows towards violation */
    public Score score() {
        return score;
    }

    /**
     * @return the score of a try for targeted search: {@link #score()} of its key metric, NaN
     *     when the hypothesis was not met or the metric is undefined. Two claims score branches
     *     differently: [E5]'s GD control (a large σ_min/σ_max is closer to violation, the reverse of
     *     SG/EMA) and [T7]-perturbation's unstable branch (a short excursion is closer to violation)
     */
    public double score(org.sgema.flows.Flow flow, Evaluation e) {
        if (e.verdict() == Verdict.HYPOTHESIS_NOT_MET) {
            return Double.NaN;
        }
        if (this == E5 && flow == org.sgema.flows.Flow.GD) {
            return Score.LOG_ERROR.of(e.metric());
        }
        if (this == D_MINIBATCH_SPREAD) {
            return Math.abs(e.metric() - 0.5);
        }
        if (this == T7_PERTURBATION && e.metricName().equals("distance_over_eps")) {
            return Score.NEG_LOG.of(e.metric());
        }
        return score.of(e.metric());
    }

    /**
     * @return why no mutant of the dynamics whose Jacobian is consistent with its field can make
     *     this THEOREM fail, so that its check can only refute the theory (or the numerics), not
     *     wrong dynamics; empty when some mutant can
     */
    public String onlyRefutesTheory() {
        return switch (this) {
            case T2_GRADIENT -> "a statement about the objective E0 at points built from the parameterization of V: "
                    + "it does not use the vector field";
            case T5_EQUIVARIANCE -> "every mutant here is built from the same matrix products, all O(m)-equivariant; "
                    + "an implementation error that breaks the symmetry (an index, a constant term) fails it (tested)";
            default -> "";
        };
    }

    /**
     * @return the hypothesis the check needed beyond the reference's statement of the claim (the
     *     report's first screen lists them), or empty
     */
    public String extraHypothesis() {
        return switch (this) {
            case T3_BOUND -> "σ > 0 (views not identical): with σ = 0 GD has non-collapsed limits ([T3]-sigma-zero)";
            case T4_RANK_BOUND -> "Δ(0) has a negative eigenvalue (otherwise there is no bound)";
            case T5_LIMIT_POINTS -> "A invertible at the limit: SG equilibria with singular A need not lie on V";
            case T5_LOCAL_DIMENSION, T5_COMPONENTS -> "distinct eigenvalues of Mᵀ (repeated ones change the count)";
            case T5_WEIGHT_DECAY -> "a limit other than (0, 0) (most runs with λ ≥ 0.1 collapse completely)";
            case E1 -> "a converged run (slow EMA runs reach the horizon first)";
            case D_CRITICAL_RATE -> "a normally attracting equilibrium; for EMA, 1.25η*τ < 1 (a momentum β ≥ 0)";
            case D_MINIBATCH_SPREAD -> "small noise (η/b small): at b = 8 and η = 0.1η* the spread saturates";
            default -> "";
        };
    }

    /** @return the one-line statement */
    public String statement() {
        return statement;
    }

    /**
     * Checks one case. Never throws for numerical trouble: an unexpected arithmetic failure
     * becomes INCONCLUSIVE with its message.
     */
    public Evaluation check(Case c, IntegrationSettings settings) {
        try {
            return check.apply(c, settings);
        } catch (ArithmeticException | org.hipparchus.exception.MathRuntimeException e) {
            return Evaluation.inconclusive(Cause.NUMERICAL_FAILURE, "", Double.NaN, "numerical failure: " + e.getMessage());
        }
    }

    /**
     * Whether a VIOLATED try of this flow fails the claim. It does for every claim except the
     * SG and EMA tries of [E2] and the tries of [E3] and [E4], which are measured, not claimed
     * (GD's collapse is [T3]).
     */
    public boolean violationFails(org.sgema.flows.Flow flow) {
        return switch (this) {
            case E2, E5 -> flow == org.sgema.flows.Flow.GD;   // GD is the claimed control, SG/EMA are measured
            case E3, E4, D_MINIBATCH_SPREAD -> false;           // measured rates
            default -> true;
        };
    }

    /**
     * Whether this claim's rate is measured over the tries of this flow: the flows whose
     * violations do not fail it, if it has any, else every flow.
     */
    public boolean rated(org.sgema.flows.Flow flow) {
        return switch (this) {
            case E2, E5 -> flow != org.sgema.flows.Flow.GD;
            default -> true;
        };
    }

    /** @return the claim with this ID */
    public static Claim byId(String id) {
        for (Claim c : values()) {
            if (c.id.equalsIgnoreCase(id)) {
                return c;
            }
        }
        throw new InvalidInputException("claim", "unknown claim ID '" + id + "'");
    }
}
