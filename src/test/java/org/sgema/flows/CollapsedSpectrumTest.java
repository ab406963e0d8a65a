package org.sgema.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.junit.jupiter.api.Test;
import org.sgema.model.Configuration;
import org.sgema.model.RandomConfigurations;
import org.sgema.numerics.Spectrum;

/**
 * EMA's Jacobian at the collapsed point θ = 0 with weight decay λ &gt; 0 is block triangular
 * (R = 0 and A = 0 there): {@code ∂Ȧ/∂A = −λI}, {@code ∂Ḃ/∂B = −λI}, {@code ∂(dB̄/dt)/∂B̄ = −τI}, so
 * its spectrum is −λ, m² + mn times, and −τ, mn times. A run that collapses ends a rounding
 * distance from 0, and there (EMA (55, 7), N = 819, θ of size 1e-20) EJML's QR iteration runs
 * out of steps on the two large clusters; this is the case that left deep-profile E1 tries
 * INCONCLUSIVE ("eigenvalue QR iteration did not converge").
 */
class CollapsedSpectrumTest {

    @Test
    void twoLargeClustersAreResolvedOnTheShiftedMatrix() {
        int n = 55;
        int m = 7;
        double lambda = 0.5;
        double tau = 100;
        Random rnd = new Random(1);
        double[] joint = new double[2 * n];
        for (int i = 0; i < joint.length; i++) {
            joint[i] = 0.2 + rnd.nextDouble();
        }
        Configuration c = RandomConfigurations.asymmetric(joint, m, rnd).withLambda(lambda).withAlpha(0.3).withTau(tau);
        VectorField f = Flow.EMA.field(c);
        double[] theta = new double[f.dimension()];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = 1e-20 * rnd.nextGaussian();
        }
        DMatrixRMaj j = f.jacobian(theta);
        // the input must be one the plain iteration fails on, or this test checks nothing
        assertFalse(DecompositionFactory_DDRM.eig(j.numRows, false).decompose(j.copy()),
                "EJML's QR now converges here: choose an input it fails on");
        // EJML's route with its shifted retry, and the route Spectrum.of takes at this order
        // (the system's LAPACK where installed)
        assertClosedForm(Spectrum.byQr(j), m, n, lambda, tau);
        assertClosedForm(Spectrum.of(j), m, n, lambda, tau);
    }

    private static void assertClosedForm(Spectrum s, int m, int n, double lambda, double tau) {
        int atLambda = 0;
        int atTau = 0;
        for (int k = 0; k < s.size(); k++) {
            assertTrue(Math.abs(s.im(k)) < 1e-9, "eigenvalue " + s.re(k) + " + " + s.im(k) + "i");
            if (Math.abs(s.re(k) + lambda) < 1e-9) {
                atLambda++;
            } else if (Math.abs(s.re(k) + tau) < 1e-9 * tau) {
                atTau++;
            }
        }
        assertEquals(m * m + m * n, atLambda);
        assertEquals(m * n, atTau);
    }
}
