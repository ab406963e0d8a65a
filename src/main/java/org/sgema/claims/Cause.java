package org.sgema.claims;

import org.sgema.integration.Outcome;
import org.sgema.integration.Trajectory;
import org.sgema.stability.LimitApproach;

/**
 * Why a try ended as it did: one constant for every INCONCLUSIVE, HYPOTHESIS_NOT_MET and
 * VIOLATED path of the checks (Hipparchus keys its failures the same way, by an enum plus the
 * numbers). The numbers stay in the evaluation's reason and metric; reports and the property
 * engine group and identify failures by the cause, never by the reason's text.
 */
public enum Cause {
    /** the verdict speaks for itself (HOLDS) */
    NONE(Verdict.HOLDS, "—"),

    /** the run stopped at its time horizon before converging */
    HORIZON_REACHED(Verdict.INCONCLUSIVE, "run reached the horizon"),
    /** the run hit its wall-clock cap */
    TIMED_OUT(Verdict.INCONCLUSIVE, "run timed out"),
    /** the run diverged */
    DIVERGED(Verdict.INCONCLUSIVE, "run diverged"),
    /** the integrator failed (step size underflow, evaluation budget, non-finite values) */
    INTEGRATOR_FAILED(Verdict.INCONCLUSIVE, "integrator failed"),
    /** an arithmetic failure inside the check */
    NUMERICAL_FAILURE(Verdict.INCONCLUSIVE, "numerical failure"),
    /** the key metric is not finite */
    NOT_FINITE(Verdict.INCONCLUSIVE, "metric not finite"),
    /** the error lies between the HOLDS tolerance and the VIOLATED threshold (the round-off zone) */
    BETWEEN_THRESHOLDS(Verdict.INCONCLUSIVE, "between thresholds"),
    /** a singular value counted as zero is far above round-off: the nullity is ambiguous */
    AMBIGUOUS_NULLITY(Verdict.INCONCLUSIVE, "ambiguous nullity"),
    /** the gap between zero and non-zero singular values or eigenvalues is too small */
    SMALL_GAP(Verdict.INCONCLUSIVE, "small gap"),
    /** the stability classifier could not decide */
    CLASSIFICATION_UNDECIDED(Verdict.INCONCLUSIVE, "classification undecided"),
    /** the limit does not project onto F = 0 nearby */
    PROJECTION_FAILED(Verdict.INCONCLUSIVE, "projection failed"),
    /** the run stopped near a saddle, and continued it moved away */
    SADDLE_LEFT(Verdict.INCONCLUSIVE, "saddle left"),
    /** the unstable mode grows too slowly for the run's tolerance and horizon */
    UNRESOLVED_MODE(Verdict.INCONCLUSIVE, "unstable mode unresolved"),
    /** an unstable point was left only a little before the run ended */
    NOT_LEFT(Verdict.INCONCLUSIVE, "not left in time"),
    /** the stop tolerance and second-order terms do not resolve the predicted limit */
    LIMIT_UNRESOLVED(Verdict.INCONCLUSIVE, "predicted limit unresolved"),
    /** the classified local dimension differs from the equilibrium manifold's predicted one */
    DIMENSION_MISMATCH(Verdict.INCONCLUSIVE, "dimension mismatch"),
    /** the equilibrium manifold's dimension has no prediction there (the ranks of A and R at the limit undecided) */
    DIMENSION_UNPREDICTED(Verdict.INCONCLUSIVE, "dimension not predicted"),
    /** the measured quantity is at its round-off floor: an order or exponent cannot be fitted */
    AT_FLOOR(Verdict.INCONCLUSIVE, "at the round-off floor"),
    /** dE0/dt > 0 at the point, but E0 did not rise over the run */
    NO_RISE(Verdict.INCONCLUSIVE, "no rise over the run"),
    /** the run keeps moving through a bounded region at a steady speed: no decay resolvable (LimitApproach STEADY) */
    STEADY_MOTION(Verdict.INCONCLUSIVE, "steady motion, no decay resolvable"),

