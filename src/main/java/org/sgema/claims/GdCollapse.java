package org.sgema.claims;

import java.util.Locale;

import org.sgema.flows.Flow;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Outcome;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.numerics.Matrices;
import org.sgema.model.Objective;
import org.sgema.model.State;

/**
 * [T3] GD always collapses (linear case):
 * <pre>
 *   E0(A, sB) = s² E0(A, B)  ⇒  ⟨B, ∇_B E0⟩ = 2 E0
 *   along GD:  d/dt ‖B‖² = −4 E0 − 2λ‖B‖² ≤ −2(σ + λ)‖B‖²  ⇒  ‖B(t)‖ ≤ e^{−(σ+λ)t} ‖B(0)‖
 *   near an equilibrium: ‖B‖ ≤ ‖F‖ / (σ + λ)   (from |d/dt ‖B‖²| ≤ 2‖B‖‖F‖)
 * </pre>
 */
public final class GdCollapse {
    private GdCollapse() {
    }

    /** The pointwise identity {@code 2⟨B, Ḃ_GD⟩ = −4E0 − 2λ‖B‖²}; metric: relative error. */
    public static Evaluation identity(Case c) {
        Configuration cfg = c.configuration();
        State s = c.initial();
        double[] f = c.field(Flow.GD).evaluate(s);
        double[] theta = s.toArray();
        int off = cfg.m() * cfg.m();
        double lhs = 0;
        for (int i = off; i < off + cfg.m() * cfg.n(); i++) {
            lhs += 2 * theta[i] * f[i];
        }
        double nb = Matrices.norm(s.encoder());
        double e0 = Objective.e0(cfg, s);
        double rhs = -4 * e0 - 2 * cfg.lambda() * nb * nb;
        double ab = Matrices.norm(s.predictor()) * nb;
        double scale = 4 * Math.abs(e0) + 2 * cfg.lambda() * nb * nb
                + 2 * (ab * ab + nb * nb) * Matrices.norm(cfg.jointMoment()) + Double.MIN_NORMAL;
        return Evaluation.judge("relative_error", Math.abs(lhs - rhs) / scale, 1e-11, 1e-8,
                "|2⟨B,Ḃ⟩ + 4E0 + 2λ‖B‖²| relative");
    }

    /**
     * Along an integrated GD trajectory, the semigroup form of the bound: for every pair of
     * recorded points {@code s < t}, {@code ‖B(t)‖ ≤ e^{−(σ+λ)(t−s)}‖B(s)‖}, i.e.
     * <pre>
     *   g(t) = log‖B(t)‖ + (σ + λ) t   is non-increasing:   max_{s &lt; t} g(t) − g(s) ≤ 1e4·rtol
     * </pre>
     * while {@code ‖B‖} is above the integrator's floor (the tolerance is the integrator's
     * error, not a property of the trajectory). Over a horizon where {@code e^{−σt}} stays near 1 the
     * bound from t = 0 alone says little more than "‖B‖ never grows"; every pair says more. At
     * convergence also {@code ‖B‖ ≤ 2‖F‖/(σ+λ)} and, for λ &gt; 0, {@code A → 0}. Metric: the largest
     * pair excess.
     */
    public static Evaluation bound(Case c, IntegrationSettings settings) {
        Configuration cfg = c.configuration();
        double sigma = cfg.sigma();
        if (sigma <= 1e-12) {
            return Evaluation.hypothesisNotMet(Cause.SIGMA_ZERO, String.format(Locale.ROOT, "σ = %.3g ≤ 1e-12", sigma));
        }
        Trajectory t = new FlowIntegrator(settings).integrate(c.field(Flow.GD), c.initial());
        double rate = sigma + cfg.lambda();
        double floor = 1e3 * settings.absoluteTolerance() * Math.sqrt(cfg.m() * cfg.n());
        double worst = semigroupExcess(t.times(), t.encoderNorms(), rate, floor);
        double tolerance = 1e4 * settings.relativeTolerance();
        if (worst > tolerance) {
            return Evaluation.violated(Cause.BOUND_EXCEEDED, "log_bound_excess", worst, String.format(Locale.ROOT,
                    "‖B(t)‖ exceeds e^{-(σ+λ)(t-s)}‖B(s)‖ by a factor %.6g for some s < t (tolerance %.1g)",
                    Math.exp(worst), tolerance));
        }
        if (t.outcome() != Outcome.CONVERGED) {
            return Evaluation.inconclusive(Cause.of(t.outcome()), "log_bound_excess", worst,
                    "bound held, but the run ended " + t.outcome() + ": " + t.reason());
        }
        State end = t.finalState();
        double fNorm = Matrices.norm(c.field(Flow.GD).evaluate(end));
        double bEnd = Matrices.norm(end.encoder());
        if (bEnd > 2 * fNorm / rate + floor) {
            return Evaluation.violated(Cause.NOT_COLLAPSED, "log_bound_excess", worst, String.format(Locale.ROOT,
                    "converged with ‖B‖ = %.3g > 2‖F‖/(σ+λ) = %.3g: not collapsed", bEnd, 2 * fNorm / rate));
        }
        if (cfg.lambda() > 0) {
            double aEnd = Matrices.norm(end.predictor());
            double aBound = 2 * (fNorm + cfg.alpha() * bEnd * bEnd * Matrices.norm(cfg.jointMoment())
                    * (1 + aEnd)) / cfg.lambda() + floor;
            if (aEnd > aBound) {
                return Evaluation.violated(Cause.PREDICTOR_NOT_DECAYED, "log_bound_excess", worst, String.format(Locale.ROOT,
                        "λ > 0 but A did not go to 0: ‖A‖ = %.3g", aEnd));
            }
        }
        return Evaluation.holds("log_bound_excess", worst);
    }

