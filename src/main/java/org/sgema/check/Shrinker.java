package org.sgema.check;

import java.util.Arrays;

/**
 * Shrinks a failing choice sequence to a simpler one that still fails the same way, by passes
 * over the sequence run to a fixed point (Hypothesis' design):
 * <ol>
 *   <li>delete a block of 8, 4, 2 or 1 consecutive choices;</li>
 *   <li>zero a block of 8, 4, 2 or 1 choices;</li>
 *   <li>lower each value: to 0, else by binary search for the smallest value that still fails;</li>
 *   <li>sort: swap two neighbouring values that are out of order;</li>
 *   <li>lower and bump, when the passes above are stuck: lower one value (to 0, or by one) while
 *       raising a later one to a small value (1 to 8), for failures that need two parts to move
 *       together (e.g. a smaller dimension that only fails with another initial state).</li>
 * </ol>
 * A candidate is kept only if the oracle accepts it (still failing with the same origin) and the
 * choices it actually drew are shortlex-smaller than the current ones. Deterministic, and
 * bounded by a number of oracle calls.
 */
public final class Shrinker {

    /** Decides whether a candidate sequence still fails the same way. */
    @FunctionalInterface
    public interface Oracle {
        /**
         * @param candidate a candidate value sequence (replayed as a prefix, zeros beyond)
         * @return the choices the replay actually drew if it fails with the same origin, else null
         */
        Choices stillFails(long[] candidate);
    }

    private final Oracle oracle;
    private final int maxSteps;
    private Choices current;
    private int steps;

    private Shrinker(Oracle oracle, Choices start, int maxSteps) {
        this.oracle = oracle;
        this.current = start;
        this.maxSteps = maxSteps;
    }

    /**
     * @param start the failing choices
     * @param oracle the test of a candidate
     * @param maxSteps the most oracle calls
     * @return the simplest failing choices found
     */
    public static Choices shrink(Choices start, Oracle oracle, int maxSteps) {
        Shrinker s = new Shrinker(oracle, start, maxSteps);
        s.run();
        return s.current;
    }

    private void run() {
        boolean improved = true;
        while (improved && steps < maxSteps) {
            improved = deleteBlocks();
            improved |= zeroBlocks();
            improved |= lowerValues();
            improved |= sortNeighbours();
            if (!improved) {
                improved = lowerAndBump();
            }
        }
    }

    private boolean attempt(long[] candidate) {
        if (steps >= maxSteps || Choices.compare(candidate, current.values()) >= 0) {
            return false;
        }
        steps++;
        Choices drawn = oracle.stillFails(candidate);
        if (drawn != null && drawn.compareTo(current) < 0) {
            current = drawn;
            return true;
        }
        return false;
    }

    private boolean deleteBlocks() {
        boolean improved = false;
        for (int k : new int[] {8, 4, 2, 1}) {
            int i = 0;
            while (i + k <= current.size() && steps < maxSteps) {
                long[] v = current.values();
                long[] candidate = new long[v.length - k];
                System.arraycopy(v, 0, candidate, 0, i);
                System.arraycopy(v, i + k, candidate, i, v.length - i - k);
                if (attempt(candidate)) {
                    improved = true;
                } else {
                    i++;
                }
            }
        }
        return improved;
    }

    private boolean zeroBlocks() {
        boolean improved = false;
        for (int k : new int[] {8, 4, 2, 1}) {
            for (int i = 0; i + k <= current.size() && steps < maxSteps; i++) {
                long[] v = current.values();
                boolean allZero = true;
                for (int j = i; j < i + k; j++) {
                    allZero &= v[j] == 0;
                }
                if (!allZero) {
                    Arrays.fill(v, i, i + k, 0);
                    improved |= attempt(v);
                }
            }
        }
        return improved;
    }

    private boolean lowerValues() {
        boolean improved = false;
        for (int i = 0; i < current.size() && steps < maxSteps; i++) {
            long value = current.value(i);
            if (value == 0) {
                continue;
            }
            if (attempt(with(i, 0))) {
                improved = true;
                continue;
            }
            long lo = 0;          // known not to fail (or not simpler)
            long hi = value;      // fails
            while (hi - lo > 1 && steps < maxSteps && i < current.size() && current.value(i) == hi) {
                long mid = lo + (hi - lo) / 2;
                if (attempt(with(i, mid))) {
                    improved = true;
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
        }
        return improved;
    }

    private boolean sortNeighbours() {
        boolean improved = false;
        for (int i = 0; i + 1 < current.size() && steps < maxSteps; i++) {
            long[] v = current.values();
            if (v[i] > v[i + 1]) {
                long t = v[i];
                v[i] = v[i + 1];
                v[i + 1] = t;
                improved |= attempt(v);
            }
        }
        return improved;
    }

    private boolean lowerAndBump() {
        for (int i = 0; i < current.size() && steps < maxSteps; i++) {
            long value = current.value(i);
            for (long lowered : value > 1 ? new long[] {0, value - 1} : new long[] {0}) {
                if (value == 0) {
                    break;
                }
                for (int j = i + 1; j < current.size() && steps < maxSteps; j++) {
                    for (long w = 1; w <= Math.min(8, current.max(j)) && steps < maxSteps; w++) {
                        if (w == current.value(j)) {
                            continue;
                        }
                        long[] v = current.values();
                        v[i] = lowered;
                        v[j] = w;
                        if (attempt(v)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    private long[] with(int i, long value) {
        long[] v = current.values();
        v[i] = value;
        return v;
    }
}
