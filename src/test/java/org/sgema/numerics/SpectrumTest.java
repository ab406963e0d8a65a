package org.sgema.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The shift of {@link Spectrum#of}'s fallback against the spectral radius, on matrices with known spectra. */
class SpectrumTest {

    /** σ = 1.25·min(‖a‖₁, ‖a‖_∞) exceeds ρ(a) = max |λ|, here known from the construction. */
    @Test
    void theShiftExceedsTheSpectralRadius() {
        Random rnd = new Random(5);
        for (int k = 0; k < 20; k++) {
            int n = 2 + rnd.nextInt(12);
            double[] eigenvalues = new double[n];
            double rho = 0;
            for (int i = 0; i < n; i++) {
                eigenvalues[i] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(5) - 2);
                rho = Math.max(rho, Math.abs(eigenvalues[i]));
            }
            DMatrixRMaj a = Matrices.withSpectrum(Matrices.randomOrthogonal(n, rnd), eigenvalues);
            double sigma = Spectrum.shift(a);
            assertTrue(sigma >= 1.25 * rho * (1 - 1e-12), "σ = " + sigma + " against ρ = " + rho);
        }
        // a nilpotent Jordan block: ρ = 0 while every norm is 1
        assertEquals(1.25, Spectrum.shift(new DMatrixRMaj(new double[][] {{0, 1}, {0, 0}})), 0.0);
        assertEquals(1.0, Spectrum.shift(new DMatrixRMaj(3, 3)), 0.0);
        // tiny entries, whose squares underflow: the shift keeps their scale
        assertEquals(1.25e-170, Spectrum.shift(new DMatrixRMaj(new double[][] {{1e-170, 0}, {0, -1e-170}})), 1e-185);
    }
}
