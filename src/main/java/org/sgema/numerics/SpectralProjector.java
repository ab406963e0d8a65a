package org.sgema.numerics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The spectral projector onto the kernel of a square matrix along its range,
 * <pre>
 *   Π₀ = V (Wᵀ V)⁻¹ Wᵀ,   V: right null vectors (J V = 0),  W: left null vectors (Wᵀ J = 0),
 * </pre>
 * both taken from one SVD {@code J = U S Vᵀ} (the last d columns of V and of U; by the system's
 * LAPACK from order {@link Lapack#MIN_ORDER} on where there is one and its null triplets pass
 * {@link #trustworthy}, by EJML otherwise). It exists iff 0
 * is a semisimple eigenvalue of multiplicity d ({@code WᵀV} invertible); near an equilibrium of a
 * manifold of equilibria, {@code θ* + Π₀ δ} is the limit a perturbation {@code δ} flows to, to
 * first order.
 */
public final class SpectralProjector {
    private SpectralProjector() {
    }

    /**
     * The right and left null vectors of a square matrix from one SVD {@code J = U S Vᵀ}: the
     * last d columns of V (J V = 0) and of U (Wᵀ J = 0), and {@code s_{N−d}}, the smallest
     * singular value outside the kernel (0 when d = N).
     *
     * @param right V, N×d
     * @param left W, N×d
     * @param smallestNonZero {@code s_{N−d}}
     */
    public record NullVectors(DMatrixRMaj right, DMatrixRMaj left, double smallestNonZero) {
        /** @return {@code WᵀV} (d×d, new): invertible iff 0 is semisimple with multiplicity d */
        public DMatrixRMaj pairing() {
            DMatrixRMaj wtv = new DMatrixRMaj(right.numCols, right.numCols);
            CommonOps_DDRM.multTransA(left, right, wtv);
            return wtv;
        }
    }

    /**
     * @param j a square matrix (not modified)
     * @param d the dimension of its kernel, 1 ≤ d ≤ N
     * @return its null vectors (see {@link NullVectors}), or null if the SVD fails
     */
    public static NullVectors nullVectors(DMatrixRMaj j, int d) {
        int n = j.numRows;
        if (j.numCols != n || d < 1 || d > n) {
            throw new IllegalArgumentException("need a square matrix and 1 ≤ d ≤ N, got " + j.numRows + "×"
                    + j.numCols + ", d = " + d);
        }
        return nullVectors(j, d, Lapack.svd(j));
    }

    /**
     * {@link #nullVectors(DMatrixRMaj, int)} from a given LAPACK SVD (null: none), used only if its
     * last d triplets pass {@link #trustworthy}; EJML's SVD otherwise.
     */
    static NullVectors nullVectors(DMatrixRMaj j, int d, Lapack.Svd fast) {
        int n = j.numRows;
        if (fast != null && trustworthy(j, d, fast)) {
            // J = u diag(s) vt, s descending: V's last d columns are vt's last d rows
            DMatrixRMaj vLast = CommonOps_DDRM.extract(fast.vt(), n - d, n, 0, n);
            return new NullVectors(CommonOps_DDRM.transpose(vLast, null), CommonOps_DDRM.extract(fast.u(), 0, n, n - d, n),
                    d < n ? fast.s()[n - d - 1] : 0.0);
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, true, true, false);
        if (!svd.decompose(j.copy())) {
            return null;
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        return new NullVectors(CommonOps_DDRM.extract(v, 0, n, n - d, n), CommonOps_DDRM.extract(u, 0, n, n - d, n),
                d < n ? w.get(n - d - 1, n - d - 1) : 0.0);
    }

    /**
     * Whether the last d singular triplets {@code (s_k, u_k, v_k)} of an SVD of J are what a backward
     * stable SVD gives (exact for some {@code J + E} with {@code ‖E‖} a modest multiple of
     * {@code u‖J‖}, u the unit roundoff), checked in O(N²d):
     * <pre>
     *   ‖J v_k − s_k u_k‖ ≤ ε,   ‖Jᵀ u_k − s_k v_k‖ ≤ ε,   |v_iᵀ v_k − δ_ik| ≤ N u,   |u_iᵀ u_k − δ_ik| ≤ N u,
     *   ε = N u ‖J‖_F,   i, k ∈ {N − d, …, N − 1}
     * </pre>
     * LAPACK's divide and conquer ({@code dgesdd}, {@code dbdsdc}) has had reports of wrong vectors
     * with {@code info = 0} on graded matrices; such vectors miss these bounds by orders of magnitude
     * (they are off by O(1) in some direction), while correct ones meet them with room to spare:
     * for the SG Jacobian at (n, m) = (64, 16), N = 1280, d = 256, OpenBLAS's triplets have
     * residuals 4e-4 ε and Gram entries within 0.03 N u. The check costs two N×N by N×d products
     * (0.6 s there, against 2.5 s for the SVD).
     *
     * @param j the decomposed matrix
     * @param d how many trailing triplets to check
     * @param svd its SVD
     * @return whether all bounds hold (false on any NaN)
     */
    static boolean trustworthy(DMatrixRMaj j, int d, Lapack.Svd svd) {
        int n = j.numRows;
        double unit = Math.ulp(1.0) / 2;
        double eps = n * unit * Matrices.norm(j);
        DMatrixRMaj vt = CommonOps_DDRM.extract(svd.vt(), n - d, n, 0, n);
        DMatrixRMaj u = CommonOps_DDRM.extract(svd.u(), 0, n, n - d, n);
        DMatrixRMaj jv = new DMatrixRMaj(n, d);
        DMatrixRMaj jtu = new DMatrixRMaj(n, d);
        CommonOps_DDRM.multTransB(j, vt, jv);
        CommonOps_DDRM.multTransA(j, u, jtu);
        for (int k = 0; k < d; k++) {
            double sigma = svd.s()[n - d + k];
            double right = 0;
            double left = 0;
            for (int i = 0; i < n; i++) {
                double r = jv.get(i, k) - sigma * u.get(i, k);
                double l = jtu.get(i, k) - sigma * vt.get(k, i);
                right += r * r;
                left += l * l;
            }
            if (!(Math.sqrt(right) <= eps && Math.sqrt(left) <= eps)) {
                return false;
            }
        }
        DMatrixRMaj vGram = new DMatrixRMaj(d, d);
        DMatrixRMaj uGram = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(vt, vt, vGram);
        CommonOps_DDRM.multTransA(u, u, uGram);
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double delta = i == k ? 1 : 0;
                if (!(Math.abs(vGram.get(i, k) - delta) <= n * unit && Math.abs(uGram.get(i, k) - delta) <= n * unit)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * @param j a square matrix (not modified)
     * @param d the dimension of its kernel
     * @return Π₀ (N×N, new), or null if {@code WᵀV} is singular to 1e-8 (0 is not semisimple)
     */
    public static DMatrixRMaj kernel(DMatrixRMaj j, int d) {
        int n = j.numRows;
        if (j.numCols != n || d < 0 || d > n) {
            throw new IllegalArgumentException("need a square matrix and 0 ≤ d ≤ N, got " + j.numRows + "×"
                    + j.numCols + ", d = " + d);
        }
        if (d == 0) {
            return new DMatrixRMaj(n, n);
        }
        NullVectors nv = nullVectors(j, d);
        if (nv == null) {
            return null;
        }
        DMatrixRMaj wtv = nv.pairing();
        double[] sv = RankEstimate.singularValues(wtv);
        if (sv[sv.length - 1] < 1e-8) {
            return null;
        }
        DMatrixRMaj inv = new DMatrixRMaj(d, d);
        if (!CommonOps_DDRM.invert(wtv, inv)) {
            return null;
        }
        DMatrixRMaj tmp = new DMatrixRMaj(n, d);
        CommonOps_DDRM.mult(nv.right(), inv, tmp);
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(tmp, nv.left(), out);
        return out;
    }

    /**
     * The Drazin inverse of J applied to b, where 0 is a semisimple eigenvalue of J of
     * multiplicity d:
     * <pre>
     *   x = J^D b = (J + Π₀)⁻¹ (I − Π₀) b,     for J = S diag(0, Λ) S⁻¹:  J^D = S diag(0, Λ⁻¹) S⁻¹
     * </pre>
     * the x along the range of J (Π₀ x = 0) with {@code J x = (I − Π₀) b}. {@code J + Π₀} has the
     * eigenvalues of J with 0 replaced by 1, so it is invertible exactly when Π₀ exists. Near a
     * manifold of equilibria with {@code F(θ) ≈ J (θ − θ*)}, {@code J^D F(θ)} is the displacement
     * from θ to the limit of the linearized flow through θ, {@code −(I − Π₀)(θ − θ*)}.
     *
     * @param j a square matrix (not modified)
     * @param d the dimension of its kernel (0: J is invertible, {@code x = J⁻¹ b})
     * @param b the right-hand side (not modified)
     * @return x (new), or null where Π₀ does not exist or {@code J + Π₀} is singular
     */
    public static double[] drazinApply(DMatrixRMaj j, int d, double[] b) {
        int n = j.numRows;
        if (b.length != n) {
            throw new IllegalArgumentException("need a right-hand side of length " + n + ", got " + b.length);
        }
        DMatrixRMaj p = kernel(j, d);
        if (p == null) {
            return null;
        }
        DMatrixRMaj rhs = DMatrixRMaj.wrap(n, 1, b.clone());
        DMatrixRMaj projected = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.mult(p, rhs, projected);
        CommonOps_DDRM.subtractEquals(rhs, projected);
        DMatrixRMaj shifted = j.copy();
        CommonOps_DDRM.addEquals(shifted, p);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        if (!CommonOps_DDRM.solve(shifted, rhs, x)) {
            return null;
        }
        return x.data;
    }
}
