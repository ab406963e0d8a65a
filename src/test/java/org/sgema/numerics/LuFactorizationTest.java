package org.sgema.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * The substitutions on EJML's factors, judged by the residual of the system they solve (not by
 * EJML's own solve): Gaussian elimination with partial pivoting is backward stable, so
 * {@code ‖A x − b‖∞ ≤ c N u ‖A‖∞ ‖x‖∞} with a small c for the matrices drawn here (growth factors of
 * random matrices are small). The matrices are Gaussian, with no diagonal boost: every one needs
 * row exchanges. Mutants, each failing here: the pivot order left out ({@code b_i} for
 * {@code b_{p(i)}}), the diagonal summed into L's row (it reads what x held before: NaN here),
 * no division by {@code U_ii}.
 */
class LuFactorizationTest {
    private static final double U = Math.ulp(1.0) / 2;

    private static List<DenseKernels> kernels() {
        return List.of(DenseKernels.scalar(), new VectorKernels());
    }

    @Test
    void solvesAreBackwardStableAtEveryOrder() {
        Random random = new Random(17);
        for (DenseKernels k : kernels()) {
            for (int n : new int[] {1, 2, 3, 7, 31, 33, 64, 129, 301}) {
                DMatrixRMaj a = Matrices.gaussian(n, n, 1.0, random);
                double[] b = Matrices.gaussian(n, 1, 1.0, random).data;
                double[] kept = b.clone();
                DMatrixRMaj copy = a.copy();
                LuFactorization lu = new LuFactorization(n, k);
                assertTrue(lu.factor(a));
                double[] x = new double[n];
                java.util.Arrays.fill(x, Double.NaN); // what x held before is never read
                assertTrue(lu.solve(b, x), k.name() + " N = " + n);
                assertArrayEquals(kept, b, 0.0, "b is not modified");
                assertArrayEquals(copy.data, a.data, 0.0, "A is not modified");
                double residual = 0;
                double normA = 0;
                double normX = 0;
                for (int i = 0; i < n; i++) {
                    double r = -b[i];
                    double row = 0;
                    for (int j = 0; j < n; j++) {
                        r += a.get(i, j) * x[j];
                        row += Math.abs(a.get(i, j));
                    }
                    residual = Math.max(residual, Math.abs(r));
                    normA = Math.max(normA, row);
                    normX = Math.max(normX, Math.abs(x[i]));
                }
                double bound = 10 * n * U * normA * normX;
                assertTrue(residual <= bound, k.name() + " N = " + n + ": ‖Ax − b‖∞ = " + residual + " > " + bound);
            }
        }
    }

    /** A permutation matrix: every pivot is a row exchange, and x is b permuted back, exactly. */
    @Test
    void aPermutationIsSolvedExactly() {
        int n = 45;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = (7 * i + 3) % n; // 7 and 45 are coprime: a permutation
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            a.set(i, perm[i], 1.0);
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = i + 1;
        }
        for (DenseKernels k : kernels()) {
            LuFactorization lu = new LuFactorization(n, k);
            assertTrue(lu.factor(a));
            double[] x = new double[n];
            assertTrue(lu.solve(b, x));
            for (int i = 0; i < n; i++) {
                assertTrue(x[perm[i]] == b[i], k.name() + ": x[" + perm[i] + "] = " + x[perm[i]] + ", expected " + b[i]);
            }
        }
    }

    @Test
    void theRightHandSideCannotBeTheSolution() {
        LuFactorization lu = new LuFactorization(2, DenseKernels.best());
        lu.factor(new DMatrixRMaj(new double[][] {{2, 1}, {1, 3}}));
        double[] v = {1, 2};
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> lu.solve(v, v));
    }

    @Test
    void aSingularMatrixGivesNoSolution() {
        int n = 40;
        Random random = new Random(3);
        DMatrixRMaj a = Matrices.gaussian(n, n, 1.0, random);
        for (int j = 0; j < n; j++) {
            a.set(n - 1, j, 0.0); // a zero row
        }
        double[] b = new double[n];
        b[0] = 1;
        LuFactorization lu = new LuFactorization(n, DenseKernels.best());
        double[] x = new double[n];
        assertFalse(lu.factor(a) && lu.solve(b, x), "a zero row has no solution");
        assertFalse(new LuFactorization(n, DenseKernels.best()).solve(b, x), "nothing factored");
    }
}
