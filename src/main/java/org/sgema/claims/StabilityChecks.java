package org.sgema.claims;

import java.util.Locale;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;

import org.sgema.equilibria.EquilibriumProjector;
import org.sgema.equilibria.EquilibriumVariety;
import org.sgema.flows.DisplacementField;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Method;
import org.sgema.integration.Outcome;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.model.Objective;
import org.sgema.numerics.Matrices;
import org.sgema.numerics.RankEstimate;
import org.sgema.numerics.SpectralProjector;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;
import org.sgema.numerics.Spectrum;
import org.sgema.flows.JacobianLipschitz;
import org.sgema.stability.LimitApproach;
import org.sgema.stability.Stability;
import org.sgema.stability.StabilityClassifier;
import org.sgema.stability.StabilityVerdict;

/**
 * [T7] Stability of equilibria and [E1] stability of limit points.
 * <pre>
 *   scalar EMA at (a, b, b), ac = k:  det(zI − J) = z (z² + p z + q),
 *       p = αb²c + k²/c + τ,  q = ατ b² c
 *   scalar SG at (a, b), ac = k:       spec J = {0, −αb²c}
 *   scalar SG at (a, 0):               spec J = {0, −a(ac − k)}
 * </pre>
 * Dynamic confirmation: from {@code θ* + εξ} a normally attracting point's trajectory converges
 * within {@code Kε} of θ* (K = 100 holds, beyond 1e4 violates); an unstable one leaves the
 * {@code 100ε} ball.
 */
public final class StabilityChecks {
    private StabilityChecks() {
    }

    /**
     * The scalar closed forms (m = n = 1; c = Cxx, k = Cxy) at the case's b (its initial
     * encoder entry), against the general Jacobian's spectrum, and the [T7] classifier on that
     * Jacobian must not find the EMA equilibrium unstable. Metric: the largest spectral distance.
     */
    public static Evaluation scalar(Case c) {
        Configuration cfg = c.configuration();
        if (cfg.n() != 1 || cfg.m() != 1 || cfg.lambda() != 0) {
            return Evaluation.hypothesisNotMet(Cause.NOT_SCALAR, "closed forms are for m = n = 1, λ = 0");
        }
        double cc = cfg.cxx().get(0, 0);
        double k = cfg.cxy().get(0, 0);
        double alpha = cfg.alpha();
        double tau = cfg.tau();
        double b = c.initial().encoder().get(0, 0);
        double a = k / cc;
        double p = alpha * b * b * cc + k * k / cc + tau;
        double q = alpha * tau * b * b * cc;
        double disc = p * p - 4 * q;
        Spectrum emaExpected = disc >= 0
                ? Spectrum.of(new double[] {0, (-p + Math.sqrt(disc)) / 2, (-p - Math.sqrt(disc)) / 2}, new double[3])
                : Spectrum.of(new double[] {0, -p / 2, -p / 2}, new double[] {0, Math.sqrt(-disc) / 2, -Math.sqrt(-disc) / 2});
        Spectrum ema = Spectrum.of(c.field(Flow.EMA).jacobian(new double[] {a, b, b}));
        Spectrum sgExpected = Spectrum.of(new double[] {0, -alpha * b * b * cc}, new double[2]);
        Spectrum sg = Spectrum.of(c.field(Flow.SG).jacobian(new double[] {a, b}));
        double a0 = c.initial().predictor().get(0, 0);
        Spectrum collapsedExpected = Spectrum.of(new double[] {0, -a0 * (a0 * cc - k)}, new double[2]);
        Spectrum collapsed = Spectrum.of(c.field(Flow.SG).jacobian(new double[] {a0, 0}));
        double scale = 1 + p + Math.abs(a0 * (a0 * cc - k));
        double d = Math.max(ema.distanceTo(emaExpected), Math.max(sg.distanceTo(sgExpected),
                collapsed.distanceTo(collapsedExpected))) / scale;
        Evaluation e = Evaluation.judge("relative_spectral_distance", d, 1e-10, 1e-6, "closed form vs general Jacobian");
        // "scalar EMA equilibria attract", decided from the general Jacobian, not from the formula
        Stability st = new StabilityClassifier().classify(c.field(Flow.EMA).jacobian(new double[] {a, b, b}), 0);
        if (e.verdict() == Verdict.HOLDS && st.verdict() == StabilityVerdict.UNSTABLE) {
            return Evaluation.violated(Cause.UNSTABLE_EQUILIBRIUM, "relative_spectral_distance", d,
                    "scalar EMA equilibrium is unstable: " + st.reason());
        }
        if (e.verdict() == Verdict.HOLDS && b != 0 && st.verdict() == StabilityVerdict.INCONCLUSIVE) {
            // the claim is about b ≠ 0: an undecided classification is not an attracting point
            return Evaluation.inconclusive(Cause.CLASSIFICATION_UNDECIDED, "relative_spectral_distance", d,
                    "spectra match, but the EMA equilibrium's classification is undecided: " + st.reason());
        }
        return e;
    }

    /**
     * The longest horizon a perturbation run, or a continued run of [T5]-limit-points and [E1], is
     * given (the stiff method makes it affordable; the wall clock bounds what it costs). It was
     * 1e7: TINY_GAP runs, whose rowspace(B) turns between eigenvectors 1e-6 apart at rates near
     * 1e-8, reached it in a fraction of a second with ‖F‖ between 2e-9 and 6e-7 and no decay
     * resolved, and converge (or collapse) before 1e9.
     */
    static final double MAX_HORIZON = 1e9;

    /**
     * θ* counts as an equilibrium to round-off when {@code ‖F(θ*)‖ ≤ this · u ‖J‖_F (1 + ‖θ*‖)} (u
     * taken as ulp(1)): F's own rounding at a point of V is a few u ‖J‖ (1 + ‖θ*‖).
     */
    static final double ROUND_OFF_EQUILIBRIUM = 1e3;

    /**
     * An unstable point's perturbed run stops (as DIVERGED) once it is this many ε from θ*: it has
     * left by more than the 100 ε that decide ({@link #unstableVerdict}), and nothing it does later
     * changes the verdict. Its metric is then about this value, not the run's farthest excursion.
     */
    static final double DEPARTURE = 1e3;

