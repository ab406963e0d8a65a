package org.sgema.numerics;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.ejml.data.DMatrixRMaj;
import org.netlib.util.intW;

import dev.ludovic.netlib.lapack.NativeLAPACK;

/**
 * The system's LAPACK ({@code liblapack.so.3}, e.g. Debian's {@code libopenblas0-serial}, which CI
 * installs) through the JNI binding of {@code dev.ludovic.netlib}, for the dense decompositions
 * of large matrices. At N = 2208 (EMA, n = 61, m = 16; one core of the 2-core test machine) EJML
 * takes 54 s for the eigenvalues of the Jacobian and 11 s for its singular values, OpenBLAS's
 * {@code dgeev} and {@code dgesdd} 2.0 s and 1.4 s (for a Gaussian matrix of that order
 * {@code dgeev} takes 2.9 s, and 20 s with the reference {@code liblapack3} and {@code libblas3}). The
 * library is optional: where it is missing, or with {@code -Dsgema.lapack=off}, {@link #available()}
 * is false and the callers use EJML. The binding's pure-Java fallback (LAPACK translated to Java
 * by f2j) is never used: at N = 1296 it took 72 s.
 *
 * <p>Both routines are backward stable: the computed values are exact for a matrix within a
 * small multiple of {@code u‖a‖} of the given one, as EJML's are; the two differ in rounding,
 * not in what a classification may decide from them. A row-major array read as column-major
 * is the transpose, which has the same eigenvalues and singular values.
 */
public final class Lapack {
    /**
     * Order from which {@link Spectrum} and {@link RankEstimate} use LAPACK: the synthetic Jacobians
     * of the ci and quick profiles (N ≤ 112) stay with EJML, the digits' (n = 64: N = 272 and up) and
     * the deep profile's large ones do not.
     */
    public static final int MIN_ORDER = 256;
    private static final NativeLAPACK NATIVE = load();

    private Lapack() {
    }

    private static NativeLAPACK load() {
        if ("off".equalsIgnoreCase(System.getProperty("sgema.lapack", ""))) {
            return null;
        }
        // the binding logs a warning when the library is missing; its absence is reported by describe()
        Logger.getLogger("dev.ludovic.netlib.lapack.InstanceBuilder").setLevel(Level.OFF);
        try {
            return NativeLAPACK.getInstance();
        } catch (Throwable e) {
            return null;
        }
    }

    /** @return whether the system's LAPACK was loaded */
    public static boolean available() {
        return NATIVE != null;
    }

    /** @return which library decomposes large matrices, for logs and reports */
    public static String describe() {
        return available()
                ? "system LAPACK (liblapack.so.3) for matrices of order ≥ " + MIN_ORDER + ", EJML below"
                : "EJML at every order (no system LAPACK: install e.g. libopenblas0-serial, or -Dsgema.lapack=off was given)";
    }

    /** @return whether a square matrix of this order goes to LAPACK */
    static boolean handles(int order) {
        return NATIVE != null && order >= MIN_ORDER;
    }

    /**
     * Eigenvalues by {@code dgeev} without eigenvectors (balancing, Hessenberg reduction,
     * multishift QR with aggressive early deflation).
     *
     * @param a square matrix (not modified)
     * @param re real parts, length N (output)
     * @param im imaginary parts, length N (output)
     * @return whether LAPACK returned them ({@code info = 0})
     */
    static boolean eigenvalues(DMatrixRMaj a, double[] re, double[] im) {
        int n = a.numRows;
        double[] copy = a.data.clone();
        double[] query = new double[1];
        intW info = new intW(0);
        NATIVE.dgeev("N", "N", n, copy, n, re, im, null, 1, null, 1, query, -1, info);
        if (info.val != 0) {
            return false;
        }
        double[] work = new double[Math.max(1, (int) query[0])];
        NATIVE.dgeev("N", "N", n, copy, n, re, im, null, 1, null, 1, work, work.length, info);
        return info.val == 0;
    }

    /**
     * Singular values by {@code dgesdd} without vectors.
     *
     * @param a matrix (not modified)
     * @return its min(rows, cols) singular values, descending, or null if LAPACK failed ({@code info ≠ 0})
     */
    static double[] singularValues(DMatrixRMaj a) {
        // row-major r×c is column-major c×r, the transpose
        int rows = a.numCols;
        int cols = a.numRows;
        int k = Math.min(rows, cols);
        double[] copy = a.data.clone();
        double[] s = new double[k];
        int[] iwork = new int[8 * k];
        double[] query = new double[1];
        intW info = new intW(0);
        NATIVE.dgesdd("N", rows, cols, copy, Math.max(1, rows), s, null, 1, null, 1, query, -1, iwork, info);
        if (info.val != 0) {
            return null;
        }
        double[] work = new double[Math.max(1, (int) query[0])];
        NATIVE.dgesdd("N", rows, cols, copy, Math.max(1, rows), s, null, 1, null, 1, work, work.length, iwork, info);
        return info.val == 0 ? s : null;
    }
}
