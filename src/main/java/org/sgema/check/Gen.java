package org.sgema.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator: a function from a {@link ChoiceSource} to a value. Every value is built from the
 * choices it draws, so replaying the recorded choices rebuilds it, and shrinking the choices
 * (shorter, then smaller: see {@link Choices}) shrinks the value, through {@code map},
 * {@code flatMap}, {@code filter}, {@code oneOf} and any composition written as a lambda
 * ({@code s -> new Pair(a.generate(s), b.generate(s))}), with no hand-written shrinker.
 *
 * <p>Each primitive documents what it shrinks towards: the choice value 0.</p>
 *
 * @param <T> the generated type
 */
@FunctionalInterface
public interface Gen<T> {
    /** Attempts a filter makes before it gives up with a {@link GeneratorException}. */
    int FILTER_ATTEMPTS = 100;

    /**
     * Draws one value.
     *
     * @param source the choice source (modified: choices are drawn and recorded)
     * @return the value
     */
    T generate(ChoiceSource source);

    /** @return a generator of {@code f(x)} for x from this one */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        Objects.requireNonNull(f);
        return s -> f.apply(generate(s));
    }

    /** @return a generator that draws x from this one, then a value from {@code f(x)} */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        Objects.requireNonNull(f);
        return s -> f.apply(generate(s)).generate(s);
    }

    /**
     * Keeps only values that satisfy a predicate, drawing again otherwise.
     *
     * @param name what the filter requires, named in the error
     * @param predicate the condition
     * @return the filtered generator; it throws {@link GeneratorException} naming the filter when
     *     {@value #FILTER_ATTEMPTS} draws in a row are rejected
     */
    default Gen<T> filter(String name, Predicate<? super T> predicate) {
        Objects.requireNonNull(predicate);
        return s -> {
            for (int k = 0; k < FILTER_ATTEMPTS; k++) {
                T v = generate(s);
                if (predicate.test(v)) {
                    return v;
                }
            }
            throw new GeneratorException("filter '" + name + "' rejected " + FILTER_ATTEMPTS
                    + " draws in a row: make the generator produce such values directly");
        };
    }

    /** @return a generator of lists of this generator's values, sizes in {@code [min, max]} (see {@link #lists}) */
    default Gen<List<T>> list(int minSize, int maxSize) {
        return lists(this, minSize, maxSize);
    }

    /** @return always {@code value} (draws nothing) */
    static <T> Gen<T> constant(T value) {
        return s -> value;
    }

    /** @return integers uniform in {@code [min, max]}, shrinking towards {@code min} */
    static Gen<Integer> integers(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
        }
        return s -> (int) (min + s.choose((long) max - min));
    }

    /** @return longs uniform in {@code [min, max]}, shrinking towards {@code min} */
    static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("empty range [" + min + ", " + max + "]");
        }
        if (max - min < 0) {
            throw new IllegalArgumentException("range [" + min + ", " + max + "] is wider than a long");
        }
        return s -> min + s.choose(max - min);
    }

    /** @return {@code false} or {@code true}, shrinking towards {@code false} */
    static Gen<Boolean> booleans() {
        return s -> s.choose(1) == 1;
    }

    /**
     * @return doubles uniform in {@code [min, max)} on a grid of 2⁵³ points,
     *     <pre>x = min + (max − min)·k / 2⁵³,  k ∈ [0, 2⁵³ − 1]</pre>
     *     shrinking towards {@code min}
     */
    static Gen<Double> doubles(double min, double max) {
        if (!(min <= max) || !Double.isFinite(max - min)) {
            throw new IllegalArgumentException("bad range [" + min + ", " + max + "]");
        }
        return s -> min + (max - min) * (s.choose((1L << 53) - 1) * 0x1.0p-53);
    }

    /** @return one of the values, shrinking towards the first */
    @SafeVarargs
    static <T> Gen<T> elements(T... values) {
        return elements(Arrays.asList(values));
    }

    /** @return one of the values, shrinking towards the first */
    static <T> Gen<T> elements(List<? extends T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to choose from");
        }
        List<T> copy = List.copyOf(values);
        return s -> copy.get((int) s.choose(copy.size() - 1));
    }

    /** @return a constant of the enum, shrinking towards the first declared */
    static <E extends Enum<E>> Gen<E> enums(Class<E> type) {
        return elements(type.getEnumConstants());
    }

    /** @return a value of one of the generators, shrinking towards the first generator */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        if (generators.length == 0) {
            throw new IllegalArgumentException("no generators to choose from");
        }
        Gen<? extends T>[] copy = generators.clone();
        return s -> copy[(int) s.choose(copy.length - 1)].generate(s);
    }

    /**
     * Lists with sizes in {@code [min, max]}: {@code min} elements, then before each further
     * element one "go on" choice in [0, 7] (0 stops, so the mean extra length is about 7).
     * Deleting a (go-on, element) block removes one element; zeroing a go-on choice cuts the
     * tail: lists shrink towards shorter lists of simpler elements.
     *
     * @return the list generator
     */
    static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
        if (minSize < 0 || minSize > maxSize) {
            throw new IllegalArgumentException("bad size range [" + minSize + ", " + maxSize + "]");
        }
        return s -> {
            List<T> out = new ArrayList<>();
            while (out.size() < minSize) {
                out.add(element.generate(s));
            }
            while (out.size() < maxSize && s.choose(7) != 0) {
                out.add(element.generate(s));
            }
            return List.copyOf(out);
        };
    }

    /** @return strings of characters in {@code [min, max]}, length at most {@code maxLength}, shrinking to "" */
    static Gen<String> strings(char min, char max, int maxLength) {
        Gen<Integer> chars = integers(min, max);
        return lists(chars, 0, maxLength).map(codes -> {
            StringBuilder b = new StringBuilder(codes.size());
            codes.forEach(c -> b.append((char) c.intValue()));
            return b.toString();
        });
    }

    /** @return {@code f(a, b)} of one draw from each generator, in that order */
    static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
        return s -> {
            A x = a.generate(s);
            B y = b.generate(s);
            return f.apply(x, y);
        };
    }
}