    /**
     * Classify a random point θ* of V (λ = 0) for the case's flow (SG or EMA with B̄ = B), perturb
     * it by δ of size {@code ε = min(1e-4, 1e-2 |Re λ|/‖J‖_F)(1 + ‖θ*‖)} in a random direction
     * (|Re λ| the slowest decay or the growth rate at θ*), and integrate in displacement
     * coordinates ({@link DisplacementField}: rounding proportional to ‖δ‖, not to θ*'s size) to
     * {@code max(horizon, 40/|Re λ|)} (attracting) or {@code max(horizon, 100/Re λ₊)} (unstable;
     * such a run stops once it is {@value #DEPARTURE} ε away, where it has left),
     * at most {@value #MAX_HORIZON}, with the absolute stop test
     * <pre>
     *   ‖G(δ)‖ ≤ tol (1 + ‖δ‖),   tol = max(100 u ‖J‖_F ε, min(tol_settings (1 + ‖θ*‖), 1e-3 |Re λ| ε))
     * </pre>
     * (u the unit roundoff: below 100 u ‖J‖ ε the stop test would read rounding) and absolute
     * error tolerance {@code rtol·ε}. θ* is first polished onto F = 0 ({@link EquilibriumProjector},
     * where that lowers ‖F‖) and the field of the run is {@code G(δ) = F(θ* + δ) − F(θ*)}. Where
     * {@code ‖F(θ*)‖ ≤ }{@value #ROUND_OFF_EQUILIBRIUM}{@code  u‖J‖(1 + ‖θ*‖)} (θ* an equilibrium to
     * round-off) G is F up to a constant of round-off size and the verdict is about F up to that
     * backward error, as every floating-point run is; beyond it, the constant joins the attracting
     * verdict's floor as {@code 10 (‖F(θ*)‖ + that bound)/|Re λ|}. An attracting point whose run
     * ends between the thresholds gets a second run, from −δ ({@link #pairVerdict}). Metric:
     * prediction error / ε (attracting) or distance / ε (unstable).
     */
    public static Evaluation perturbation(Case c, IntegrationSettings settings) {
        Configuration cfg = c.configuration();
        if (cfg.lambda() != 0) {
            return Evaluation.hypothesisNotMet(Cause.WEIGHT_DECAY_NONZERO, "λ > 0: the points of V are equilibria for λ = 0");
        }
        Random rnd = new Random(c.seed());
        State sg = EquilibriumVariety.randomPoint(cfg, rnd);
        if (sg == null) {
            return Evaluation.hypothesisNotMet(Cause.NO_INVARIANT_SUBSPACE, "no real invariant subspace of dimension m = " + cfg.m());
        }
        VectorField f = c.field();
        // θ* polished onto F = 0, the point the classifier classifies (a point of V computed in
        // floating point is an equilibrium only to its construction's rounding)
        State star = polished(f, c.flow().hasTarget() ? sg.withTargetEqualToEncoder() : sg);
        Stability st = new StabilityClassifier().classify(f, star);
        if (st.verdict() == StabilityVerdict.INCONCLUSIVE) {
            return Evaluation.inconclusive(Cause.CLASSIFICATION_UNDECIDED, "distance_over_eps", Double.NaN, "classification: " + st.reason());
        }
        double[] theta = star.toArray();
        double scale = 1 + Matrices.norm(theta);
        double rate = Math.abs(st.maxRealNonZero());
        DMatrixRMaj j = f.jacobian(theta);
        double normJ = Matrices.norm(j);
        // ε and the run are chosen from the spectrum at θ* (not from the run): ε small enough that
        // the second-order term stays near 1e-2 ε, the stop test at 1e-3 ε of the slowest mode (or
        // the rounding of G, if larger), the horizon long enough that the slowest mode (attracting)
        // decays by e^{-40}, or the unstable mode can grow by e^{100}
        double relative = Math.min(1e-4, 1e-2 * rate / normJ);
        double eps = relative * scale;
        double tol = Math.max(1e2 * Math.ulp(1.0) * normJ * eps,
                Math.min(settings.convergenceTolerance() * scale, 1e-3 * rate * eps));
        IntegrationSettings common = settings.withConvergenceTolerance(tol)
                .withTolerances(settings.relativeTolerance(), Math.min(settings.absoluteTolerance(),
                        settings.relativeTolerance() * eps))
                .withHorizon(Math.min(MAX_HORIZON, Math.max(settings.horizon(),
                        (st.verdict() == StabilityVerdict.NORMALLY_ATTRACTING ? 40 : 100) / rate)));
        IntegrationSettings run = perturbedRunSettings(st.verdict(), common, eps);
        double[] delta = RandomConfigurations.displacement(theta, relative, rnd);
        // G drops c = F(θ*): where c is round-off, G is F up to a constant of round-off size, and
        // its run is F's up to that backward error (as any floating-point run is); where c is more,
        // the runs of G and F end up to about ‖c‖/|Re λ| apart, which joins the floor below
        double residual = Matrices.norm(f.evaluate(theta));
        double roundOff = ROUND_OFF_EQUILIBRIUM * Math.ulp(1.0) * normJ * scale;
        double dropped = residual <= roundOff ? 0 : residual + roundOff;
        java.util.function.Function<double[], Trajectory> runFrom = start -> new FlowIntegrator(run).integrate(
                new DisplacementField(f, theta), State.fromArray(cfg.m(), cfg.n(), c.flow().hasTarget(), start));
        Trajectory t = runFrom.apply(delta);
        double[] end = t.finalState().toArray();
        // the stop test's threshold where the run ended
        double stopTolerance = tol * (1 + Matrices.norm(end));
        if (st.verdict() == StabilityVerdict.NORMALLY_ATTRACTING) {
            DMatrixRMaj projector = SpectralProjector.kernel(j, st.localDimension());
            if (projector == null) {
                return Evaluation.inconclusive(Cause.CLASSIFICATION_UNDECIDED, "prediction_error_over_eps", Double.NaN,
                        "no spectral projector onto ker J (0 not semisimple to 1e-8)");
            }
            // to first order the run ends at δ∞ = Π₀δ
            double[] predicted = Matrices.times(projector, delta);
            double curvature = normJ / scale * eps * eps / rate;
            double floor = 10 * (stopTolerance + dropped) / rate;
            Limit plus = Limit.of(f, theta, t);
            Evaluation single = attractingVerdict(plus.outcome(), plus.error(predicted), eps, curvature,
                    floor + plus.uncertainty());
            if (single.cause() != Cause.BETWEEN_THRESHOLDS) {
                return single;
            }
            // between the thresholds: the run from −δ separates the limit map's odd part (first
            // order, plus third) from its even part (second order)
            double[] minusDelta = delta.clone();
            for (int i = 0; i < minusDelta.length; i++) {
                minusDelta[i] = -minusDelta[i];
            }
            Trajectory tm = runFrom.apply(minusDelta);
            Limit minus = Limit.of(f, theta, tm);
            double pairFloor = 10 * (Math.max(stopTolerance, tol * (1 + Matrices.norm(tm.finalState().toArray())))
                    + dropped) / rate + plus.uncertainty() + minus.uncertainty();
            // the even part's estimate from F's own second derivative along δ, where it exceeds ‖J‖/(1 + ‖θ*‖)
            double secondOrder = Math.max(curvature, secondDerivative(f, theta, delta, j) * eps * eps / rate);
            return pairVerdict(single, minus.outcome(), plus.limit(), minus.limit(), predicted, eps, secondOrder,
                    pairFloor);
        }
        double finalDistance = Matrices.norm(end) / eps;
        double maxDistance = finalDistance;
        for (int i = 0; i < t.size(); i++) {
            maxDistance = Math.max(maxDistance, Matrices.norm(t.state(i).toArray()) / eps);
        }
        return unstableVerdict(st, t.outcome(), maxDistance, finalDistance, eps, stopTolerance, run.horizon());
    }

