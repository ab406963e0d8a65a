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

    /** @return an empty k×n packed matrix in this implementation's layout; fill it with {@link PackedMatrix#set} */
    PackedMatrix pack(int k, int n);

    /** @return a short name for reports, e.g. {@code "vector 512-bit"} */
    String name();

    /**
     * @return the Vector API kernels when the module {@code jdk.incubator.vector} is in the boot
     *     layer and loads, else {@link ScalarKernels}; the system property
     *     {@code sgema.kernels=scalar} forces the scalar ones (for comparisons)
     */
    static DenseKernels best() {
        return KernelChoice.BEST;
    }

    /**
     * @return {@link #best()} with {@link #multPacked} split by columns between the calling thread
     *     and one shared worker thread when the product is large ({@link ParallelKernels})
     */
    static DenseKernels parallel() {
        return ParallelKernels.of(best());
    }

    /** @return the plain-loop kernels */
    static DenseKernels scalar() {
        return ScalarKernels.INSTANCE;
    }
}
