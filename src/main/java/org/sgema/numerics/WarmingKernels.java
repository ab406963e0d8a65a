package org.sgema.numerics;

import java.util.Arrays;

/**
 * {@link DenseKernels} for one field in a short-lived process: the plain loops of
 * {@link ScalarKernels} for the first {@code budget} multiply-adds, then {@link DenseKernels#best()}
 * (the Vector API kernels) for good.
 *
 * <p>Why: the Vector API is fast only once the JIT's optimizing compiler has compiled the kernels;
 * until then every vector operation runs as interpreted Java objects, many times slower than a
 * plain loop, and loading the API's classes costs time of its own. A fresh JVM pays both on the
 * critical path: about 0.2–0.4 s, more with more distinct product shapes (the stiff method's
 * directional derivatives add their own). A run whose products add up to fewer than
 * {@code budget} multiply-adds never touches the Vector API; a longer one computes at most that
 * budget (plus one product) with the plain loops, so it loses at most the difference on them (the
 * ski-rental rule: switch once waiting has cost about what switching costs).</p>
 *
 * <p>Measured on 2 cores (AVX-512), whole process, SG and EMA on the breast-cancer moments,
 * (n, m) = (30, 5), to t = 2·10⁴ at rtol 1e-8 (medians of 4, interleaved): with the Vector API
 * kernels from the start 0.79 / 1.09 s (auto), 1.12 / 1.46 s (stiff); switching after 2·10⁸
 * multiply-adds 0.70 / 0.91 s and 1.39 / 1.54 s; after 10⁹ 0.62 / 0.91 s and 0.91 / 1.29 s;
 * never 0.62 / 0.87 s and 0.98 / 1.27 s.</p>
 *
 * <p>Packs in the plain loops' row-major layout; at the switch, every matrix packed so far gets a
 * twin in the Vector API kernels' layout (allocated once, then), which {@link #multPacked} uses from
 * then on. Results before and after the switch differ from {@link DenseKernels#best()}'s only at
 * rounding (summation order, fused multiply-adds). The switch depends only on the products computed
 * so far, so the same run gives the same bits every time. Not thread-safe (one counter, one list of
 * packed matrices), like the field that owns it: shared by the fields {@code on()} derives from it
 * (same thread), not by copies ({@link #forCopy}), and not to be wrapped by {@link ParallelKernels}
 * (its worker would count concurrently).</p>
 */
final class WarmingKernels implements DenseKernels {
    /**
     * The multiply-adds {@link DenseKernels#forShortRun} computes with the plain loops first, about
     * 0.4 s of them (the system property {@code sgema.warmup} overrides it, for measurements).
     */
    static final long BUDGET = Long.getLong("sgema.warmup", 1_000_000_000L);
    /** From this m·n on, {@link DenseKernels#forShortRun} takes the Vector API kernels at once. */
    static final int LARGE = 256;

    private final long budget;
    private long spent;
    private DenseKernels kernels = ScalarKernels.INSTANCE;
    private boolean warm;
    // every matrix this instance packed, and the one the warm kernels multiply in its place
    // (null until the switch; the matrix itself when packed after it)
    private PackedMatrix[] packed = new PackedMatrix[0];
    private PackedMatrix[] twins = new PackedMatrix[0];

    /** @param budget multiply-adds ({@code m·k·n} per product) computed by the plain loops first */
    WarmingKernels(long budget) {
        this.budget = budget;
    }

    /** @return the kernels for a product of {@code work} multiply-adds, counting it while cold */
    private DenseKernels pick(long work) {
        if (!warm) {
            if (spent >= budget) {
                switchToWarm();
            } else {
                spent += work;
            }
        }
        return kernels;
    }

    private void switchToWarm() {
        kernels = DenseKernels.best();
        for (int i = 0; i < packed.length; i++) {
            twins[i] = kernels.pack(packed[i].rows(), packed[i].cols()).set(packed[i].data());
        }
        warm = true;
    }

    /** @return whether this instance has switched to {@link DenseKernels#best()} */
    boolean isWarm() {
        return warm;
    }

    @Override
    public void mult(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        pick((long) m * k * n).mult(a, b, c, m, k, n, accumulate);
    }

    @Override
    public void multTransA(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        pick((long) m * k * n).multTransA(a, b, c, m, k, n, accumulate);
    }

    @Override
    public void multTransB(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        pick((long) m * k * n).multTransB(a, b, c, m, k, n, accumulate);
    }

    @Override
    public void multPacked(double[] a, PackedMatrix p, double[] c, int m) {
        DenseKernels k = pick((long) m * p.rows() * p.cols());
        k.multPacked(a, warm ? twin(p) : p, c, m);
    }

    @Override
    public void multPackedColumns(double[] a, PackedMatrix p, double[] c, int m, int j0, int j1) {
        DenseKernels k = pick((long) m * p.rows() * (j1 - j0));
        k.multPackedColumns(a, warm ? twin(p) : p, c, m, j0, j1);
    }

    /** @return the warm layout's copy of {@code p}, which must come from {@link #pack} of this instance */
    private PackedMatrix twin(PackedMatrix p) {
        for (int i = 0; i < packed.length; i++) {
            if (packed[i] == p) {
                return twins[i];
            }
        }
        throw new IllegalArgumentException(p + " was not packed by these kernels");
    }

    /** With the kernels of the moment: a dot product is not counted towards the budget. */
    @Override
    public double dot(double[] a, int ai, double[] b, int bi, int k) {
        return kernels.dot(a, ai, b, bi, k);
    }

    /**
     * {@inheritDoc} Before the switch row-major, after it in the warm kernels' layout. Fill it before
     * the first product: the switch copies what a matrix holds then (a matrix refilled after the
     * switch would leave its copy stale; the fields pack a new one instead).
     */
    @Override
    public PackedMatrix pack(int k, int n) {
        PackedMatrix p = kernels.pack(k, n); // the plain loops' layout before the switch, the warm one after
        packed = Arrays.copyOf(packed, packed.length + 1);
        twins = Arrays.copyOf(twins, twins.length + 1);
        packed[packed.length - 1] = p;
        twins[twins.length - 1] = warm ? p : null;
        return p;
    }

    /** @return after the switch the warm kernels themselves, before it a fresh instance with the whole budget */
    @Override
    public DenseKernels forCopy() {
        return warm ? kernels : new WarmingKernels(budget);
    }

    @Override
    public String name() {
        return "scalar for " + budget + " multiply-adds, then " + (warm ? kernels.name() : "the best kernels");
    }
}
