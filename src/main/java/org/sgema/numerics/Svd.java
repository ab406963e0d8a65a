package org.sgema.numerics;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * A singular value decomposition of a square matrix, row-major: {@code a = u · diag(s) · vt}, u
 * and vt orthogonal, s descending (from {@link Lapack#svd} or from {@link #byEjml}).
 *
 * @param u the left singular vectors, as columns
 * @param s the singular values, descending
 * @param vt the right singular vectors, as rows
 */
public record Svd(DMatrixRMaj u, double[] s, DMatrixRMaj vt) {

    /**
     * @param a a square matrix (not modified)
     * @return its full SVD by EJML, sorted descending, or null if EJML fails
     */
    public static Svd byEjml(DMatrixRMaj a) {
        int n = a.numRows;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, true, true, false);
        if (!svd.decompose(a.copy())) {
            return null;
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = w.get(k, k);
        }
        return new Svd(u, values, CommonOps_DDRM.transpose(v, null));
    }
}
