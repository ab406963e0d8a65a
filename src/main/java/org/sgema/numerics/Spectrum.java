package org.sgema.numerics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The eigenvalues of a real square matrix, sorted by decreasing real part, computed with
 * EJML's double-shift QR algorithm. There is deliberately no fallback to Hipparchus'
 * {@code EigenDecompositionNonSymmetric}: in version 4.0.3 it returned a complex pair
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
     * @param a square matrix (not modified)
     * @return its spectrum
     * @throws ArithmeticException if the QR algorithm does not converge
     */
    public static Spectrum of(DMatrixRMaj a) {
        int n = a.numRows;
        double[] re = new double[n];
        double[] im = new double[n];
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (eig.decompose(a.copy())) {
            for (int i = 0; i < n; i++) {
                Complex_F64 z = eig.getEigenvalue(i);
                re[i] = z.real;
                im[i] = z.imaginary;
            }
        } else {
            throw new ArithmeticException("eigenvalue QR iteration did not converge (" + n + "×" + n + ")");
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