    /** λ > 0, the statement is about λ = 0 */
    WEIGHT_DECAY_NONZERO(Verdict.HYPOTHESIS_NOT_MET, "λ > 0"),
    /** λ = 0, the statement is about λ > 0 */
    WEIGHT_DECAY_ZERO(Verdict.HYPOTHESIS_NOT_MET, "λ = 0"),
    /** σ = 0 (identical views), the statement needs σ > 0 */
    SIGMA_ZERO(Verdict.HYPOTHESIS_NOT_MET, "σ = 0"),
    /** σ > 0, the statement is about σ = 0 */
    SIGMA_POSITIVE(Verdict.HYPOTHESIS_NOT_MET, "σ > 0"),
    /** Cxy = 0 */
    CROSS_MOMENT_ZERO(Verdict.HYPOTHESIS_NOT_MET, "Cxy = 0"),
    /** B = 0 */
    ENCODER_ZERO(Verdict.HYPOTHESIS_NOT_MET, "B = 0"),
    /** Mᵀ has no real invariant subspace of dimension m (no full-rank component of V) */
    NO_INVARIANT_SUBSPACE(Verdict.HYPOTHESIS_NOT_MET, "no invariant subspace"),
    /** Mᵀ has numerically repeated eigenvalues */
    REPEATED_EIGENVALUES(Verdict.HYPOTHESIS_NOT_MET, "repeated eigenvalues"),
    /** the limit is collapsed, outside the full-rank part */
    COLLAPSED_LIMIT(Verdict.HYPOTHESIS_NOT_MET, "collapsed limit"),
    /** A is singular at the limit: such equilibria need not lie on V */
    SINGULAR_PREDICTOR(Verdict.HYPOTHESIS_NOT_MET, "singular A"),
    /** the chosen component of V is the leading one */
    TOP_COMPONENT(Verdict.HYPOTHESIS_NOT_MET, "top component"),
    /** too many components of V to enumerate */
    TOO_MANY_COMPONENTS(Verdict.HYPOTHESIS_NOT_MET, "too many components"),
    /** Δ(0) has no negative eigenvalue: no lower bound */
    NO_NEGATIVE_EIGENVALUE(Verdict.HYPOTHESIS_NOT_MET, "no negative eigenvalue of Δ(0)"),
    /**
     * the run has no limit point: it ends, or followed further reaches a state, near a normally attracting
     * relative periodic orbit (LimitApproach CYCLE)
     */
    NO_LIMIT_POINT(Verdict.HYPOTHESIS_NOT_MET, "no limit point (attracting periodic orbit)"),
    /** the equilibrium is not normally attracting (the statement is about attracting ones) */
    NOT_ATTRACTING(Verdict.HYPOTHESIS_NOT_MET, "not attracting"),
    /** the EMA momentum β = 1 − ητ the check needs falls outside [0, 1) */
    MOMENTUM_OUT_OF_RANGE(Verdict.HYPOTHESIS_NOT_MET, "momentum out of range"),
    /** the closed forms are for m = n = 1, λ = 0 */
    NOT_SCALAR(Verdict.HYPOTHESIS_NOT_MET, "not scalar"),

