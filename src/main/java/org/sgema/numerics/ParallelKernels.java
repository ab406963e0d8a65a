package org.sgema.numerics;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link DenseKernels} whose {@link #multPacked} runs on two threads when the product is large:
 * columns {@code [0, s)} of {@code C = A P} on one shared worker thread, {@code [s, n)} on the
 * caller, s the panel boundary nearest n/2. Every entry is computed as the wrapped kernels compute
 * it, so the result is bit-for-bit the serial one. Every other product runs on the caller.
 *
 * <p>There is one worker for the whole JVM, taken with a try-lock: when another field holds it
 * (tries running in parallel already use every core), the product runs serially on the caller, so
 * nothing waits and the cores are never oversubscribed. The handoff spins (then parks, after about
 * 50 µs idle) on volatile sequence numbers: a product of at least {@value #MIN_FLOPS} flops takes
 * long enough (≥ 50 µs) for a handoff of a microsecond or two to pay. No allocation per call.</p>
 */
final class ParallelKernels implements DenseKernels {
    /** Products below this many flops ({@code 2 m k n}) run serially. */
    static final double MIN_FLOPS = 2e6;

    private static final Worker WORKER = new Worker();

    private final DenseKernels inner;

    private ParallelKernels(DenseKernels inner) {
        this.inner = inner;
    }

    /** @return {@code inner} with a two-thread {@link #multPacked} */
    static DenseKernels of(DenseKernels inner) {
        return inner instanceof ParallelKernels ? inner : new ParallelKernels(inner);
    }

    @Override
    public void multPacked(double[] a, PackedMatrix p, double[] c, int m) {
        int n = p.cols();
        int split = p.boundaryNear(n / 2);
        if (2.0 * m * p.rows() * n < MIN_FLOPS || split <= 0 || split >= n || !WORKER.take()) {
            inner.multPacked(a, p, c, m);
            return;
        }
        try {
            WORKER.post(inner, a, p, c, m, 0, split);
            try {
                inner.multPackedColumns(a, p, c, m, split, n);
            } finally {
                WORKER.await(); // never hand the worker on while it still writes into c
            }
        } finally {
            WORKER.release();
        }
    }

    @Override
    public void multPackedColumns(double[] a, PackedMatrix p, double[] c, int m, int j0, int j1) {
        inner.multPackedColumns(a, p, c, m, j0, j1);
    }

    @Override
    public void mult(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        inner.mult(a, b, c, m, k, n, accumulate);
    }

    @Override
    public void multTransA(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        inner.multTransA(a, b, c, m, k, n, accumulate);
    }

    @Override
    public void multTransB(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        inner.multTransB(a, b, c, m, k, n, accumulate);
    }

    @Override
    public double dot(double[] a, int ai, double[] b, int bi, int k) {
        return inner.dot(a, ai, b, bi, k);
    }

    @Override
    public PackedMatrix pack(int k, int n) {
        return inner.pack(k, n);
    }

    @Override
    public String name() {
        return inner.name() + ", 2 threads";
    }

    /** The one worker thread: runs a posted column range, spinning and then parking between jobs. */
    private static final class Worker implements Runnable {
        private static final long SPIN_NANOS = 2_000_000;

        private final AtomicBoolean owned = new AtomicBoolean();
        private Thread thread;
        // the job, published by the volatile write of posted
        private DenseKernels kernels;
        private double[] a;
        private PackedMatrix p;
        private double[] c;
        private int m;
        private int j0;
        private int j1;
        private volatile long posted;
        private volatile long done;
        private volatile boolean parked;
        private volatile Throwable failure;

        /** @return whether the caller now owns the worker (starting it on first use) */
        boolean take() {
            if (!owned.compareAndSet(false, true)) {
                return false;
            }
            if (thread == null) {
                thread = new Thread(this, "sgema-field-worker");
                thread.setDaemon(true);
                thread.start();
            }
            return true;
        }

        void release() {
            kernels = null;
            a = null;
            p = null;
            c = null;
            owned.set(false);
        }

        void post(DenseKernels k, double[] a, PackedMatrix p, double[] c, int m, int j0, int j1) {
            this.kernels = k;
            this.a = a;
            this.p = p;
            this.c = c;
            this.m = m;
            this.j0 = j0;
            this.j1 = j1;
            posted = posted + 1;
            if (parked) {
                LockSupport.unpark(thread);
            }
        }

        void await() {
            long target = posted;
            while (done != target) {
                Thread.onSpinWait();
            }
            Throwable t = failure;
            if (t != null) {
                failure = null;
                if (t instanceof RuntimeException e) {
                    throw e;
                }
                throw new IllegalStateException("field worker failed", t);
            }
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long since = System.nanoTime();
                while (posted == seen) {
                    if (System.nanoTime() - since < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        if (posted == seen) {
                            LockSupport.park(this);
                        }
                        parked = false;
                    }
                }
                seen = posted;
                try {
                    kernels.multPackedColumns(a, p, c, m, j0, j1);
                } catch (Throwable t) {
                    failure = t;
                }
                done = seen;
            }
        }
    }
}
