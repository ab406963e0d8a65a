package org.sgema.numerics;

import java.util.Locale;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Small dense-matrix helpers on EJML row-major matrices ({@code _DDRM}) that EJML does not
 * offer under these names: conversion to and from arrays of rows, input checks that name the
 * offending matrix, symmetric spectra, random orthogonal matrices and compact printing.
 *
 * <p>Unless stated otherwise, matrix arguments are not modified and results are new
 * matrices (these helpers are not meant for hot loops).</p>
 */
public final class Matrices {
    private Matrices() {
    }

    /** @return the entries of {@code a} (not modified) as a new array of rows */
    public static double[][] toRows(DMatrixRMaj a) {
        double[][] rows = new double[a.numRows][a.numCols];
        for (int i = 0; i < a.numRows; i++) {
            System.arraycopy(a.data, i * a.numCols, rows[i], 0, a.numCols);
        }
        return rows;
    }

    /** @return Frobenius norm {@code ‖a‖ = sqrt(Σ a_ij²)} */
    public static double norm(DMatrixRMaj a) {
        return NormOps_DDRM.normF(a);
    }

    /** @return Euclidean norm of {@code x[from, from+length)} */
    public static double norm(double[] x, int from, int length) {
        double scale = 0.0;
        for (int i = from; i < from + length; i++) {
            scale = Math.max(scale, Math.abs(x[i]));
        }
        if (scale == 0.0 || !Double.isFinite(scale)) {
            return scale;
        }
        double sum = 0.0;
        for (int i = from; i < from + length; i++) {
            double v = x[i] / scale;
            sum += v * v;
        }
        return scale * Math.sqrt(sum);
    }

    /** @return Euclidean norm of the whole vector {@code x} */
    public static double norm(double[] x) {
        return norm(x, 0, x.length);
    }

    /** @return {@code A x} (new), each entry summed over the columns in order */
    public static double[] times(DMatrixRMaj a, double[] x) {
        double[] out = new double[a.numRows];
        for (int r = 0; r < a.numRows; r++) {
            double sum = 0;
            for (int k = 0; k < a.numCols; k++) {
                sum += a.get(r, k) * x[k];
            }
            out[r] = sum;
        }
        return out;
    }

    /** @return the Euclidean distance {@code ‖a − b‖} of two vectors of equal length */
    public static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    /**
     * Eigenvalues of the symmetric part {@code (a + aᵀ)/2}, ascending.
     *
     * @throws ArithmeticException if the symmetric QR algorithm does not converge
     */
    public static double[] symmetricEigenvalues(DMatrixRMaj a) {
        DMatrixRMaj sym = symmetricPart(a);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(sym.numRows, false, true);
        if (!eig.decompose(sym)) {
            throw new ArithmeticException("symmetric eigen-decomposition did not converge");
        }
        double[] values = new double[sym.numRows];
        for (int i = 0; i < values.length; i++) {
            values[i] = eig.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(values);
        return values;
    }

    /** @return {@code (a + aᵀ)/2} as a new matrix */
    public static DMatrixRMaj symmetricPart(DMatrixRMaj a) {
        DMatrixRMaj t = CommonOps_DDRM.transpose(a, null);
        CommonOps_DDRM.add(0.5, a, 0.5, t, t);
        return t;
    }

    /**
     * A random orthogonal matrix: the Q factor of a Gaussian matrix, with the signs fixed so
     * that the distribution is Haar (Mezzadri 2007).
     */
    public static DMatrixRMaj randomOrthogonal(int n, Random random) {
        DMatrixRMaj g = new DMatrixRMaj(n, n);
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = random.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
        if (!qr.decompose(g)) {
            throw new ArithmeticException("QR of a Gaussian matrix failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj r = qr.getR(null, false);
        for (int j = 0; j < n; j++) {
            if (r.get(j, j) < 0) {
                for (int i = 0; i < n; i++) {
                    q.set(i, j, -q.get(i, j));
                }
            }
        }
        return q;
    }

    /**
     * @return {@code Q diag(eigenvalues) Qᵀ}: a symmetric matrix with the chosen spectrum
     */
    public static DMatrixRMaj withSpectrum(DMatrixRMaj q, double[] eigenvalues) {
        int n = eigenvalues.length;
        DMatrixRMaj qd = q.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                qd.set(i, j, q.get(i, j) * eigenvalues[j]);
            }
        }
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(qd, q, out);
        return symmetricPart(out);
    }

    /** @return a Gaussian matrix with entries of standard deviation {@code scale} */
    public static DMatrixRMaj gaussian(int rows, int cols, double scale, Random random) {
        DMatrixRMaj g = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < g.data.length; i++) {
            g.data[i] = scale * random.nextGaussian();
        }
        return g;
    }

    /** @return a compact one-line rendering {@code [[a, b], [c, d]]} with 4 significant digits */
    public static String compact(DMatrixRMaj a) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < a.numRows; i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < a.numCols; j++) {
                if (j > 0) {
                    sb.append(", ");
                }
                sb.append(String.format(Locale.ROOT, "%.4g", a.get(i, j)));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
