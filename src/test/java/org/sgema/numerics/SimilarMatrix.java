package org.sgema.numerics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A test matrix with known eigenvectors, {@code J = S diag(λ) S⁻¹}: S = Q + 2I (Q random
 * orthogonal, so S is well conditioned and J far from normal), λ = δ d times, then −0.5 − U(0, 1).
 * Functions of J that the tests compare with ({@code Π₀}, {@code J^D}) are {@code S diag(f(λ)) S⁻¹}.
 *
 * @param s S
 * @param sInverse S⁻¹
 * @param eigenvalues λ
 */
record SimilarMatrix(DMatrixRMaj s, DMatrixRMaj sInverse, double[] eigenvalues) {

    /** Draws S (Q first), then the eigenvalues after the first d, from {@code rnd}. */
    static SimilarMatrix draw(int n, int d, double delta, Random rnd) {
        DMatrixRMaj s = Matrices.randomOrthogonal(n, rnd);
        for (int i = 0; i < n; i++) {
            s.set(i, i, s.get(i, i) + 2.0);
        }
        DMatrixRMaj sInv = new DMatrixRMaj(n, n);
        assertTrue(CommonOps_DDRM.invert(s, sInv));
        double[] eigenvalues = new double[n];
        for (int i = 0; i < n; i++) {
            eigenvalues[i] = i < d ? delta : -(0.5 + rnd.nextDouble());
        }
        return new SimilarMatrix(s, sInv, eigenvalues);
    }

    /** @return {@code S diag(f(λ)) S⁻¹} (new) */
    DMatrixRMaj apply(DoubleUnaryOperator f) {
        int n = eigenvalues.length;
        DMatrixRMaj diag = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            diag.set(i, i, f.applyAsDouble(eigenvalues[i]));
        }
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(s, diag, tmp);
        CommonOps_DDRM.mult(tmp, sInverse, out);
        return out;
    }

    /** @return J (new) */
    DMatrixRMaj matrix() {
        return apply(x -> x);
    }
}
