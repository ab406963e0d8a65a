package org.sgema.equilibria;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.FieldVector;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;
import org.sgema.model.State;

/**
 * The full-rank part of the SG equilibrium variety with λ = 0 [T5]:
 * <pre>
 *   V = {(A, B) : A B Cxx = B Cyx}
 *   Mᵀ = Cxx⁻¹ Cxy,   Mᵀ W = W Λ   (W n×m basis of an m-dimensional real invariant subspace)
 *   B = G Wᵀ,  A = G Λᵀ G⁻¹        for every G ∈ GL(m)
 * </pre>
 * Invariant subspaces are sums of the real blocks of {@link EigenBlock} (the real Jordan
 * form of a diagonalizable Mᵀ, which spans the same subspaces as an ordered real Schur form);
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
        int n = c.n();
        EigenDecompositionNonSymmetric eig = new EigenDecompositionNonSymmetric(
                MatrixUtils.createRealMatrix(toRows(mt)));
        Complex[] values = eig.getEigenvalues();
        List<EigenBlock> blocks = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Complex z = values[i];
            FieldVector<Complex> w = eig.getEigenvector(i);
            double scale = Math.max(1.0, Math.abs(z.getReal()));
            if (Math.abs(z.getImaginary()) <= 1e-12 * scale) {
                double[] u = new double[n];
                for (int k = 0; k < n; k++) {
                    u[k] = w.getEntry(k).getReal();
                }
                blocks.add(new EigenBlock(z.getReal(), 0.0, normalize(u), null));
            } else if (z.getImaginary() > 0) {
                double[] u = new double[n];
                double[] v = new double[n];
                for (int k = 0; k < n; k++) {
                    u[k] = w.getEntry(k).getReal();
                    v[k] = w.getEntry(k).getImaginary();
                }
                blocks.add(new EigenBlock(z.getReal(), z.getImaginary(), u, v));
            }
        }
        blocks.sort(Comparator.comparingDouble(EigenBlock::re).reversed());
        return blocks;
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

    private static double[][] toRows(DMatrixRMaj a) {
        return org.sgema.model.Matrices.toRows(a);
    }
}
