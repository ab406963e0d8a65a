package org.sgema.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The property engine: searches for a case on which a property fails, in phases under one
 * budget (Hypothesis' design; targeted search after Löscher and Sagonas, ISSTA 2017):
 * <ol>
 *   <li><b>reuse</b>: stored examples (choice sequences of earlier failures) are replayed first;</li>
 *   <li><b>generate</b>: new cases drawn at random, try {@code i} from
 *       {@link SearchSettings#trySeed(long, int)};</li>
 *   <li><b>target</b>: a hill climb on the property's score: generations of
 *       {@value #GENERATION} cases, each a mutation of one of the {@value #POOL} best-scoring
 *       cases so far (a fresh value, a power-of-two step or a unit step at 1–3 choices). A mutant
 *       whose generator draws the same choices as a case already run (the mutation touched a
 *       choice the generator did not use, or a clamp undid it) is the same case, and a mutant the
 *       generator rejects is no case: either is drawn again, up to {@value #ATTEMPTS} times, then
 *       replaced by a fresh random case (not checked against the cases run), so targeted tries
 *       are not spent on cases already run;</li>
 *   <li><b>shrink</b>: the first failure, shrunk by {@link Shrinker} among failures of the same
 *       origin.</li>
 * </ol>
 * Cases run on {@code threads} threads, but the listener sees them in index order and a
 * stop at the first failure discards later cases, so everything it sees is identical for any
 * thread count. The property must be thread-safe (pure, as the claim checks are).
 *
 * @param <T> the generated type
 * @param <R> the property's result type
 */
public final class Search<T, R> {
    /**
     * Cases in flight per thread. Results are taken in order (so they do not depend on the thread
     * count), so one slow try holds back the ones behind it; with 2 per thread the other threads
     * soon ran out of cases behind a slow one (T7-perturbation in ci on 2 threads: 8.1 s with 2 per
     * thread, 6.1 s with 16, one measurement each; same verdicts).
     */
    static final int WINDOW_PER_THREAD = 16;

    /** Cases per generation of targeted search. */
    public static final int GENERATION = 8;
    /** Best cases kept as parents for targeted search. */
    public static final int POOL = 5;
    /** Mutations drawn for one targeted try before it takes a fresh case instead of a case already run. */
    public static final int ATTEMPTS = 16;

    private final Gen<T> generator;
    private final Function<? super T, ? extends R> property;
    private final Function<? super R, Outcome> judge;
    private final SearchSettings settings;

    /**
     * @param generator draws the cases
     * @param property evaluates one case (thread-safe); a thrown exception or assertion error is
     *     a failure whose origin is the exception's class and place
     * @param judge turns a result into an outcome
     * @param settings budget, seed, threads
     */
    public Search(Gen<T> generator, Function<? super T, ? extends R> property, Function<? super R, Outcome> judge,
                  SearchSettings settings) {
        this.generator = Objects.requireNonNull(generator);
        this.property = Objects.requireNonNull(property);
        this.judge = Objects.requireNonNull(judge);
        this.settings = Objects.requireNonNull(settings);
    }

    /**
     * A search of a property that fails by throwing (an assertion), with no score.
     *
     * @return the search
     */
    public static <T> Search<T, Boolean> forAll(Gen<T> generator, Consumer<? super T> assertion,
                                                SearchSettings settings) {
        return new Search<>(generator, v -> {
            assertion.accept(v);
            return Boolean.TRUE;
        }, r -> Outcome.valid(Double.NaN), settings);
    }

    /**
     * Runs every phase.
     *
     * @param examples stored choice sequences to replay first (not modified)
     * @param listener sees every execution, in order, on the calling thread
     * @return the summary
     * @throws GeneratorException if the generator cannot produce new cases
     */
    public SearchResult<T, R> run(List<long[]> examples, Consumer<? super Execution<T, R>> listener) {
        Tracker<T, R> tracker = new Tracker<>(listener);
        Execution<T, R> failure = null;
        for (int k = 0; k < examples.size(); k++) {
            Execution<T, R> e = execute(Phase.EXAMPLE, k + 1, ChoiceSource.replay(examples.get(k)));
            tracker.accept(e);
            if (e.outcome().isInteresting() && failure == null) {
                failure = e;
            }
        }
        ExecutorService pool = settings.threads() > 1 ? Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "search-worker");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            int targeted = settings.targetedTries();
            int random = settings.tries() - targeted;
            Execution<T, R> found = batch(pool, 0, random, i -> execute(Phase.GENERATE, i + 1,
                    ChoiceSource.random(SearchSettings.trySeed(settings.seed(), i))), tracker);
            int done = tracker.generated;
            if (found == null || !settings.stopAtFirstFailure()) {
                while (tracker.targeted < targeted && (found == null || !settings.stopAtFirstFailure())) {
                    int size = Math.min(GENERATION, targeted - tracker.targeted);
                    // the parents are fixed for the whole generation, so the mutants do not depend on timing
                    List<long[]> parents = tracker.poolChoices();
                    List<long[]> maxima = tracker.poolMaxima();
                    int first = done + tracker.targeted;
                    // drawn here, in index order, so which mutants are new does not depend on timing
                    List<Candidate<T>> mutants = new ArrayList<>(size);
                    for (int i = first; i < first + size; i++) {
                        mutants.add(newMutant(parents, maxima, i, tracker.executed));
                    }
                    Execution<T, R> hit = batch(pool, first, size,
                            i -> evaluate(Phase.TARGET, i + 1, mutants.get(i - first).value(),
                                    mutants.get(i - first).choices()), tracker);
                    found = found == null ? hit : found;
                }
            }
            if (found != null) {
                failure = failure == null || failure.phase() != Phase.EXAMPLE ? found : failure;
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        Execution<T, R> shrunk = failure;
        int shrinkSteps = 0;
        if (failure != null && failure.phase() != Phase.EXAMPLE) {
            ShrinkOracle oracle = new ShrinkOracle(failure, tracker);
            Shrinker.shrink(failure.choices(), oracle, 20 * settings.shrinkSteps());
            shrunk = oracle.best;
            shrinkSteps = oracle.executions;
        }
        return new SearchResult<>(tracker.examples, tracker.generated, tracker.targeted, failure, shrunk, shrinkSteps,
                tracker.best[0], tracker.best[1]);
    }

    /**
     * Replays a candidate choice sequence for the shrinker: runs the property only on a simpler
     * case not tried before, and keeps the simplest failure of the original origin.
     */
    private final class ShrinkOracle implements Shrinker.Oracle {
        private final String origin;
        private final Tracker<T, R> tracker;
        private final java.util.Set<Choices> seen = new java.util.HashSet<>();
        private Execution<T, R> best;
        private int executions;

        ShrinkOracle(Execution<T, R> failure, Tracker<T, R> tracker) {
            this.origin = failure.outcome().origin();
            this.tracker = tracker;
            this.best = failure;
        }

        @Override
        public Choices stillFails(long[] candidate) {
            ChoiceSource source = ChoiceSource.replay(candidate);
            T value;
            try {
                value = generator.generate(source);
            } catch (GeneratorException e) {
                return null;
            }
            Choices drawn = source.recorded();
            if (executions >= settings.shrinkSteps() || drawn.compareTo(best.choices()) >= 0 || !seen.add(drawn)) {
                return null;
            }
            executions++;
            Execution<T, R> e = evaluate(Phase.SHRINK, executions, value, drawn);
            tracker.accept(e);
            if (e.outcome().isInteresting() && e.outcome().origin().equals(origin)) {
                best = e;
                return e.choices();
            }
            return null;
        }
    }

    /** A generated case and the choices it drew. */
    private record Candidate<T>(T value, Choices choices) {
    }

    /**
     * Targeted case {@code index}: the first of up to {@value #ATTEMPTS} mutations (attempt 0 as
     * before there was a check) whose generated case draws choices not in {@code executed} nor
     * built by the generator already, else a fresh random case; its choices are added to
     * {@code executed}.
     */
    private Candidate<T> newMutant(List<long[]> parents, List<long[]> maxima, int index, Set<Choices> executed) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ChoiceSource source = mutant(parents, maxima, index, attempt);
            T value;
            try {
                value = generator.generate(source);
            } catch (GeneratorException e) {
                continue;
            }
            if (executed.add(source.recorded())) {
                return new Candidate<>(value, source.recorded());
            }
        }
        ChoiceSource fresh = ChoiceSource.random(SearchSettings.trySeed(~settings.seed(), index));
        T value = generator.generate(fresh);
        executed.add(fresh.recorded());
        return new Candidate<>(value, fresh.recorded());
    }

    /**
     * The source of targeted case {@code index}, mutation {@code attempt}: a mutation of a parent,
     * or a fresh case if there is none.
     */
    private ChoiceSource mutant(List<long[]> parents, List<long[]> maxima, int index, int attempt) {
        long seed = SearchSettings.trySeed(settings.seed() ^ 0x5DEECE66DL ^ (0x9E3779B97F4A7C15L * attempt), index);
        SplittableRandom rng = new SplittableRandom(seed);
        if (parents.isEmpty()) {
            return ChoiceSource.random(rng.nextLong());
        }
        int p = rng.nextBoolean() ? 0 : rng.nextInt(parents.size());
        long[] v = parents.get(p).clone();
        long[] max = maxima.get(p);
        if (v.length > 0) {
            int changes = 1 + rng.nextInt(Math.min(3, v.length));
            for (int c = 0; c < changes; c++) {
                int i = rng.nextInt(v.length);
                long hi = max[i];
                switch (rng.nextInt(3)) {
                    case 0 -> v[i] = hi == Long.MAX_VALUE ? rng.nextLong() & Long.MAX_VALUE : rng.nextLong(hi + 1);
                    case 1 -> {
                        int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(hi));
                        long step = 1L << rng.nextInt(bits);
                        v[i] = clamp(rng.nextBoolean() ? v[i] + step : v[i] - step, hi);
                    }
                    default -> v[i] = clamp(rng.nextBoolean() ? v[i] + 1 : v[i] - 1, hi);
                }
            }
        }
        return ChoiceSource.extend(v, rng.nextLong());
    }

    private static long clamp(long v, long hi) {
        return v < 0 ? 0 : Math.min(v, hi);
    }

    /**
     * Executes cases {@code first .. first+count-1} (0-based) on the pool, hands them to the
     * tracker in order, and stops at the first failure if the settings say so.
     *
     * @return the first failure, or null
     */
    private Execution<T, R> batch(ExecutorService pool, int first, int count, IntFunction<Execution<T, R>> task,
                                  Tracker<T, R> tracker) {
        if (pool == null) {
            for (int i = first; i < first + count; i++) {
                Execution<T, R> e = task.apply(i);
                tracker.accept(e);
                if (e.outcome().isInteresting() && settings.stopAtFirstFailure()) {
                    return e;
                }
            }
            return null;
        }
        Deque<Future<Execution<T, R>>> inFlight = new ArrayDeque<>();
        int next = first;
        int window = WINDOW_PER_THREAD * settings.threads();
        Execution<T, R> hit = null;
        while (next < first + count && inFlight.size() < window) {
            int i = next++;
            inFlight.add(pool.submit(() -> task.apply(i)));
        }
        while (!inFlight.isEmpty()) {
            Execution<T, R> e = await(inFlight.poll());
            tracker.accept(e);
            if (e.outcome().isInteresting() && hit == null) {
                hit = e;
                if (settings.stopAtFirstFailure()) {
                    inFlight.forEach(f -> f.cancel(false));
                    return hit;
                }
            }
            if (next < first + count) {
                int i = next++;
                inFlight.add(pool.submit(() -> task.apply(i)));
            }
        }
        return hit;
    }

    private static <E> E await(Future<E> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Generates and evaluates one case (a generator failure is thrown). */
    private Execution<T, R> execute(Phase phase, int index, ChoiceSource source) {
        T value = generator.generate(source);
        return evaluate(phase, index, value, source.recorded());
    }

    private Execution<T, R> evaluate(Phase phase, int index, T value, Choices choices) {
        long start = System.nanoTime();
        R result = null;
        Throwable thrown = null;
        Outcome outcome;
        try {
            result = property.apply(value);
            outcome = judge.apply(result);
        } catch (RuntimeException | AssertionError e) {
            thrown = e;
            outcome = Outcome.interesting(origin(e), Double.NaN);
        }
        return new Execution<>(phase, index, value, choices, result, thrown, outcome, System.nanoTime() - start);
    }

    /** @return the origin of a thrown failure: its class and the place it was thrown from */
    static String origin(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return t.getClass().getName() + (trace.length == 0 ? "" : " at " + trace[0]);
    }

    /** Counts, best scores and the parent pool; sees executions in order on the calling thread. */
    private static final class Tracker<T, R> {
        private final Consumer<? super Execution<T, R>> listener;
        private final List<Execution<T, R>> pool = new ArrayList<>();
        private final double[] best = {Double.NaN, Double.NaN};
        private int examples;
        private int generated;
        private int targeted;
        /** The choices of every case run so far (and of the targeted cases about to run). */
        private final Set<Choices> executed = new HashSet<>();

        Tracker(Consumer<? super Execution<T, R>> listener) {
            this.listener = listener;
        }

        void accept(Execution<T, R> e) {
            switch (e.phase()) {
                case EXAMPLE -> examples++;
                case GENERATE -> generated++;
                case TARGET -> targeted++;
                case SHRINK -> { }
            }
            executed.add(e.choices());
            double s = e.outcome().score();
            if (!Double.isNaN(s) && (e.phase() == Phase.GENERATE || e.phase() == Phase.TARGET)) {
                int k = e.phase() == Phase.GENERATE ? 0 : 1;
                best[k] = Double.isNaN(best[k]) ? s : Math.max(best[k], s);
                pool.add(e);
                pool.sort(Comparator.comparingDouble((Execution<T, R> x) -> -x.outcome().score())
                        .thenComparing(x -> x.phase().ordinal()).thenComparingInt(Execution::index));
                if (pool.size() > POOL) {
                    pool.remove(pool.size() - 1);
                }
            }
            listener.accept(e);
        }

        List<long[]> poolChoices() {
            return pool.stream().map(e -> e.choices().values()).toList();
        }

        List<long[]> poolMaxima() {
            return pool.stream().map(e -> {
                long[] m = new long[e.choices().size()];
                for (int i = 0; i < m.length; i++) {
                    m[i] = e.choices().max(i);
                }
                return m;
            }).toList();
        }
    }
}
