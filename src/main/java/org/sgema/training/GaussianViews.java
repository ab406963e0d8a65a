package org.sgema.training;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.sgema.model.Configuration;

/**
 * Gaussian views with exactly the configuration's moments: {@code z = (x, y) = L g} with
 * {@code g ~ N(0, I_{2n})} and {@code L = Q diag(√max(0, ω_i)) Qᵀ} the symmetric square root of
 * the joint moment {@code Σz = Q diag(ω) Qᵀ}, so {@code E[z zᵀ] = L Lᵀ = Σz} (PSD; a singular Σz,
 * as for identical views, is fine).
 */
public final class GaussianViews implements ViewSampler {
    private final int n;
    private final double[] root;   // L, row-major 2n×2n (shared, read-only)
    private final double[] g;

    /** @param configuration whose moments the views reproduce */
    public GaussianViews(Configuration configuration) {
        this(configuration.n(), squareRoot(configuration.jointMoment()));
    }

    private GaussianViews(int n, double[] root) {
        this.n = n;
        this.root = root;
        this.g = new double[2 * n];
    }

    private static double[] squareRoot(DMatrixRMaj sigma) {
        int d = sigma.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(sigma.copy())) {
            throw new ArithmeticException("eigen-decomposition of the joint moment failed");
        }
        double[] l = new double[d * d];
        for (int k = 0; k < d; k++) {
            double w = Math.sqrt(Math.max(0, eig.getEigenvalue(k).real));
            DMatrixRMaj q = eig.getEigenVector(k);
            double qn = 0;
            for (int i = 0; i < d; i++) {
                qn += q.data[i] * q.data[i];
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    l[i * d + j] += w * q.data[i] * q.data[j] / qn;
                }
            }
        }
        return l;
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public void draw(SplittableRandom random, double[] x, double[] y) {
        int d = 2 * n;
        for (int i = 0; i < d; i++) {
            g[i] = random.nextGaussian();
        }
        for (int i = 0; i < d; i++) {
            double s = 0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                s += root[row + j] * g[j];
            }
            if (i < n) {
                x[i] = s;
            } else {
                y[i - n] = s;
            }
        }
    }

    /**
     * Draws the moments of b pairs at once, by Bartlett's decomposition: {@code (1/b) Σ z_i z_iᵀ}
     * with {@code z = L g} is {@code L W Lᵀ / b}, {@code W = T Tᵀ ~ Wishart(b, I_{2n})},
     * {@code T} lower triangular with {@code T_ii = √χ²_{b−i}} and {@code T_ij ~ N(0, 1)} below the
     * diagonal: the same distribution for O(n³) work instead of O(b n²). Needs {@code b ≥ 2n}.
     *
     * @param t workspace 2n×2n (modified)
     * @param lt workspace 2n×2n (modified)
     * @param joint the joint moment {@code Ĉz} out, 2n×2n row-major (modified)
     */
    void drawMoments(SplittableRandom random, int b, double[] t, double[] lt, double[] joint) {
        int d = 2 * n;
        java.util.Arrays.fill(t, 0);
        for (int i = 0; i < d; i++) {
            t[i * d + i] = Math.sqrt(chiSquare(random, b - i));
            for (int j = 0; j < i; j++) {
                t[i * d + j] = random.nextGaussian();
            }
        }
        // lt = L T
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = j; k < d; k++) {
                    s += root[i * d + k] * t[k * d + j];
                }
                lt[i * d + j] = s;
            }
        }
        // joint = (L T)(L T)ᵀ / b
        double inv = 1.0 / b;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += lt[i * d + k] * lt[j * d + k];
                }
                joint[i * d + j] = s * inv;
                joint[j * d + i] = s * inv;
            }
        }
    }

    /** @return a χ² variate with k ≥ 1 degrees of freedom: 2·Gamma(k/2) by Marsaglia–Tsang */
    static double chiSquare(SplittableRandom random, int k) {
        if (k == 1) {
            double g = random.nextGaussian();
            return g * g;
        }
        double shape = 0.5 * k;
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = random.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return 2 * d * v;
            }
        }
    }

    @Override
    public ViewSampler copy() {
        return new GaussianViews(n, root);
    }
}
