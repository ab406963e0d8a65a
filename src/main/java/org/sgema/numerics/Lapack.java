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
 * <p>Only finite matrices go to LAPACK, and only finite results come back: the reference
 * library stops the process on a NaN (its error handler), and OpenBLAS returns NaN values with
 * {@code info = 0} for an infinite entry; EJML reports both as a failed decomposition. Both
 * routines are backward stable: {@code dgesdd}'s values are exact for a matrix within a small
 * multiple of {@code u‖a‖} of the given one, as EJML's are; {@code dgeev} first balances
 * (permutation and diagonal scaling D), so its values are exact for {@code D(D⁻¹aD + E)D⁻¹}
 * with {@code ‖E‖} a small multiple of {@code u‖D⁻¹aD‖}: balancing lowers that norm and,
 * usually, the error of ill-conditioned eigenvalues; EJML does not balance. The two routes differ
 * in rounding, so targeted tries, which follow the last bits of a score, can differ between a
 * machine with the library and one without (and between OpenBLAS builds); the report's header
 * names the route. A row-major array read as column-major is the transpose, which has the same
 * eigenvalues and singular values.
 *
 * <p>The binding pins the arrays for the call ({@code GetPrimitiveArrayCritical}), which holds
 * off garbage collection for its duration (about 2 s for the eigenvalues at N = 2208, 2.4 s for a
 * full SVD, which also holds 6 N² doubles, 234 MB, while it runs): a cost in time for the other
 * threads, not in results.
 */
public final class Lapack {
    /**
     * Order from which LAPACK is used: by {@link Spectrum#of}, {@link RankEstimate#singularValues},
     * {@link SpectralProjector#nullVectors} and the equilibrium projector's Gauss–Newton step. The
     * synthetic Jacobians of the ci and quick profiles (N ≤ 112) stay with EJML; the digits'
     * (n = 64: SG N = m² + 64m, EMA m² + 128m, so from 260 for EMA at m = 2) and the deep
     * profile's large ones do not.
     */
    public static final int MIN_ORDER = 256;
    /** the binding's logger, held so that its level (set in {@link #load}) is not collected */
    private static final Logger BINDING_LOG = Logger.getLogger("dev.ludovic.netlib.lapack.InstanceBuilder");
    private static final NativeLAPACK NATIVE = load();
    /**
     * Every call into the library holds this lock. Debian's serial OpenBLAS (libopenblas0-serial,
     * built with USE_THREAD=0 and without USE_LOCKING) shares its work buffers between the threads
     * of a process: two decompositions at once returned eigenvalues and singular vectors wrong by
     * O(1) (measured: Gaussian matrices of order 256 to 300 from 4 threads, eigenvalues off by 0.06,
     * singular vectors by 0.45; a T6-spectrum try at the deep profile VIOLATED with a spectral
     * distance of 1.06 that replayed alone as HOLDS). One call at a time is what that build supports.
     */
    private static final Object LOCK = new Object();

    private Lapack() {
    }

    private static NativeLAPACK load() {
        String setting = System.getProperty("sgema.lapack", "");
        if (setting.isEmpty()) {
            setting = java.util.Objects.requireNonNullElse(System.getenv("SGEMA_LAPACK"), "");
        }
        if ("off".equalsIgnoreCase(setting)) {
            return null;
        }
        // the binding logs a warning when the library is missing; its absence is reported by describe()
        BINDING_LOG.setLevel(Level.OFF);
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
                : "EJML at every order (the system LAPACK was not loaded: none installed, e.g. Debian's "
                        + "libopenblas0-serial, the binding's native part could not load, or sgema.lapack / SGEMA_LAPACK = off)";
    }

    /** @return whether a matrix of this order (min(rows, cols)) goes to LAPACK, if its entries are finite */
    private static boolean handles(int order) {
        return NATIVE != null && order >= MIN_ORDER;
    }

    /** @return whether {@link #singularValues} hands {@code a} to LAPACK (it may still fail there) */
    static boolean takesSingularValues(DMatrixRMaj a) {
        return handles(Math.min(a.numRows, a.numCols)) && finite(a.data, a.numRows * a.numCols);
    }

