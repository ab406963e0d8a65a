package org.sgema.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Finite-time Lyapunov exponents against closed forms of linear and sheared flows. */
class LyapunovExponentTest {
    /** θ̇ = Lθ with L = diag(−1, 0.3, −2): v(W) = e^{LW}v₀ in closed form. */
    private static final class Diagonal extends ThreeStateField {
        static final double[] RATES = {-1, 0.3, -2};

        @Override
        public void evaluate(double[] x, double[] out) {
            jacobianTimes(x, x, out);
        }

        @Override
        public void jacobianTimes(double[] x, double[] v, double[] out) {
            for (int i = 0; i < 3; i++) {
                out[i] = RATES[i] * v[i];
            }
        }
    }

    /**
     * A shear: θ̇ = (θ₂, 0, 0), v(W) = (v₁ + W v₂, v₂, v₃), so λ_W = ln ‖v(W)‖ / W falls like ln W / W
     * to 0 (no exponential separation) while the tangent vector keeps growing.
     */
    private static final class Shear extends ThreeStateField {
        @Override
        public void evaluate(double[] x, double[] out) {
            jacobianTimes(x, x, out);
        }

        @Override
        public void jacobianTimes(double[] x, double[] v, double[] out) {
            out[0] = v[1];
            out[1] = 0;
            out[2] = 0;
        }
    }

    /**
     * λ_W = ln ‖e^{LW}v₀‖ / W with ‖v₀‖ = 1, computed in closed form, at every rung, up to W = 4000
     * where e^{0.3W} = e^{1200} overflows: renormalizing keeps it finite. θ₀ = 0 is an equilibrium,
     * so J = L all along. Mutants: J·v replaced by F(θ) (= 0 here: λ = 0), or the growth counted
     * without renormalizing (overflow, NaN), fail it.
     */
    @Test
    void aLinearFlowHasItsClosedFormExponentAtEveryWindow() {
        double[] theta0 = {0, 0, 0};
        double[] v0 = {1, 1e-3, 1};
        LyapunovExponent l = LyapunovExponent.along(new Diagonal(), theta0, v0, 4000, 20, 6);
        double n0 = Math.sqrt(2 + 1e-6);
        for (int j = 0; j < l.windows().length; j++) {
            double w = l.windows()[j];
            // ln ‖e^{LW}v₀/‖v₀‖‖, with the largest term factored out so it does not overflow
            double top = 0.3 * w + Math.log(1e-3);
            double rest = Math.exp(2 * (-w - top)) + Math.exp(2 * (-2 * w - top));
            double expected = (top + 0.5 * Math.log1p(rest) - Math.log(n0)) / w;
            assertEquals(expected, l.exponents()[j], 1e-9 * Math.abs(expected) + 1e-12, "W = " + w);
        }
        assertEquals(0.3, l.exponents()[5], 3e-3);
    }

    /** A shear's λ_W is ln ‖(v₁ + W v₂, v₂, v₃)‖ / W: it falls with the window, as ln W / W. */
    @Test
    void aShearFallsLikeLnWOverW() {
        double[] v0 = {0, 1, 0};
        LyapunovExponent l = LyapunovExponent.along(new Shear(), new double[] {1, 0.5, 0}, v0, 64000, 20, 6);
        for (int j = 0; j < l.windows().length; j++) {
            double w = l.windows()[j];
            assertEquals(0.5 * Math.log(1 + w * w) / w, l.exponents()[j], 1e-9, "W = " + w);
        }
        assertTrue(l.exponents()[5] < l.exponents()[0] / 10, l::toString);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> LyapunovExponent.along(new Shear(), new double[3], new double[3], 10, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> LyapunovExponent.along(new Shear(), new double[2], new double[] {1, 0, 0}, 10, 1, 1));
    }
}
