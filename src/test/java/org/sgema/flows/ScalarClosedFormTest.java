package org.sgema.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.sgema.model.Configuration;
import org.sgema.model.State;
import org.sgema.numerics.Spectrum;

/**
 * Closed forms in m = n = 1 (theory notes [T2] witness, [T7] scalar spectra), computed by hand
 * and compared with the general code.
 */
class ScalarClosedFormTest {
    static Configuration scalar(double c, double k, double cyy) {
        return Configuration.views(m(c), m(k), m(cyy), 1);
    }

    static DMatrixRMaj m(double v) {
        return new DMatrixRMaj(new double[][] {{v}});
    }

    @Test
    void scalarSgFieldAndPartialsMatchTheWitness() {
        double c = 1.3;
        double k = 0.6;
        double alpha = 1.7;
        double lambda = 0.2;
        double a = 0.4;
        double b = -0.9;
        VectorField f = Flow.SG.field(scalar(c, k, 2.0).withAlpha(alpha).withLambda(lambda));
        double[] theta = {a, b};
        double[] out = f.evaluate(theta);
        assertEquals(-alpha * b * b * (a * c - k) - lambda * a, out[0], 1e-14);
        assertEquals(-a * b * (a * c - k) - lambda * b, out[1], 1e-14);
        DMatrixRMaj j = f.jacobian(theta);
        assertEquals(-2 * alpha * b * (a * c - k), j.get(0, 1), 1e-13);
        assertEquals(-b * (2 * a * c - k), j.get(1, 0), 1e-13);
    }

    @Test
    void scalarSgEquilibriumHasEigenvaluesZeroAndMinusAlphaB2C() {
        double c = 2.0;
        double k = 0.7;
        double alpha = 0.6;
        double b = 1.4;
        VectorField f = Flow.SG.field(scalar(c, k, 3.0).withAlpha(alpha));
        Spectrum s = Spectrum.of(f.jacobian(new double[] {k / c, b}));
        assertEquals(0.0, s.re(0), 1e-13);
        assertEquals(-alpha * b * b * c, s.re(1), 1e-12);
    }

    @Test
    void scalarEmaCharacteristicPolynomialIsZTimesQuadratic() {
        // z (z² + p z + q), p = αb²c + k²/c + τ, q = ατ b² c
        double c = 1.5;
        double k = 0.9;
        double alpha = 2.3;
        double tau = 0.35;
        double b = -0.8;
        VectorField f = Flow.EMA.field(scalar(c, k, 3.0).withAlpha(alpha).withTau(tau));
        Spectrum s = Spectrum.of(f.jacobian(new double[] {k / c, b, b}));
        double p = alpha * b * b * c + k * k / c + tau;
        double q = alpha * tau * b * b * c;
        double disc = p * p - 4 * q;
        Spectrum expected = disc >= 0
                ? Spectrum.of(new double[] {0, (-p + Math.sqrt(disc)) / 2, (-p - Math.sqrt(disc)) / 2}, new double[3])
                : Spectrum.of(new double[] {0, -p / 2, -p / 2},
                        new double[] {0, Math.sqrt(-disc) / 2, -Math.sqrt(-disc) / 2});
        assertEquals(0.0, s.distanceTo(expected), 1e-12, () -> s + " vs " + expected);
    }

    @Test
    void collapsedScalarSgPointHasEigenvalueMinusAOfAcMinusK() {
        double c = 1.2;
        double k = 0.5;
        for (double a : new double[] {-1.0, 0.2, 0.9}) {
            VectorField f = Flow.SG.field(scalar(c, k, 2.0));
            Spectrum s = Spectrum.of(f.jacobian(new double[] {a, 0.0}));
            Spectrum expected = Spectrum.of(new double[] {0, -a * (a * c - k)}, new double[2]);
            assertEquals(0.0, s.distanceTo(expected), 1e-13);
        }
    }

    @Test
    void stateFlatteningOrderIsAThenBThenTarget() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}});
        DMatrixRMaj b = new DMatrixRMaj(new double[][] {{5, 6, 7}, {8, 9, 10}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][] {{11, 12, 13}, {14, 15, 16}});
        double[] theta = State.of(a, b, t).toArray();
        for (int i = 0; i < theta.length; i++) {
            assertEquals(i + 1.0, theta[i]);
        }
    }
}
