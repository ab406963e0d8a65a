package org.sgema.equilibria;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;
import org.sgema.model.State;
import org.sgema.numerics.Spectrum;

/**
 * The full-rank part of the SG equilibrium variety with λ = 0 [T5]:
 * <pre>
 *   V = {(A, B) : A B Cxx = B Cyx}
 *   Mᵀ = Cxx⁻¹ Cxy,   Mᵀ W = W Λ   (W n×m basis of an m-dimensional real invariant subspace)
 *   B = G Wᵀ,  A = G Λᵀ G⁻¹        for every G ∈ GL(m)
 * </pre>
 * Invariant subspaces are sums of the real blocks of {@link EigenBlock} (the real Jordan
 * form of a diagonalizable Mᵀ, which spans the same subspaces as an ordered real Schur form).
 * Eigenvalues come from EJML's QR algorithm and each eigenvector from the null space of
 * {@code Mᵀ − λI} by SVD (accurate to round-off even where a library's eigenvectors are not);
 * the chosen basis is orthonormalized by QR, {@code W = Q R_W}, {@code Λ ← R_W Λ R_W⁻¹}.
 */
public final class EquilibriumVariety {
    private EquilibriumVariety() {
    }

    /**
     * @return the real blocks of {@code Mᵀ}, by decreasing real part (the top-μ block first)
     * @throws ArithmeticException if Cxx is singular
     */
    public static List<EigenBlock> blocks(Configuration c) {
        DMatrixRMaj mt = c.mTranspose();
        List<double[]> values = blockEigenvalues(mt);
        List<EigenBlock> blocks = new ArrayList<>(values.size());
        for (double[] reIm : values) {
            blocks.add(block(mt, reIm[0], reIm[1]));
        }
        return blocks;
    }

    /**
     * @return the eigenvalues {@code {re, im}} of {@link #blocks}, in their order, without the
     *     blocks' vectors (one SVD each)
     */
    public static List<double[]> blockEigenvalues(Configuration c) {
        return blockEigenvalues(c.mTranspose());
    }

