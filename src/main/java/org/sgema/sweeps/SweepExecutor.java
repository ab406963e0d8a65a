package org.sgema.sweeps;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs the tries of a sweep somewhere (threads on this machine, a Spark cluster) and returns
 * their results in the tries' order. Every try is {@link SweepRunner#run}, a pure function, so
 * the results do not depend on the executor.
 */
public interface SweepExecutor {

    /**
     * @param spec the sweep
     * @param tries the tries, in order
     * @param progress told the number of finished tries now and then (may be ignored)
     * @return one result per try, in the same order
     */
    List<TryResult> execute(SweepSpec spec, List<SweepTry> tries, IntConsumer progress);

    /** @return a one-line description for logs and the sweep's metadata, e.g. {@code local[2]} */
    String describe();
}
