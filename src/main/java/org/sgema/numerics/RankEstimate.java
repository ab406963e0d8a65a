package org.sgema.numerics;

import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * A scale-aware numerical rank of a matrix from its singular values {@code s_1 ≥ … ≥ s_N}:
 * <pre>
 *   rank = #{ i : s_i &gt; tol · s_1 },   gap = s_rank / s_{rank+1}
 * </pre>
 * A small gap means the split between "zero" and "non-zero" singular values is ambiguous.
 *
 * @param rank the numerical rank
 * @param nullity {@code N − rank}
 * @param smallestNonZero {@code s_rank} (0 if rank = 0)
 * @param largestZero {@code s_{rank+1}} (0 if full rank)
 * @param gap {@code s_rank / s_{rank+1}} (infinite when the zeros are exact or absent)
 */
public record RankEstimate(int rank, int nullity, double smallestNonZero, double largestZero, double gap) {

    /** Default relative threshold of {@link #of(DMatrixRMaj)}. */
    public static final double DEFAULT_TOLERANCE = 1e-8;

    /** @return the rank estimate with {@link #DEFAULT_TOLERANCE} */
    public static RankEstimate of(DMatrixRMaj a) {
        return of(a, DEFAULT_TOLERANCE);
    }

    /**
     * @param a the matrix (not modified)
     * @param tolerance relative threshold on {@code s_i / s_1}
     * @throws ArithmeticException if the SVD does not converge
     */
    public static RankEstimate of(DMatrixRMaj a, double tolerance) {
        return of(singularValues(a), Math.min(a.numRows, a.numCols), tolerance);
    }

    /**
     * The rank estimate from singular values already computed (no second SVD).
     *
     * @param s singular values, descending (not modified)
     * @param size {@code min(rows, cols)} of the matrix
     * @param tolerance relative threshold on {@code s_i / s_1}
     */
    public static RankEstimate of(double[] s, int size, double tolerance) {
        int rank = 0;
        double top = s.length == 0 ? 0 : s[0];
        while (rank < s.length && s[rank] > tolerance * top && top > 0) {
            rank++;
        }
        double nonZero = rank == 0 ? 0.0 : s[rank - 1];
        double zero = rank == s.length ? 0.0 : s[rank];
        double gap = zero == 0.0 ? Double.POSITIVE_INFINITY : nonZero / zero;
        return new RankEstimate(rank, size - rank, nonZero, zero, gap);
    }

    /**
     * The spectral norm {@code ‖a‖₂ = s_1}: from order {@link Lapack#MIN_ORDER} on LAPACK's largest
     * singular value where the library is loaded (singular values only, {@code dgesdd} with
     * {@code jobz = N}), otherwise EJML's {@code NormOps_DDRM.normP2}, bit for bit. At N = 980 EJML's
     * takes seconds, most of a T6-spectrum try in the deep profile.
     *
     * @param a the matrix (not modified)
     * @return {@code s_1}
     */
    public static double norm2(DMatrixRMaj a) {
        double[] fast = Lapack.singularValues(a);
        return fast != null ? fast[0] : NormOps_DDRM.normP2(a);
    }

    /**
     * {@link #norm2(DMatrixRMaj)} when a's singular values are known from {@link #singularValues}:
     * where LAPACK takes a, both are the same {@code dgesdd} call, so {@code s₁ = singular[0]};
     * elsewhere EJML's {@code normP2}, as {@code norm2}. (Where LAPACK takes a but fails, singular[0]
     * is EJML's largest singular value, the value normP2 takes from its own SVD.)
     *
     * @param a the matrix (not modified)
     * @param singular {@code singularValues(a)}
     * @return {@code s_1}
     */
    public static double norm2(DMatrixRMaj a, double[] singular) {
        return Lapack.takesSingularValues(a) ? singular[0] : NormOps_DDRM.normP2(a);
    }

    /**
     * @return the singular values of {@code a}, descending: from order {@link Lapack#MIN_ORDER} on
     *     by the system's LAPACK where there is one ({@link Lapack}), otherwise by EJML
     */
    public static double[] singularValues(DMatrixRMaj a) {
        double[] fast = Lapack.singularValues(a);
        if (fast != null) {
            return fast;
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.numRows, a.numCols, false, false, true);
        if (!svd.decompose(a.copy())) {
            throw new ArithmeticException("SVD did not converge");
        }
        double[] s = svd.getSingularValues().clone();
        java.util.Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return java.util.Arrays.copyOf(s, Math.min(a.numRows, a.numCols));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "rank %d (nullity %d, gap %.3g)", rank, nullity, gap);
    }
}