    /**
     * @return the blocks' eigenvalues {@code {re, im}} (im = 0 for a real one, im &gt; 0 for a
     *     pair), in the order of {@link #blocks}: decreasing real part, ties in the order of the spectrum
     */
    private static List<double[]> blockEigenvalues(DMatrixRMaj mt) {
        Spectrum spectrum = Spectrum.of(mt);
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < spectrum.size(); i++) {
            double re = spectrum.re(i);
            double im = spectrum.im(i);
            double scale = Math.max(1.0, Math.hypot(re, im));
            if (Math.abs(im) <= 1e-12 * scale) {
                values.add(new double[] {re, 0.0});
            } else if (im > 0) {
                values.add(new double[] {re, im});
            }
        }
        values.sort(Comparator.comparingDouble((double[] v) -> v[0]).reversed()); // stable, as the blocks' sort was
        return values;
    }

    /** @return the block of the eigenvalue {@code re + i·im} (im = 0: real), its vectors by SVD */
    private static EigenBlock block(DMatrixRMaj mt, double re, double im) {
        if (im == 0) {
            return new EigenBlock(re, 0.0, normalize(realNullVector(mt, re)), null);
        }
        int n = mt.numRows;
        double[] uv = complexNullVector(mt, re, im);
        return new EigenBlock(re, im, java.util.Arrays.copyOfRange(uv, 0, n), java.util.Arrays.copyOfRange(uv, n, 2 * n));
    }

    /** @return the right singular vector of the smallest singular value of {@code Mᵀ − re·I} */
    private static double[] realNullVector(DMatrixRMaj mt, double re) {
        DMatrixRMaj shifted = mt.copy();
        for (int i = 0; i < mt.numRows; i++) {
            shifted.add(i, i, -re);
        }
        return smallestRightSingularVector(shifted);
    }

    /**
     * For {@code λ = re + i·im}, an eigenvector {@code w = u + i v} solves
     * <pre>[[Mᵀ − re I, im I], [−im I, Mᵀ − re I]] [u; v] = 0</pre>
     * (a two-dimensional null space: w and i·w); returns {@code [u; v]}.
     */
    private static double[] complexNullVector(DMatrixRMaj mt, double re, double im) {
        int n = mt.numRows;
        DMatrixRMaj big = new DMatrixRMaj(2 * n, 2 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                big.set(i, j, mt.get(i, j));
                big.set(n + i, n + j, mt.get(i, j));
            }
            big.add(i, i, -re);
            big.add(n + i, n + i, -re);
            big.set(i, n + i, im);
            big.set(n + i, i, -im);
        }
        return smallestRightSingularVector(big);
    }

    private static double[] smallestRightSingularVector(DMatrixRMaj a) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.numRows, a.numCols, false, true, false);
        if (!svd.decompose(a.copy())) {
            throw new ArithmeticException("SVD failed while computing an eigenvector of Mᵀ");
        }
        double[] s = svd.getSingularValues();
        int k = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i] < s[k]) {
                k = i;
            }
        }
        DMatrixRMaj v = svd.getV(null, false);
        double[] out = new double[a.numCols];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i, k);
        }
        return out;
    }

    private static double[] normalize(double[] u) {
        double s = 0;
        for (double x : u) {
            s += x * x;
        }
        s = Math.sqrt(s);
        for (int i = 0; i < u.length; i++) {
            u[i] /= s;
        }
        return u;
    }

    /**
     * The leading choice of blocks: take blocks in order of decreasing real part, skipping a
     * complex pair that would overflow m.
     *
     * @return indices into {@link #blocks} whose dimensions sum to m
     * @throws InvalidInputException if no choice fills exactly m dimensions
     */
    public static int[] leadingBlocks(List<EigenBlock> blocks, int m) {
        List<Integer> chosen = new ArrayList<>();
        int dim = 0;
        for (int i = 0; i < blocks.size() && dim < m; i++) {
            if (dim + blocks.get(i).dimension() <= m) {
                chosen.add(i);
                dim += blocks.get(i).dimension();
            }
        }
        if (dim != m) {
            throw new InvalidInputException("m", "no real invariant subspace of dimension " + m + " found");
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * An orthonormal basis {@code W} (n×m) of the chosen invariant subspace and the matrix
     * {@code Λ} (m×m) with {@code Mᵀ W = W Λ}.
     *
     * @param indices indices into {@code blocks}, dimensions summing to m
     * @return {@code {W, Λ}}
     */
    public static DMatrixRMaj[] invariantSubspace(Configuration c, List<EigenBlock> blocks, int[] indices) {
        int n = c.n();
        int m = 0;
        for (int i : indices) {
            m += blocks.get(i).dimension();
        }
        if (m > n) {
            throw new InvalidInputException("m", "a full-rank equilibrium needs m ≤ n, got m=" + m + ", n=" + n);
        }
        DMatrixRMaj w = new DMatrixRMaj(n, m);
        DMatrixRMaj lambda = new DMatrixRMaj(m, m);
        int col = 0;
        for (int i : indices) {
            EigenBlock blk = blocks.get(i);
            double[] u = blk.u();
            for (int k = 0; k < n; k++) {
                w.set(k, col, u[k]);
            }
            if (blk.dimension() == 1) {
                lambda.set(col, col, blk.re());
            } else {
                double[] v = blk.v();
                for (int k = 0; k < n; k++) {
                    w.set(k, col + 1, v[k]);
                }
                lambda.set(col, col, blk.re());
                lambda.set(col, col + 1, blk.im());
                lambda.set(col + 1, col, -blk.im());
                lambda.set(col + 1, col + 1, blk.re());
            }
            col += blk.dimension();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, m);
        if (!qr.decompose(w.copy())) {
            throw new ArithmeticException("QR of the invariant basis failed");
        }
        DMatrixRMaj q = qr.getQ(null, true);
        DMatrixRMaj r = qr.getR(null, true);
        DMatrixRMaj rInv = new DMatrixRMaj(m, m);
        if (!CommonOps_DDRM.invert(r, rInv)) {
            throw new ArithmeticException("the chosen eigenvectors are linearly dependent");
        }
        DMatrixRMaj tmp = new DMatrixRMaj(m, m);
        DMatrixRMaj lambdaQ = new DMatrixRMaj(m, m);
        CommonOps_DDRM.mult(r, lambda, tmp);
        CommonOps_DDRM.mult(tmp, rInv, lambdaQ);
        return new DMatrixRMaj[] {q, lambdaQ};
    }

    /**
     * A point of V: {@code B = G Wᵀ}, {@code A = G Λᵀ G⁻¹}.
     *
     * @param g an invertible m×m matrix (not modified)
     * @throws InvalidInputException if G is not m×m or is singular
     */
    public static State point(Configuration c, List<EigenBlock> blocks, int[] indices, DMatrixRMaj g) {
        DMatrixRMaj[] wl = invariantSubspace(c, blocks, indices);
        DMatrixRMaj w = wl[0];
        DMatrixRMaj lambda = wl[1];
        int m = w.numCols;
        if (g.numRows != m || g.numCols != m) {
            throw new InvalidInputException("G", String.format(Locale.ROOT, "has shape %d×%d, expected %d×%d",
                    g.numRows, g.numCols, m, m));
        }
        DMatrixRMaj gInv = new DMatrixRMaj(m, m);
        if (!CommonOps_DDRM.invert(g.copy(), gInv) || Math.abs(CommonOps_DDRM.det(g)) < 1e-12) {
            throw new InvalidInputException("G", "is singular");
        }
        DMatrixRMaj b = new DMatrixRMaj(m, c.n());
        CommonOps_DDRM.multTransB(g, w, b);
        DMatrixRMaj tmp = new DMatrixRMaj(m, m);
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransB(g, lambda, tmp);
        CommonOps_DDRM.mult(tmp, gInv, a);
        return State.of(a, b);
    }

    /** @return the point on the leading (top real part) component with this G */
    public static State leadingPoint(Configuration c, DMatrixRMaj g) {
        List<EigenBlock> blocks = blocks(c);
        return point(c, blocks, leadingBlocks(blocks, c.m()), g);
    }

    /**
     * A random choice of blocks whose dimensions sum to m (any component of V, not only the
     * leading one), or null if there is none (e.g. m odd and every eigenvalue complex).
     */
    public static int[] randomBlocks(List<EigenBlock> blocks, int m, Random random) {
        int[] dimensions = new int[blocks.size()];
        for (int i = 0; i < dimensions.length; i++) {
            dimensions[i] = blocks.get(i).dimension();
        }
        return randomBlocks(dimensions, m, random);
    }

    /** {@link #randomBlocks(List, int, Random)} on the blocks' dimensions alone (the only thing it reads). */
    private static int[] randomBlocks(int[] dimensions, int m, Random random) {
        for (int attempt = 0; attempt < 50; attempt++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < dimensions.length; i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            List<Integer> chosen = new ArrayList<>();
            int dim = 0;
            for (int i : order) {
                if (dim + dimensions[i] <= m) {
                    chosen.add(i);
                    dim += dimensions[i];
                }
                if (dim == m) {
                    return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
                }
            }
        }
        return null;
    }

    /**
     * A well-conditioned random {@code G = Q₁ diag(s) Q₂} with singular values in [0.5, 2].
     */
    public static DMatrixRMaj randomG(int m, Random random) {
        double[] s = new double[m];
        for (int i = 0; i < m; i++) {
            s[i] = 0.5 * Math.pow(4.0, random.nextDouble());
        }
        DMatrixRMaj q1 = org.sgema.numerics.Matrices.randomOrthogonal(m, random);
        DMatrixRMaj q2 = org.sgema.numerics.Matrices.randomOrthogonal(m, random);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                q1.set(i, j, q1.get(i, j) * s[j]);
            }
        }
        DMatrixRMaj g = new DMatrixRMaj(m, m);
        CommonOps_DDRM.mult(q1, q2, g);
        return g;
    }

    /**
     * A random full-rank point of V: a random component ({@link #randomBlocks}) and a random
     * well-conditioned G ({@link #randomG}).
     *
     * @return the point, or null if V has no full-rank component for this m
     */
    public static State randomPoint(Configuration c, Random random) {
        if (c.m() > c.n()) {
            return null;
        }
        // the same draws as point(c, blocks(c), randomBlocks(blocks(c), m, random), randomG(m, random)),
        // with eigenvectors (one SVD each) only for the chosen blocks, not for every eigenvalue of Mᵀ
        DMatrixRMaj mt = c.mTranspose();
        List<double[]> values = blockEigenvalues(mt);
        int[] dimensions = new int[values.size()];
        for (int i = 0; i < dimensions.length; i++) {
            dimensions[i] = values.get(i)[1] == 0 ? 1 : 2;
        }
        int[] chosen = randomBlocks(dimensions, c.m(), random);
        if (chosen == null) {
            return null;
        }
        List<EigenBlock> chosenBlocks = new ArrayList<>(chosen.length);
        int[] inOrder = new int[chosen.length];
        for (int k = 0; k < chosen.length; k++) {
            double[] reIm = values.get(chosen[k]);
            chosenBlocks.add(block(mt, reIm[0], reIm[1]));
            inOrder[k] = k;
        }
        return point(c, chosenBlocks, inOrder, randomG(c.m(), random));
    }
}
