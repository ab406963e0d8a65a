package org.sgema.numerics;

import static jdk.incubator.vector.VectorOperators.ADD;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DenseKernels} on the JDK's Vector API (incubating in Java 17; needs
 * {@code --add-modules jdk.incubator.vector}, loaded by name from {@link DenseKernels#best()}).
 * With L doubles per vector of the platform's preferred width:
 * <ul>
 * <li>{@link #multPacked}: an 8×2L register tile of C (16 accumulators) fed by one row of a
 *     packed panel and 8 broadcasts of A per step of the inner dimension (4×2L and single rows
 *     for the remaining rows), the micro-kernel of
 *     Goto and van de Geijn's "Anatomy of high-performance matrix multiplication" (ACM TOMS 34,
 *     2008), without their cache blocking (the shapes here keep a panel in L1/L2);</li>
 * <li>{@link #mult}, {@link #multTransA}: the same tiles reading B in place (row stride n) and
 *     A or Aᵀ through strides;</li>
 * <li>{@link #multTransB}: dot products, a 2×4 tile of them accumulated L at a time and each
 *     reduced across lanes once.</li>
 * </ul>
 * Results differ from {@link ScalarKernels} by rounding only (another summation order).
 * <p>
 * No vector crosses a method of this class (as an argument or a result): a vector is an object
 * that only C2's inlining and escape analysis keep in registers, and whether C2 inlines one of
 * our methods depends on its budgets and profile, so a vector passed to or returned from one
 * that it did not inline is allocated on every call. Each method keeps its vectors to itself
 * and exchanges arrays and doubles only.
 */
final class VectorKernels implements DenseKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void mult(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        columns(a, k, 1, b, 0, n, n, c, m, k, accumulate);
    }

    @Override
    public void multTransA(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        columns(a, 1, m, b, 0, n, n, c, m, k, accumulate);
    }

    @Override
    public void multPacked(double[] a, PackedMatrix packed, double[] c, int m) {
        multPackedColumns(a, packed, c, m, 0, packed.cols());
    }

    @Override
    public void multPackedColumns(double[] a, PackedMatrix packed, double[] c, int m, int from, int to) {
        int k = packed.rows();
        int n = packed.cols();
        double[] w = packed.data();
        for (int j0 = from; j0 < to; ) {
            int width = packed.panelWidth(j0);
            block(a, k, 1, w, k * j0, width, c, j0, n, width, m, k, false);
            j0 += width;
        }
    }

    /**
     * {@code C (+)= A B} column block by column block (2L wide, then L, then the rest), B
     * row-major with row stride {@code bs}, A read at {@code a[i·ars + p·acs]} (so A or Aᵀ).
     */
    private static void columns(double[] a, int ars, int acs, double[] b, int boff, int bs, int n, double[] c, int m,
                                int k, boolean accumulate) {
        int j0 = 0;
        for (; j0 + 2 * L <= n; j0 += 2 * L) {
            block(a, ars, acs, b, boff + j0, bs, c, j0, n, 2 * L, m, k, accumulate);
        }
        if (j0 + L <= n) {
            block(a, ars, acs, b, boff + j0, bs, c, j0, n, L, m, k, accumulate);
            j0 += L;
        }
        if (j0 < n) {
            block(a, ars, acs, b, boff + j0, bs, c, j0, n, n - j0, m, k, accumulate);
        }
    }

    /**
     * Columns [j0, j0 + width) of {@code C (+)= A B}, all m rows: B's entry (p, q) of the block at
     * {@code b[boff + p·bs + q]}, A's (i, p) at {@code a[i·ars + p·acs]}, C row-major with n columns.
     */
    private static void block(double[] a, int ars, int acs, double[] b, int boff, int bs, double[] c, int j0, int n,
                              int width, int m, int k, boolean accumulate) {
        if (width == 2 * L) {
            block2(a, ars, acs, b, boff, bs, c, j0, n, m, k, accumulate);
        } else if (width == L) {
            block1(a, ars, acs, b, boff, bs, c, j0, n, m, k, accumulate);
        } else {
            for (int i = 0; i < m; i++) {
                int ci = i * n + j0;
                for (int q = 0; q < width; q++) {
                    double s = accumulate ? c[ci + q] : 0.0;
                    for (int p = 0; p < k; p++) {
                        s += a[i * ars + p * acs] * b[boff + p * bs + q];
                    }
                    c[ci + q] = s;
                }
            }
        }
    }

    /** A 2L-wide block: 8×2L register tiles (16 accumulators), then 4×2L, then single rows. */
    private static void block2(double[] a, int ars, int acs, double[] b, int boff, int bs, double[] c, int j0, int n,
                               int m, int k, boolean accumulate) {
        int i = 0;
        for (; i + 7 < m; i += 8) {
            tile8(a, ars, acs, b, boff, bs, c, i * n + j0, n, i * ars, k, accumulate);
        }
        for (; i + 3 < m; i += 4) {
            int r0 = i * n + j0;
            DoubleVector c00 = accumulate ? DoubleVector.fromArray(S, c, r0) : DoubleVector.zero(S);
            DoubleVector c01 = accumulate ? DoubleVector.fromArray(S, c, r0 + L) : DoubleVector.zero(S);
            DoubleVector c10 = accumulate ? DoubleVector.fromArray(S, c, r0 + n) : DoubleVector.zero(S);
            DoubleVector c11 = accumulate ? DoubleVector.fromArray(S, c, r0 + n + L) : DoubleVector.zero(S);
            DoubleVector c20 = accumulate ? DoubleVector.fromArray(S, c, r0 + 2 * n) : DoubleVector.zero(S);
            DoubleVector c21 = accumulate ? DoubleVector.fromArray(S, c, r0 + 2 * n + L) : DoubleVector.zero(S);
            DoubleVector c30 = accumulate ? DoubleVector.fromArray(S, c, r0 + 3 * n) : DoubleVector.zero(S);
            DoubleVector c31 = accumulate ? DoubleVector.fromArray(S, c, r0 + 3 * n + L) : DoubleVector.zero(S);
            int a0 = i * ars;
            for (int p = 0; p < k; p++) {
                int bp = boff + p * bs;
                int ap = a0 + p * acs;
                DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
                DoubleVector b1 = DoubleVector.fromArray(S, b, bp + L);
                DoubleVector s0 = DoubleVector.broadcast(S, a[ap]);
                c00 = s0.fma(b0, c00);
                c01 = s0.fma(b1, c01);
                DoubleVector s1 = DoubleVector.broadcast(S, a[ap + ars]);
                c10 = s1.fma(b0, c10);
                c11 = s1.fma(b1, c11);
                DoubleVector s2 = DoubleVector.broadcast(S, a[ap + 2 * ars]);
                c20 = s2.fma(b0, c20);
                c21 = s2.fma(b1, c21);
                DoubleVector s3 = DoubleVector.broadcast(S, a[ap + 3 * ars]);
                c30 = s3.fma(b0, c30);
                c31 = s3.fma(b1, c31);
            }
            c00.intoArray(c, r0);
            c01.intoArray(c, r0 + L);
            c10.intoArray(c, r0 + n);
            c11.intoArray(c, r0 + n + L);
            c20.intoArray(c, r0 + 2 * n);
            c21.intoArray(c, r0 + 2 * n + L);
            c30.intoArray(c, r0 + 3 * n);
            c31.intoArray(c, r0 + 3 * n + L);
        }
        for (; i < m; i++) {
            int r0 = i * n + j0;
            DoubleVector c0 = accumulate ? DoubleVector.fromArray(S, c, r0) : DoubleVector.zero(S);
            DoubleVector c1 = accumulate ? DoubleVector.fromArray(S, c, r0 + L) : DoubleVector.zero(S);
            for (int p = 0; p < k; p++) {
                int bp = boff + p * bs;
                DoubleVector s = DoubleVector.broadcast(S, a[i * ars + p * acs]);
                c0 = s.fma(DoubleVector.fromArray(S, b, bp), c0);
                c1 = s.fma(DoubleVector.fromArray(S, b, bp + L), c1);
            }
            c0.intoArray(c, r0);
            c1.intoArray(c, r0 + L);
        }
    }

    /**
     * Rows [i, i + 8) × a 2L-wide block: 16 accumulators fed by 2 loads of B and 8 broadcasts of A
     * per step of p; {@code r0} is the tile's first entry in C, {@code a0} its first row in A.
     */
    private static void tile8(double[] a, int ars, int acs, double[] b, int boff, int bs, double[] c, int r0, int n,
                              int a0, int k, boolean accumulate) {
        DoubleVector c00 = accumulate ? DoubleVector.fromArray(S, c, r0) : DoubleVector.zero(S);
        DoubleVector c01 = accumulate ? DoubleVector.fromArray(S, c, r0 + L) : DoubleVector.zero(S);
        DoubleVector c10 = accumulate ? DoubleVector.fromArray(S, c, r0 + n) : DoubleVector.zero(S);
        DoubleVector c11 = accumulate ? DoubleVector.fromArray(S, c, r0 + n + L) : DoubleVector.zero(S);
        DoubleVector c20 = accumulate ? DoubleVector.fromArray(S, c, r0 + 2 * n) : DoubleVector.zero(S);
        DoubleVector c21 = accumulate ? DoubleVector.fromArray(S, c, r0 + 2 * n + L) : DoubleVector.zero(S);
        DoubleVector c30 = accumulate ? DoubleVector.fromArray(S, c, r0 + 3 * n) : DoubleVector.zero(S);
        DoubleVector c31 = accumulate ? DoubleVector.fromArray(S, c, r0 + 3 * n + L) : DoubleVector.zero(S);
        DoubleVector c40 = accumulate ? DoubleVector.fromArray(S, c, r0 + 4 * n) : DoubleVector.zero(S);
        DoubleVector c41 = accumulate ? DoubleVector.fromArray(S, c, r0 + 4 * n + L) : DoubleVector.zero(S);
        DoubleVector c50 = accumulate ? DoubleVector.fromArray(S, c, r0 + 5 * n) : DoubleVector.zero(S);
        DoubleVector c51 = accumulate ? DoubleVector.fromArray(S, c, r0 + 5 * n + L) : DoubleVector.zero(S);
        DoubleVector c60 = accumulate ? DoubleVector.fromArray(S, c, r0 + 6 * n) : DoubleVector.zero(S);
        DoubleVector c61 = accumulate ? DoubleVector.fromArray(S, c, r0 + 6 * n + L) : DoubleVector.zero(S);
        DoubleVector c70 = accumulate ? DoubleVector.fromArray(S, c, r0 + 7 * n) : DoubleVector.zero(S);
        DoubleVector c71 = accumulate ? DoubleVector.fromArray(S, c, r0 + 7 * n + L) : DoubleVector.zero(S);
        for (int p = 0; p < k; p++) {
            int bp = boff + p * bs;
            int ap = a0 + p * acs;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bp + L);
            DoubleVector s = DoubleVector.broadcast(S, a[ap]);
            c00 = s.fma(b0, c00);
            c01 = s.fma(b1, c01);
            s = DoubleVector.broadcast(S, a[ap + ars]);
            c10 = s.fma(b0, c10);
            c11 = s.fma(b1, c11);
            s = DoubleVector.broadcast(S, a[ap + 2 * ars]);
            c20 = s.fma(b0, c20);
            c21 = s.fma(b1, c21);
            s = DoubleVector.broadcast(S, a[ap + 3 * ars]);
            c30 = s.fma(b0, c30);
            c31 = s.fma(b1, c31);
            s = DoubleVector.broadcast(S, a[ap + 4 * ars]);
            c40 = s.fma(b0, c40);
            c41 = s.fma(b1, c41);
            s = DoubleVector.broadcast(S, a[ap + 5 * ars]);
            c50 = s.fma(b0, c50);
            c51 = s.fma(b1, c51);
            s = DoubleVector.broadcast(S, a[ap + 6 * ars]);
            c60 = s.fma(b0, c60);
            c61 = s.fma(b1, c61);
            s = DoubleVector.broadcast(S, a[ap + 7 * ars]);
            c70 = s.fma(b0, c70);
            c71 = s.fma(b1, c71);
        }
        c00.intoArray(c, r0);
        c01.intoArray(c, r0 + L);
        c10.intoArray(c, r0 + n);
        c11.intoArray(c, r0 + n + L);
        c20.intoArray(c, r0 + 2 * n);
        c21.intoArray(c, r0 + 2 * n + L);
        c30.intoArray(c, r0 + 3 * n);
        c31.intoArray(c, r0 + 3 * n + L);
        c40.intoArray(c, r0 + 4 * n);
        c41.intoArray(c, r0 + 4 * n + L);
        c50.intoArray(c, r0 + 5 * n);
        c51.intoArray(c, r0 + 5 * n + L);
        c60.intoArray(c, r0 + 6 * n);
        c61.intoArray(c, r0 + 6 * n + L);
        c70.intoArray(c, r0 + 7 * n);
        c71.intoArray(c, r0 + 7 * n + L);
    }

    /** An L-wide block: 4×L register tiles, then single rows. */
    private static void block1(double[] a, int ars, int acs, double[] b, int boff, int bs, double[] c, int j0, int n,
                               int m, int k, boolean accumulate) {
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int r0 = i * n + j0;
            DoubleVector c0 = accumulate ? DoubleVector.fromArray(S, c, r0) : DoubleVector.zero(S);
            DoubleVector c1 = accumulate ? DoubleVector.fromArray(S, c, r0 + n) : DoubleVector.zero(S);
            DoubleVector c2 = accumulate ? DoubleVector.fromArray(S, c, r0 + 2 * n) : DoubleVector.zero(S);
            DoubleVector c3 = accumulate ? DoubleVector.fromArray(S, c, r0 + 3 * n) : DoubleVector.zero(S);
            int a0 = i * ars;
            for (int p = 0; p < k; p++) {
                int ap = a0 + p * acs;
                DoubleVector b0 = DoubleVector.fromArray(S, b, boff + p * bs);
                c0 = DoubleVector.broadcast(S, a[ap]).fma(b0, c0);
                c1 = DoubleVector.broadcast(S, a[ap + ars]).fma(b0, c1);
                c2 = DoubleVector.broadcast(S, a[ap + 2 * ars]).fma(b0, c2);
                c3 = DoubleVector.broadcast(S, a[ap + 3 * ars]).fma(b0, c3);
            }
            c0.intoArray(c, r0);
            c1.intoArray(c, r0 + n);
            c2.intoArray(c, r0 + 2 * n);
            c3.intoArray(c, r0 + 3 * n);
        }
        for (; i < m; i++) {
            int r0 = i * n + j0;
            DoubleVector c0 = accumulate ? DoubleVector.fromArray(S, c, r0) : DoubleVector.zero(S);
            for (int p = 0; p < k; p++) {
                c0 = DoubleVector.broadcast(S, a[i * ars + p * acs]).fma(DoubleVector.fromArray(S, b, boff + p * bs), c0);
            }
            c0.intoArray(c, r0);
        }
    }

    /**
     * {@code C (+)= A Bᵀ}: dot products of rows of A and rows of B, a 2×4 tile of them at a time
     * (8 vector accumulators sharing 6 loads per step), each reduced across lanes once.
     */
    @Override
    public void multTransB(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        if (k < L) {
            // dot products shorter than a vector: no vector work at all
            ScalarKernels.INSTANCE.multTransB(a, b, c, m, k, n, accumulate);
            return;
        }
        int bound = S.loopBound(k);
        int i = 0;
        for (; i + 1 < m; i += 2) {
            int j = 0;
            for (; j + 3 < n; j += 4) {
                DoubleVector d00 = DoubleVector.zero(S);
                DoubleVector d01 = d00;
                DoubleVector d02 = d00;
                DoubleVector d03 = d00;
                DoubleVector d10 = d00;
                DoubleVector d11 = d00;
                DoubleVector d12 = d00;
                DoubleVector d13 = d00;
                int a0 = i * k;
                int b0 = j * k;
                int p = 0;
                for (; p < bound; p += L) {
                    DoubleVector x0 = DoubleVector.fromArray(S, a, a0 + p);
                    DoubleVector x1 = DoubleVector.fromArray(S, a, a0 + k + p);
                    DoubleVector y0 = DoubleVector.fromArray(S, b, b0 + p);
                    DoubleVector y1 = DoubleVector.fromArray(S, b, b0 + k + p);
                    DoubleVector y2 = DoubleVector.fromArray(S, b, b0 + 2 * k + p);
                    DoubleVector y3 = DoubleVector.fromArray(S, b, b0 + 3 * k + p);
                    d00 = x0.fma(y0, d00);
                    d01 = x0.fma(y1, d01);
                    d02 = x0.fma(y2, d02);
                    d03 = x0.fma(y3, d03);
                    d10 = x1.fma(y0, d10);
                    d11 = x1.fma(y1, d11);
                    d12 = x1.fma(y2, d12);
                    d13 = x1.fma(y3, d13);
                }
                store(c, i * n + j, d00.reduceLanes(ADD), a, a0, b, b0, p, k, accumulate);
                store(c, i * n + j + 1, d01.reduceLanes(ADD), a, a0, b, b0 + k, p, k, accumulate);
                store(c, i * n + j + 2, d02.reduceLanes(ADD), a, a0, b, b0 + 2 * k, p, k, accumulate);
                store(c, i * n + j + 3, d03.reduceLanes(ADD), a, a0, b, b0 + 3 * k, p, k, accumulate);
                store(c, (i + 1) * n + j, d10.reduceLanes(ADD), a, a0 + k, b, b0, p, k, accumulate);
                store(c, (i + 1) * n + j + 1, d11.reduceLanes(ADD), a, a0 + k, b, b0 + k, p, k, accumulate);
                store(c, (i + 1) * n + j + 2, d12.reduceLanes(ADD), a, a0 + k, b, b0 + 2 * k, p, k, accumulate);
                store(c, (i + 1) * n + j + 3, d13.reduceLanes(ADD), a, a0 + k, b, b0 + 3 * k, p, k, accumulate);
            }
            for (; j < n; j++) {
                dot(a, i * k, b, j * k, c, i * n + j, k, bound, accumulate);
                dot(a, (i + 1) * k, b, j * k, c, (i + 1) * n + j, k, bound, accumulate);
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                dot(a, i * k, b, j * k, c, i * n + j, k, bound, accumulate);
            }
        }
    }

    /**
     * {@code c[at] (+)= lanes + Σ_{q ≥ p} a[ai + q] b[bj + q]}: the dot product's vector part, already
     * reduced across lanes by the caller, plus its remainder.
     */
    private static void store(double[] c, int at, double lanes, double[] a, int ai, double[] b, int bj, int p, int k,
                              boolean accumulate) {
        double s = lanes;
        for (; p < k; p++) {
            s += a[ai + p] * b[bj + p];
        }
        c[at] = accumulate ? c[at] + s : s;
    }

    private static void dot(double[] a, int ai, double[] b, int bj, double[] c, int at, int k, int bound,
                            boolean accumulate) {
        DoubleVector d = DoubleVector.zero(S);
        int p = 0;
        for (; p < bound; p += L) {
            d = DoubleVector.fromArray(S, a, ai + p).fma(DoubleVector.fromArray(S, b, bj + p), d);
        }
        store(c, at, d.reduceLanes(ADD), a, ai, b, bj, p, k, accumulate);
    }

    /** Four vector accumulators of fused multiply-adds, reduced across lanes at the end, then the remainder. */
    @Override
    public double dot(double[] a, int ai, double[] b, int bi, int k) {
        int bound = k - k % (4 * L);
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int q = 0;
        for (; q < bound; q += 4 * L) {
            s0 = DoubleVector.fromArray(S, a, ai + q).fma(DoubleVector.fromArray(S, b, bi + q), s0);
            s1 = DoubleVector.fromArray(S, a, ai + q + L).fma(DoubleVector.fromArray(S, b, bi + q + L), s1);
            s2 = DoubleVector.fromArray(S, a, ai + q + 2 * L).fma(DoubleVector.fromArray(S, b, bi + q + 2 * L), s2);
            s3 = DoubleVector.fromArray(S, a, ai + q + 3 * L).fma(DoubleVector.fromArray(S, b, bi + q + 3 * L), s3);
        }
        double s = s0.add(s1).add(s2.add(s3)).reduceLanes(ADD);
        for (; q < k; q++) {
            s += a[ai + q] * b[bi + q];
        }
        return s;
    }

    @Override
    public PackedMatrix pack(int k, int n) {
        return new PackedMatrix(k, n, 2 * L);
    }

    @Override
    public String name() {
        return "vector " + S.vectorBitSize() + "-bit";
    }
}
