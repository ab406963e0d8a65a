package org.sgema.numerics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigenvalues of a real square matrix, sorted by decreasing real part, computed with
 * EJML's double-shift QR algorithm (on a shifted copy where it does not converge), or for
 * large matrices by the system's LAPACK, see {@link #of(DMatrixRMaj)}. There is deliberately no
 * fallback to Hipparchus' {@code EigenDecompositionNonSymmetric}: in version 4.0.3 it returned a complex pair
 * {@code 0.7435 ± 0.0665i} for a 6×6 matrix whose true eigenvalues there are the reals
 * {@code 0.8100} and {@code 0.6770} (determinant check), so a failed decomposition is
 * reported as an {@link ArithmeticException} instead.
 */
public final class Spectrum {
    private final double[] re;
    private final double[] im;

    private Spectrum(double[] re, double[] im) {
        this.re = re;
        this.im = im;
    }

    /**
     * The eigenvalues of {@code a}: from order {@link Lapack#MIN_ORDER} on by the system's LAPACK
     * where there is one ({@link Lapack}), otherwise (and where LAPACK fails) by EJML's QR
     * algorithm; where that does not converge, those of
     * {@code a − σI} plus σ, with
     * <pre>
     *   σ = 1.25 · min(‖a‖₁, ‖a‖_∞)   (each bounds the spectral radius ρ(a))
     * </pre>
     * so that every eigenvalue of {@code a − σI} has real part at most {@code −σ/5}. EJML deflates
     * a subdiagonal entry only when it is below u/2 times the sum of its two diagonal neighbours.
     * At a large cluster of eigenvalues that are small against ‖a‖ those neighbours are small, a
     * perturbation of rounding size splits the cluster, and the iteration can run out of steps
     * before its entries fall that far: EMA at the collapsed point 0 with λ = 0.5, τ = 100 (J with
     * −0.5 434 times and −100 385 times, ‖J‖₂ = 141, N = 819) and at N = 2208 in the deep profile.
     * After the shift every diagonal entry there is about σ ≥ 1.25ρ in size and the test is one
     * of rounding relative to ‖a‖. Both ways are backward stable: the computed values are the
     * exact eigenvalues of {@code a + E} with {@code ‖E‖} a small multiple of {@code u‖a‖_F} (the
     * shift adds {@code u·σ} per value), far below any threshold the classifiers put on them
     * ({@code 1e-7‖J‖₂} and up); LAPACK's {@code dgeev} balances first, see {@link Lapack}. A
     * matrix EJML's first try converges on gets the same bits as before the retry existed.
     *
     * @param a square matrix (not modified)
     * @return its spectrum
     * @throws ArithmeticException if the QR algorithm converges neither on {@code a} nor on {@code a − σI}
     */
    public static Spectrum of(DMatrixRMaj a) {
        int n = a.numRows;
        if (a.numCols != n) {
            throw new IllegalArgumentException("the spectrum of a " + n + "×" + a.numCols + " matrix");
        }
        Spectrum fast = Lapack.spectrum(a);
        return fast != null ? fast : byQr(a);
    }

    /**
     * EJML's route of {@link #of}, at every order (with the shifted retry described there).
     *
     * @param a square matrix (not modified)
     * @return its spectrum
     * @throws ArithmeticException if the QR algorithm converges neither on {@code a} nor on {@code a − σI}
     */
    public static Spectrum byQr(DMatrixRMaj a) {
        int n = a.numRows;
        Spectrum s = qr(a, 0.0);
        if (s == null) {
            s = qr(a, shift(a));
        }
        if (s == null) {
            throw new ArithmeticException("eigenvalue QR iteration did not converge (" + n + "×" + n
                    + "), neither on J nor on J − σI");
        }
        return s;
    }

    /**
     * @return {@code 1.25·min(‖a‖₁, ‖a‖_∞)}, more than the spectral radius of {@code a} (1 for a = 0);
     *     sums of moduli, which do not underflow where squares would
     */
    static double shift(DMatrixRMaj a) {
        double bound = Math.min(NormOps_DDRM.inducedP1(a), NormOps_DDRM.inducedPInf(a));
        return bound > 0 ? 1.25 * bound : 1.0;
    }

