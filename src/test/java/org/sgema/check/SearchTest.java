package org.sgema.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The engine on synthetic properties whose minimal failures are known by hand: shrinking
 * reaches them through composed generators, targeted search beats random search at equal
 * budget, a starved filter names itself, stored examples replay their verdict, and the
 * executions the listener sees do not depend on the thread count.
 */
class SearchTest {

    private static SearchSettings settings(int tries) {
        return SearchSettings.defaults().withTries(tries).withSeed(11).withTargetFraction(0);
    }

    private static <T> SearchResult<T, Boolean> check(Gen<T> gen, java.util.function.Predicate<T> property,
                                                       SearchSettings s) {
        return new Search<T, Boolean>(gen, property::test, ok -> ok ? Outcome.valid(Double.NaN)
                : Outcome.interesting("property false", Double.NaN), s).run(List.of(), e -> { });
    }

    @Test
    void aListWhoseSumExceeds100ShrinksToTheSingleElement101() {
        Gen<List<Integer>> lists = Gen.integers(0, 1000).list(0, 30);
        SearchResult<List<Integer>, Boolean> r = check(lists, l -> l.stream().mapToInt(i -> i).sum() <= 100,
                settings(200));
        assertTrue(r.failed(), "random lists of up to 30 numbers below 1000 should exceed 100");
        assertEquals(List.of(101), r.shrunk().value());
        assertEquals("[1, 101, 0]", r.shrunk().choices().toString(), "go on, 101, stop");
    }

