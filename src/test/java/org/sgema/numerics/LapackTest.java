package org.sgema.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LAPACK route of {@link Spectrum#of} and {@link RankEstimate#singularValues} against spectra
 * known by construction, at order 300 (above {@link Lapack#MIN_ORDER}), and against EJML's route.
 * CI installs the library (Debian's libopenblas0-serial) and sets {@code SGEMA_REQUIRE_LAPACK=1},
 * so there the route must be present; elsewhere the tests are skipped where it is missing.
 */
class LapackTest {
    private static final int N = 300;

    @BeforeAll
    static void libraryPresent() {
        if (System.getenv("SGEMA_REQUIRE_LAPACK") != null) {
            assertTrue(Lapack.available(), "SGEMA_REQUIRE_LAPACK is set: " + Lapack.describe());
        }
        assumeTrue(Lapack.available(), Lapack.describe());
    }

    /** J = S T S⁻¹ with T block diagonal: reals −k/10 and pairs a ± bi in 2×2 blocks [[a, b], [−b, a]]. */
    @Test
    void eigenvaluesMatchTheirConstruction() {
        Random rnd = new Random(11);
        DMatrixRMaj t = new DMatrixRMaj(N, N);
        double[] re = new double[N];
        double[] im = new double[N];
        int k = 0;
        while (k < N) {
            if (k + 1 < N && k % 3 == 0) {
                double a = -rnd.nextDouble();
                double b = 0.1 + rnd.nextDouble();
                t.set(k, k, a);
                t.set(k, k + 1, b);
                t.set(k + 1, k, -b);
                t.set(k + 1, k + 1, a);
                re[k] = a;
                im[k] = b;
                re[k + 1] = a;
                im[k + 1] = -b;
                k += 2;
            } else {
                re[k] = -k / 10.0;
                t.set(k, k, re[k]);
                k++;
            }
        }
        DMatrixRMaj s = Matrices.randomOrthogonal(N, rnd);
        for (int i = 0; i < N; i++) {
            s.set(i, i, s.get(i, i) + 2.0); // well conditioned, not orthogonal: J is not normal
        }
        DMatrixRMaj sInv = new DMatrixRMaj(N, N);
        assertTrue(CommonOps_DDRM.invert(s, sInv));
        DMatrixRMaj tmp = new DMatrixRMaj(N, N);
        DMatrixRMaj j = new DMatrixRMaj(N, N);
        CommonOps_DDRM.mult(s, t, tmp);
        CommonOps_DDRM.mult(tmp, sInv, j);
        Spectrum expected = Spectrum.of(re, im);
        double[] lr = new double[N];
        double[] li = new double[N];
        // LAPACK itself, not a fallback behind it
        assertTrue(Lapack.eigenvalues(j, lr, li));
        Spectrum lapack = Spectrum.of(lr, li);
        Spectrum routed = Spectrum.of(j);
        Spectrum ejml = Spectrum.byQr(j);
        double tol = 1e-9 * Matrices.norm(j);
        for (int i = 0; i < N; i++) {
            assertEquals(expected.re(i), lapack.re(i), tol, "Re λ_" + i);
            assertEquals(expected.im(i), lapack.im(i), tol, "Im λ_" + i);
            assertEquals(ejml.re(i), lapack.re(i), tol, "Re λ_" + i + " against EJML");
            assertEquals(lapack.re(i), routed.re(i), 0.0, "Spectrum.of takes LAPACK's values");
            assertEquals(lapack.im(i), routed.im(i), 0.0, "Spectrum.of takes LAPACK's imaginary parts");
        }
    }

    /** A = U diag(s) Vᵀ (rectangular, 300×320) with known singular values spanning 12 decades and a zero one. */
    @Test
    void singularValuesMatchTheirConstruction() {
        Random rnd = new Random(12);
        int rows = N;
        int cols = N + 20;
        double[] s = new double[rows];
        for (int i = 0; i < rows - 1; i++) {
            s[i] = Math.pow(10, -12.0 * i / (rows - 2));
        }
        DMatrixRMaj u = Matrices.randomOrthogonal(rows, rnd);
        DMatrixRMaj v = Matrices.randomOrthogonal(cols, rnd);
        DMatrixRMaj d = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            d.set(i, i, s[i]);
        }
        DMatrixRMaj tmp = new DMatrixRMaj(rows, cols);
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        CommonOps_DDRM.mult(u, d, tmp);
        CommonOps_DDRM.multTransB(tmp, v, a);
        double[] got = Lapack.singularValues(a);
        assertNotNull(got, "LAPACK itself, not a fallback behind it");
        assertArrayEquals(got, RankEstimate.singularValues(a), 0.0);
        assertEquals(rows, got.length);
        double[] sorted = got.clone();
        Arrays.sort(sorted);
        assertEquals(got[rows - 1], sorted[0], 0.0, "descending");
        for (int i = 0; i < rows; i++) {
            assertEquals(s[i], got[i], 1e-13, "σ_" + i);
        }
        // the transposed matrix has the same ones
        DMatrixRMaj at = CommonOps_DDRM.transpose(a, null);
        double[] back = Lapack.singularValues(at);
        for (int i = 0; i < rows; i++) {
            assertEquals(got[i], back[i], 1e-13, "σ_" + i + " of Aᵀ");
        }
    }

    /**
     * A NaN or an infinite entry never reaches LAPACK (the reference library stops the process on
     * a NaN; OpenBLAS returns NaN eigenvalues with info = 0 for an infinity): both routines report
     * failure, and Spectrum.of fails as EJML does.
     */
    @Test
    void nonFiniteMatricesAreNotSentToLapack() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            DMatrixRMaj a = Matrices.randomOrthogonal(N, new Random(13));
            a.set(7, 11, bad);
            assertFalse(Lapack.eigenvalues(a, new double[N], new double[N]), "eigenvalues with " + bad);
            assertNull(Lapack.singularValues(a), "singular values with " + bad);
            assertThrows(ArithmeticException.class, () -> Spectrum.of(a), "spectrum with " + bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Spectrum.of(new DMatrixRMaj(N, N + 1)));
    }

    @Test
    void theDescriptionNamesTheRoute() {
        assertTrue(Lapack.describe().startsWith("system LAPACK"), Lapack.describe());
    }
}
