package org.sgema.flows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.sgema.model.Configuration;
import org.sgema.numerics.DenseKernels;
import org.sgema.numerics.Matrices;

/**
 * The orthonormal eigenbasis Q of Cxx, in which the moment fields are cheaper and which they do
 * not notice: every flow (and every mutant) is equivariant under
 * <pre>
 *   A → A,   B → B Q,   B̄ → B̄ Q,   C → Qᵀ C Q   (C = Cxx, Cxy, Cyy)
 * </pre>
 * since {@code R → (A B Q)(Qᵀ Cxx Q) − (T Q)(Qᵀ Cyx Q) = R Q}, {@code R Bᵀ → R Q Qᵀ Bᵀ = R Bᵀ},
 * {@code Aᵀ R → Aᵀ R Q}, and likewise for the target branch and the directional derivatives. In
 * the basis Cxx is diagonal, so the product {@code (A B) Cxx} becomes a column scaling (half of
 * R's cost), and where Cyx commutes with Cxx (the symmetric model with commuting S and N, e.g.
 * N = ν²I) Cyx is diagonal too and R costs O(mn) ({@link MomentProduct}).
 *
 * <p>The rotated Cxx is set to its eigenvalues exactly; another rotated moment is set diagonal
 * only when all its off-diagonal entries are below {@value #DIAGONAL_TOLERANCE}·‖C‖_F, i.e. when
 * it commutes with Cxx to rounding: the problem changes by less than the eigen-decomposition's
 * own rounding.</p>
 */
public final class Eigenbasis {
    /** Below this n the products cost less than rotating the states in and out. */
    public static final int MIN_N = 16;
    /** Off-diagonal entries below this times ‖C‖_F count as rounding. */
    public static final double DIAGONAL_TOLERANCE = 1e-13;

    private final DMatrixRMaj q;
    private final Configuration rotated;
    private final int m;
    private final int n;

    private Eigenbasis(DMatrixRMaj q, Configuration rotated) {
        this.q = q;
        this.rotated = rotated;
        this.m = rotated.m();
        this.n = rotated.n();
    }

    /**
     * @param c a configuration
     * @return its eigenbasis, or null if the symmetric eigen-decomposition of Cxx fails or leaves
     *     off-diagonal entries above the tolerance (then the field stays in the given basis)
     */
    public static Eigenbasis of(Configuration c) {
        int n = c.n();
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        DMatrixRMaj cxx = c.cxx().copy();
        if (!eig.decompose(cxx)) {
            return null;
        }
        DMatrixRMaj q = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            DMatrixRMaj v = eig.getEigenVector(j);
            if (v == null) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                q.set(i, j, v.get(i, 0));
            }
        }
        DMatrixRMaj rxx = conjugate(q, c.cxx());
        if (!diagonalToRounding(rxx)) {
            return null;
        }
        DMatrixRMaj rxy = conjugate(q, c.cxy());
        DMatrixRMaj ryy = conjugate(q, c.cyy());
        diagonalToRounding(rxy);
        diagonalToRounding(ryy);
        Configuration rotated = Configuration.views(rxx, rxy, ryy, c.m()).withLambda(c.lambda()).withAlpha(c.alpha())
                .withTau(c.tau());
        return new Eigenbasis(q, rotated);
    }

    /** @return {@code Qᵀ C Q} */
    private static DMatrixRMaj conjugate(DMatrixRMaj q, DMatrixRMaj c) {
        DMatrixRMaj cq = new DMatrixRMaj(q.numRows, q.numCols);
        CommonOps_DDRM.mult(c, q, cq);
        DMatrixRMaj out = new DMatrixRMaj(q.numCols, q.numCols);
        CommonOps_DDRM.multTransA(q, cq, out);
        return out;
    }

    /** Zeroes the off-diagonal part of {@code a} if it is rounding; @return whether it was */
    private static boolean diagonalToRounding(DMatrixRMaj a) {
        double limit = DIAGONAL_TOLERANCE * Matrices.norm(a);
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                if (i != j && Math.abs(a.get(i, j)) > limit) {
                    return false;
                }
            }
        }
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                if (i != j) {
                    a.set(i, j, 0.0);
                }
            }
        }
        return true;
    }

    /** @return the configuration in the basis (moments {@code Qᵀ C Q}, same m, λ, α, τ) */
    public Configuration rotated() {
        return rotated;
    }

    /** @return whether Cyx is diagonal in the basis too (R then costs O(mn)) */
    public boolean commuting() {
        return isDiagonal(rotated.cxy());
    }

    private static boolean isDiagonal(DMatrixRMaj a) {
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                if (i != j && a.get(i, j) != 0.0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * {@code θ' = (A, B Q, B̄ Q)}: a state into the basis.
     *
     * @param theta the flattened state (A, B and, if {@code target}, B̄) (not modified)
     * @param out the rotated state (modified; must not alias theta)
     */
    public void toBasis(double[] theta, double[] out, boolean target, DenseKernels kernels) {
        rotate(theta, out, target, false, kernels, new double[m * n], new double[m * n]);
    }

    /** {@code θ = (A', B' Qᵀ, B̄' Qᵀ)}: a state out of the basis (arguments as {@link #toBasis}). */
    public void fromBasis(double[] theta, double[] out, boolean target, DenseKernels kernels) {
        rotate(theta, out, target, true, kernels, new double[m * n], new double[m * n]);
    }

    /**
     * {@code θ ← (A', B' Qᵀ, B̄' Qᵀ)} in place, with workspaces instead of fresh arrays (for the
     * recorded states of a whole run); the same products, so the same bits as {@link #fromBasis}.
     *
     * @param theta a state in the basis, overwritten by the state out of it
     * @param block workspace of {@code m n} doubles
     * @param product workspace of {@code m n} doubles
     */
    public void fromBasisInPlace(double[] theta, boolean target, DenseKernels kernels, double[] block,
                                 double[] product) {
        rotate(theta, theta, target, true, kernels, block, product);
    }

    /** {@code out = (A, B Q or B Qᵀ for each block)}; out may be theta, each block being copied out first. */
    private void rotate(double[] theta, double[] out, boolean target, boolean back, DenseKernels k, double[] b,
                        double[] rb) {
        int mm = m * m;
        int mn = m * n;
        if (out != theta) {
            System.arraycopy(theta, 0, out, 0, mm);
        }
        for (int block = 0; block < (target ? 2 : 1); block++) {
            int offset = mm + block * mn;
            System.arraycopy(theta, offset, b, 0, mn);
            if (back) {
                k.multTransB(b, q.data, rb, m, n, n, false);
            } else {
                k.mult(b, q.data, rb, m, n, n, false);
            }
            System.arraycopy(rb, 0, out, offset, mn);
        }
    }
}
