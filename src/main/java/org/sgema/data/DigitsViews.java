package org.sgema.data;

import java.util.List;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.sgema.training.ViewSampler;

/**
 * Views of the digits for minibatch training: a sample {@code s} (a row of the centred data,
 * uniformly) and two independent passes of it through the augmentation pipeline, so that the
 * expected moments are exactly the pipeline's ({@link AugmentedViews#moments}), as the theory
 * notes' section 5 computes them. Allocates nothing per draw.
 */
public final class DigitsViews implements ViewSampler {
    private final double[] samples;
    private final int rows;
    private final int n;
    private final List<Augmentation> stages;
    private final double[] s;
    private final double[] a;
    private final double[] b;

    /** @param views the augmentation pipeline */
    public DigitsViews(AugmentedViews views) {
        this(flatten(Digits.load().samples()), Digits.load().size(), views.stages());
    }

    private DigitsViews(double[] samples, int rows, List<Augmentation> stages) {
        this.samples = samples;
        this.rows = rows;
        this.n = samples.length / rows;
        this.stages = stages;
        this.s = new double[n];
        this.a = new double[n];
        this.b = new double[n];
    }

    private static double[] flatten(DMatrixRMaj m) {
        return m.data.clone();
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public void draw(SplittableRandom random, double[] x, double[] y) {
        int row = random.nextInt(rows);
        System.arraycopy(samples, row * n, s, 0, n);
        view(s, x, random);
        view(s, y, random);
    }

    /** Passes s through every stage into out. */
    private void view(double[] in, double[] out, SplittableRandom random) {
        double[] cur = in;
        double[] next = a;
        for (Augmentation stage : stages) {
            stage.sample(cur, next, random);
            cur = next;
            next = next == a ? b : a;
        }
        System.arraycopy(cur, 0, out, 0, n);
    }

    @Override
    public ViewSampler copy() {
        return new DigitsViews(samples, rows, stages);
    }
}
