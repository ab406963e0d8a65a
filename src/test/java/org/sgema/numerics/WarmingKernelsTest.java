package org.sgema.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link WarmingKernels}: the plain loops' bits while the budget lasts, {@link DenseKernels#best()}'s
 * bits from the first product after it, for every product and for matrices packed before the
 * switch. The shapes are chosen so that the two kernel sets round differently (checked first), so
 * a switch too early, too late or never shows in the bits.
 */
class WarmingKernelsTest {
    private static final int M = 5;
    private static final int K = 33;
    private static final int N = 30;
    private static final long WORK = (long) M * K * N;

    private final Random random = new Random(5);
    private final double[] a = gaussian(M * K);
    private final double[] at = gaussian(K * M);
    private final double[] b = gaussian(K * N);
    private final double[] bt = gaussian(N * K);

    @BeforeAll
    static void theTestJvmHasTheVectorKernels() {
        assertTrue(DenseKernels.best().name().startsWith("vector"), DenseKernels.best().name());
    }

    private interface Product {
        void into(DenseKernels k, double[] c);
    }

    private Product[] products() {
        return new Product[] {
            (k, c) -> k.mult(a, b, c, M, K, N, false),
            (k, c) -> k.multTransA(at, b, c, M, K, N, false),
            (k, c) -> k.multTransB(a, bt, c, M, K, N, false),
        };
    }

    private static double[] run(Product p, DenseKernels k) {
        double[] c = new double[M * N];
        p.into(k, c);
        return c;
    }

    @Test
    void theKernelSetsRoundDifferentlyOnTheseShapes() {
        for (Product p : products()) {
            assertFalse(Arrays.equals(run(p, DenseKernels.scalar()), run(p, DenseKernels.best())));
        }
    }

    @Test
    void productsWithinTheBudgetArePlainLoopsAndTheFirstBeyondItTheBestKernels() {
        for (Product p : products()) {
            WarmingKernels w = new WarmingKernels(2 * WORK);   // exactly two products' worth
            assertArrayEquals(run(p, DenseKernels.scalar()), run(p, w));
            assertArrayEquals(run(p, DenseKernels.scalar()), run(p, w));
            assertFalse(w.isWarm());
            assertArrayEquals(run(p, DenseKernels.best()), run(p, w));  // spent = budget: switched
            assertTrue(w.isWarm());
            assertArrayEquals(run(p, DenseKernels.best()), run(p, w));
        }
    }

