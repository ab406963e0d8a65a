package org.sgema.check;

/**
 * Immutable settings of one search; configure with the {@code withX} copies.
 *
 * @param tries the budget of new cases: GENERATE plus TARGET
 * @param seed the run seed; the case of try {@code i} draws from {@link #trySeed(long, int)}
 * @param threads threads that execute cases (the results do not depend on it)
 * @param targetFraction the share of {@code tries} spent on targeted search, in [0, 1]
 * @param shrinkSteps the most executions shrinking may spend
 * @param stopAtFirstFailure whether new cases stop at the first INTERESTING one (then it is shrunk)
 */
public record SearchSettings(int tries, long seed, int threads, double targetFraction, int shrinkSteps,
                             boolean stopAtFirstFailure) {

    public SearchSettings {
        if (tries < 0) {
            throw new IllegalArgumentException("tries must be non-negative, got " + tries);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (!(targetFraction >= 0 && targetFraction <= 1)) {
            throw new IllegalArgumentException("targetFraction must be in [0, 1], got " + targetFraction);
        }
        if (shrinkSteps < 0) {
            throw new IllegalArgumentException("shrinkSteps must be non-negative, got " + shrinkSteps);
        }
    }

    /** @return 100 tries, seed 0, one thread, a quarter targeted, 500 shrink steps, stop at the first failure */
    public static SearchSettings defaults() {
        return new SearchSettings(100, 0, 1, 0.25, 500, true);
    }

    /** @return a copy with another budget */
    public SearchSettings withTries(int t) {
        return new SearchSettings(t, seed, threads, targetFraction, shrinkSteps, stopAtFirstFailure);
    }

    /** @return a copy with another seed */
    public SearchSettings withSeed(long s) {
        return new SearchSettings(tries, s, threads, targetFraction, shrinkSteps, stopAtFirstFailure);
    }

    /** @return a copy with another thread count */
    public SearchSettings withThreads(int t) {
        return new SearchSettings(tries, seed, t, targetFraction, shrinkSteps, stopAtFirstFailure);
    }

    /** @return a copy with another targeted share */
    public SearchSettings withTargetFraction(double f) {
        return new SearchSettings(tries, seed, threads, f, shrinkSteps, stopAtFirstFailure);
    }

    /** @return a copy with another shrink budget */
    public SearchSettings withShrinkSteps(int s) {
        return new SearchSettings(tries, seed, threads, targetFraction, s, stopAtFirstFailure);
    }

    /** @return a copy that does or does not stop at the first failure */
    public SearchSettings withStopAtFirstFailure(boolean stop) {
        return new SearchSettings(tries, seed, threads, targetFraction, shrinkSteps, stop);
    }

    /** @return how many of the tries are targeted: ⌊tries · targetFraction⌋ */
    public int targetedTries() {
        return (int) Math.floor(tries * targetFraction);
    }

    /**
     * The seed of try {@code index}: the run seed and the index mixed by SplitMix64's finalizer,
     * so neighbouring tries draw independent streams.
     *
     * @return the try's seed
     */
    public static long trySeed(long runSeed, int index) {
        long z = runSeed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
