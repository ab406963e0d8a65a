package org.sgema.sweeps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.sgema.model.InvalidInputException;

/** Runs the tries on a fixed pool of threads of this JVM; results are collected in try order. */
public final class LocalExecutor implements SweepExecutor {
    private final int threads;

    /** @param threads worker threads (≥ 1) */
    public LocalExecutor(int threads) {
        if (threads < 1) {
            throw new InvalidInputException("threads", "must be ≥ 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public List<TryResult> execute(SweepSpec spec, List<SweepTry> tries, IntConsumer progress) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sweep");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<TryResult>> futures = new ArrayList<>(tries.size());
            for (SweepTry t : tries) {
                futures.add(pool.submit(() -> {
                    TryResult r = SweepRunner.run(spec, t);
                    progress.accept(done.incrementAndGet());
                    return r;
                }));
            }
            List<TryResult> out = new ArrayList<>(tries.size());
            for (Future<TryResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a try failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public String describe() {
        return "embedded, " + threads + " thread" + (threads == 1 ? "" : "s");
    }
}
