package org.sgema.check;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Where every generator draws from: a sequence of integer choices, each in {@code [0, max]}
 * with 0 the simplest, recorded as it is drawn. A source either draws at random, or replays a
 * given prefix (clamping a value that exceeds the bound asked for now) and continues past it
 * with zeros (shrinking) or at random (targeted mutation). Not thread-safe: one source per case.
 */
public final class ChoiceSource {
    /** The default bound on the number of choices one case may draw. */
    public static final int DEFAULT_LIMIT = 100_000;

    private final long[] prefix;
    private final SplittableRandom random;
    private final int limit;
    private long[] values = new long[16];
    private long[] maxima = new long[16];
    private int size;

    private ChoiceSource(long[] prefix, SplittableRandom random, int limit) {
        this.prefix = prefix.clone();
        this.random = random;
        this.limit = limit;
    }

    /** @return a source drawing uniformly at random from a seed */
    public static ChoiceSource random(long seed) {
        return new ChoiceSource(new long[0], new SplittableRandom(seed), DEFAULT_LIMIT);
    }

    /** @return a source replaying {@code prefix} (not modified), then drawing zeros */
    public static ChoiceSource replay(long[] prefix) {
        return new ChoiceSource(prefix, null, DEFAULT_LIMIT);
    }

    /** @return a source replaying {@code prefix} (not modified), then drawing at random from a seed */
    public static ChoiceSource extend(long[] prefix, long seed) {
        return new ChoiceSource(prefix, new SplittableRandom(seed), DEFAULT_LIMIT);
    }

    /**
     * Draws one choice.
     *
     * @param max the largest value allowed, at least 0
     * @return a value in {@code [0, max]}; 0 is the simplest
     * @throws GeneratorException if the case has drawn more than the limit of choices
     */
    public long choose(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be non-negative, got " + max);
        }
        if (size >= limit) {
            throw new GeneratorException("a case drew more than " + limit + " choices: a generator does not terminate");
        }
        long v;
        if (size < prefix.length) {
            v = Math.min(Math.max(prefix[size], 0), max);
        } else if (random != null) {
            v = max == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextLong(max + 1);
        } else {
            v = 0;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, 2 * size);
            maxima = Arrays.copyOf(maxima, 2 * size);
        }
        values[size] = v;
        maxima[size] = max;
        size++;
        return v;
    }

    /** @return the choices drawn so far */
    public Choices recorded() {
        return new Choices(Arrays.copyOf(values, size), Arrays.copyOf(maxima, size));
    }
}
