package org.sgema.check;

import java.util.Arrays;

/**
 * An immutable recorded sequence of choices: the whole of what a generator drew to build one
 * test case. Choice {@code i} is an integer in {@code [0, max(i)]} whose simplest value is 0.
 * Replaying the values through the same generator rebuilds the same case exactly.
 *
 * <p>Simplicity is the shortlex order of the values (the design of Hypothesis): fewer choices
 * first, then lexicographically smaller values. Shrinking moves down this order, so every
 * generator built from {@link Gen}'s combinators shrinks without a hand-written shrinker.</p>
 */
public final class Choices implements Comparable<Choices> {
    /** The empty sequence. */
    public static final Choices EMPTY = new Choices(new long[0], new long[0]);

    private final long[] values;
    private final long[] maxima;

    /**
     * @param values the chosen values (not modified; copied)
     * @param maxima the upper bound of each choice (not modified; copied)
     * @throws IllegalArgumentException if the lengths differ or a value lies outside {@code [0, max]}
     */
    public Choices(long[] values, long[] maxima) {
        if (values.length != maxima.length) {
            throw new IllegalArgumentException("values and maxima differ in length: " + values.length + " vs "
                    + maxima.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > maxima[i]) {
                throw new IllegalArgumentException("choice " + i + " = " + values[i] + " outside [0, " + maxima[i] + "]");
            }
        }
        this.values = values.clone();
        this.maxima = maxima.clone();
    }

    /** @return the number of choices */
    public int size() {
        return values.length;
    }

    /** @return choice {@code i} */
    public long value(int i) {
        return values[i];
    }

    /** @return the upper bound of choice {@code i} */
    public long max(int i) {
        return maxima[i];
    }

    /** @return a copy of the values */
    public long[] values() {
        return values.clone();
    }

    /**
     * Shortlex order: the shorter sequence is simpler; of equal length, the first differing
     * value decides.
     */
    @Override
    public int compareTo(Choices other) {
        return compare(values, other.values);
    }

    /** Shortlex comparison of two value arrays (see {@link #compareTo}). */
    public static int compare(long[] a, long[] b) {
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        return Arrays.compare(a, b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Choices c && Arrays.equals(values, c.values) && Arrays.equals(maxima, c.maxima);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Arrays.hashCode(maxima);
    }

    /** @return the values, e.g. {@code [3, 0, 12]} */
    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
