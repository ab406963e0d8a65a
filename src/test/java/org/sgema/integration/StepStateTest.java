package org.sgema.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.hipparchus.ode.ODEStateAndDerivative;
import org.junit.jupiter.api.Test;
import org.sgema.numerics.Matrices;

/**
 * The stopping detectors read ‖θ‖ and ‖F‖ from the norms a {@link StepState} carries; their
 * {@code g} must be the bits they compute from copies of any other state with the same arrays, and
 * a state made from arrays the caller reuses afterwards keeps its own values. Entries span twenty
 * orders of magnitude, so a norm taken another way (e.g. √Σx², without the scaling of
 * {@link Matrices#norm}) differs in the last bits; both {@code g} are also checked against their
 * formulas on the original arrays. Mutants: the norms computed as √Σx²; ‖θ‖ taken for ‖F‖; the
 * detector's {@code g} without the 1 in {@code 1 + ‖θ‖}.
 */
class StepStateTest {
    @Test
    void detectorsComputeTheSameBitsOnAStepStateAsOnCopies() {
        Random r = new Random(3);
        ConvergenceDetector convergence = new ConvergenceDetector(1e-10, 1e4);
        DivergenceDetector divergence = new DivergenceDetector(1e8, 1e4);
        int differentNorms = 0;
        for (int round = 0; round < 50; round++) {
            int n = 1 + r.nextInt(300);
            double[] theta = new double[n];
            double[] f = new double[n];
            for (int i = 0; i < n; i++) {
                theta[i] = r.nextGaussian() * Math.pow(10, r.nextInt(21) - 10);
                f[i] = r.nextGaussian() * Math.pow(10, r.nextInt(21) - 10);
            }
            ODEStateAndDerivative plain = new ODEStateAndDerivative(1.5, theta, f);
            StepState step = new StepState(1.5, theta, f);
            // the formulas: g = ‖F‖ − tol(1 + ‖θ‖) (as the run's initial check computes it), limit − ‖θ‖
            double convergenceWant = ConvergenceDetector.g(theta, f, 1e-10);
            double divergenceWant = 1e8 - Matrices.norm(theta);
            java.util.Arrays.fill(theta, 7.0);   // the caller reuses its arrays
            java.util.Arrays.fill(f, 7.0);
            assertEquals(Double.doubleToLongBits(convergence.g(plain)), Double.doubleToLongBits(convergence.g(step)),
                    "convergence g, round " + round);
            assertEquals(Double.doubleToLongBits(divergence.g(plain)), Double.doubleToLongBits(divergence.g(step)),
                    "divergence g, round " + round);
            assertEquals(Double.doubleToLongBits(convergenceWant), Double.doubleToLongBits(convergence.g(step)),
                    "convergence g against its formula, round " + round);
            assertEquals(Double.doubleToLongBits(divergenceWant), Double.doubleToLongBits(divergence.g(step)),
                    "divergence g against its formula, round " + round);
            if (StepState.stateNorm(step) != StepState.derivativeNorm(step)) {
                differentNorms++;
            }
        }
        assertEquals(50, differentNorms, "θ and F are different vectors in every round");
    }
}
