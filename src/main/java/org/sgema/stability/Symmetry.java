package org.sgema.stability;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.sgema.flows.VectorField;
import org.sgema.model.State;

/**
 * A group of orthogonal m×m matrices acting linearly on the flattened state, under which the field
 * is equivariant ({@code F(g(Q)θ) = g(Q)F(θ)}). For the SG, EMA and GD fields it is O(m) acting by
 * <pre>
 *   g(Q)(A, B, B̄) = (Q A Qᵀ, Q B, Q B̄)                       [T5, symmetry]
 *   ξ_E(A, B, B̄)  = d/ds g(e^{sE})θ |₀ = (EA − AE, EB, EB̄)   E skew, a generator of so(m)
 * </pre>
 * {@link #NONE} is the trivial group (fields without a symmetry). Orbits of the group are what a
 * relative periodic orbit drifts along ({@link RelativePeriodicOrbit}).
 */
public interface Symmetry {

    /** @return m, the size of the matrices Q (0 for the trivial group) */
    int m();

    /** @return dim so(m) = m(m − 1)/2, the number of generators */
    default int generators() {
        return m() * (m() - 1) / 2;
    }

    /** @return the j-th generator {@code E_j = e_a e_bᵀ − e_b e_aᵀ} (a &lt; b in row order) */
    default DMatrixRMaj generator(int j) {
        int m = m();
        for (int a = 0, k = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++, k++) {
                if (k == j) {
                    DMatrixRMaj e = new DMatrixRMaj(m, m);
                    e.set(a, b, 1);
                    e.set(b, a, -1);
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("no generator " + j + " of so(" + m + ")");
    }

    /**
     * @param q an orthogonal matrix of the group (ignored by {@link #NONE})
     * @param x a state (not modified)
     * @return {@code g(Q) x} as a new array
     */
    double[] act(DMatrixRMaj q, double[] x);

    /**
     * @param e a skew matrix
     * @param x a state (not modified)
     * @return {@code ξ_E(x)}, the infinitesimal action, as a new array
     */
    double[] infinitesimal(DMatrixRMaj e, double[] x);

    /**
     * @param y a state
     * @param x a reference state
     * @return a group element Q that nearly minimizes {@code ‖g(Q)ᵀ y − x‖} (the identity for {@link #NONE})
     */
    DMatrixRMaj align(double[] y, double[] x);

    /** The trivial group: {@code g(Q) = id}. */
    Symmetry NONE = new Symmetry() {
        @Override
        public int m() {
            return 0;
        }

        @Override
        public double[] act(DMatrixRMaj q, double[] x) {
            return x.clone();
        }

        @Override
        public double[] infinitesimal(DMatrixRMaj e, double[] x) {
            return new double[x.length];
        }

        @Override
        public DMatrixRMaj align(double[] y, double[] x) {
            return new DMatrixRMaj(0, 0);
        }
    };

    /** @return the O(m) action of a moment field's state (A, B and, with a target, B̄) */
    static Symmetry of(VectorField field) {
        return new Orthogonal(field.configuration().m(), field.configuration().n(), field.flow().hasTarget());
    }

    /**
     * O(m) on (A, B[, B̄]) laid out row-major as in {@code State}.
     *
     * @param m rows of B
     * @param n columns of B
     * @param hasTarget whether the state carries B̄
     */
    record Orthogonal(int m, int n, boolean hasTarget) implements Symmetry {

        @Override
        public double[] act(DMatrixRMaj q, double[] x) {
            return State.fromArray(m, n, hasTarget, x).rotated(q).toArray();
        }

        @Override
        public double[] infinitesimal(DMatrixRMaj e, double[] x) {
            double[] out = new double[x.length];
            DMatrixRMaj a = DMatrixRMaj.wrap(m, m, slice(x, 0, m * m));
            DMatrixRMaj ea = new DMatrixRMaj(m, m);
            CommonOps_DDRM.mult(e, a, ea);
            CommonOps_DDRM.multAdd(-1, a, e, ea);
            System.arraycopy(ea.data, 0, out, 0, m * m);
            leftMultiplyBlocks(e, x, out);
            return out;
        }

        /** Procrustes on the encoder blocks: {@code Q = U Vᵀ} from the SVD of {@code B_y B_xᵀ + B̄_y B̄_xᵀ}. */
        @Override
        public DMatrixRMaj align(double[] y, double[] x) {
            DMatrixRMaj cross = new DMatrixRMaj(m, m);
            for (int block = 0; block < (hasTarget ? 2 : 1); block++) {
                int from = m * m + block * m * n;
                CommonOps_DDRM.multAddTransB(DMatrixRMaj.wrap(m, n, slice(y, from, m * n)),
                        DMatrixRMaj.wrap(m, n, slice(x, from, m * n)), cross);
            }
            SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, m, true, true, false);
            if (!svd.decompose(cross)) {
                return CommonOps_DDRM.identity(m);
            }
            DMatrixRMaj q = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multTransB(svd.getU(null, false), svd.getV(null, false), q);
            return q;
        }

        /** {@code out[B] = E B} and {@code out[B̄] = E B̄}. */
        private void leftMultiplyBlocks(DMatrixRMaj e, double[] x, double[] out) {
            for (int block = 0; block < (hasTarget ? 2 : 1); block++) {
                int from = m * m + block * m * n;
                DMatrixRMaj r = new DMatrixRMaj(m, n);
                CommonOps_DDRM.mult(e, DMatrixRMaj.wrap(m, n, slice(x, from, m * n)), r);
                System.arraycopy(r.data, 0, out, from, m * n);
            }
        }

        private static double[] slice(double[] x, int from, int length) {
            return java.util.Arrays.copyOfRange(x, from, from + length);
        }
    }
}
