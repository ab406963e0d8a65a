package org.sgema.numerics;

import java.util.Arrays;

/**
 * {@link DenseKernels} as plain loops in i-k-j order (the innermost loop an axpy over a row,
 * which the JIT vectorizes), and dot products for {@code A Bᵀ}. Packed matrices are plain
 * row-major (one panel).
 */
final class ScalarKernels implements DenseKernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    public void mult(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(c, 0, m * n, 0.0);
        }
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                int bp = p * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    @Override
    public void multTransA(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(c, 0, m * n, 0.0);
        }
        for (int p = 0; p < k; p++) {
            int bp = p * n;
            for (int i = 0; i < m; i++) {
                double api = a[p * m + i];
                int ci = i * n;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += api * b[bp + j];
                }
            }
        }
    }

    @Override
    public void multTransB(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ai = i * k;
            for (int j = 0; j < n; j++) {
                int bj = j * k;
                double s = 0.0;
                for (int p = 0; p < k; p++) {
                    s += a[ai + p] * b[bj + p];
                }
                c[i * n + j] = accumulate ? c[i * n + j] + s : s;
            }
        }
    }

    @Override
    public void multPacked(double[] a, PackedMatrix p, double[] c, int m) {
        mult(a, p.data(), c, m, p.rows(), p.cols(), false);
    }

    /** Columns [j0, j1) of {@code C = A P}, each entry summed in the order {@link #mult} sums it. */
    @Override
    public void multPackedColumns(double[] a, PackedMatrix p, double[] c, int m, int j0, int j1) {
        if (j0 == 0 && j1 == p.cols()) {
            multPacked(a, p, c, m);
            return;
        }
        int k = p.rows();
        int n = p.cols();
        double[] b = p.data();
        for (int i = 0; i < m; i++) {
            for (int j = j0; j < j1; j++) {
                c[i * n + j] = 0;
            }
            for (int q = 0; q < k; q++) {
                double aiq = a[i * k + q];
                for (int j = j0; j < j1; j++) {
                    c[i * n + j] += aiq * b[q * n + j];
                }
            }
        }
    }

    /** Four partial sums (independent chains of additions, which a single sum would serialize). */
    @Override
    public double dot(double[] a, int ai, double[] b, int bi, int k) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int q = 0;
        for (; q + 3 < k; q += 4) {
            s0 += a[ai + q] * b[bi + q];
            s1 += a[ai + q + 1] * b[bi + q + 1];
            s2 += a[ai + q + 2] * b[bi + q + 2];
            s3 += a[ai + q + 3] * b[bi + q + 3];
        }
        for (; q < k; q++) {
            s0 += a[ai + q] * b[bi + q];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public PackedMatrix pack(int k, int n) {
        return new PackedMatrix(k, n, n);
    }

    @Override
    public String name() {
        return "scalar";
    }
}