    /** an error above its VIOLATED threshold */
    ABOVE_THRESHOLD(Verdict.VIOLATED, "above threshold"),
    /** ‖B(t)‖ above the exponential bound */
    BOUND_EXCEEDED(Verdict.VIOLATED, "bound exceeded"),
    /** a run that should collapse converged with B ≠ 0 */
    NOT_COLLAPSED(Verdict.VIOLATED, "not collapsed"),
    /** λ > 0 and A did not go to 0 */
    PREDICTOR_NOT_DECAYED(Verdict.VIOLATED, "A not → 0"),
    /** a run converged to rank B < m (collapse) */
    COLLAPSED(Verdict.VIOLATED, "collapsed"),
    /** a constant block metric symmetrizes J */
    SYMMETRIZABLE(Verdict.VIOLATED, "symmetrizable"),
    /** ‖∇_B E0‖ below λ_min(K)‖B‖ */
    GRADIENT_BELOW_BOUND(Verdict.VIOLATED, "gradient below bound"),
    /** E0 rises along SG */
    ENERGY_RISES(Verdict.VIOLATED, "E0 rises"),
    /** the full and reduced spectra give different stability verdicts */
    STABILITY_MISMATCH(Verdict.VIOLATED, "stability mismatch"),
    /** an equilibrium claimed attracting is unstable */
    UNSTABLE_EQUILIBRIUM(Verdict.VIOLATED, "unstable equilibrium"),
    /** a perturbed run diverged from a normally attracting point */
    LEFT_ATTRACTING_POINT(Verdict.VIOLATED, "left an attracting point"),
    /** a perturbed run ended away from the limit its linearization predicts */
    LIMIT_MISPREDICTED(Verdict.VIOLATED, "limit mispredicted"),
    /** a perturbed unstable point returned */
    RETURNED_FROM_UNSTABLE(Verdict.VIOLATED, "returned from unstable point"),
    /** the local dimension differs from the prediction */
    NULLITY_MISMATCH(Verdict.VIOLATED, "nullity mismatch"),
    /** the GL(m) tangent directions have rank below m² */
    TANGENT_RANK_DEFICIENT(Verdict.VIOLATED, "tangent rank deficient"),
    /** AᵀA − αBBᵀ not balanced at the limit */
    IMBALANCE(Verdict.VIOLATED, "imbalance"),
    /** singular values of B fell below the invariant's bound */
    RANK_BELOW_BOUND(Verdict.VIOLATED, "rank below bound"),
    /** a circulation that vanishes within its error bound in the best block metric (a gradient field) */
    ZERO_CIRCULATION(Verdict.VIOLATED, "zero circulation"),
    /** Δ drifts along a flow beyond the integrator's tolerance */
    INVARIANT_DRIFTS(Verdict.VIOLATED, "invariant drifts"),
    /** the field is not O(m)-equivariant */
    NOT_EQUIVARIANT(Verdict.VIOLATED, "not equivariant"),
    /** a collapsed point (A, 0) is normally attracting */
    ATTRACTING_COLLAPSE(Verdict.VIOLATED, "attracting collapsed point"),
    /** J has a non-real eigenvalue at an equilibrium */
    NON_REAL_SPECTRUM(Verdict.VIOLATED, "non-real spectrum"),
    /** a family of runs does not approach its limit */
    NOT_CONVERGING(Verdict.VIOLATED, "not converging"),
    /** two points of one GL(m)-orbit have different stability */
    STABILITY_VARIES(Verdict.VIOLATED, "stability varies on an orbit"),
    /** a point off the top component attracts */
    ATTRACTING_OFF_TOP(Verdict.VIOLATED, "attracting off the top component"),
    /** no constant metric makes GD a gradient flow (the control fails) */
    NO_METRIC_FOR_GD(Verdict.VIOLATED, "no metric for GD"),
    /** the components of V differ from the invariant subspaces of Mᵀ */
    COMPONENT_COUNT(Verdict.VIOLATED, "component count"),
    /** training below the predicted critical rate left, or above it stayed */
    CRITICAL_RATE_MISPREDICTED(Verdict.VIOLATED, "critical rate mispredicted"),
    /** a training step differs from the Euler step θ + ηF(θ) (τ = (1 − β)/η) */
    MAP_NOT_EULER(Verdict.VIOLATED, "map is not the Euler step"),
    /** a discretization error does not shrink at its order as η → 0 */
    WRONG_ORDER(Verdict.VIOLATED, "wrong order in η"),
    /** the limit of training is not an equilibrium of the flow */
    OFF_EQUILIBRIUM(Verdict.VIOLATED, "limit off the equilibria"),
    /** training above η* left θ* and settled on another equilibrium, stable for the map */
    SETTLED_ELSEWHERE(Verdict.VIOLATED, "settled on another equilibrium"),
    /** the minibatch spread does not scale like √(η/b) */
    SPREAD_EXPONENT(Verdict.VIOLATED, "spread exponent"),
    /** the check threw */
    EXCEPTION(Verdict.VIOLATED, "exception");

    private final Verdict verdict;
    private final String label;

    Cause(Verdict verdict, String label) {
        this.verdict = verdict;
        this.label = label;
    }

    /** @return the verdict this cause explains */
    public Verdict verdict() {
        return verdict;
    }

    /** @return a short label for tables */
    public String label() {
        return label;
    }

    /**
     * @return the INCONCLUSIVE cause of a run that did not converge
     * @throws IllegalArgumentException for CONVERGED, which is not a cause
     */
    public static Cause of(Outcome outcome) {
        return switch (outcome) {
            case HORIZON_REACHED -> HORIZON_REACHED;
            case TIMED_OUT -> TIMED_OUT;
            case DIVERGED -> DIVERGED;
            case INTEGRATOR_FAILED -> INTEGRATOR_FAILED;
            case CONVERGED -> throw new IllegalArgumentException("CONVERGED is not a cause of an undecided try");
        };
    }

    /**
     * @param run a run whose limit is not decided
     * @param approach its approach ({@link LimitApproach#decided()} false)
     * @return STEADY_MOTION when the run keeps moving at a steady speed, else the cause of its outcome
     */
    public static Cause undecided(Trajectory run, LimitApproach approach) {
        return approach.steady() ? STEADY_MOTION : of(run.outcome());
    }
}
