package org.sgema.stability;

import java.util.Locale;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.sgema.flows.VectorField;
import org.sgema.numerics.Matrices;

/**
 * The largest finite-time Lyapunov exponent along a trajectory of θ̇ = F(θ), on a ladder of
 * windows, so that its dependence on the window shows what kind of separation there is:
 * <pre>
 *   θ̇ = F(θ),  v̇ = J(θ) v   (analytic J·v),   v(0) = v₀/‖v₀‖
 *   λ_W = ln ‖v(W)‖ / W = (1/W) Σ_k ln ‖v(t_k + Δ)‖,  v renormalized to 1 after every Δ
 *   W_j = W/2^{J−j},  j = 0..J   (windows doubling up to W)
 * </pre>
 * Exponential separation shows as λ_W levelling off at λ &gt; 0; growth like a power t^p (shear
 * along an invariant torus, a family of orbits, the neutral directions of a group orbit) as
 * λ_W ≈ p ln W / W, falling with the window; decay as λ_W &lt; 0. Renormalizing changes nothing
 * but the range (the equation for v is linear). This is evidence for the reader, not a verdict:
 * no finite window decides an exponent.
 *
 * @param windows the windows W_j, increasing
 * @param exponents λ at each window
 * @param evaluations right-hand sides evaluated (each one F and one J·v)
 */
public record LyapunovExponent(double[] windows, double[] exponents, long evaluations) {

    /** Relative tolerance of the joint integration. */
    public static final double RTOL = 1e-10;
    /**
     * Smallest factor ‖v‖ may shrink by within one interval: the unit tangent vector's components
     * are integrated to an absolute tolerance of about 1e-12, so below 1e-8 the norm would measure
     * the tolerance, not the flow.
     */
    public static final double MIN_GROWTH = 1e-8;

    /**
     * @param field the field (J·v from {@link VectorField#jacobianTimes})
     * @param theta0 the start (not modified)
     * @param v0 the start of the tangent vector, non-zero (not modified)
     * @param window W, the largest window
     * @param interval Δ, the renormalization interval (W a multiple of it is not required)
     * @param rungs J + 1, the number of windows on the ladder (1 gives W alone)
     * @return the exponents
     * @throws IllegalArgumentException on sizes that do not match, v₀ = 0, or non-positive times
     * @throws IllegalStateException if ‖v‖ shrinks more than {@value #MIN_GROWTH}× or the integration
     *     fails within one Δ (take a shorter Δ)
     */
    public static LyapunovExponent along(VectorField field, double[] theta0, double[] v0, double window,
                                         double interval, int rungs) {
        int n = field.dimension();
        if (theta0.length != n || v0.length != n) {
            throw new IllegalArgumentException("θ₀ and v₀ need " + n + " components, got " + theta0.length + " and "
                    + v0.length);
        }
        double norm0 = Matrices.norm(v0);
        if (!(norm0 > 0) || !(window > 0) || !(interval > 0) || rungs < 1) {
            throw new IllegalArgumentException("need v₀ ≠ 0, W > 0, Δ > 0 and at least one rung");
        }
        double[] y = new double[n];
        double[] v = new double[n];
        double[] out = new double[n];
        long[] count = new long[1];
        OrdinaryDifferentialEquation joint = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 2 * n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] z) {
                double[] dz = new double[2 * n];
                System.arraycopy(z, 0, y, 0, n);
                System.arraycopy(z, n, v, 0, n);
                field.evaluate(y, out);
                System.arraycopy(out, 0, dz, 0, n);
                field.jacobianTimes(y, v, out);
                System.arraycopy(out, 0, dz, n, n);
                count[0]++;
                return dz;
            }
        };
        double scale = 1 + Matrices.norm(theta0);
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-12 * interval, interval,
                RTOL * 1e-2 * scale, RTOL);
        double[] z = new double[2 * n];
        System.arraycopy(theta0, 0, z, 0, n);
        for (int i = 0; i < n; i++) {
            z[n + i] = v0[i] / norm0;
        }
        double[] windows = new double[rungs];
        double[] exponents = new double[rungs];
        for (int j = 0; j < rungs; j++) {
            windows[j] = window / Math.pow(2, rungs - 1 - j);
        }
        double t = 0;
        double logGrowth = 0;
        int rung = 0;
        while (rung < rungs) {
            double step = Math.min(interval, windows[rung] - t);
            try {
                z = dp.integrate(joint, new ODEState(0, z), step).getPrimaryState();
            } catch (org.hipparchus.exception.MathRuntimeException e) {
                throw new IllegalStateException(String.format(Locale.ROOT, "integration failed in the interval"
                        + " Δ = %.3g from t = %.4g (%s): if the tangent vector grows too fast, take a shorter"
                        + " interval", step, t, e.getMessage()), e);
            }
            t += step;
            double grown = Matrices.norm(z, n, n);
            if (!(grown >= MIN_GROWTH) || Double.isInfinite(grown)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "the tangent vector changed by %s within"
                        + " one interval Δ = %.3g at t = %.4g, beyond what its absolute tolerance (1e-12 of a unit"
                        + " vector) resolves: take a shorter interval", grown, step, t));
            }
            logGrowth += Math.log(grown);
            for (int i = n; i < 2 * n; i++) {
                z[i] /= grown;
            }
            if (t >= windows[rung]) {
                exponents[rung] = logGrowth / t;
                rung++;
            }
        }
        return new LyapunovExponent(windows, exponents, count[0]);
    }

    /** @return a unit vector of N standard normal draws from {@code seed} (the tangent's start) */
    public static double[] randomDirection(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        double norm = Matrices.norm(v);
        for (int i = 0; i < n; i++) {
            v[i] /= norm;
        }
        return v;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("largest finite-time Lyapunov exponent:");
        for (int j = 0; j < windows.length; j++) {
            b.append(String.format(Locale.ROOT, " %.3g over %.3g (ln W / W = %.2g)%s", exponents[j], windows[j],
                    Math.log(windows[j]) / windows[j], j + 1 < windows.length ? ";" : ""));
        }
        return b.append(String.format(Locale.ROOT, "; %d evaluations", evaluations)).toString();
    }
}
