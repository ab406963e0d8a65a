package org.sgema.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.ConfigurationSpec.Spectra;
import org.sgema.model.ConfigurationSpec.Views;

/**
 * The Gaussian views reproduce the configuration's moments: the averages of many minibatch
 * moments agree with Cxx, Cxy, Cyy within 6 standard errors (each entry's variance estimated
 * from the same draws, an independent computation of the expected spread).
 */
class GaussianViewsTest {

    /** Bartlett's draw of the moments has the same distribution as drawing the pairs: means and variances agree. */
    @ParameterizedTest
    @EnumSource(Views.class)
    void bartlettMomentsHaveThePairwiseDistribution(Views views) {
        Configuration c = new ConfigurationSpec(3, 2, views, Spectra.WELL, 0, 1, 1, 4).toConfiguration();
        GaussianViews g = new GaussianViews(c);
        MinibatchMoments batch = new MinibatchMoments(3);
        int draws = 40_000;
        int b = 10;
        double[][][] stats = new double[2][2][27];
        for (int method = 0; method < 2; method++) {
            SplittableRandom r = new SplittableRandom(17 + method);
            for (int k = 0; k < draws; k++) {
                if (method == 0) {
                    batch.draw(g, r, b);
                } else {
                    batch.drawPairs(g, r, b);
                }
                DMatrixRMaj[] ms = {batch.cxx(), batch.cxy(), batch.cyy()};
                for (int q = 0; q < 3; q++) {
                    for (int i = 0; i < 9; i++) {
                        double v = ms[q].data[i];
                        stats[method][0][9 * q + i] += v / draws;
                        stats[method][1][9 * q + i] += v * v / draws;
                    }
                }
            }
        }
        for (int e = 0; e < 27; e++) {
            double var0 = stats[0][1][e] - stats[0][0][e] * stats[0][0][e];
            double var1 = stats[1][1][e] - stats[1][0][e] * stats[1][0][e];
            double se = Math.sqrt((var0 + var1) / draws);
            assertTrue(Math.abs(stats[0][0][e] - stats[1][0][e]) <= 6 * se + 1e-12,
                    views + " entry " + e + ": means " + stats[0][0][e] + " vs " + stats[1][0][e]);
            assertTrue(Math.abs(var0 - var1) <= 0.1 * Math.max(var0, var1) + 1e-12,
                    views + " entry " + e + ": variances " + var0 + " vs " + var1);
        }
    }

    @ParameterizedTest
    @EnumSource(Views.class)
    void sampleMomentsConvergeToTheConfigurationsMoments(Views views) {
        Configuration c = new ConfigurationSpec(4, 2, views, Spectra.WELL, 0, 1, 1, 11).toConfiguration();
        GaussianViews g = new GaussianViews(c);
        MinibatchMoments batch = new MinibatchMoments(4);
        SplittableRandom r = new SplittableRandom(5);
        int batches = 20_000;
        double[][] sum = new double[3][16];
        double[][] sumSq = new double[3][16];
        for (int k = 0; k < batches; k++) {
            batch.drawPairs(g, r, 4);
            DMatrixRMaj[] ms = {batch.cxx(), batch.cxy(), batch.cyy()};
            for (int q = 0; q < 3; q++) {
                for (int i = 0; i < 16; i++) {
                    sum[q][i] += ms[q].data[i];
                    sumSq[q][i] += ms[q].data[i] * ms[q].data[i];
                }
            }
        }
        DMatrixRMaj[] exact = {c.cxx(), c.cxy(), c.cyy()};
        for (int q = 0; q < 3; q++) {
            for (int i = 0; i < 16; i++) {
                double mean = sum[q][i] / batches;
                double var = sumSq[q][i] / batches - mean * mean;
                double se = Math.sqrt(var / batches);
                double err = Math.abs(mean - exact[q].data[i]);
                assertTrue(err <= 6 * se + 1e-12, views + " moment " + q + " entry " + i + ": mean " + mean
                        + " vs exact " + exact[q].data[i] + " (standard error " + se + ")");
            }
        }
    }
}
