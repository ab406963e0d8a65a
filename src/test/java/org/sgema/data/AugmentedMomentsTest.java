package org.sgema.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.sgema.numerics.Matrices;

/**
 * The exact moment formulas against Monte-Carlo estimates from sampled images and sampled
 * augmentations. Each entry must agree within 6 standard errors of its own estimate (the
 * standard errors come from the same samples), and a deliberately wrong formula must not.
 */
class AugmentedMomentsTest {
    private static final int SAMPLES = 60_000;

    /** Monte-Carlo estimate of the three moments with per-entry standard errors. */
    private record Estimate(DMatrixRMaj[] mean, DMatrixRMaj[] stderr) {
    }

    private static double[] augment(double[] s, List<Augmentation> stages, Random rnd) {
        double[] x = s.clone();
        for (Augmentation a : stages) {
            if (a instanceof Augmentation.Translations t) {
                int[] shift = t.shifts().get(rnd.nextInt(t.shifts().size()));
                double[] y = new double[64];
                for (int r = 0; r < 8; r++) {
                    for (int c = 0; c < 8; c++) {
                        int sr = r - shift[0];
                        int sc = c - shift[1];
                        if (sr >= 0 && sr < 8 && sc >= 0 && sc < 8) {
                            y[r * 8 + c] = x[sr * 8 + sc];
                        }
                    }
                }
                x = y;
            } else if (a instanceof Augmentation.Masking mask) {
                for (int i = 0; i < 64; i++) {
                    x[i] = rnd.nextDouble() < mask.keep() ? x[i] : 0.0;
                }
            } else if (a instanceof Augmentation.Noise noise) {
                for (int i = 0; i < 64; i++) {
                    x[i] += Math.sqrt(noise.variance()) * rnd.nextGaussian();
                }
            }
        }
        return x;
    }

    private static Estimate monteCarlo(List<Augmentation> stages, long seed) {
        DMatrixRMaj data = Digits.load().samples();
        Random rnd = new Random(seed);
        double[][] sum = new double[3][64 * 64];
        double[][] sq = new double[3][64 * 64];
        double[] s = new double[64];
        for (int k = 0; k < SAMPLES; k++) {
            int row = rnd.nextInt(data.numRows);
            System.arraycopy(data.data, row * 64, s, 0, 64);
            double[] x = augment(s, stages, rnd);
            double[] y = augment(s, stages, rnd);
            for (int i = 0; i < 64; i++) {
                for (int j = 0; j < 64; j++) {
                    double[] v = {x[i] * x[j], x[i] * y[j], y[i] * y[j]};
                    for (int w = 0; w < 3; w++) {
                        sum[w][i * 64 + j] += v[w];
                        sq[w][i * 64 + j] += v[w] * v[w];
                    }
                }
            }
        }
        DMatrixRMaj[] mean = new DMatrixRMaj[3];
        DMatrixRMaj[] se = new DMatrixRMaj[3];
        for (int w = 0; w < 3; w++) {
            mean[w] = new DMatrixRMaj(64, 64);
            se[w] = new DMatrixRMaj(64, 64);
            for (int e = 0; e < 64 * 64; e++) {
                double m = sum[w][e] / SAMPLES;
                mean[w].data[e] = m;
                se[w].data[e] = Math.sqrt(Math.max(0, sq[w][e] / SAMPLES - m * m) / SAMPLES);
            }
        }
        return new Estimate(mean, se);
    }

    /** @return the largest |exact − estimate| / (stderr + 1e-9) over the three moments */
    private static double worstZ(Augmentation.Moments exact, Estimate est) {
        DMatrixRMaj[] ex = {exact.cxx(), exact.cxy(), exact.cyy()};
        double worst = 0;
        for (int w = 0; w < 3; w++) {
            for (int e = 0; e < 64 * 64; e++) {
                double z = Math.abs(ex[w].data[e] - est.mean()[w].data[e]) / (est.stderr()[w].data[e] + 1e-9);
                worst = Math.max(worst, z);
            }
        }
        return worst;
    }

    @Test
    void exactMomentsAgreeWithMonteCarloForEveryAugmentationAndTheirComposition() {
        DMatrixRMaj signal = Digits.load().signalMoment();
        List<List<Augmentation>> pipelines = List.of(
                List.of(new Augmentation.Noise(0.02)),
                List.of(new Augmentation.Masking(0.7)),
                List.of(Augmentation.Translations.onePixel()),
                List.of(Augmentation.Translations.onePixel(), new Augmentation.Masking(0.8), new Augmentation.Noise(0.01)));
        long seed = 1;
        for (List<Augmentation> p : pipelines) {
            AugmentedViews views = new AugmentedViews(p);
            double z = worstZ(views.moments(signal), monteCarlo(p, seed++));
            System.out.printf("[digits] %s: largest deviation from Monte-Carlo = %.2f standard errors%n", views, z);
            assertTrue(z < 6, views + ": exact moments deviate by " + z + " standard errors");
        }
    }

    @Test
    void aWrongMaskingFormulaIsRejectedByTheSameTest() {
        // masking without the q(1 − q) diag(C) term: the Monte-Carlo comparison must see it
        DMatrixRMaj signal = Digits.load().signalMoment();
        List<Augmentation> p = List.of(new Augmentation.Masking(0.7));
        Augmentation.Moments right = new AugmentedViews(p).moments(signal);
        DMatrixRMaj wrongCxx = signal.copy();
        org.ejml.dense.row.CommonOps_DDRM.scale(0.49, wrongCxx);
        Augmentation.Moments wrong = new Augmentation.Moments(wrongCxx, right.cxy(), right.cyy());
        assertTrue(worstZ(wrong, monteCarlo(p, 99)) > 6);
    }

    @Test
    void theDataIsTheDocumentedDigitsSet() {
        Digits d = Digits.load();
        assertEquals(1797, d.size());
        assertEquals(64, d.samples().numCols);
        int[] counts = new int[10];
        for (int y : d.labels()) {
            counts[y]++;
        }
        for (int c : counts) {
            assertTrue(c >= 170 && c <= 190, "class sizes are about 180");
        }
        // centred
        DMatrixRMaj x = d.samples();
        for (int j = 0; j < 64; j++) {
            double mean = 0;
            for (int i = 0; i < x.numRows; i++) {
                mean += x.get(i, j);
            }
            assertEquals(0.0, mean / x.numRows, 1e-12);
        }
        assertTrue(Matrices.norm(d.signalMoment()) > 0);
    }
}