    @Test
    void shrinkingWorksThroughFlatMapAndMap() {
        // n, then n numbers; fails when some number is at least 50 and n ≥ 3: minimal is [0, 0, 50]
        Gen<List<Integer>> gen = Gen.integers(0, 10).flatMap(n -> s -> {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(Gen.integers(0, 100).generate(s));
            }
            return out;
        });
        SearchResult<List<Integer>, Boolean> r = check(gen.map(List::copyOf),
                l -> l.size() < 3 || l.stream().allMatch(x -> x < 50), settings(300));
        assertTrue(r.failed());
        assertEquals(List.of(0, 0, 50), r.shrunk().value(), "sorted, lowered, shortest");
    }

    @Test
    void oneOfShrinksTowardsTheFirstAlternative() {
        Gen<String> gen = Gen.oneOf(Gen.integers(0, 9).map(i -> "digit " + i),
                Gen.integers(0, 25).map(i -> "letter " + (char) ('a' + i)));
        // fails on everything but "digit 0"... except that one is the simplest: fails on all but letters ≥ 'c'
        SearchResult<String, Boolean> r = check(gen, v -> v.startsWith("letter") && v.compareTo("letter c") >= 0,
                settings(50));
        assertEquals("digit 0", r.shrunk().value());
    }

    @Test
    void shrinkingIsDeterministicAndKeepsTheOrigin() {
        Gen<int[]> pairs = Gen.zip(Gen.integers(0, 1000), Gen.integers(0, 1000), (a, b) -> new int[] {a, b});
        // two ways to fail: a > 500 ("big a") or b > 900 ("big b"); the shrunk case keeps the first origin
        java.util.function.Function<int[], Outcome> judge = p -> p[1] > 900 ? Outcome.interesting("big b", 0)
                : p[0] > 500 ? Outcome.interesting("big a", 0) : Outcome.valid(0);
        Search<int[], int[]> search = new Search<>(pairs, p -> p, judge, settings(100));
        SearchResult<int[], int[]> r1 = search.run(List.of(), e -> { });
        SearchResult<int[], int[]> r2 = search.run(List.of(), e -> { });
        assertTrue(r1.failed());
        assertEquals(r1.shrunk().choices(), r2.shrunk().choices());
        assertEquals(r1.failure().outcome().origin(), r1.shrunk().outcome().origin());
        int[] p = r1.shrunk().value();
        if (r1.failure().outcome().origin().equals("big a")) {
            assertEquals(501, p[0]);
            assertEquals(0, p[1]);
        } else {
            assertEquals(0, p[0]);
            assertEquals(901, p[1]);
        }
    }

    /** Three coordinates in [0, 10⁶]; the score is minus the L1 distance to a hidden point; fails within 3 of it. */
    private static SearchResult<long[], long[]> needle(double targetFraction, int tries, long seed) {
        long[] hidden = {734_211, 81_377, 503_990};
        Gen<Long> coordinate = Gen.longs(0, 1_000_000);
        Gen<long[]> points = s -> new long[] {coordinate.generate(s), coordinate.generate(s), coordinate.generate(s)};
        java.util.function.Function<long[], Outcome> judge = p -> {
            long d = Math.abs(p[0] - hidden[0]) + Math.abs(p[1] - hidden[1]) + Math.abs(p[2] - hidden[2]);
            return d <= 3 ? Outcome.interesting("needle", -d) : Outcome.valid(-d);
        };
        SearchSettings s = SearchSettings.defaults().withTries(tries).withSeed(seed).withTargetFraction(targetFraction)
                .withShrinkSteps(0);
        return new Search<>(points, p -> p, judge, s).run(List.of(), e -> { });
    }

    @Test
    void targetedSearchBeatsRandomSearchAtEqualBudget() {
        int wins = 0;
        for (long seed = 1; seed <= 5; seed++) {
            SearchResult<long[], long[]> random = needle(0, 2000, seed);
            SearchResult<long[], long[]> targeted = needle(0.75, 2000, seed);
            double bestRandom = random.bestGeneratedScore();
            double bestTargeted = Math.max(targeted.bestGeneratedScore(),
                    targeted.failed() ? 0 : targeted.bestTargetedScore());
            assertFalse(random.failed(), "random search should not find a 3-wide needle in 10¹⁸ points");
            wins += bestTargeted > bestRandom ? 1 : 0;
            assertTrue(bestTargeted > bestRandom + 1000 || targeted.failed(),
                    "seed " + seed + ": targeted best " + bestTargeted + " vs random best " + bestRandom);
        }
        assertEquals(5, wins);
    }

    @Test
    void aStarvedFilterStopsWithAMessageNamingIt() {
        Gen<Integer> odd = Gen.integers(0, 100).map(i -> 2 * i).filter("an odd number", i -> i % 2 == 1);
        GeneratorException e = assertThrows(GeneratorException.class, () -> check(odd, i -> true, settings(10)));
        assertTrue(e.getMessage().contains("'an odd number'"), e.getMessage());
        assertTrue(e.getMessage().contains("rejected 100 draws"), e.getMessage());
    }

    @Test
    void aGeneratorThatNeverStopsIsReported() {
        Gen<Integer> endless = s -> {
            int sum = 0;
            while (true) {
                sum += (int) s.choose(1) + 1;
                if (sum < 0) {
                    return sum;
                }
            }
        };
        GeneratorException e = assertThrows(GeneratorException.class, () -> check(endless, i -> true, settings(1)));
        assertTrue(e.getMessage().contains("does not terminate"), e.getMessage());
    }

    @Test
    void aStoredExampleReplaysItsVerdictFirst() {
        Gen<List<Integer>> lists = Gen.integers(0, 1000).list(0, 30);
        java.util.function.Predicate<List<Integer>> small = l -> l.stream().mapToInt(i -> i).sum() <= 100;
        SearchResult<List<Integer>, Boolean> first = check(lists, small, settings(200));
        long[] stored = first.shrunk().choices().values();
        List<Execution<List<Integer>, Boolean>> seen = new ArrayList<>();
        SearchResult<List<Integer>, Boolean> again = new Search<List<Integer>, Boolean>(lists, small::test,
                ok -> ok ? Outcome.valid(Double.NaN) : Outcome.interesting("property false", Double.NaN),
                settings(0)).run(List.of(stored), seen::add);
        assertEquals(Phase.EXAMPLE, seen.get(0).phase());
        assertEquals(List.of(101), seen.get(0).value());
        assertTrue(seen.get(0).outcome().isInteresting());
        assertNotNull(again.failure());
        assertEquals(Phase.EXAMPLE, again.failure().phase(), "the stored example is the failure; nothing to shrink");
        assertEquals(0, again.shrinkSteps());
    }

    @Test
    void theListenerSeesTheSameExecutionsForAnyThreadCount() {
        Gen<long[]> gen = Gen.lists(Gen.longs(0, 1 << 20), 1, 6).map(l -> l.stream().mapToLong(x -> x).toArray());
        java.util.function.Function<long[], Outcome> judge = v -> {
            long sum = java.util.Arrays.stream(v).sum();
            return sum > 5_000_000 ? Outcome.interesting("sum", sum) : Outcome.valid(sum);
        };
        List<String> one = new ArrayList<>();
        List<String> two = new ArrayList<>();
        SearchSettings s = SearchSettings.defaults().withTries(300).withSeed(5).withTargetFraction(0.5);
        new Search<>(gen, v -> v, judge, s.withThreads(1)).run(List.of(), e -> one.add(e.phase() + " " + e.index()
                + " " + e.choices() + " " + e.outcome()));
        new Search<>(gen, v -> v, judge, s.withThreads(2)).run(List.of(), e -> two.add(e.phase() + " " + e.index()
                + " " + e.choices() + " " + e.outcome()));
        assertTrue(one.size() > 10);
        assertTrue(one.stream().anyMatch(x -> x.startsWith("TARGET")) || one.stream().anyMatch(x -> x.startsWith(
                "SHRINK")), "the run should reach the targeted or the shrink phase");
        assertEquals(one, two);
    }

    /**
     * Targeted tries are not spent on cases already run: three choices in 0..7 scored by their sum
     * (512 cases, none failing), 100 tries of which 75 targeted. The hill climb soon sits at the
     * clamp (7, 7, 7), where many mutations give back a case already run; no targeted try repeats
     * a case run before it (random tries may repeat each other: they are independent draws).
     * Mutant: without the check (attempt 0 always taken), targeted tries repeat earlier cases.
     */
    @Test
    void targetedTriesRunCasesNotRunBefore() {
        Gen<long[]> three = s -> new long[] {s.choose(7), s.choose(7), s.choose(7)};
        java.util.function.Function<long[], Outcome> judge = v -> Outcome.valid(v[0] + v[1] + v[2]);
        SearchSettings s = SearchSettings.defaults().withTries(100).withSeed(3).withTargetFraction(0.75);
        java.util.Set<Choices> before = new java.util.HashSet<>();
        List<String> repeated = new ArrayList<>();
        int[] targeted = {0};
        SearchResult<long[], long[]> r = new Search<>(three, v -> v, judge, s).run(List.of(), e -> {
            if (e.phase() == Phase.TARGET) {
                targeted[0]++;
                if (before.contains(e.choices())) {
                    repeated.add(e.index() + ": " + e.choices());
                }
            }
            before.add(e.choices());
        });
        assertEquals(75, targeted[0]);
        assertEquals(List.of(), repeated, "targeted tries that repeat a case already run");
        assertEquals(21.0, r.bestTargetedScore(), 0.0, "the climb reaches (7, 7, 7)");
    }

    @Test
    void choicesOrderShortlex() {
        Choices shortOne = new Choices(new long[] {9}, new long[] {9});
        Choices longOne = new Choices(new long[] {0, 0}, new long[] {9, 9});
        Choices smaller = new Choices(new long[] {0, 1}, new long[] {9, 9});
        assertTrue(shortOne.compareTo(longOne) < 0);
        assertTrue(longOne.compareTo(smaller) < 0);
        assertThrows(IllegalArgumentException.class, () -> new Choices(new long[] {3}, new long[] {2}));
    }
}
