package org.sgema.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * Both kernel sets against EJML's own products (an independent implementation) on every shape
 * class the kernels treat apart: rows in and beyond 4-row tiles, columns in full panels, a half
 * panel and a scalar remainder, inner dimensions from 1 up.
 */
class DenseKernelsTest {
    private static final int[] ROWS = {1, 2, 3, 4, 5, 7, 8, 9, 16, 17};
    private static final int[] COLS = {1, 3, 7, 8, 9, 12, 15, 16, 17, 24, 30, 31, 32, 33, 40, 64, 65};
    private static final int[] INNER = {1, 2, 5, 16, 33};

    private static List<DenseKernels> kernels() {
        return List.of(DenseKernels.scalar(), new VectorKernels());
    }

    @Test
    void theTestJvmRunsTheVectorKernels() {
        // the build adds the module; without it best() is the scalar set and this test says so
        assertTrue(DenseKernels.best().name().startsWith("vector"), DenseKernels.best().name());
    }

    @Test
    void productsAgreeWithEjml() {
        Random random = new Random(11);
        for (DenseKernels k : kernels()) {
            for (int m : ROWS) {
                for (int n : COLS) {
                    for (int inner : INNER) {
                        DMatrixRMaj a = random(m, inner, random);
                        DMatrixRMaj b = random(inner, n, random);
                        DMatrixRMaj expected = new DMatrixRMaj(m, n);
                        CommonOps_DDRM.mult(a, b, expected);
                        check(k, "mult", expected, c -> k.mult(a.data, b.data, c, m, inner, n, false));
                        DMatrixRMaj at = new DMatrixRMaj(inner, m);
                        CommonOps_DDRM.transpose(a, at);
                        check(k, "multTransA", expected, c -> k.multTransA(at.data, b.data, c, m, inner, n, false));
                        DMatrixRMaj bt = new DMatrixRMaj(n, inner);
                        CommonOps_DDRM.transpose(b, bt);
                        check(k, "multTransB", expected, c -> k.multTransB(a.data, bt.data, c, m, inner, n, false));
                        PackedMatrix packed = k.pack(inner, n).set(b.data);
                        check(k, "multPacked", expected, c -> k.multPacked(a.data, packed, c, m));
                        // accumulate: C = C0 + A B
                        DMatrixRMaj c0 = random(m, n, random);
                        DMatrixRMaj sum = c0.copy();
                        CommonOps_DDRM.multAdd(a, b, sum);
                        checkFrom(k, "mult+", sum, c0, c -> k.mult(a.data, b.data, c, m, inner, n, true));
                        checkFrom(k, "multTransA+", sum, c0, c -> k.multTransA(at.data, b.data, c, m, inner, n, true));
                        checkFrom(k, "multTransB+", sum, c0, c -> k.multTransB(a.data, bt.data, c, m, inner, n, true));
                    }
                }
            }
        }
    }

    /**
     * Dot products of stretches at offsets, every length from 0 to 100 (full groups of four
     * vectors, single vectors and a scalar remainder), against a sum in long double's stead: the
     * terms summed in order with {@link Math#fma}, within 2k u Σ|a_q b_q| of it (the bound of any
     * summation order). Mutant: a remainder loop left out fails from k = 1 on.
     */
    @Test
    void dotProductsOfStretchesAgreeWithASumInOrder() {
        Random random = new Random(5);
        double u = Math.ulp(1.0) / 2;
        for (DenseKernels k : kernels()) {
            for (int len = 0; len <= 100; len++) {
                double[] a = Matrices.gaussian(len + 7, 1, 1.0, random).data;
                double[] b = Matrices.gaussian(len + 3, 1, 1.0, random).data;
                double expected = 0;
                double magnitude = 0;
                for (int q = 0; q < len; q++) {
                    expected = Math.fma(a[5 + q], b[2 + q], expected);
                    magnitude += Math.abs(a[5 + q] * b[2 + q]);
                }
                double got = k.dot(a, 5, b, 2, len);
                assertTrue(Math.abs(got - expected) <= 2 * (len + 1) * u * magnitude,
                        k.name() + " k = " + len + ": " + got + " vs " + expected);
            }
        }
    }

    @Test
    void packedEntriesReadBack() {
        Random random = new Random(3);
        for (DenseKernels k : kernels()) {
            for (int n : COLS) {
                DMatrixRMaj b = random(5, n, random);
                PackedMatrix p = k.pack(5, n).set(b.data);
                for (int i = 0; i < 5; i++) {
                    for (int j = 0; j < n; j++) {
                        assertEquals(b.get(i, j), p.get(i, j), 0.0, k.name() + " n=" + n + " (" + i + "," + j + ")");
                    }
                }
            }
        }
    }

    private interface Product {
        void into(double[] c);
    }

    /** Overwriting products must ignore what C held: it starts as NaN. */
    private static void check(DenseKernels k, String op, DMatrixRMaj expected, Product product) {
        double[] c = new double[expected.data.length];
        Arrays.fill(c, Double.NaN);
        product.into(c);
        compare(k, op, expected, c);
    }

    private static void checkFrom(DenseKernels k, String op, DMatrixRMaj expected, DMatrixRMaj start, Product product) {
        double[] c = start.data.clone();
        product.into(c);
        compare(k, op, expected, c);
    }

    private static void compare(DenseKernels k, String op, DMatrixRMaj expected, double[] c) {
        double scale = 1 + Math.sqrt(expected.numCols + 1.0);
        for (int i = 0; i < c.length; i++) {
            assertEquals(expected.data[i], c[i], 1e-13 * scale * (1 + Math.abs(expected.data[i])),
                    () -> k.name() + " " + op + " " + expected.numRows + "×" + expected.numCols);
        }
    }

    private static DMatrixRMaj random(int rows, int cols, Random random) {
        DMatrixRMaj a = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = random.nextGaussian();
        }
        return a;
    }
}
