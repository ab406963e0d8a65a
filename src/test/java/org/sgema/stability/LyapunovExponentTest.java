package org.sgema.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sgema.testing.ThreeStateField;

/** Finite-time Lyapunov exponents against closed forms of linear and sheared flows. */
class LyapunovExponentTest {
    /** θ̇ = Lθ with L = diag(−1, 0.3, −2): v(W) = e^{LW}v₀ in closed form. */
    private static final ThreeStateField DIAGONAL = ThreeStateField.linear(new double[][] {{-1, 0, 0}, {0, 0.3, 0},
        {0, 0, -2}});

    /**
     * A shear: θ̇ = (θ₂, 0, 0), v(W) = (v₁ + W v₂, v₂, v₃), so λ_W = ln ‖v(W)‖ / W falls like ln W / W
     * to 0 (no exponential separation) while the tangent vector keeps growing.
     */
    private static final ThreeStateField SHEAR = ThreeStateField.linear(new double[][] {{0, 1, 0}, {0, 0, 0},
        {0, 0, 0}});

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
        LyapunovExponent l = LyapunovExponent.along(DIAGONAL, theta0, v0, 4000, 20, 6);
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
        LyapunovExponent l = LyapunovExponent.along(SHEAR, new double[] {1, 0.5, 0}, v0, 64000, 20, 6);
        for (int j = 0; j < l.windows().length; j++) {
            double w = l.windows()[j];
            assertEquals(0.5 * Math.log(1 + w * w) / w, l.exponents()[j], 1e-9, "W = " + w);
        }
        assertTrue(l.exponents()[5] < l.exponents()[0] / 10, l::toString);
    }

    /** θ̇₁ = θ₁(1 − θ₁) (logistic), θ̇₂ = θ̇₃ = 0: J changes along the run. */
    private static final class Logistic extends ThreeStateField {
        @Override
        public void evaluate(double[] x, double[] out) {
            out[0] = x[0] * (1 - x[0]);
            out[1] = 0;
            out[2] = 0;
        }

        @Override
        public void jacobianTimes(double[] x, double[] v, double[] out) {
            out[0] = (1 - 2 * x[0]) * v[0];
            out[1] = 0;
            out[2] = 0;
        }
    }

    /**
     * Along a one-dimensional autonomous flow the tangent vector is the velocity:
     * v(t)/v(0) = F(θ(t))/F(θ₀), so with θ(t) = 1/(1 + (1/θ₀ − 1)e^{−t}) (logistic) λ_W =
     * ln(F(θ(W))/F(θ₀))/W in closed form, with J varying along the run. Mutant: J·v taken at θ₀
     * (or at a stale θ) gives e^{(1 − 2θ₀)W} instead.
     */
    @Test
    void alongAOneDimensionalFlowTheTangentIsTheVelocity() {
        double th0 = 0.01;
        LyapunovExponent l = LyapunovExponent.along(new Logistic(), new double[] {th0, 0, 0}, new double[] {1, 0, 0},
                16, 1, 4);
        for (int j = 0; j < l.windows().length; j++) {
            double w = l.windows()[j];
            double th = 1 / (1 + (1 / th0 - 1) * Math.exp(-w));
            double expected = Math.log(th * (1 - th) / (th0 * (1 - th0))) / w;
            assertEquals(expected, l.exponents()[j], 1e-8, "W = " + w);
        }
    }

    /** θ̇ = rθ, all components at rate r. */
    private static ThreeStateField uniform(double r) {
        return ThreeStateField.linear(new double[][] {{r, 0, 0}, {0, r, 0}, {0, 0, r}});
    }

    /**
     * A tangent vector that decays below its tolerance within one interval (e^{−1000} over Δ = 20:
     * the computed norm would be integration noise) or grows out of range (e^{+1000}) is reported
     * with the advice to shorten Δ, not turned into a number; with Δ = 0.2 the same decay is
     * measured (λ = −50).
     */
    @Test
    void aTangentVectorOutOfRangeIsReported() {
        double[] zero = new double[3];
        double[] ones = {1, 1, 1};
        IllegalStateException decay = assertThrows(IllegalStateException.class,
                () -> LyapunovExponent.along(uniform(-50), zero, ones, 100, 20, 1));
        assertTrue(decay.getMessage().contains("shorter interval"), decay.getMessage());
        IllegalStateException growth = assertThrows(IllegalStateException.class,
                () -> LyapunovExponent.along(uniform(50), zero, ones, 100, 20, 1));
        assertTrue(growth.getMessage().contains("shorter interval"), growth.getMessage());
        assertEquals(-50, LyapunovExponent.along(uniform(-50), zero, ones, 100, 0.2, 1).exponents()[0], 1e-6);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> LyapunovExponent.along(SHEAR, new double[3], new double[3], 10, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> LyapunovExponent.along(SHEAR, new double[2], new double[] {1, 0, 0}, 10, 1, 1));
    }
}
