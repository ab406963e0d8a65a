package org.sgema.equilibria;

import java.util.Locale;

/**
 * One real Jordan-type block of {@code Mᵀ = Cxx⁻¹Cxy}: a real eigenvalue {@code re} with
 * eigenvector {@code u} (dimension 1), or a complex pair {@code re ± i·im} ({@code im > 0}) with
 * real basis {@code u = Re w, v = Im w} of its invariant plane (dimension 2):
 * <pre>
 *   Mᵀ u = re·u − im·v,   Mᵀ v = im·u + re·v,   i.e.  Mᵀ [u v] = [u v] [[re, im], [−im, re]]
 * </pre>
 *
 * @param re real part of the eigenvalue
 * @param im imaginary part (0 for a real eigenvalue, &gt; 0 for a pair)
 * @param u real eigenvector or real part of the complex eigenvector
 * @param v imaginary part of the complex eigenvector, or null
 */
public record EigenBlock(double re, double im, double[] u, double[] v) {

    /** @return 1 for a real eigenvalue, 2 for a complex pair */
    public int dimension() {
        return v == null ? 1 : 2;
    }

    @Override
    public double[] u() {
        return u.clone();
    }

    @Override
    public double[] v() {
        return v == null ? null : v.clone();
    }

    @Override
    public String toString() {
        return v == null ? String.format(Locale.ROOT, "%.6g", re)
                : String.format(Locale.ROOT, "%.6g±%.6gi", re, im);
    }
}