    /**
     * @return {@code max_{i<j} g_j − g_i} with {@code g = log‖B‖ + rate·t}, over the points whose
     *     norm is above {@code floor} (negative for a strict decay faster than the rate; 0 if there
     *     are fewer than two such points)
     */
    static double semigroupExcess(double[] times, double[] norms, double rate, double floor) {
        double worst = Double.NEGATIVE_INFINITY;
        double minSoFar = Double.POSITIVE_INFINITY;
        for (int i = 0; i < times.length; i++) {
            if (norms[i] <= floor) {
                continue;
            }
            double g = Math.log(norms[i]) + rate * times[i];
            if (minSoFar < Double.POSITIVE_INFINITY) {
                worst = Math.max(worst, g - minSoFar);
            }
            minSoFar = Math.min(minSoFar, g);
        }
        return worst == Double.NEGATIVE_INFINITY ? 0 : worst;
    }

    /**
     * FINDING ([T3] needs σ &gt; 0): with identical views (σ = 0) GD has non-collapsed equilibria.
     * Checked as the refuted statement "GD from this initial state collapses": VIOLATED (a witness)
     * when GD converges with {@code ‖B‖ ≥ 0.1‖B(0)‖}.
     */
    public static Evaluation sigmaZero(Case c, IntegrationSettings settings) {
        Configuration cfg = c.configuration();
        if (cfg.sigma() > 1e-12) {
            return Evaluation.hypothesisNotMet(Cause.SIGMA_POSITIVE, "σ > 0: the finding is about σ = 0");
        }
        Trajectory t = new FlowIntegrator(settings).integrate(c.field(Flow.GD), c.initial());
        if (t.outcome() != Outcome.CONVERGED) {
            return Evaluation.inconclusive(Cause.of(t.outcome()), "final_B_ratio", Double.NaN, "GD ended " + t.outcome());
        }
        State end = t.finalState();
        double ratio = Matrices.norm(end.encoder()) / Matrices.norm(c.initial().encoder());
        if (ratio >= 0.1) {
            double e0 = Objective.e0(cfg, end);
            return Evaluation.violated(Cause.NOT_COLLAPSED, "final_B_ratio", ratio, String.format(Locale.ROOT,
                    "σ = 0 and GD converged with ‖B‖/‖B(0)‖ = %.3g, E0 = %.3g", ratio, e0));
        }
        return Evaluation.holds("final_B_ratio", ratio);
    }
}