    /** @return the eigenvalues of {@code a − σI} plus σ, or null if the QR iteration does not converge */
    private static Spectrum qr(DMatrixRMaj a, double sigma) {
        int n = a.numRows;
        DMatrixRMaj c = a.copy();
        if (sigma != 0) {
            for (int i = 0; i < n; i++) {
                c.unsafe_set(i, i, c.unsafe_get(i, i) - sigma);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(c)) {
            return null;
        }
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            Complex_F64 z = eig.getEigenvalue(i);
            re[i] = z.real + sigma;
            im[i] = z.imaginary;
        }
        return sorted(re, im);
    }

    /** @return a spectrum from given parts (copied), sorted */
    public static Spectrum of(double[] re, double[] im) {
        return sorted(re.clone(), im.clone());
    }

    private static Spectrum sorted(double[] re, double[] im) {
        Integer[] order = IntStream.range(0, re.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -re[i]).thenComparingDouble(i -> -im[i]));
        double[] r = new double[re.length];
        double[] s = new double[re.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = re[order[k]];
            s[k] = im[order[k]];
        }
        return new Spectrum(r, s);
    }

    /** @return number of eigenvalues */
    public int size() {
        return re.length;
    }

    /** @return real part of eigenvalue k */
    public double re(int k) {
        return re[k];
    }

    /** @return imaginary part of eigenvalue k */
    public double im(int k) {
        return im[k];
    }

    /** @return modulus of eigenvalue k */
    public double abs(int k) {
        return Math.hypot(re[k], im[k]);
    }

    /** @return the moduli, ascending */
    public double[] sortedModuli() {
        double[] a = new double[re.length];
        for (int k = 0; k < a.length; k++) {
            a[k] = abs(k);
        }
        Arrays.sort(a);
        return a;
    }

    /** @return pairs {@code [re, im]} in order */
    public double[][] pairs() {
        double[][] p = new double[re.length][];
        for (int k = 0; k < p.length; k++) {
            p[k] = new double[] {re[k], im[k]};
        }
        return p;
    }

    /**
     * The spectrum with {@code count} eigenvalues of smallest modulus removed (used to compare
     * a full Jacobian spectrum with a reduced one plus known zeros).
     */
    public Spectrum withoutSmallest(int count) {
        Integer[] order = IntStream.range(0, re.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(this::abs));
        double[] r = new double[re.length - count];
        double[] s = new double[re.length - count];
        for (int k = count; k < order.length; k++) {
            r[k - count] = re[order[k]];
            s[k - count] = im[order[k]];
        }
        return sorted(r, s);
    }

    /**
     * Distance between two spectra of equal size: the largest distance from an eigenvalue of
     * one to the nearest unmatched eigenvalue of the other (greedy matching in sorted order).
     */
    public double distanceTo(Spectrum other) {
        if (other.size() != size()) {
            return Double.POSITIVE_INFINITY;
        }
        boolean[] used = new boolean[size()];
        double worst = 0;
        for (int k = 0; k < size(); k++) {
            int best = -1;
            double bd = Double.POSITIVE_INFINITY;
            for (int l = 0; l < size(); l++) {
                if (!used[l]) {
                    double d = Math.hypot(re[k] - other.re[l], im[k] - other.im[l]);
                    if (d < bd) {
                        bd = d;
                        best = l;
                    }
                }
            }
            used[best] = true;
            worst = Math.max(worst, bd);
        }
        return worst;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < re.length; k++) {
            if (k > 0) {
                sb.append(", ");
            }
            sb.append(im[k] == 0 ? String.format(Locale.ROOT, "%.4g", re[k])
                    : String.format(Locale.ROOT, "%.4g%+.4gi", re[k], im[k]));
        }
        return sb.append(']').toString();
    }
}
