package org.sgema.training;

import java.util.Locale;

import org.sgema.flows.VectorField;
import org.sgema.numerics.Matrices;
import org.sgema.numerics.Spectrum;
import org.sgema.stability.Stability;

/**
 * The learning rate at which an equilibrium stops attracting discrete training, predicted from
 * the spectrum and observed by training from a perturbation (theory notes [D]).
 *
 * <p>Prediction: the linearization of {@code θ ↦ θ + ηF(θ)} at θ* is {@code I + ηJ}; a normally
 * attracting θ* keeps attracting the map iff every non-zero eigenvalue μ of J has
 * {@code |1 + ημ| < 1}, i.e. {@code η < η* = min_μ 2|Re μ|/|μ|²} (zero eigenvalues are tangent to
 * the equilibrium set and stay neutral).</p>
 *
 * <p>Observation: from {@code θ* + δ}, train S steps and compare {@code ‖F‖} at S/2 and S. The
 * tangent part of δ does not enter {@code F ≈ Jδ}, so the ratio grows like {@code ρ(η)^{S/2}} with
 * {@code ρ(η) = max |1 + ημ|} when some mode expands, and stays bounded otherwise:
 * <pre>
 *   left      ‖θ_k − θ*‖ ≥ 10³ ‖δ‖ or ‖F_k‖ ≥ 10⁵ ‖F_0‖ at some k, a non-finite iterate,
 *             or ‖F_S‖/‖F_{S/2}‖ &gt; 10
 *   stayed    ‖F_S‖/‖F_{S/2}‖ ≤ 2, or ‖F_S‖ at the round-off floor
 *   otherwise undecided
 * </pre>
 * The distance is watched at every step: a run that leaves θ* does not diverge near η*, it
 * settles at another equilibrium of V, at a distance that grows like η/η* − 1 (F small again):
 * only the distance tells it left. The thresholds are fixed numbers, not taken from the
 * prediction.</p>
 */
public final class CriticalRate {
    /** ratio above which the run has left */
    public static final double LEFT = 10;
    /** ratio below which the run has stayed */
    public static final double STAYED = 2;
    private static final double BLOW_UP = 1e5;

    private CriticalRate() {
    }

    /**
     * @param s a classification of θ* (its spectrum and zero tolerance)
     * @return {@code η* = min 2|Re μ|/|μ|²} over the eigenvalues with {@code |μ| > zeroTolerance};
     *     NaN if one of them has {@code Re μ ≥ 0} (not attracting), +∞ if there is none
     */
    public static double predicted(Stability s) {
        Spectrum sp = s.spectrum();
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < sp.size(); k++) {
            double abs = sp.abs(k);
            if (abs <= s.zeroTolerance()) {
                continue;
            }
            if (sp.re(k) >= 0) {
                return Double.NaN;
            }
            best = Math.min(best, 2 * Math.abs(sp.re(k)) / (abs * abs));
        }
        return best;
    }

    /** @return {@code ρ(η) = max |1 + ημ|} over the eigenvalues with {@code |μ| > zeroTolerance} */
    public static double growthPerStep(Stability s, double eta) {
        Spectrum sp = s.spectrum();
        double rho = 0;
        for (int k = 0; k < sp.size(); k++) {
            if (sp.abs(k) <= s.zeroTolerance()) {
                continue;
            }
            rho = Math.max(rho, Math.hypot(1 + eta * sp.re(k), eta * sp.im(k)));
        }
        return rho;
    }

    /**
     * What training did from a perturbed equilibrium.
     *
     * @param eta the learning rate
     * @param steps steps taken
     * @param ratio {@code ‖F_S‖/‖F_{S/2}‖} (+∞ when it blew up)
     * @param blowUp whether the run went {@code 10³‖δ‖} away from θ*, {@code ‖F_k‖ ≥ 10⁵‖F_0‖}, or an
     *     iterate was not finite
     * @param atFloor whether {@code ‖F_S‖} is at the round-off floor
     */
    public record Observation(double eta, long steps, double ratio, boolean blowUp, boolean atFloor) {
        /** @return whether the perturbation was amplified: training left the equilibrium */
        public boolean left() {
            return blowUp || (!atFloor && ratio > LEFT);
        }

        /** @return whether training stayed near the equilibrium */
        public boolean stayed() {
            return !blowUp && (atFloor || ratio <= STAYED);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "η = %.5g: %s (‖F_S‖/‖F_S/2‖ = %.3g over %d steps)", eta,
                    left() ? "left" : stayed() ? "stayed" : "undecided", ratio, steps);
        }
    }

    /**
     * Trains S steps from {@code start} and observes the distance to θ* and the growth of {@code ‖F‖}.
     *
     * @param field the field (also used by the map)
     * @param center θ* (not modified)
     * @param start θ* + δ (not modified)
     * @param eta the learning rate
     * @param steps S (≥ 2)
     * @param rule the update rule
     * @param floor the round-off floor of {@code ‖F‖} near θ*
     */
    public static Observation observe(VectorField field, double[] center, double[] start, double eta, long steps,
                                      TrainingRule rule, double floor) {
        TrainingStep step = new TrainingStep(field, eta, rule);
        double far = 0;
        for (int i = 0; i < start.length; i++) {
            far += (start[i] - center[i]) * (start[i] - center[i]);
        }
        far = 1e6 * far;   // (10³ ‖δ‖)²
        double[] theta = start.clone();
        double[] next = new double[theta.length];
        double[] f = new double[theta.length];
        field.evaluate(theta, f);
        double f0 = Matrices.norm(f);
        double half = Double.NaN;
        for (long k = 1; k <= steps; k++) {
            step.apply(theta, next);
            double[] swap = theta;
            theta = next;
            next = swap;
            double d2 = 0;
            for (int i = 0; i < theta.length; i++) {
                d2 += (theta[i] - center[i]) * (theta[i] - center[i]);
            }
            if (!(d2 < far)) {
                return new Observation(eta, k, Double.POSITIVE_INFINITY, true, false);
            }
            if (k % 64 == 0 || k == steps / 2 || k == steps) {
                field.evaluate(theta, f);
                double fk = Matrices.norm(f);
                if (!Double.isFinite(fk) || fk >= BLOW_UP * Math.max(f0, floor)) {
                    return new Observation(eta, k, Double.POSITIVE_INFINITY, true, false);
                }
                if (k == steps / 2) {
                    half = fk;
                }
                if (k == steps) {
                    return new Observation(eta, k, fk / half, false, fk <= floor);
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * Narrows {@code [low, high]} (low stayed, high left) by bisection on what training does over
     * S steps each, to at most {@code iterations} halvings; stops at an undecided midpoint. "Stayed"
     * means "did not grow 2× in the last S/2 steps", so the bracket can sit above η* by about
     * {@code ln 2 / (S/2)} in {@code ln ρ}: the longer the runs, the closer.
     *
     * @return the final bracket {@code {low, high}}
     */
    public static double[] bisect(VectorField field, double[] center, double[] start, double low, double high,
                                  long steps, TrainingRule rule, double floor, int iterations) {
        double lo = low;
        double hi = high;
        for (int i = 0; i < iterations; i++) {
            double mid = 0.5 * (lo + hi);
            Observation o = observe(field, center, start, mid, steps, rule, floor);
            if (o.left()) {
                hi = mid;
            } else if (o.stayed()) {
                lo = mid;
            } else {
                break;
            }
        }
        return new double[] {lo, hi};
    }
}
