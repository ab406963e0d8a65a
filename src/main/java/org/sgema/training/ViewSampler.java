package org.sgema.training;

import java.util.SplittableRandom;

/**
 * Draws one pair of views {@code (x, y)} of one sample, so that {@code E[x xᵀ] = Cxx},
 * {@code E[x yᵀ] = Cxy}, {@code E[y yᵀ] = Cyy} are the moments of the configuration being
 * trained. Implementations allocate nothing per draw; one instance per thread.
 */
public interface ViewSampler {

    /** @return the input dimension n */
    int n();

    /**
     * Writes one pair of views.
     *
     * @param random the source of randomness (all of the draw's randomness comes from it)
     * @param x first view, length n (modified)
     * @param y second view, length n (modified)
     */
    void draw(SplittableRandom random, double[] x, double[] y);

    /** @return a sampler with its own workspaces, for another thread */
    ViewSampler copy();
}
