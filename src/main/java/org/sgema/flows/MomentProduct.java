package org.sgema.flows;

import org.ejml.data.DMatrixRMaj;
import org.sgema.numerics.DenseKernels;
import org.sgema.numerics.PackedMatrix;

/**
 * {@code out = X P − Y Q} for m×n left factors X, Y and fixed n×n moments P, Q, the one product
 * shape of the moment fields ({@code R = (A B) Cxx − T Cyx}, GD's {@code B Cyy − (A B) Cxy}),
 * computed by the cheapest of:
 * <pre>
 *   P, Q dense:           [X | Y] · [P; −Q]      one packed product, k = 2n
 *   one of them diagonal:  the other as a packed product, plus a column scaling
 *   both diagonal:        out_ij = X_ij p_j − Y_ij q_j                    O(mn)
 * </pre>
 * A matrix counts as diagonal when its off-diagonal entries are exactly zero (as in the
 * {@link Eigenbasis} of Cxx). Allocation-free per call; not thread-safe (one workspace).
 */
final class MomentProduct {
    private final DenseKernels kernels;
    private final int m;
    private final int n;
    private final double[] stacked;
    private final double[] p;
    private final double[] q;
    private PackedMatrix packed;
    private boolean pDiagonal;
    private boolean qDiagonal;

    MomentProduct(DenseKernels kernels, int m, int n) {
        this.kernels = kernels;
        this.m = m;
        this.n = n;
        this.stacked = new double[2 * m * n];
        this.p = new double[n];
        this.q = new double[n];
    }

    /** Fixes P and Q (not modified, not retained), packing what needs packing. */
    void set(DMatrixRMaj pm, DMatrixRMaj qm) {
        pDiagonal = isDiagonal(pm);
        qDiagonal = isDiagonal(qm);
        for (int j = 0; j < n; j++) {
            p[j] = pm.get(j, j);
            q[j] = qm.get(j, j);
        }
        if (pDiagonal && qDiagonal) {
            packed = null;
        } else if (pDiagonal || qDiagonal) {
            double[] dense = new double[n * n];
            DMatrixRMaj other = pDiagonal ? qm : pm;
            double sign = pDiagonal ? -1 : 1;
            for (int i = 0; i < n * n; i++) {
                dense[i] = sign * other.data[i];
            }
            packed = kernels.pack(n, n).set(dense);
        } else {
            double[] dense = new double[2 * n * n];
            System.arraycopy(pm.data, 0, dense, 0, n * n);
            for (int i = 0; i < n * n; i++) {
                dense[n * n + i] = -qm.data[i];
            }
            packed = kernels.pack(2 * n, n).set(dense);
        }
    }

    /** @return whether P and Q are both diagonal (the O(mn) case) */
    boolean diagonal() {
        return pDiagonal && qDiagonal;
    }

    private boolean isDiagonal(DMatrixRMaj a) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && a.get(i, j) != 0.0) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * {@code out = X P − Y Q}.
     *
     * @param x m×n (not modified)
     * @param y m×n (not modified)
     * @param out m×n (modified; must alias neither)
     */
    void apply(double[] x, double[] y, double[] out) {
        if (pDiagonal && qDiagonal) {
            for (int i = 0; i < m; i++) {
                int r = i * n;
                for (int j = 0; j < n; j++) {
                    out[r + j] = x[r + j] * p[j] - y[r + j] * q[j];
                }
            }
        } else if (pDiagonal) {
            kernels.multPacked(y, packed, out, m);   // −Y Q
            for (int i = 0; i < m; i++) {
                int r = i * n;
                for (int j = 0; j < n; j++) {
                    out[r + j] += x[r + j] * p[j];
                }
            }
        } else if (qDiagonal) {
            kernels.multPacked(x, packed, out, m);   // X P
            for (int i = 0; i < m; i++) {
                int r = i * n;
                for (int j = 0; j < n; j++) {
                    out[r + j] -= y[r + j] * q[j];
                }
            }
        } else {
            for (int i = 0; i < m; i++) {
                System.arraycopy(x, i * n, stacked, 2 * i * n, n);
                System.arraycopy(y, i * n, stacked, (2 * i + 1) * n, n);
            }
            kernels.multPacked(stacked, packed, out, m);
        }
    }
}