    /**
     * The settings of a perturbed run at a point classified {@code verdict}: at an UNSTABLE point the
     * divergence limit becomes {@code min(limit, }{@value #DEPARTURE}{@code ε)}, since leaving by
     * 100 ε decides ({@link #unstableVerdict}) and what a run that is {@value #DEPARTURE} ε away does
     * after changes nothing; at an attracting point they stay as they are (a run that went that far
     * would end DIVERGED, which is a violation there, whatever came next).
     */
    static IntegrationSettings perturbedRunSettings(StabilityVerdict verdict, IntegrationSettings common, double eps) {
        return verdict == StabilityVerdict.UNSTABLE
                ? common.withDivergenceLimit(Math.min(common.divergenceLimit(), DEPARTURE * eps)) : common;
    }

    /**
     * Where a perturbed run ended, in displacement coordinates: its end if it CONVERGED; for a run
     * that reached its horizon with a decided approach (judged in θ, where the symmetry and the
     * equilibria are), that approach's limit, known to within its error, and the outcome counted as
     * CONVERGED (only at the horizon the run was given: a wall-clock stop may cut the slow mode's
     * decay short); otherwise no limit.
     *
     * @param outcome the run's outcome as the verdict counts it
     * @param limit δ∞, or null
     * @param uncertainty how far the true limit may be from {@code limit} (0 for a converged run)
     */
    record Limit(Outcome outcome, double[] limit, double uncertainty) {
        static Limit of(VectorField f, double[] theta, Trajectory t) {
            if (t.outcome() == Outcome.CONVERGED) {
                return new Limit(Outcome.CONVERGED, t.finalState().toArray(), 0);
            }
            LimitApproach approach = LimitApproach.of(f, t.translated(theta));
            if (!approach.decided()) {
                return new Limit(t.outcome(), null, 0);
            }
            double[] limit = approach.limit().toArray();
            for (int r = 0; r < limit.length; r++) {
                limit[r] -= theta[r];
            }
            return new Limit(t.outcome() == Outcome.HORIZON_REACHED ? Outcome.CONVERGED : t.outcome(), limit,
                    approach.limitError());
        }

        /** @return ‖δ∞ − predicted‖, NaN without a limit */
        double error(double[] predicted) {
            return limit == null ? Double.NaN : Matrices.distance(limit, predicted);
        }
    }

    /**
     * The verdict on a pair of perturbed runs, from δ and from −δ, after the run from δ alone ended
     * between the thresholds ({@code single}). Their limits split into the odd part
     * {@code (δ₊∞ − δ₋∞)/2 = Π₀δ + O(ε³)} and the even part {@code (δ₊∞ + δ₋∞)/2 = O(ε²)}: a first-order
     * miss shows in the odd part alone, which the second-order term does not reach. With
     * {@code curvature} the second-order estimate (here the larger of ‖J‖/(1 + ‖θ*‖) and F's own
     * second derivative along δ, {@link #secondDerivative}, times ε²/|Re λ|),
     * {@code third = (curvature/ε)² ε} and {@code floor} that of both runs:
     * <pre>
     *   the run from −δ DIVERGED                  VIOLATED (left an attracting point)
     *   any other end but CONVERGED               INCONCLUSIVE (its outcome)
     *   curvature + floor ≥ 0.05 ε                INCONCLUSIVE (not resolved)
     *   odd error ≤ max(third, floor, 1e-3 ε) and
     *     even part ≤ min(0.05 ε, max(10 curvature, floor, 1e-3 ε))
     *                                             HOLDS (the first-order prediction, to third order;
     *                                             the second-order term within 10× its estimate)
     *   odd error &gt; 0.5 ε + floor                 VIOLATED (a first-order miss)
     *   otherwise                                 INCONCLUSIVE, both parts in the reason
     * </pre>
     * Metric: the larger part's error, {@code max(odd error, even part)/ε}.
     */
    static Evaluation pairVerdict(Evaluation single, Outcome minusOutcome, double[] plus, double[] minus,
                                  double[] predicted, double eps, double curvature, double floor) {
        String metric = "prediction_error_over_eps";
        if (minusOutcome == Outcome.DIVERGED) {
            return Evaluation.violated(Cause.LEFT_ATTRACTING_POINT, metric, Double.NaN,
                    "the perturbed run from −δ diverged from a normally attracting point");
        }
        if (minusOutcome != Outcome.CONVERGED || minus == null) {
            return Evaluation.inconclusive(Cause.of(minusOutcome), metric, single.metric(), single.reason()
                    + "; the run from −δ ended " + minusOutcome);
        }
        if (curvature + floor >= 0.05 * eps) {
            return Evaluation.inconclusive(Cause.LIMIT_UNRESOLVED, metric, single.metric(), String.format(Locale.ROOT,
                    "%s; the runs from ±δ: second-order bound %.3g and floor %.3g do not resolve ε = %.3g",
                    single.reason(), curvature, floor, eps));
        }
        double[] odd = new double[plus.length];
        double[] even = new double[plus.length];
        for (int i = 0; i < plus.length; i++) {
            odd[i] = (plus[i] - minus[i]) / 2;
            even[i] = (plus[i] + minus[i]) / 2;
        }
        double oddError = Matrices.distance(odd, predicted);
        double evenPart = Matrices.norm(even);
        double oddBound = Math.max(Math.max(curvature * curvature / eps, floor), 1e-3 * eps);
        double evenBound = Math.min(0.05 * eps, Math.max(Math.max(10 * curvature, floor), 1e-3 * eps));
        double ratio = Math.max(oddError, evenPart) / eps;
        if (oddError <= oddBound && evenPart <= evenBound) {
            return Evaluation.holds(metric, ratio);
        }
        if (oddError > 0.5 * eps + floor) {
            return Evaluation.violated(Cause.LIMIT_MISPREDICTED, metric, ratio, String.format(Locale.ROOT,
                    "the odd part of the runs from ±δ ends %.3g ε from Π₀δ (floor %.3g ε)", oddError / eps,
                    floor / eps));
        }
        return Evaluation.inconclusive(Cause.BETWEEN_THRESHOLDS, metric, ratio, String.format(Locale.ROOT,
                "%s; from ±δ: odd part %.3g ε from Π₀δ (bound %.3g ε), even part %.3g ε (bound %.3g ε)",
                single.reason(), oddError / eps, oddBound / eps, evenPart / eps, evenBound / eps));
    }

