package org.sgema.numerics;

import org.ejml.data.DMatrixRMaj;

/**
 * A singular value decomposition of a square matrix, row-major: {@code a = u · diag(s) · vt}, u
 * and vt orthogonal, s descending (from {@link Lapack#svd} or from EJML).
 *
 * @param u the left singular vectors, as columns
 * @param s the singular values, descending
 * @param vt the right singular vectors, as rows
 */
public record Svd(DMatrixRMaj u, double[] s, DMatrixRMaj vt) {
}
