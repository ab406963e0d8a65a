package org.sgema.training;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;

/**
 * The sample moments of a minibatch of b view pairs, in preallocated matrices:
 * <pre>  Ĉxx = (1/b) Σ x_i x_iᵀ,   Ĉxy = (1/b) Σ x_i y_iᵀ,   Ĉyy = (1/b) Σ y_i y_iᵀ  </pre>
 * (uncentred, as the configuration's moments). {@link #draw} allocates nothing.
 */
public final class MinibatchMoments {
    private final int n;
    private final double[] x;
    private final double[] y;
    private final DMatrixRMaj cxx;
    private final DMatrixRMaj cxy;
    private final DMatrixRMaj cyy;
    private final double[] t;
    private final double[] lt;
    private final double[] joint;

    /** @param n the input dimension */
    public MinibatchMoments(int n) {
        this.n = n;
        this.x = new double[n];
        this.y = new double[n];
        this.cxx = new DMatrixRMaj(n, n);
        this.cxy = new DMatrixRMaj(n, n);
        this.cyy = new DMatrixRMaj(n, n);
        this.t = new double[4 * n * n];
        this.lt = new double[4 * n * n];
        this.joint = new double[4 * n * n];
    }

    /**
     * Draws b pairs from the sampler and sets the three moments to their sample averages. Gaussian
     * views with {@code b ≥ 2n} draw the moments directly, with the same distribution
     * ({@link GaussianViews#drawMoments}).
     */
    public void draw(ViewSampler views, SplittableRandom random, int b) {
        if (views instanceof GaussianViews g && b >= 2 * n) {
            g.drawMoments(random, b, t, lt, joint);
            int d = 2 * n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    cxx.data[i * n + j] = joint[i * d + j];
                    cxy.data[i * n + j] = joint[i * d + n + j];
                    cyy.data[i * n + j] = joint[(n + i) * d + n + j];
                }
            }
            return;
        }
        drawPairs(views, random, b);
    }

    /** Draws b pairs one at a time (any sampler) and averages their outer products. */
    public void drawPairs(ViewSampler views, SplittableRandom random, int b) {
        double[] xx = cxx.data;
        double[] xy = cxy.data;
        double[] yy = cyy.data;
        java.util.Arrays.fill(xx, 0);
        java.util.Arrays.fill(xy, 0);
        java.util.Arrays.fill(yy, 0);
        for (int s = 0; s < b; s++) {
            views.draw(random, x, y);
            for (int i = 0; i < n; i++) {
                double xi = x[i];
                double yi = y[i];
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    xx[row + j] += xi * x[j];
                    xy[row + j] += xi * y[j];
                    yy[row + j] += yi * y[j];
                }
            }
        }
        double inv = 1.0 / b;
        for (int k = 0; k < n * n; k++) {
            xx[k] *= inv;
            xy[k] *= inv;
            yy[k] *= inv;
        }
    }

    /** @return Ĉxx (live workspace: read before the next draw) */
    public DMatrixRMaj cxx() {
        return cxx;
    }

    /** @return Ĉxy (live workspace) */
    public DMatrixRMaj cxy() {
        return cxy;
    }

    /** @return Ĉyy (live workspace) */
    public DMatrixRMaj cyy() {
        return cyy;
    }
}
