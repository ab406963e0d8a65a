package org.sgema.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sgema.training.MinibatchMoments;

/**
 * Sampled augmented views of the digits have the exact moments the pipeline computes (theory
 * notes, section 5): two independent computations, one by sampling images and augmentations,
 * one in closed form. Every entry of Cxx, Cxy, Cyy within 6 standard errors (estimated from
 * the same draws).
 */
class DigitsViewsTest {

    @ParameterizedTest
    @EnumSource(DigitsSpec.Pipeline.class)
    void sampledViewsHaveThePipelinesExactMoments(DigitsSpec.Pipeline pipeline) {
        AugmentedViews views = pipeline.views();
        Augmentation.Moments exact = views.moments(Digits.load().signalMoment());
        DigitsViews sampler = new DigitsViews(views);
        MinibatchMoments one = new MinibatchMoments(64);
        SplittableRandom r = new SplittableRandom(3);
        int draws = 60_000;
        int cells = 64 * 64;
        double[][] sum = new double[3][cells];
        double[][] sumSq = new double[3][cells];
        for (int k = 0; k < draws; k++) {
            one.drawPairs(sampler, r, 1);
            DMatrixRMaj[] ms = {one.cxx(), one.cxy(), one.cyy()};
            for (int q = 0; q < 3; q++) {
                double[] d = ms[q].data;
                double[] s = sum[q];
                double[] s2 = sumSq[q];
                for (int i = 0; i < cells; i++) {
                    s[i] += d[i];
                    s2[i] += d[i] * d[i];
                }
            }
        }
        DMatrixRMaj[] want = {exact.cxx(), exact.cxy(), exact.cyy()};
        double worst = 0;
        String where = "";
        for (int q = 0; q < 3; q++) {
            for (int i = 0; i < cells; i++) {
                double mean = sum[q][i] / draws;
                double se = Math.sqrt(Math.max(sumSq[q][i] / draws - mean * mean, 0) / draws);
                double z = Math.abs(mean - want[q].data[i]) / (se + 1e-15);
                if (z > worst) {
                    worst = z;
                    where = pipeline + " moment " + q + " entry " + i + ": sampled " + mean + " vs exact "
                            + want[q].data[i] + " (standard error " + se + ")";
                }
            }
        }
        assertTrue(worst <= 6, where);
    }
}
