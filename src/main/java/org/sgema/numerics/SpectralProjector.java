package org.sgema.numerics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

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
     * singular value outside the kernel (0 when d = N); J and the SVD itself are kept for
     * {@link #drazinApply(double[])}.
     *
     * @param matrix J (not copied; not modified here)
     * @param right V, N×d
     * @param left W, N×d
     * @param svd the SVD they were taken from, {@code J = u · diag(s) · vt}, s descending
     */
    public record NullVectors(DMatrixRMaj matrix, DMatrixRMaj right, DMatrixRMaj left, Svd svd) {
        /** @return {@code s_{N−d}}, the smallest singular value outside the kernel (0 when d = N) */
        public double smallestNonZero() {
            int n = right.numRows;
            int d = right.numCols;
            return d < n ? svd.s()[n - d - 1] : 0.0;
        }

        /** @return {@code WᵀV} (d×d, new): invertible iff 0 is semisimple with multiplicity d */
        public DMatrixRMaj pairing() {
            DMatrixRMaj wtv = new DMatrixRMaj(right.numCols, right.numCols);
            CommonOps_DDRM.multTransA(left, right, wtv);
            return wtv;
        }

        /**
         * The Drazin inverse applied to b, from this SVD in O(N² + N d²) (no new factorization):
         * <pre>
         *   x = (I − Π₀) J_r⁺ (I − Π₀) b,    J_r⁺ c = Σ_{k &lt; N−d} v_k (u_kᵀ c) / s_k,    Π₀ = V (WᵀV)⁻¹ Wᵀ
         * </pre>
         * with {@code J_r = J − Σ_{k ≥ N−d} s_k u_k v_kᵀ}, J with its d smallest singular values set
         * to 0 ({@code ‖J − J_r‖ = s_{N−d+1}}, the largest of them), whose kernel is exactly V: x is
         * J_r's Drazin inverse applied to b, and J's where those values are 0. Why: {@code c = (I − Π₀)b}
         * has {@code Wᵀc = 0}, so it lies in the range of J_r, {@code y = J_r⁺c} solves
         * {@code J_r y = c}, and of all its solutions {@code y + ker J_r} the one with {@code Π₀ x = 0}
         * is {@code (I − Π₀) y}. The result is checked against J itself, through {@code J_r x =
         * J x − W S₀ (Vᵀ x)} (S₀ the d smallest singular values), so that a wrong leading triplet,
         * which {@link SpectralProjector#trustworthy} does not look at, shows:
         * <pre>
         *   ‖J x − W S₀ Vᵀ x − c‖ ≤ 10 N u (‖J‖_F ‖x‖ + ‖b‖ + ‖b − c‖)      (u the unit roundoff)
         * </pre>
         * ({@code ‖b‖ + ‖b − c‖} covers the rounding of c when b lies mostly along the kernel: with
         * ‖c‖ alone a correct x was rejected once {@code ‖Π₀b‖ ≥ 1e4‖c‖}). No threshold on
         * {@code WᵀV}: a nearly singular one (0 nearly a Jordan block) gives a long x, which is what
         * the linearized flow does; an exactly singular one (EJML's inverse then reports no failure
         * but leaves non-finite entries) gives null.
         *
         * @param b the right-hand side (not modified)
         * @return x (new), or null where it is not finite or the check fails
         */
        public double[] drazinApply(double[] b) {
            int n = right.numRows;
            int d = right.numCols;
            DMatrixRMaj wtv = pairing();
            DMatrixRMaj inv = new DMatrixRMaj(d, d);
            if (!CommonOps_DDRM.invert(wtv, inv) || !finite(inv.data)) {
                return null;
            }
            double[] c = removeKernel(b, inv);
            double[] z = new double[n - d];
            DMatrixRMaj u = svd.u();
            for (int i = 0; i < n; i++) {
                double ci = c[i];
                int row = i * n;
                for (int k = 0; k < n - d; k++) {
                    z[k] += u.data[row + k] * ci;
                }
            }
            double[] y = new double[n];
            DMatrixRMaj vt = svd.vt();
            for (int k = 0; k < n - d; k++) {
                double zk = z[k] / svd.s()[k];
                int row = k * n;
                for (int j = 0; j < n; j++) {
                    y[j] += vt.data[row + j] * zk;
                }
            }
            double[] x = removeKernel(y, inv);
            if (!finite(x)) {
                return null;
            }
            // J_r x = J x − W S₀ (Vᵀ x)
            DMatrixRMaj vtx = new DMatrixRMaj(d, 1);
            CommonOps_DDRM.multTransA(right, DMatrixRMaj.wrap(n, 1, x), vtx);
            for (int k = 0; k < d; k++) {
                vtx.data[k] *= svd.s()[n - d + k];
            }
            DMatrixRMaj tail = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.mult(left, vtx, tail);
            double miss = 0;
            double kernelPart = 0;
            for (int r = 0; r < n; r++) {
                double jx = 0;
                int row = r * n;
                for (int k = 0; k < n; k++) {
                    jx += matrix.data[row + k] * x[k];
                }
                double e = jx - tail.data[r] - c[r];
                miss += e * e;
                kernelPart += (b[r] - c[r]) * (b[r] - c[r]);
            }
            double unit = Math.ulp(1.0) / 2;
            double allowed = 10 * n * unit * (Matrices.norm(matrix) * Matrices.norm(x) + Matrices.norm(b)
                    + Math.sqrt(kernelPart));
            return Math.sqrt(miss) <= allowed ? x : null;
        }

        /** @return {@code (I − Π₀) x} (new), with {@code inv = (WᵀV)⁻¹} */
        private double[] removeKernel(double[] x, DMatrixRMaj inv) {
            int d = right.numCols;
            DMatrixRMaj wtx = new DMatrixRMaj(d, 1);
            CommonOps_DDRM.multTransA(left, DMatrixRMaj.wrap(x.length, 1, x), wtx);
            DMatrixRMaj coefficients = new DMatrixRMaj(d, 1);
            CommonOps_DDRM.mult(inv, wtx, coefficients);
            DMatrixRMaj along = new DMatrixRMaj(x.length, 1);
            CommonOps_DDRM.mult(right, coefficients, along);
            double[] out = x.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] -= along.data[i];
            }
            return out;
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
    static NullVectors nullVectors(DMatrixRMaj j, int d, Svd fast) {
        int n = j.numRows;
        Svd svd = fast != null && trustworthy(j, d, fast) ? fast : Svd.byEjml(j);
        if (svd == null) {
            return null;
        }
        // J = u diag(s) vt, s descending: V's last d columns are vt's last d rows
        DMatrixRMaj vLast = CommonOps_DDRM.extract(svd.vt(), n - d, n, 0, n);
        return new NullVectors(j, CommonOps_DDRM.transpose(vLast, null), CommonOps_DDRM.extract(svd.u(), 0, n, n - d, n),
                svd);
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
    static boolean trustworthy(DMatrixRMaj j, int d, Svd svd) {
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
     * from θ to the limit of the linearized flow through θ, {@code −(I − Π₀)(θ − θ*)}. Computed
     * from one SVD ({@link NullVectors#drazinApply(double[])}), by LU for d = 0.
     *
     * @param j a square matrix (not modified)
     * @param d the dimension of its kernel (0: J is invertible, {@code x = J⁻¹ b})
     * @param b the right-hand side (not modified)
     * @return x (new), or null where the SVD failed, {@code WᵀV} is singular, the result fails its
     *     check, or (d = 0) J is singular (a non-finite solution)
     */
    public static double[] drazinApply(DMatrixRMaj j, int d, double[] b) {
        int n = j.numRows;
        if (j.numCols != n || d < 0 || d > n || b.length != n) {
            throw new IllegalArgumentException("need a square matrix, 0 ≤ d ≤ N and a right-hand side of length N, got "
                    + j.numRows + "×" + j.numCols + ", d = " + d + ", length " + b.length);
        }
        if (d == 0) {
            // EJML's LU reports no failure on a singular J: non-finite entries tell it
            DMatrixRMaj x = new DMatrixRMaj(n, 1);
            return CommonOps_DDRM.solve(j.copy(), DMatrixRMaj.wrap(n, 1, b.clone()), x) && finite(x.data) ? x.data : null;
        }
        NullVectors nv = nullVectors(j, d);
        return nv == null ? null : nv.drazinApply(b);
    }

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