    @Test
    void aMatrixPackedBeforeTheSwitchServesBothPhases() {
        WarmingKernels w = new WarmingKernels(WORK);
        PackedMatrix packed = w.pack(K, N).set(b);
        PackedMatrix plain = DenseKernels.scalar().pack(K, N).set(b);
        PackedMatrix best = DenseKernels.best().pack(K, N).set(b);
        double[] expectedCold = new double[M * N];
        DenseKernels.scalar().multPacked(a, plain, expectedCold, M);
        double[] expectedWarm = new double[M * N];
        DenseKernels.best().multPacked(a, best, expectedWarm, M);
        assertFalse(Arrays.equals(expectedCold, expectedWarm));
        double[] c = new double[M * N];
        w.multPacked(a, packed, c, M);
        assertArrayEquals(expectedCold, c);
        w.multPacked(a, packed, c, M);
        assertTrue(w.isWarm());
        assertArrayEquals(expectedWarm, c);
        // columns [j0, j1) at a panel boundary of the warm layout, the others untouched
        int j0 = best.boundaryNear(N / 2);
        double[] part = new double[M * N];
        Arrays.fill(part, -7);
        w.multPackedColumns(a, packed, part, M, j0, N);
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < N; j++) {
                assertEquals(j < j0 ? -7 : expectedWarm[i * N + j], part[i * N + j], 0.0, "(" + i + "," + j + ")");
            }
        }
    }

    @Test
    void aMatrixPackedAfterTheSwitchIsInTheWarmLayout() {
        // as when a field derived by on() (the eigenbasis) packs its moments after the switch
        WarmingKernels w = new WarmingKernels(0);
        w.mult(a, b, new double[M * N], M, K, N, false);
        assertTrue(w.isWarm());
        PackedMatrix late = w.pack(K, N).set(b);
        double[] expected = new double[M * N];
        DenseKernels.best().multPacked(a, DenseKernels.best().pack(K, N).set(b), expected, M);
        double[] c = new double[M * N];
        w.multPacked(a, late, c, M);
        assertArrayEquals(expected, c);
    }

    @Test
    void columnProductsCountTheirOwnColumns() {
        int j0 = DenseKernels.best().pack(K, N).boundaryNear(N / 2);
        WarmingKernels v = new WarmingKernels((long) M * K * (N - j0) + 1);
        PackedMatrix vp = v.pack(K, N).set(b);
        v.multPackedColumns(a, vp, new double[M * N], M, j0, N);   // M K (N − j0) of the budget: still cold
        double[] c = new double[M * N];
        v.multPacked(a, vp, c, M);
        double[] cold = new double[M * N];
        DenseKernels.scalar().multPacked(a, DenseKernels.scalar().pack(K, N).set(b), cold, M);
        assertArrayEquals(cold, c);
        assertFalse(v.isWarm()); // mutant: the whole width counted switches here
    }

    @Test
    void aMatrixPackedElsewhereIsRefusedAfterTheSwitch() {
        WarmingKernels w = new WarmingKernels(0);
        PackedMatrix foreign = DenseKernels.best().pack(K, N).set(b);
        w.mult(a, b, new double[M * N], M, K, N, false);
        assertTrue(w.isWarm());
        assertThrows(IllegalArgumentException.class, () -> w.multPacked(a, foreign, new double[M * N], M));
    }

    @Test
    void aCopyStartsColdWithTheWholeBudgetUntilTheOriginalIsWarm() {
        WarmingKernels w = new WarmingKernels(WORK);
        w.mult(a, b, new double[M * N], M, K, N, false);
        DenseKernels copy = w.forCopy();
        assertNotSame(w, copy);
        Product p = products()[0];
        assertArrayEquals(run(p, DenseKernels.scalar()), run(p, copy)); // its own budget, not the rest of w's
        assertFalse(((WarmingKernels) copy).isWarm());
        w.mult(a, b, new double[M * N], M, K, N, false);
        assertTrue(w.isWarm());
        assertSame(DenseKernels.best(), w.forCopy());
    }

    /**
     * After the switch, rounds of 10,000 products until one allocates nothing (the Vector API
     * allocates until the JIT has compiled the kernels, which on a busy 2-core machine may take a
     * while; at most 50 rounds). Mutant: a copy per product (e.g. the twin table grown on every
     * call) allocates in every round.
     */
    @Test
    void noAllocationPerProductAfterTheSwitch() {
        WarmingKernels w = new WarmingKernels(WORK);
        PackedMatrix packed = w.pack(K, N).set(b);
        double[] c = new double[M * N];
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        long bytes = -1;
        for (int round = 0; round < 50 && bytes != 0; round++) {
            long before = bean.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 10_000; i++) {
                w.multPacked(a, packed, c, M);
                w.mult(a, b, c, M, K, N, false);
            }
            bytes = bean.getThreadAllocatedBytes(tid) - before;
        }
        assertTrue(w.isWarm());
        assertEquals(0, bytes);
    }

    @Test
    void shortRunsWarmUpOnTheSmallShapesOnly() {
        assertTrue(DenseKernels.forShortRun(5, 30) instanceof WarmingKernels);
        assertTrue(DenseKernels.forShortRun(1, WarmingKernels.LARGE - 1) instanceof WarmingKernels);
        assertSame(DenseKernels.best(), DenseKernels.forShortRun(1, WarmingKernels.LARGE));
        assertSame(DenseKernels.best(), DenseKernels.forShortRun(16, 64));
        assertNotSame(DenseKernels.forShortRun(5, 30), DenseKernels.forShortRun(5, 30)); // one per field
        String old = System.getProperty("sgema.kernels");
        System.setProperty("sgema.kernels", "scalar");
        try {
            assertSame(DenseKernels.scalar(), DenseKernels.forShortRun(5, 30));
        } finally {
            if (old == null) {
                System.clearProperty("sgema.kernels");
            } else {
                System.setProperty("sgema.kernels", old);
            }
        }
    }

    private double[] gaussian(int size) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }
}
