package org.sgema.numerics;

/**
 * The dense products of the moment fields, on row-major {@code double[]} matrices with explicit
 * shapes (EJML's {@code _DDRM} layout without the wrapper). Every method writes only its output
 * {@code c} (Modified), reads its factors (Not modified), and allocates nothing; {@code c} must
 * not alias a factor. With {@code accumulate} the product is added to {@code c}
 * ({@code C += ...}); otherwise {@code c} is overwritten ({@code C = ...}) whatever it held.
 *
 * <p>Two implementations: {@link ScalarKernels} (plain loops the JIT vectorizes where it can) and
 * a register-blocked one on the JDK's Vector API, used when the JVM runs with
 * {@code --add-modules jdk.incubator.vector} (the project's scripts and builds do).
 * {@link #best()} picks.</p>
 */
public interface DenseKernels {
    /** {@code C(m×n) = A(m×k) B(k×n)}, or {@code C += A B} */
    void mult(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate);

    /** {@code C(m×n) = Aᵀ B} with A of shape k×m and B of shape k×n, or {@code C += Aᵀ B} */
    void multTransA(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate);

    /** {@code C(m×n) = A Bᵀ} with A of shape m×k and B of shape n×k, or {@code C += A Bᵀ} */
    void multTransB(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate);

    /**
     * {@code C(m×n) = A(m×k) P} for a k×n matrix P packed by {@link #pack} (overwrites C).
     * The fields' hot product: P holds the fixed moments, e.g. {@code [Cxx; −Cyx]}.
     */
    void multPacked(double[] a, PackedMatrix p, double[] c, int m);

    /**
     * Columns {@code [j0, j1)} of {@code C = A P} (P packed by {@link #pack}); the other columns of C
     * are not touched. {@code j0} and {@code j1} must be panel boundaries ({@link PackedMatrix#boundaryNear}).
     * Each entry is computed exactly as {@link #multPacked} computes it, so splitting the columns
     * between threads changes no bit of the result.
     */
    void multPackedColumns(double[] a, PackedMatrix p, double[] c, int m, int j0, int j1);

    /**
     * {@code Σ_{q < k} a[ai + q] b[bi + q]}: the dot product of two stretches of arrays, the kernel
     * of the triangular solves ({@link LuFactorization}). Allocates nothing.
     */
    double dot(double[] a, int ai, double[] b, int bi, int k);

    /** @return an empty k×n packed matrix in this implementation's layout; fill it with {@link PackedMatrix#set} */
    PackedMatrix pack(int k, int n);

    /**
     * @return the kernels for a copy of the field that owns these, to be used on another thread:
     *     these themselves when they keep no state (the default); a fresh instance otherwise
     *     ({@link WarmingKernels})
     */
    default DenseKernels forCopy() {
        return this;
    }

    /** @return a short name for reports, e.g. {@code "vector 512-bit"} */
    String name();

    /**
     * @return the Vector API kernels when the module {@code jdk.incubator.vector} is in the boot
     *     layer and loads, else {@link ScalarKernels}; the system property
     *     {@code sgema.kernels=scalar} forces the scalar ones (for comparisons)
     */
    static DenseKernels best() {
        return KernelChoice.Best.KERNELS;
    }

    /**
     * @return {@link #best()} with {@link #multPacked} split by columns between the calling thread
     *     and one shared worker thread when the product is large ({@link ParallelKernels})
     */
    static DenseKernels parallel() {
        return ParallelKernels.of(best());
    }

    /**
     * The kernels for one field of shape (n, m) in a short-lived process (the command line), where
     * the JIT's warm-up of the Vector API kernels is on the critical path:
     * <pre>
     *   m·n ≥ {@value WarmingKernels#LARGE}:  {@link #best()} (their gain, 4.5–7× at (16, 4) … (64, 16), repays the warm-up within a few hundred evaluations)
     *   m·n &lt; {@value WarmingKernels#LARGE}:  a new {@link WarmingKernels}: the plain loops for the first
     *                  {@link WarmingKernels#BUDGET} multiply-adds, then {@link #best()} (gain 1.25–1.8× at (10, 3) … (30, 5))
     * </pre>
     * The plain loops when the Vector API is not there.
     *
     * @param m the rows of B
     * @param n the columns of B
     * @return the kernels for that field
     */
    static DenseKernels forShortRun(int m, int n) {
        if (!KernelChoice.vectorWanted()) {
            return ScalarKernels.INSTANCE;
        }
        return (long) m * n >= WarmingKernels.LARGE ? best() : new WarmingKernels(WarmingKernels.BUDGET);
    }

    /**
     * {@link #forShortRun(int, int)} on one thread; on two, {@link #parallel()} where one thread
     * takes {@link #best()} from the start (large fields, where a second thread can pay) and the
     * same kernels as on one thread otherwise, so that a run computes the same bits for either
     * thread count (the parallel kernels split products, never a sum, and take the dot products
     * on {@link #best()}).
     *
     * @param m the rows of B
     * @param n the columns of B
     * @param threads 1, or 2 to split the large products with a worker thread
     * @return the kernels for that field
     */
    static DenseKernels forShortRun(int m, int n, int threads) {
        DenseKernels one = forShortRun(m, n);
        // one thread takes best() unless it warms up first (then the Vector API stays unloaded here)
        return threads == 2 && !(one instanceof WarmingKernels) ? parallel() : one;
    }

    /** @return the plain-loop kernels */
    static DenseKernels scalar() {
        return ScalarKernels.INSTANCE;
    }
}
