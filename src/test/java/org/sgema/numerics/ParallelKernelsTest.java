package org.sgema.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;
import org.sgema.model.RandomConfigurations;

/**
 * Two-thread packed products are bit-for-bit the serial ones (each entry is computed by the same
 * code in the same order), also when several callers compete for the one worker.
 */
class ParallelKernelsTest {

    private static double[] random(int size, Random rnd) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = rnd.nextGaussian();
        }
        return x;
    }

    /** Mutant: a split that computes a column twice or skips one, or reorders a sum, changes bits. */
    @Test
    void aSplitProductIsBitForBitTheSerialOne() {
        for (DenseKernels inner : new DenseKernels[] {DenseKernels.best(), DenseKernels.scalar()}) {
            Random rnd = new Random(7);
            int m = 32;
            int k = 512;
            int n = 256;
            double[] a = random(m * k, rnd);
            PackedMatrix p = inner.pack(k, n).set(random(k * n, rnd));
            double[] serial = new double[m * n];
            double[] parallel = random(m * n, rnd); // garbage: every entry must be overwritten
            inner.multPacked(a, p, serial, m);
            ParallelKernels.of(inner).multPacked(a, p, parallel, m);
            assertArrayEquals(serial, parallel, 0.0, inner.name());
        }
    }

    @Test
    void competingCallersGetTheSerialResult() throws Exception {
        DenseKernels parallel = DenseKernels.parallel();
        Random rnd = new Random(3);
        int m = 32;
        int k = 512;
        int n = 256;
        double[] a = random(m * k, rnd);
        PackedMatrix p = DenseKernels.best().pack(k, n).set(random(k * n, rnd));
        double[] expected = new double[m * n];
        DenseKernels.best().multPacked(a, p, expected, m);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?>[] runs = new Future<?>[3];
            for (int t = 0; t < runs.length; t++) {
                runs[t] = pool.submit(() -> {
                    double[] c = new double[m * n];
                    for (int rep = 0; rep < 200; rep++) {
                        parallel.multPacked(a, p, c, m);
                        assertArrayEquals(expected, c, 0.0);
                    }
                    return null;
                });
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFieldOnTwoThreadsEvaluatesAsOnOne() {
        Random rnd = new Random(1);
        Configuration c = RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(512, 2.0, 10.0), 32, rnd);
        for (Flow flow : new Flow[] {Flow.SG, Flow.EMA}) {
            double[] theta = RandomConfigurations.fanInState(32, 256, flow.hasTarget(), 1.0, rnd).toArray();
            VectorField one = flow.field(c);
            VectorField two = flow.field(c, DenseKernels.parallel());
            assertTrue(DenseKernels.parallel().name().endsWith("2 threads"));
            assertArrayEquals(one.evaluate(theta), two.evaluate(theta), 0.0, flow.name());
            assertArrayEquals(one.evaluate(theta), two.copy().evaluate(theta), 0.0, flow.name());
        }
    }
}
