package org.sgema.model;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.sgema.numerics.Matrices;

/**
 * Validation of input matrices, up front, with the matrix named and the offending entry and
 * numbers in the message ({@link InvalidInputException}).
 */
public final class Validation {
    private Validation() {
    }

    /** Throws unless {@code a} has the given shape. */
    public static void requireShape(String name, DMatrixRMaj a, int rows, int cols) {
        if (a == null) {
            throw new InvalidInputException(name, "is missing");
        }
        if (a.numRows != rows || a.numCols != cols) {
            throw new InvalidInputException(name, String.format(Locale.ROOT,
                    "has shape %d×%d, expected %d×%d", a.numRows, a.numCols, rows, cols));
        }
    }

    /** Throws unless every entry of {@code a} is finite, naming the first bad entry. */
    public static void requireFinite(String name, DMatrixRMaj a) {
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                double v = a.get(i, j);
                if (!Double.isFinite(v)) {
                    throw new InvalidInputException(name, String.format(Locale.ROOT,
                            "entry (%d,%d) is %s", i, j, v));
                }
            }
        }
    }

    /**
     * Throws unless {@code a} is symmetric to a relative tolerance:
     * <pre>|a_ij − a_ji| ≤ tol · max(1, max|a|)</pre>
     * naming the worst entry pair.
     */
    public static void requireSymmetric(String name, DMatrixRMaj a, double tol) {
        double scale = Math.max(1.0, CommonOps_DDRM.elementMaxAbs(a));
        int wi = -1;
        int wj = -1;
        double worst = 0.0;
        for (int i = 0; i < a.numRows; i++) {
            for (int j = i + 1; j < a.numCols; j++) {
                double d = Math.abs(a.get(i, j) - a.get(j, i));
                if (d > worst) {
                    worst = d;
                    wi = i;
                    wj = j;
                }
            }
        }
        if (worst > tol * scale) {
            throw new InvalidInputException(name, String.format(Locale.ROOT,
                    "not symmetric: entry (%d,%d) = %.6g but (%d,%d) = %.6g, differing by %.3g",
                    wi, wj, a.get(wi, wj), wj, wi, a.get(wj, wi), worst));
        }
    }

    /**
     * Throws unless the symmetric matrix {@code a} is positive semi-definite to a relative
     * tolerance, {@code λ_min(a) ≥ −tol·max(1, ‖a‖₂)}, naming the most negative eigenvalue.
     */
    public static void requirePsd(String name, DMatrixRMaj a, double tol) {
        double[] eig;
        try {
            eig = Matrices.symmetricEigenvalues(a);
        } catch (ArithmeticException e) {
            throw new InvalidInputException(name, "cannot decide positive semi-definiteness: " + e.getMessage());
        }
        if (!Double.isFinite(eig[0]) || !Double.isFinite(eig[eig.length - 1])) {
            throw new InvalidInputException(name, "eigenvalues overflow (entries too large)");
        }
        double min = eig[0];
        double max = Math.max(1.0, Math.abs(eig[eig.length - 1]));
        if (min < -tol * max) {
            throw new InvalidInputException(name, String.format(Locale.ROOT,
                    "not positive semi-definite: most negative eigenvalue %.6g", min));
        }
    }
}