    /**
     * @return {@code ‖J(θ + h d) − J(θ)‖_F / (h ‖d‖)} with {@code h = 1e-4 (1 + ‖θ‖)/‖d‖}: the norm of
     *     F's second derivative along d, {@code ‖F''[d/‖d‖]‖}, to a relative 1e-4 (J is quadratic in
     *     θ for the cubic fields here)
     */
    static double secondDerivative(VectorField f, double[] theta, double[] d, DMatrixRMaj jacobianAtTheta) {
        double step = 1e-4 * (1 + Matrices.norm(theta)) / Matrices.norm(d);
        double[] moved = theta.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += step * d[i];
        }
        DMatrixRMaj difference = f.jacobian(moved);
        for (int i = 0; i < difference.data.length; i++) {
            difference.data[i] -= jacobianAtTheta.data[i];
        }
        return Matrices.norm(difference) / (step * Matrices.norm(d));
    }

    /** @return the point projected onto F = 0 if that lowers ‖F‖, else the point (as the classifier does) */
    private static State polished(VectorField f, State point) {
        double residual = Matrices.norm(f.evaluate(point));
        try {
            EquilibriumProjector.Projection p = new EquilibriumProjector().project(f, point);
            return p.residual() < residual ? p.state() : point;
        } catch (RuntimeException e) {
            return point; // the projection's SVD failed: the point as given
        }
    }

    /**
     * The verdict on a perturbation of a point classified NORMALLY_ATTRACTING. To first order the
     * perturbed run flows to {@code θ* + Π₀δ} (Π₀ the spectral projector onto ker J); the error of
     * that prediction is second order, of size {@code curvature ≈ ‖J‖/(1 + ‖θ*‖) · ε²/|Re λ_slow|} (J'' ≈ J/‖θ‖
     * for this cubic field; the 0.05 ε resolution guard below allows a 10× underestimate),
     * and resolved only down to {@code floor ≈ 10 (stop threshold + ‖F(θ*)‖)/|Re λ_slow|} (where
     * the stop test leaves the run, and the constant the displacement field leaves out):
     * <pre>
     *   DIVERGED                               VIOLATED (left an attracting point)
     *   any other end but CONVERGED            INCONCLUSIVE (the run's outcome)
     *   error &gt; 0.5 ε + 10 curvature + floor    VIOLATED (a first-order miss beyond every allowance)
     *   curvature + floor ≥ 0.05 ε             INCONCLUSIVE (the prediction is not resolved)
     *   error ≤ max(curvature, floor, 1e-3 ε)  HOLDS
     *   error &gt; 0.5 ε                          VIOLATED (the limit misses the prediction at first order)
     *   otherwise                              INCONCLUSIVE
     * </pre>
     * Metric: error / ε.
     */
    static Evaluation attractingVerdict(Outcome outcome, double error, double eps, double curvature, double floor) {
        String metric = "prediction_error_over_eps";
        if (outcome == Outcome.DIVERGED) {
            return Evaluation.violated(Cause.LEFT_ATTRACTING_POINT, metric, Double.NaN,
                    "the perturbed run diverged from a normally attracting point");
        }
        if (outcome != Outcome.CONVERGED) {
            return Evaluation.inconclusive(Cause.of(outcome), metric, Double.NaN,
                    "attracting point, but the perturbed run ended " + outcome);
        }
        double ratio = error / eps;
        if (error > 0.5 * eps + 10 * curvature + floor) {
            return Evaluation.violated(Cause.LIMIT_MISPREDICTED, metric, ratio, String.format(Locale.ROOT,
                    "the perturbed run ended %.3g ε from θ* + Π₀δ, beyond 0.5 ε plus every allowance (10× the"
                            + " second-order bound %.3g, floor %.3g)", ratio, curvature / eps, floor / eps));
        }
        if (curvature + floor >= 0.05 * eps) {
            return Evaluation.inconclusive(Cause.LIMIT_UNRESOLVED, metric, ratio, String.format(Locale.ROOT,
                    "second-order bound %.3g and stop-test floor %.3g do not resolve a first-order miss of ε = %.3g",
                    curvature, floor, eps));
        }
        if (error <= Math.max(Math.max(curvature, floor), 1e-3 * eps)) {
            return Evaluation.holds(metric, ratio);
        }
        if (error > 0.5 * eps) {
            return Evaluation.violated(Cause.LIMIT_MISPREDICTED, metric, ratio, String.format(Locale.ROOT,
                    "the perturbed run ended %.3g ε from θ* + Π₀δ (bounds: second order %.3g, floor %.3g)",
                    ratio, curvature / eps, floor / eps));
        }
        return Evaluation.inconclusive(Cause.BETWEEN_THRESHOLDS, metric, ratio, String.format(Locale.ROOT,
                "prediction error %.3g ε between the bound %.3g ε and 0.5 ε", ratio,
                Math.max(Math.max(curvature, floor), 1e-3 * eps) / eps));
    }

    /**
     * The verdict on a perturbation of a point classified UNSTABLE, with growth rate
     * {@code Re λ₊ = st.maxRealNonZero()}. Leaving by more than 100 ε HOLDS. Returning is evidence
     * against instability only if the run could have seen the unstable mode grow:
     * <pre>
     *   stopTolerance ≤ 1e-2 · Re λ₊ · ε     (an unstable component of size ε keeps ‖F‖ above the stop test)
     *   horizon       ≥ 1e2 / Re λ₊          (the mode grows by e^100 within the run)
     * </pre>
     * Then a CONVERGED run that ends within 10 ε is VIOLATED; otherwise the try is INCONCLUSIVE,
     * with the reason. (Without this guard a growth rate of 3e-7 at t ≤ 1e5 was once called
     * VIOLATED: the mode cannot show in such a run.)
     *
     * @param stopTolerance the convergence test's absolute threshold {@code tol·(1 + ‖θ*‖)}
     * @return the evaluation, metric distance / ε
     */
    static Evaluation unstableVerdict(Stability st, Outcome outcome, double maxDistance, double finalDistance,
                                      double eps, double stopTolerance, double horizon) {
        if (maxDistance > 100) {
            return Evaluation.holds("distance_over_eps", maxDistance);
        }
        double rate = st.maxRealNonZero();
        if (!(rate > 0) || stopTolerance > 1e-2 * rate * eps || horizon < 1e2 / rate) {
            return Evaluation.inconclusive(Cause.UNRESOLVED_MODE, "distance_over_eps", maxDistance, String.format(Locale.ROOT,
                    "unstable point with Re λ₊ = %.3g: a run with stop tolerance %.3g and horizon %.3g cannot show "
                            + "the mode (needs tolerance ≤ %.3g and horizon ≥ %.3g); it left %.3g ε",
                    rate, stopTolerance, horizon, 1e-2 * rate * eps, 1e2 / rate, maxDistance));
        }
        if (outcome == Outcome.CONVERGED && finalDistance <= 10) {
            return Evaluation.violated(Cause.RETURNED_FROM_UNSTABLE, "distance_over_eps", finalDistance, String.format(Locale.ROOT,
                    "unstable point (%s) but the perturbed trajectory returned within %.3g ε", st.reason(), finalDistance));
        }
        return Evaluation.inconclusive(Cause.NOT_LEFT, "distance_over_eps", maxDistance, "unstable point left only "
                + String.format(Locale.ROOT, "%.3g", maxDistance) + " ε before the run ended " + outcome);
    }

    /**
     * [E1] at a limit known only to {@code limitError}: J at the true limit may differ from J at the
     * classified point by {@code drift = L·limitError}. A sign counts only when
     * {@code |max Re| > bound + drift}, and a NORMALLY_ATTRACTING verdict only when 0 is still decided
     * semisimple with J known to {@code bound + drift} ({@code semisimpleWithDrift}); otherwise
     * INCONCLUSIVE, and so where the error is infinite or NaN (the limit not located).
     *
     * @return the INCONCLUSIVE evaluation, or null when the classification stands
     */
    static Evaluation driftVerdict(Stability st, double drift, boolean semisimpleWithDrift, LimitApproach.Kind kind,
                                   double limitError) {
        if (st.verdict() != StabilityVerdict.INCONCLUSIVE && !(limitError < Double.POSITIVE_INFINITY)) {
            return Evaluation.inconclusive(Cause.CLASSIFICATION_UNDECIDED, "max_re_nonzero", st.maxRealNonZero(),
                    String.format(Locale.ROOT, "limit approached %s: not located (its distance to the classified"
                            + " point has no estimate: no decaying mode, or J^D not formed or not confirmed)", kind));
        }
        if (st.verdict() != StabilityVerdict.INCONCLUSIVE && !(Math.abs(st.maxRealNonZero()) > st.bound() + drift)) {
            return Evaluation.inconclusive(Cause.CLASSIFICATION_UNDECIDED, "max_re_nonzero", st.maxRealNonZero(),
                    String.format(Locale.ROOT, "limit approached %s: its distance %.3g to the classified point moves"
                            + " eigenvalues by up to %.3g, more than |max Re| = %.3g allows", kind, limitError, drift,
                            Math.abs(st.maxRealNonZero())));
        }
        if (st.verdict() == StabilityVerdict.NORMALLY_ATTRACTING && !semisimpleWithDrift) {
            return Evaluation.inconclusive(Cause.CLASSIFICATION_UNDECIDED, "max_re_nonzero", st.maxRealNonZero(),
                    String.format(Locale.ROOT, "limit approached %s: within its distance %.3g to the classified point"
                            + " (J known to %.3g more), 0 is not decided semisimple", kind, limitError, drift));
        }
        return null;
    }

    /**
     * [E1] The limit point of an SG/EMA trajectory from the case's initial state is normally
     * attracting. The limit is projected onto the equilibrium set (Levenberg–Marquardt) and
     * classified; a run that reached its horizon counts when its approach is decided
     * ({@link LimitApproach}: exponential or algebraic, with the polished limit and its error,
     * which widens the eigenvalue bound by L·error); an UNSTABLE verdict is confirmed by continuing the integration from where the
     * trajectory ended (not from the projected limit, which is an equilibrium and never moves):
     * a trajectory that then leaves had only stopped near a saddle (INCONCLUSIVE). A run that ends
     * near a normally attracting relative periodic orbit (or, followed toward one found too far
     * from its end, gets near it: {@link LimitApproach#approachOrbit}) has no limit point
     * (HYPOTHESIS_NOT_MET, {@link Cause#NO_LIMIT_POINT}).
     * Metric: the largest real part of the non-zero eigenvalues.
     */
    public static Evaluation limitPoint(Case c, IntegrationSettings settings) {
        VectorField f = c.field();
        FlowIntegrator integrator = new FlowIntegrator(settings);
        Trajectory t = LimitApproach.continueToLimit(integrator, f, integrator.integrate(f, c.initial()),
                MAX_HORIZON);
        LimitApproach approach = LimitApproach.of(f, t);
        if (approach.noLimitPoint()) {
            return Evaluation.hypothesisNotMet(Cause.NO_LIMIT_POINT, "no limit point: run ended " + t.outcome()
                    + "; " + approach.evidence());
        }
        if (!approach.decided()) {
            return Evaluation.inconclusive(Cause.undecided(t, approach), "max_re_nonzero", Double.NaN, "not converged: run ended "
                    + t.outcome() + " at t = " + String.format(Locale.ROOT, "%.4g", t.finalTime()) + "; "
                    + approach.evidence());
        }
        return classifiedLimit(c, integrator, t, approach, true);
    }

    /**
     * The decided part of {@link #limitPoint}: the limit classified, its sign judged beyond the
     * bound widened by L·error. A converged run whose error leaves the sign (or the semisimplicity
     * of 0) undecided is continued once with a tighter stop test
     * ({@link VarietyChecks#continuedTighter}: the same trajectory, nearer its limit, so ‖F‖ and
     * with it the remaining path shrink) and judged again.
     */
    private static Evaluation classifiedLimit(Case c, FlowIntegrator integrator, Trajectory t,
                                              LimitApproach approach, boolean mayTighten) {
        Configuration cfg = c.configuration();
        VectorField f = c.field();
        IntegrationSettings settings = integrator.settings();
        State limit;
        double projected = 0;
        if (approach.kind() == LimitApproach.Kind.CONVERGED) {
            EquilibriumProjector.Projection proj = new EquilibriumProjector().project(f, t.finalState());
            limit = proj.converged() ? proj.state() : t.finalState();
            projected = proj.converged() ? proj.distance() : 0;
        } else {
            limit = approach.limit();
        }
        StabilityClassifier classifier = new StabilityClassifier();
        Stability st = classifier.classify(f, limit);
        // the true limit lies within limitError of the classified point: J there may differ by L
        // times that (Lipschitz bound of J), which moves eigenvalues and null vectors. At an
        // attracting point J and its null vectors (one SVD) serve both the error and the semisimplicity test
        int d = st.localDimension();
        DMatrixRMaj jacobian = st.verdict() == StabilityVerdict.NORMALLY_ATTRACTING ? f.jacobian(limit.toArray()) : null;
        SpectralProjector.NullVectors nullVectors = jacobian == null || d == 0 || d >= jacobian.numRows ? null
                : SpectralProjector.nullVectors(jacobian, d);
        double limitError = limitError(approach, projected, f.evaluate(t.finalState().toArray()), jacobian,
                nullVectors, st);
        double lipschitz = JacobianLipschitz.of(cfg, Matrices.norm(limit.toArray()) + 1);
        double drift = lipschitz * limitError;
        boolean semisimple = st.verdict() != StabilityVerdict.NORMALLY_ATTRACTING || drift == 0
                || d == 0 || classifier.semisimpleZero(nullVectors, st.bound() + drift + lipschitz * st.distanceMoved());
        Evaluation undecided = driftVerdict(st, drift, semisimple, approach.kind(), limitError);
        if (undecided == null) {
            return switch (st.verdict()) {
                case NORMALLY_ATTRACTING -> predictedDimension(cfg, limit, st, Matrices.norm(c.initial().encoder()),
                        limitError);
                case INCONCLUSIVE -> Evaluation.inconclusive(Cause.CLASSIFICATION_UNDECIDED, "max_re_nonzero",
                        st.maxRealNonZero(), st.reason());
                case UNSTABLE -> saddleOrViolation(st, integrator, settings, f, t.finalState(), limit);
            };
        }
        if (!mayTighten || approach.kind() != LimitApproach.Kind.CONVERGED) {
            return undecided;
        }
        VarietyChecks.Tighter more = VarietyChecks.continuedTighter(c, integrator, t);
        if (more == null) {
            return undecided;
        }
        if (more.run().outcome() != Outcome.CONVERGED) {
            return undecided.appending(more.describe());
        }
        Evaluation again = classifiedLimit(c, integrator, more.run(), approach, false);
        return again.verdict() == Verdict.INCONCLUSIVE ? again.appending(more.describe()) : again;
    }

    /**
     * How far the limit of a run that met its stop test may be from the classified (projected)
     * point: the projection's distance plus the path still to travel, estimated from the slowest
     * decay there (the decaying eigenvalue nearest the imaginary axis, beyond the zero cluster's
     * bound), as the fitted laws estimate it for runs at their horizon, or by the first-order
     * displacement {@code δ₁ = ‖J^D F(θ_end)‖} ({@link #firstOrderPath}) where that is larger:
     * <pre>
     *   error = ‖θ_end − θ_p‖ + max(‖F(θ_end)‖ / min{|Re λ| : Re λ &lt; −bound}, δ₁)      (+∞ when there is none)
     * </pre>
     * At an attracting point with a normal J, δ₁ ≤ ‖F‖/min|λ| ≤ ‖F‖/min|Re λ|, and the first term
     * stands; for a non-normal one δ₁ can be larger by the condition of the eigenvectors (a block
     * {@code [[−1, K], [0, −1]]} gives about K‖F‖), or of {@code WᵀV} (0 nearly a Jordan block).
     * A stop test met says nothing about where the run goes next: with ‖F‖ = 2e-10 and a slowest
     * rate of 1e-5 the limit may still be 2e-5 away, and L times that moves eigenvalues by more
     * than 1e-5 (so 0 was not an error bound). At an UNSTABLE point the rate that sets the path is
     * still the slowest decaying one, not Re λ₊. An estimate, as the fitted laws' are (first order
     * in the distance to V).
     *
     * @param firstOrder δ₁, or NaN where it is not available
     */
    static double convergedLimitError(double projected, double residual, double firstOrder, Stability st) {
        double slowest = Double.POSITIVE_INFINITY;
        Spectrum spectrum = st.spectrum();
        if (spectrum != null) {
            for (int k = 0; k < spectrum.size(); k++) {
                if (spectrum.re(k) < -st.bound()) {
                    slowest = Math.min(slowest, -spectrum.re(k));
                }
            }
        } else if (st.maxRealNonZero() < -st.bound()) {
            slowest = -st.maxRealNonZero();
        }
        if (!(slowest < Double.POSITIVE_INFINITY)) {
            return Double.POSITIVE_INFINITY;
        }
        double path = residual / slowest;
        return projected + (firstOrder > path ? firstOrder : path);
    }

    /**
     * How far the limit of a run decided by a fitted law may be from its polished point: the
     * polishing's distance plus the larger of the law's remaining path and the first-order
     * displacement δ₁ ({@link #firstOrderPath}), as for a converged run ({@link #convergedLimitError}):
     * <pre>
     *   error = ‖θ_end − θ_p‖ + max(remaining, δ₁)
     * </pre>
     *
     * @param firstOrder δ₁, or NaN where it is not available
     */
    static double fittedLimitError(LimitApproach approach, double firstOrder) {
        return approach.distance() + (firstOrder > approach.remaining() ? firstOrder : approach.remaining());
    }

    /**
     * How far a decided limit may be from the point classified: {@link #convergedLimitError} for a
     * run that met its stop test, {@link #fittedLimitError} for one decided by a fitted law, each
     * with δ₁ from {@link #firstOrderPath}.
     *
     * @param approach the run's approach
     * @param projected how far the projection moved a converged run's end state (0 otherwise)
     * @param residual F(θ_end)
     * @param jacobian J at the classified point where it is NORMALLY_ATTRACTING, else null
     * @param nullVectors J's null vectors (0 &lt; d &lt; N), or null
     * @param st the classification
     * @return the error
     */
    static double limitError(LimitApproach approach, double projected, double[] residual, DMatrixRMaj jacobian,
                             SpectralProjector.NullVectors nullVectors, Stability st) {
        double firstOrder = firstOrderPath(jacobian, st.localDimension(), nullVectors, residual);
        return approach.kind() == LimitApproach.Kind.CONVERGED
                ? convergedLimitError(projected, Matrices.norm(residual), firstOrder, st)
                : fittedLimitError(approach, firstOrder);
    }

    /**
     * The first-order displacement from a run's end state θ_end to its limit, through the Jacobian
     * at a NORMALLY_ATTRACTING classified point θ_p (0 semisimple with the local dimension d):
     * <pre>
     *   δ₁ = ‖J^D F(θ_end)‖ = ‖(J + Π₀)⁻¹ (I − Π₀) F(θ_end)‖      J = J(θ_p)
     * </pre>
     * from the null vectors' SVD ({@link SpectralProjector.NullVectors#drazinApply}), by LU for
     * d = 0. Only there: at an UNSTABLE point the linearized flow does not end at θ* + Π₀δ, and J^D
     * divides by the growing eigenvalues too (a saddle's limit is confirmed by continuing the run).
     *
     * @param jacobian J(θ_p) where the classification is NORMALLY_ATTRACTING, else null
     * @param d the local dimension
     * @param nullVectors J's null vectors (0 &lt; d &lt; N), or null
     * @param residual F(θ_end)
     * @return δ₁; NaN without J (the old estimate stands); +∞ where J^D cannot be formed or fails
     *     its check (the SVD failed, {@code WᵀV} or, for d = 0, J singular, or a wrong SVD): the
     *     limit is then not located
     */
    static double firstOrderPath(DMatrixRMaj jacobian, int d, SpectralProjector.NullVectors nullVectors,
                                 double[] residual) {
        if (jacobian == null) {
            return Double.NaN;
        }
        double[] x = d == 0 ? SpectralProjector.drazinApply(jacobian, 0, residual)
                : nullVectors == null ? null : nullVectors.drazinApply(residual);
        return x == null ? Double.POSITIVE_INFINITY : Matrices.norm(x);
    }

    /**
     * [T7](a): a normally attracting point sits on a manifold of equilibria of the dimension the
     * classification counted. Where the theory predicts that dimension it must match; otherwise the
     * attraction is not established: INCONCLUSIVE. With λ &gt; 0 at a full-rank limit
     * ({@code s_m(B) > 1e-4‖B(0)‖}) the prediction is m(m − 1)/2 (the O(m)-orbit); elsewhere with
     * λ &gt; 0 (rank-deficient) the count stands.
     * <p>
     * With λ = 0 the equilibria split by the corank k of A. {@code F_B = −AᵀR = 0} puts R's columns
     * in ker Aᵀ, so rank A + rank R ≤ m; on the stratum where A has rank m − k and R = W Zᵀ rank k
     * (W a basis of ker Aᵀ), {@code F_A = −αRBᵀ = 0} says {@code Wᵀ R Bᵀ = 0}, and
     * <pre>
     *   (m² − k²)  [A of rank m − k]  +  mn  [B]  −  (m − k) n  [U_Aᵀ R = 0]  −  m k  [Wᵀ R Bᵀ = 0]
     *     = m² + k (n − m − k)
     * </pre>
     * (U_A a basis of range A): m² on V (k = 0), mn − m² where A = 0 (k = m). Near a limit θ* on
     * that stratum every equilibrium is on it too (ranks are lower semicontinuous and their sum is at
     * most m), F there is an injective linear image of those equations, and ker J lies in the
     * stratum's tangent space; so dim ker J ≥ m² + k(n − m − k), with equality exactly where the
     * equations are independent, i.e. cut out a manifold of that dimension (for EMA the B̄ row
     * forces δB̄ = δB and nothing changes). A count equal to the formula establishes the manifold; a
     * larger one does not. The rank of B plays no part. (Checked against the classifier's count, an
     * independent SVD of J, at random SG limits with k = 1 and at the closed-form k = m example of
     * the tests.) The ranks at the true limit are decided from the classified point θ_p, whose
     * distance to it the limit's error e estimates, by Weyl's inequality (Frobenius norms, rounding
     * included):
     * <pre>
     *   ‖R(θ*) − R(θ_p)‖ ≤ e (‖Cxx‖(‖A‖ + ‖B‖ + e) + ‖Cyx‖) + 1e-12 (‖A‖‖B‖‖Cxx‖ + ‖B̄‖‖Cyx‖) =: δR
     *   k = #{i : s_i(R(θ_p)) &gt; 10 δR}   (rank R* ≥ k)       r = #{i : s_i(A(θ_p)) &gt; 10 (e + 1e-12‖A‖)}   (rank A* ≥ r)
     * </pre>
     * and r + k = m decides both; otherwise the dimension is not predicted (INCONCLUSIVE,
     * DIMENSION_UNPREDICTED). In the symmetric model (Cxy = S ⪰ 0) no decision is needed: every
     * equilibrium has R = 0 ({@code WᵀR = −WᵀB S} and {@code WᵀRBᵀ = 0} give
     * {@code (WᵀB) S (WᵀB)ᵀ = 0}, so {@code S BᵀW = 0}), k = 0 whatever the rank of A.
     *
     * @param limitError the estimated distance from {@code limit} to the true limit
     */
    static Evaluation predictedDimension(Configuration cfg, State limit, Stability st, double reference,
                                         double limitError) {
        int m = cfg.m();
        int n = cfg.n();
        int predicted;
        String where = "";
        if (cfg.lambda() > 0) {
            double[] sv = RankEstimate.singularValues(limit.encoder());
            if (!(sv[m - 1] > 1e-4 * reference)) {
                return Evaluation.holds("max_re_nonzero", st.maxRealNonZero()); // rank-deficient: the count stands
            }
            predicted = m * (m - 1) / 2;
        } else if (cfg.isSymmetricModel()) {
            predicted = m * m;
        } else {
            double[] svR = RankEstimate.singularValues(Objective.residual(cfg, limit));
            double[] svA = RankEstimate.singularValues(limit.predictor());
            double a = Matrices.norm(limit.predictor());
            double b = Matrices.norm(limit.encoder());
            double e = limitError;
            double cxx = Matrices.norm(cfg.cxx());
            double cyx = Matrices.norm(cfg.cyx());
            double deltaR = e * (cxx * (a + b + e) + cyx) + 1e-12 * (a * b * cxx + Matrices.norm(limit.target()) * cyx);
            double deltaA = e + 1e-12 * a;
            int k = 0;
            int r = 0;
            for (int i = 0; i < m; i++) {
                k += svR[i] > 10 * deltaR ? 1 : 0;
                r += svA[i] > 10 * deltaA ? 1 : 0;
            }
            String ranks = r + k == m && k == 0 ? "" : String.format(Locale.ROOT, "s(A) from %.3g to %.3g against 10 × "
                    + "%.3g, s(R) from %.3g to %.3g against 10 × %.3g", svA[0], svA[m - 1], deltaA, svR[0], svR[m - 1],
                    deltaR);
            if (r + k != m) {
                return Evaluation.inconclusive(Cause.DIMENSION_UNPREDICTED, "max_re_nonzero", st.maxRealNonZero(),
                        String.format(Locale.ROOT, "classified attracting with local dimension %d, but the equilibria "
                                + "here have no predicted dimension: rank A ≥ %d and rank R ≥ %d decided, of %d (%s)",
                                st.localDimension(), r, k, m, ranks));
            }
            predicted = m * m + k * (n - m - k);
            where = k == 0 ? "" : String.format(Locale.ROOT, " = m² + k(n − m − k), on the stratum where A has corank"
                    + " k = %d and R rank k (%s)", k, ranks);
        }
        if (st.localDimension() != predicted) {
            return Evaluation.inconclusive(Cause.DIMENSION_MISMATCH, "max_re_nonzero", st.maxRealNonZero(),
                    String.format(Locale.ROOT, "classified attracting with local dimension %d, but the equilibria "
                            + "here have dimension %d where they form a manifold%s", st.localDimension(), predicted,
                            where));
        }
        return Evaluation.holds("max_re_nonzero", st.maxRealNonZero());
    }

    /**
     * Confirms an UNSTABLE limit dynamically: the run continues from its end state θ_end, with no
     * stop test and by the explicit method (an L-stable implicit step of h·Re λ₊ ≫ 1 damps a growing
     * mode instead of following it), for the time the leading unstable mode (rate Re λ₊) needs to
     * grow to 1e-3 of the state from its component at θ_end, or from rounding level if that is
     * larger:
     * <pre>
     *   c₊ = ‖Π₊(θ_end − θ*)‖    Π₊ the spectral projector of J(θ*) onto the eigenspace of λ₊
     *   t₊ = (ln(1e-3 s / min(c₊, u s)) + 5) / Re λ₊      s = 1 + ‖θ*‖, u the unit roundoff
     * </pre>
     * Near a saddle ‖F‖ and {@code ‖θ_end − θ*‖} are set by the decaying stable part, and the unstable
     * part can be many orders smaller; at a collapsed saddle (B = 0 there) it can be far below u·s,
     * since rounding is relative to B, not to the state. So neither a stop test met nor growth
     * counted from the distance shows the mode; t₊ does. A run whose recorded states move more than
     * {@code 1e-3 s} from θ* is INCONCLUSIVE (it had stopped near a saddle); one that stays within
     * it is VIOLATED (it stays at an unstable equilibrium) only if it ran until t₊ (its recorded end
     * at or beyond t₊, however it ended); a run cut short before t₊ (wall clock, evaluation budget,
     * a failure, or an exact floating-point equilibrium) shows nothing: INCONCLUSIVE
     * ({@link Cause#UNRESOLVED_MODE}), as is a limit with no component along the mode (c₊ = 0, or
     * Π₊ not formed) or whose t₊ exceeds {@link LimitApproach#CONTINUATION} times the claim's horizon.
     */
    static Evaluation saddleOrViolation(Stability st, FlowIntegrator integrator, IntegrationSettings settings,
                                        VectorField f, State end, State limit) {
        double rate = st.maxRealNonZero();
        double[] theta = limit.toArray();
        double scale = 1 + Matrices.norm(theta);
        double[] delta = end.toArray();
        for (int i = 0; i < delta.length; i++) {
            delta[i] -= theta[i];
        }
        double d = Matrices.norm(delta);
        double component = rate > 0 ? unstableComponent(f.jacobian(theta), rate, st.spectrum(), delta) : Double.NaN;
        if (!(component > 0)) {
            return Evaluation.inconclusive(Cause.UNRESOLVED_MODE, "max_re_nonzero", rate, String.format(Locale.ROOT,
                    "unstable limit (%s) at distance %.3g from the end state, whose component along the mode is"
                            + " %.3g: the mode cannot show", st.reason(), d, component));
        }
        double needed = (Math.log(1e-3 * scale / Math.min(component, Math.ulp(1.0) * scale)) + 5) / rate;
        if (!(needed <= LimitApproach.CONTINUATION * settings.horizon())) {
            return Evaluation.inconclusive(Cause.UNRESOLVED_MODE, "max_re_nonzero", rate, String.format(Locale.ROOT,
                    "unstable limit (%s), component %.3g along the mode at the end state: it needs t = %.3g to grow"
                            + " to 1e-3, beyond %.0f horizons of %.3g", st.reason(), component, needed,
                    LimitApproach.CONTINUATION, settings.horizon()));
        }
        // no stop test: Double.MIN_VALUE stops only at an exact floating-point equilibrium
        IntegrationSettings on = settings.withConvergenceTolerance(Double.MIN_VALUE).withHorizon(1.001 * needed)
                .withMethod(Method.EXPLICIT);
        Trajectory more = integrator.withSettings(on).integrate(f, end);
        double moved = 0;
        for (int i = 0; i < more.size(); i++) {
            moved = Math.max(moved, Matrices.distance(more.state(i).toArray(), theta) / scale);
        }
        if (moved > 1e-3) {
            return Evaluation.inconclusive(Cause.SADDLE_LEFT, "max_re_nonzero", rate, String.format(Locale.ROOT,
                    "stopped near a saddle (%s); continued, it moved %.3g away", st.reason(), moved));
        }
        boolean shown = more.finalTime() >= needed;
        if (!shown) {
            return Evaluation.inconclusive(Cause.UNRESOLVED_MODE, "max_re_nonzero", rate, String.format(Locale.ROOT,
                    "unstable limit (%s): the continued run ended %s at t = %.3g, too soon for the mode to show"
                            + " (from its component %.3g it needs t = %.3g to grow to 1e-3; moved %.3g)", st.reason(),
                    more.outcome(), more.finalTime(), component, needed, moved));
        }
        return Evaluation.violated(Cause.UNSTABLE_EQUILIBRIUM, "max_re_nonzero", rate, String.format(Locale.ROOT,
                "trajectory stays at an unstable equilibrium: %s (continued for t = %.3g, %.0f e-folds of the"
                        + " mode from its component %.3g, it moved at most %.3g)", st.reason(), more.finalTime(),
                rate * more.finalTime(), component, moved));
    }

    /**
     * The component of a displacement along the leading unstable eigenspace of J:
     * {@code ‖Π₊ δ‖} with {@code Π₊ = V (WᵀV)⁻¹ Wᵀ} the spectral projector onto the kernel of
     * <pre>
     *   P = J − λ₊ I                          (λ₊ real)
     *   P = J² − 2 Re λ₊ J + |λ₊|² I          (a complex pair λ₊, λ̄₊: their real invariant plane)
     * </pre>
     * the pair taken when the spectrum has an eigenvalue of real part λ₊ (to 1e-9 relative) and
     * non-zero imaginary part.
     *
     * @param j J at the limit (not modified)
     * @param rate Re λ₊
     * @param spectrum J's eigenvalues, or null (λ₊ then taken real)
     * @param delta the displacement
     * @return ‖Π₊ δ‖, or NaN when Π₊ cannot be formed (λ₊ not semisimple, or the SVD failed)
     */
    static double unstableComponent(DMatrixRMaj j, double rate, Spectrum spectrum, double[] delta) {
        double im = 0;
        if (spectrum != null) {
            for (int k = 0; k < spectrum.size(); k++) {
                if (Math.abs(spectrum.re(k) - rate) <= 1e-9 * Math.abs(rate) && spectrum.im(k) != 0) {
                    im = Math.abs(spectrum.im(k));
                }
            }
        }
        int n = j.numRows;
        DMatrixRMaj p;
        int d;
        if (im == 0) {
            p = j.copy();
            for (int i = 0; i < n; i++) {
                p.add(i, i, -rate);
            }
            d = 1;
        } else {
            p = new DMatrixRMaj(n, n);
            org.ejml.dense.row.CommonOps_DDRM.mult(j, j, p);
            for (int i = 0; i < n * n; i++) {
                p.data[i] -= 2 * rate * j.data[i];
            }
            for (int i = 0; i < n; i++) {
                p.add(i, i, rate * rate + im * im);
            }
            d = 2;
        }
        DMatrixRMaj projector = SpectralProjector.kernel(p, d);
        if (projector == null) {
            return Double.NaN;
        }
        return Matrices.norm(Matrices.times(projector, delta));
    }
}
