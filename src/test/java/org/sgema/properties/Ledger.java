package org.sgema.properties;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import net.jqwik.api.statistics.Statistics;
import org.sgema.claims.Case;
import org.sgema.claims.Claim;
import org.sgema.claims.ClaimKind;
import org.sgema.claims.Evaluation;
import org.sgema.claims.RawResults;
import org.sgema.claims.RunProfile;
import org.sgema.claims.Verdict;
import org.sgema.flows.Flow;
import org.sgema.io.JsonFiles;

/**
 * The book of one claim's run: evaluates each generated scenario, appends its raw row, feeds
 * jqwik's statistics, keeps counts, and turns a counterexample (or a finding's witness) into a
 * reproduction file plus an assertion error that jqwik then shrinks. The last failing case
 * written is the shrunk one.
 */
final class Ledger {
    private static Ledger current;

    private final Claim claim;
    private final String source;
    private final RunProfile profile;
    private final String seed;
    private final RawResults raw;
    private final Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    private final Map<Flow, int[]> rated = new EnumMap<>(Flow.class);
    private int tries;
    private int executions;
    private boolean failing;
    private Path witnessFile;
    private String witnessText;
    private long slowestMillis;
    private String slowest = "";

    private Ledger(Claim claim, String source, RunProfile profile, String seed) {
        this.claim = claim;
        this.source = source;
        this.profile = profile;
        this.seed = seed;
        this.raw = RawResults.start(runId(claim, source));
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0);
        }
    }

    static Ledger open(Claim claim, String source, RunProfile profile, String seed) {
        current = new Ledger(claim, source, profile, seed);
        return current;
    }

    /** @return the file stem of a claim's run: the claim ID, with {@code @source} unless synthetic */
    static String runId(Claim claim, String source) {
        return ChecksClaim.SYNTHETIC.equals(source) ? claim.id() : claim.id() + "@" + source;
    }

    String runId() {
        return runId(claim, source);
    }

    String source() {
        return source;
    }

    /** Checks one scenario of the claim whose property is running. */
    static void check(Scenario s) {
        if (current == null) {
            throw new IllegalStateException("no claim run is open: annotate the property with @ChecksClaim");
        }
        current.evaluate(s);
    }

    private void evaluate(Scenario s) {
        executions++;
        Case c = s.toCase();
        long start = System.nanoTime();
        Evaluation e;
        try {
            e = claim.check(c, profile.integration(source));
        } catch (RuntimeException ex) {
            e = Evaluation.violated("", Double.NaN, "exception: " + ex);
            record(s, e, start);
            throw ex;
        }
        record(s, e, start);
        if (e.verdict() == Verdict.VIOLATED && claim.violationFails(s.flow())) {
            failing = true;
            witnessFile = fileFor(c);
            JsonFiles.writeCase(witnessFile, claim, profile.name(), seed, c);
            witnessText = s + " → " + e;
            throw new AssertionError((claim.kind() == ClaimKind.FINDING ? "witness of " : "counterexample to ")
                    + claim.id() + ": " + e + "\n  case file: " + witnessFile + "\n  replay:    " + replayCommand());
        }
    }

    private void record(Scenario s, Evaluation e, long startNanos) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000L;
        String phase = failing ? "shrink" : "try";
        if (!failing) {
            tries++;
            counts.merge(e.verdict(), 1, Integer::sum);
            Statistics.label("verdict").collect(e.verdict());
            Statistics.label("views").collect(s.spec().viewsLabel());
            Statistics.label("flow").collect(s.flow());
            Statistics.label("spectrum").collect(s.spec().spectrumLabel());
            Statistics.label("shape").collect(shape(s.spec().n(), s.spec().m()));
            if (claim.kind() == ClaimKind.EMPIRICAL) {
                int[] r = rated.computeIfAbsent(s.flow(), f -> new int[2]);
                if (e.verdict() == Verdict.HOLDS) {
                    r[0]++;
                    r[1]++;
                } else if (e.verdict() == Verdict.VIOLATED) {
                    r[1]++;
                }
            }
            if (ms > slowestMillis) {
                slowestMillis = ms;
                slowest = s.toString();
            }
        }
        var spec = s.spec();
        raw.append(new RawResults.Row(claim.id(), claim.kind(), profile.name(), seed, failing ? executions : tries,
                phase, source, spec.n(), spec.m(), spec.viewsLabel(), spec.spectrumLabel(), spec.lambda(), spec.alpha(),
                spec.tau(), s.flow().name(), s.init().scale(), s.init().tilt().name(), e, ms));
    }

    /** @return the regime of the dimensions: {@code m=1}, {@code m=n} or {@code 1<m<n} */
    static String shape(int n, int m) {
        return m == 1 ? "m=1" : m == n ? "m=n" : "1<m<n";
    }

    /**
     * Asserts (after the run, if it passed) that the generators reached every regime: every
     * views kind, spectra kind and dimension shape. Only meaningful with enough tries.
     */
    static void requireEveryRegime(Claim claim) {
        if (RunProfile.current().tries(claim.id()) < 100) {
            return;
        }
        Statistics.label("views").coverage(c -> {
            for (String v : new String[] {"SYMMETRIC", "ASYMMETRIC", "IDENTICAL"}) {
                c.check(v).count(k -> k > 0);
            }
        });
        Statistics.label("spectrum").coverage(c -> {
            for (String v : new String[] {"WELL", "ILL", "TINY_GAP"}) {
                c.check(v).count(k -> k > 0);
            }
        });
        Statistics.label("shape").coverage(c -> {
            for (String v : new String[] {"m=1", "m=n", "1<m<n"}) {
                c.check(v).count(k -> k > 0);
            }
        });
    }

    private Path fileFor(Case c) {
        String folder = claim.kind() == ClaimKind.FINDING ? "findings" : "failures";
        return RunProfile.root().resolve("reports").resolve(folder).resolve(runId() + ".json");
    }

    String replayCommand() {
        return "scripts/replay " + RunProfile.root().relativize(witnessFile.toAbsolutePath());
    }

    void close() {
        raw.close();
        if (current == this) {
            current = null;
        }
    }

    Claim claim() {
        return claim;
    }

    int tries() {
        return tries;
    }

    int count(Verdict v) {
        return counts.get(v);
    }

    Map<Flow, int[]> rated() {
        return rated;
    }

    boolean failing() {
        return failing;
    }

    Path witnessFile() {
        return witnessFile;
    }

    String witnessText() {
        return witnessText;
    }

    String slowest() {
        return String.format(Locale.ROOT, "%d ms (%s)", slowestMillis, slowest);
    }
}