    private static boolean finite(double[] values, int length) {
        for (int i = 0; i < length; i++) {
            if (!Double.isFinite(values[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Eigenvalues by {@code dgeev} without eigenvectors (balancing, Hessenberg reduction,
     * multishift QR with aggressive early deflation).
     *
     * @param a square matrix (not modified)
     * @return its spectrum, or null where LAPACK is not loaded, the order is below
     *     {@link #MIN_ORDER}, an entry is not finite, or LAPACK failed ({@code info ≠ 0}, or a
     *     non-finite value)
     */
    static Spectrum spectrum(DMatrixRMaj a) {
        int n = a.numRows;
        if (a.numCols != n) {
            throw new IllegalArgumentException("eigenvalues of a " + a.numRows + "×" + a.numCols + " matrix");
        }
        if (!handles(n) || !finite(a.data, n * n)) {
            return null;
        }
        double[] copy = a.data.clone();
        double[] re = new double[n];
        double[] im = new double[n];
        double[] query = new double[1];
        intW info = new intW(0);
        synchronized (LOCK) {
            NATIVE.dgeev("N", "N", n, copy, n, re, im, null, 1, null, 1, query, -1, info);
            if (info.val != 0) {
                return null;
            }
            double[] work = new double[Math.max(1, (int) query[0])];
            NATIVE.dgeev("N", "N", n, copy, n, re, im, null, 1, null, 1, work, work.length, info);
        }
        return info.val == 0 && finite(re, n) && finite(im, n) ? Spectrum.of(re, im) : null;
    }

    /**
     * Singular values by {@code dgesdd} without vectors.
     *
     * @param a matrix (not modified)
     * @return its min(rows, cols) singular values, descending, or null where LAPACK is not loaded,
     *     min(rows, cols) is below {@link #MIN_ORDER}, an entry is not finite, or LAPACK failed
     *     ({@code info ≠ 0}, or a non-finite value)
     */
    static double[] singularValues(DMatrixRMaj a) {
        if (!takesSingularValues(a)) {
            return null;
        }
        // row-major r×c is column-major c×r, the transpose
        int rows = a.numCols;
        int cols = a.numRows;
        int k = Math.min(rows, cols);
        double[] copy = a.data.clone();
        double[] s = new double[k];
        int[] iwork = new int[8 * k];
        double[] query = new double[1];
        intW info = new intW(0);
        synchronized (LOCK) {
            NATIVE.dgesdd("N", rows, cols, copy, Math.max(1, rows), s, null, 1, null, 1, query, -1, iwork, info);
            if (info.val != 0) {
                return null;
            }
            double[] work = new double[Math.max(1, (int) query[0])];
            NATIVE.dgesdd("N", rows, cols, copy, Math.max(1, rows), s, null, 1, null, 1, work, work.length, iwork,
                    info);
        }
        return info.val == 0 && finite(s, k) ? s : null;
    }

    /**
     * The full SVD of a square matrix by {@code dgesdd} (divide and conquer). LAPACK factors the
     * column-major reading of the data, {@code aᵀ = U' S V'ᵀ}, so {@code a = V' S U'ᵀ}: the
     * row-major reading of LAPACK's VT array is {@code u}, that of its U array is {@code vt}.
     *
     * @param a square matrix (not modified)
     * @return its SVD, or null where LAPACK is not loaded, the order is below {@link #MIN_ORDER},
     *     an entry is not finite, or LAPACK failed
     */
    public static Svd svd(DMatrixRMaj a) {
        int n = a.numRows;
        if (a.numCols != n) {
            throw new IllegalArgumentException("square SVD of a " + a.numRows + "×" + a.numCols + " matrix");
        }
        if (!handles(n) || !finite(a.data, n * n)) {
            return null;
        }
        double[] copy = a.data.clone();
        double[] s = new double[n];
        double[] uArray = new double[n * n];
        double[] vtArray = new double[n * n];
        int[] iwork = new int[8 * n];
        double[] query = new double[1];
        intW info = new intW(0);
        synchronized (LOCK) {
            NATIVE.dgesdd("A", n, n, copy, n, s, uArray, n, vtArray, n, query, -1, iwork, info);
            if (info.val != 0) {
                return null;
            }
            double[] work = new double[Math.max(1, (int) query[0])];
            NATIVE.dgesdd("A", n, n, copy, n, s, uArray, n, vtArray, n, work, work.length, iwork, info);
        }
        if (info.val != 0 || !finite(s, n) || !finite(uArray, n * n) || !finite(vtArray, n * n)) {
            return null;
        }
        return new Svd(DMatrixRMaj.wrap(n, n, vtArray), s, DMatrixRMaj.wrap(n, n, uArray));
    }
}
