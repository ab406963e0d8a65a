package org.sgema.claims;

import org.sgema.config.RunProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sgema.check.ChoiceSource;
import org.sgema.check.Execution;
import org.sgema.check.Gen;
import org.sgema.check.Outcome;
import org.sgema.check.Phase;
import org.sgema.check.Search;
import org.sgema.check.SearchResult;
import org.sgema.check.SearchSettings;
import org.sgema.check.Tally;
import org.sgema.flows.Flow;
import org.sgema.integration.IntegrationSettings;
import org.sgema.io.JsonFiles;
import org.sgema.model.InvalidInputException;

/**
 * One run of one claim through the property engine ({@link Search}): replays the claim's
 * stored examples, draws the profile's tries (random, then targeted on the claim's
 * {@link Score}), shrinks the first failure, and keeps the books:
 * <ul>
 *   <li>one raw row per execution in {@code REPORTS/raw/RUN.csv}, flushed as it is written, in
 *       try order whatever the thread count;</li>
 *   <li>the shrunk case in {@code REPORTS/failures/RUN.json} (a THEOREM's counterexample) or
 *       {@code REPORTS/findings/RUN.json} (a FINDING's witness), with the replay command, and a
 *       stored example {@code properties/examples/RUN/HASH.json} replayed first by later runs;</li>
 *   <li>{@code REPORTS/raw/RUN.meta.json}: profile, seed, counts, rates, statistics, best scores
 *       of the random and targeted tries, the verdict of the run.</li>
 * </ul>
 * The run is judged by the claim's kind: a THEOREM (and [E2]'s GD tries) fails on a VIOLATED
 * try, on no decided try, on an INCONCLUSIVE rate above the profile's bound, or on generators
 * that missed a required regime; a FINDING passes when a witness is exhibited (a stored one or a
 * new one). {@code RUN} is the claim ID, with {@code @digits} for real data.
 */
public final class ClaimRun {
    /** The source of synthetic configurations with controlled spectra. */
    public static final String SYNTHETIC = "synthetic";
    /** The source of real second moments (augmented handwritten digits). */
    public static final String DIGITS = "digits";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * How to run.
     *
     * @param profile the run profile
     * @param seed {@code random} or a number
     * @param tries the budget of new tries, or null for the profile's
     * @param threads threads for the tries (the rows do not depend on it)
     * @param targetFraction share of the tries spent on targeted search
     * @param shrinkSteps most executions spent shrinking
     * @param reports the reports folder (raw rows, failures, findings)
     * @param examples the folder of stored examples, one sub-folder per run
     * @param log where progress and the summary line go (null: nowhere)
     */
    public record Options(RunProfile profile, String seed, Integer tries, int threads, double targetFraction,
                          int shrinkSteps, Path reports, Path examples, PrintStream log) {

        /** @return the options a profile gives: its seed, tries, threads, target share; reports under the root */
        public static Options of(RunProfile profile) {
            return new Options(profile, profile.seed(), null, profile.threads(), profile.targetFraction(),
                    profile.shrinkSteps(), RunProfile.root().resolve("reports"),
                    RunProfile.root().resolve("properties").resolve("examples"), System.out);
        }

        /** @return a copy with another seed ({@code random} or a number) */
        public Options withSeed(String s) {
            return new Options(profile, s, tries, threads, targetFraction, shrinkSteps, reports, examples, log);
        }

        /** @return a copy with another budget (null: the profile's) */
        public Options withTries(Integer t) {
            return new Options(profile, seed, t, threads, targetFraction, shrinkSteps, reports, examples, log);
        }

        /** @return a copy with another thread count */
        public Options withThreads(int t) {
            return new Options(profile, seed, tries, t, targetFraction, shrinkSteps, reports, examples, log);
        }

        /** @return a copy with another targeted share */
        public Options withTargetFraction(double f) {
            return new Options(profile, seed, tries, threads, f, shrinkSteps, reports, examples, log);
        }

        /** @return a copy writing under another reports folder */
        public Options withReports(Path dir) {
            return new Options(profile, seed, tries, threads, targetFraction, shrinkSteps, dir, examples, log);
        }

        /** @return a copy reading and writing stored examples under another folder */
        public Options withExamples(Path dir) {
            return new Options(profile, seed, tries, threads, targetFraction, shrinkSteps, reports, dir, log);
        }

        /** @return a copy logging elsewhere (null: silent) */
        public Options withLog(PrintStream out) {
            return new Options(profile, seed, tries, threads, targetFraction, shrinkSteps, reports, examples, out);
        }
    }

    /**
     * The outcome of a run.
     *
     * @param claim the claim
     * @param source its configuration source
     * @param runId the claim ID, with {@code @source} unless synthetic
     * @param passed whether the run passed its claim's judgement
     * @param message why it failed (empty if it passed)
     * @param seed the numeric run seed
     * @param tries random plus targeted tries executed
     * @param counts verdict counts over those tries
     * @param examples stored examples replayed
     * @param exampleFailures stored examples that failed (a counterexample or a witness again)
     * @param caseFile the shrunk case (counterexample or witness), or null
     * @param replay the command that replays it, or empty
     * @param witness the shrunk case and its evaluation, or empty
     * @param bestRandomScore the highest score over the random tries (NaN if none)
     * @param bestTargetedScore the highest score over the targeted tries (NaN if none)
     * @param randomTries random tries executed
     * @param targetedTries targeted tries executed
     * @param shrinkSteps executions spent shrinking
     * @param statistics label → value → count over the tries
     * @param wallMillis wall time of the run
     */
    public record Result(Claim claim, String source, String runId, boolean passed, String message, long seed,
                         int tries, Map<Verdict, Integer> counts, int examples, int exampleFailures, Path caseFile,
                         String replay, String witness, double bestRandomScore, double bestTargetedScore,
                         int randomTries, int targetedTries, int shrinkSteps,
                         Map<String, Map<String, Integer>> statistics, long wallMillis) {

        /** @return the count of one verdict */
        public int count(Verdict v) {
            return counts.getOrDefault(v, 0);
        }

        /** @return the one-line summary printed after the run */
        public String summary() {
            return String.format(Locale.ROOT, "[claim %s] %s %s: %d tries (%d random, %d targeted), HOLDS %d, "
                            + "VIOLATED %d, INCONCLUSIVE %d, HYPOTHESIS_NOT_MET %d, best score %s random / %s targeted, "
                            + "%d examples replayed, %.1f s, seed %d%s",
                    runId, claim.kind(), passed ? "PASS" : "FAIL", tries, randomTries, targetedTries,
                    count(Verdict.HOLDS), count(Verdict.VIOLATED), count(Verdict.INCONCLUSIVE),
                    count(Verdict.HYPOTHESIS_NOT_MET), num(bestRandomScore), num(bestTargetedScore), examples,
                    wallMillis / 1000.0, seed, caseFile == null ? ""
                            : ", " + (claim.kind() == ClaimKind.FINDING ? "witness " : "case ") + witness + " ("
                                    + replay + ")");
        }
    }

    /** What one try produced: its scenario and its evaluation. */
    private record Tried(Scenario scenario, Evaluation evaluation) {
    }

    private ClaimRun() {
    }

    /** @return the run ID: the claim ID, with {@code @source} unless synthetic */
    public static String runId(Claim claim, String source) {
        return SYNTHETIC.equals(source) ? claim.id() : claim.id() + "@" + source;
    }

    /**
     * Parses a run ID ({@code T3-bound} or {@code T3-bound@digits}).
     *
     * @return the claim and its source
     * @throws InvalidInputException for an unknown claim or source
     */
    public static Map.Entry<Claim, String> parseRunId(String runId) {
        int at = runId.indexOf('@');
        Claim claim = Claim.byId(at < 0 ? runId : runId.substring(0, at));
        String source = at < 0 ? SYNTHETIC : runId.substring(at + 1);
        if (!source.equals(SYNTHETIC) && !source.equals(DIGITS)) {
            throw new InvalidInputException("claim", "unknown source '" + source + "' in '" + runId
                    + "' (synthetic or digits)");
        }
        return Map.entry(claim, source);
    }

    /** @return the numeric seed of a setting: {@code random} draws one, else the number */
    public static long seedOf(String setting) {
        if (setting == null || setting.isBlank() || setting.trim().equalsIgnoreCase("random")) {
            return new SecureRandom().nextLong();
        }
        try {
            return Long.parseLong(setting.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("seed", "must be 'random' or an integer, got '" + setting + "'");
        }
    }

    /**
     * @return the seed setting, trimmed, if it is {@code random} or an integer
     * @throws InvalidInputException otherwise
     */
    public static String validSeedSetting(String setting) {
        String s = setting == null ? "" : setting.trim();
        if (!s.equalsIgnoreCase("random")) {
            seedOf(s.isEmpty() ? "?" : s);
        }
        return s;
    }

    /**
     * Runs one claim on one source.
     *
     * @return the judged result (a failed claim is a result, not an exception)
     */
    public static Result run(Claim claim, String source, Options o) {
        String runId = runId(claim, source);
        Gen<Scenario> generator = ScenarioGenerators.forClaim(claim, source, o.profile());
        long seed = seedOf(o.seed());
        int tries = o.tries() != null ? o.tries() : o.profile().tries(runId);
        if (tries < 0) {
            throw new InvalidInputException("tries", "must be non-negative, got " + tries);
        }
        IntegrationSettings integration = o.profile().integrationFor(runId);
        SearchSettings settings = new SearchSettings(tries, seed, o.threads(), o.targetFraction(), o.shrinkSteps(),
                true);
        Search<Scenario, Tried> search = new Search<>(generator, s -> evaluate(claim, s, integration),
                t -> outcome(claim, t), settings);
        List<long[]> examples = new ArrayList<>();
        List<Path> exampleFiles = storedExamples(o.examples().resolve(runId));
        for (Path f : exampleFiles) {
            CaseFiles.CaseFile cf = CaseFiles.readCase(f);
            if (cf.choices() == null) {
                throw new InvalidInputException(f.toString(), "a stored example needs its \"choices\"");
            }
            examples.add(cf.choices());
            warnIfRegenerated(generator, cf, f, o.log());
        }
        long start = System.nanoTime();
        Book book = new Book(claim, source, o, seed, tries);
        SearchResult<Scenario, Tried> result;
        try {
            result = search.run(examples, book);
        } finally {
            book.close();
        }
        long millis = (System.nanoTime() - start) / 1_000_000L;
        Execution<Scenario, Tried> shrunk = result.shrunk();
        Path caseFile = null;
        String replay = "";
        String witness = "";
        if (shrunk != null) {
            caseFile = writeCase(claim, source, o, seed, shrunk);
            replay = "scripts/replay " + relative(caseFile);
            witness = shrunk.value() + " → " + describe(shrunk);
        }
        Result r = judge(claim, source, o, seed, book, result, caseFile, replay, witness, millis);
        writeMeta(r, o, book);
        if (o.log() != null) {
            o.log().println(r.summary());
            if (book.undecided > 0) {
                Path folder = o.reports().resolve("inconclusive").resolve(runId);
                o.log().println("[claim " + runId + "] " + book.undecided + " INCONCLUSIVE "
                        + (book.undecided == 1 ? "try" : "tries") + " stored in " + relative(folder)
                        + "/try-N.json (scripts/replay FILE runs one again)");
            }
            if (!r.passed()) {
                o.log().println("[claim " + runId + "] FAIL: " + r.message());
            }
        }
        return r;
    }

    private static Tried evaluate(Claim claim, Scenario s, IntegrationSettings integration) {
        Evaluation e;
        try {
            e = claim.check(s.toCase(), integration);
        } catch (RuntimeException ex) {
            e = Evaluation.violated(Cause.EXCEPTION, "", Double.NaN, "exception: " + ex);
        }
        return new Tried(s, e);
    }

    /**
     * A VIOLATED try that fails its claim is interesting, with origin (claim, cause), so shrinking
     * keeps the same kind of failure (a FINDING's origin is any witness); HYPOTHESIS_NOT_MET is
     * invalid; anything else is valid, scored by the claim.
     */
    private static Outcome outcome(Claim claim, Tried t) {
        Evaluation e = t.evaluation();
        double score = claim.score(t.scenario().flow(), e);
        if (e.verdict() == Verdict.VIOLATED && claim.violationFails(t.scenario().flow())) {
            // a finding needs any witness; a theorem's failures differ by their cause
            String origin = claim.kind() == ClaimKind.FINDING ? claim.id() + " witness"
                    : claim.id() + " " + e.cause();
            return Outcome.interesting(origin, score);
        }
        return e.verdict() == Verdict.HYPOTHESIS_NOT_MET ? Outcome.invalid() : Outcome.valid(score);
    }

    private static String describe(Execution<Scenario, Tried> e) {
        return e.result() == null ? "threw " + e.thrown() : e.result().evaluation().toString();
    }

    private static List<Path> storedExamples(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Warns when a stored example's choices no longer rebuild its stored configuration (the generators changed). */
    private static void warnIfRegenerated(Gen<Scenario> generator, CaseFiles.CaseFile cf, Path file, PrintStream log) {
        Case rebuilt = generator.generate(ChoiceSource.replay(cf.choices())).toCase();
        boolean same = JsonFiles.toJson(rebuilt.configuration()).equals(JsonFiles.toJson(cf.reproduction()
                .configuration())) && rebuilt.flow() == cf.reproduction().flow();
        if (!same && log != null) {
            log.println("[examples] " + relative(file) + ": its choices no longer rebuild its stored case (the "
                    + "generators or this profile's ranges differ from the run that stored it); replaying the choices, and the stored case stays replayable with "
                    + "scripts/replay " + relative(file));
        }
    }

    private static Path writeCase(Claim claim, String source, Options o, long seed, Execution<Scenario, Tried> e) {
        String runId = runId(claim, source);
        String folder = claim.kind() == ClaimKind.FINDING ? "findings" : "failures";
        Path file = o.reports().resolve(folder).resolve(runId + ".json");
        Case c = e.value().toCase();
        long[] choices = e.choices().values();
        CaseFiles.writeCase(file, claim, o.profile().name(), Long.toString(seed), c, source, choices);
        if (e.phase() != Phase.EXAMPLE) {
            Path example = o.examples().resolve(runId).resolve(hash(choices) + ".json");
            if (!Files.exists(example)) {
                CaseFiles.writeCase(example, claim, o.profile().name(), Long.toString(seed), c, source, choices);
                if (o.log() != null) {
                    o.log().println("[examples] stored " + relative(example) + " (replayed first by later runs)");
                }
            }
        }
        return file;
    }

    /** @return the first 16 hex digits of the SHA-256 of the choices: a stable file name */
    static String hash(long[] choices) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(Arrays.toString(choices)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String relative(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path root = RunProfile.root();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    private static Result judge(Claim claim, String source, Options o, long seed, Book book,
                                SearchResult<Scenario, Tried> result, Path caseFile, String replay, String witness,
                                long millis) {
        String runId = runId(claim, source);
        String message = "";
        if (claim.kind() == ClaimKind.FINDING) {
            if (result.failure() == null) {
                message = "FINDING " + claim.id() + ": no witness in " + book.tries + " tries and "
                        + book.examples + " stored examples (seed " + seed + ")";
            }
        } else if (result.failure() != null) {
            message = "counterexample to " + claim.id() + ": " + witness + "\n  case file: " + relative(caseFile)
                    + "\n  replay:    " + replay + "\n  seed:      " + seed
                    + (result.failure().phase() == Phase.EXAMPLE ? " (a stored example failed again)" : "");
        } else {
            int decided = book.count(Verdict.HOLDS) + book.count(Verdict.VIOLATED);
            int decidedMin = o.profile().decidedMin(runId);
            double max = o.profile().inconclusiveMax(runId);
            // the INCONCLUSIVE rate: over the random tries (an unbiased sample; targeted tries climb
            // towards violation, often into undecidable regions) that met the claim's hypothesis
            int met = book.randomCounts.values().stream().mapToInt(Integer::intValue).sum()
                    - book.randomCounts.get(Verdict.HYPOTHESIS_NOT_MET);
            double inconclusive = met == 0 ? 0 : (double) book.randomCounts.get(Verdict.INCONCLUSIVE) / met;
            List<String> missing = new ArrayList<>();
            if (book.tries >= 100) {
                ScenarioGenerators.coverage(claim).forEach((label, values) ->
                        missing.addAll(book.tally.missing(label, values)));
            }
            if (decided == 0) {
                message = claim.id() + ": none of " + book.tries
                        + " tries was decided (every try INCONCLUSIVE or HYPOTHESIS_NOT_MET)";
            } else if (decided < decidedMin && book.tries > 0) {
                message = String.format(Locale.ROOT, "%s: only %d of %d tries were decided; the profile needs %d "
                        + "(decided.min)", runId, decided, book.tries, decidedMin);
            } else if (inconclusive > max) {
                message = String.format(Locale.ROOT, "%s: INCONCLUSIVE rate %.1f %% of the %d random tries that met "
                        + "the hypothesis exceeds %.1f %%", runId, 100 * inconclusive, met, 100 * max);
            } else if (!missing.isEmpty()) {
                message = runId + ": the generators never reached " + String.join(", ", missing) + " in "
                        + book.tries + " tries";
            }
        }
        return new Result(claim, source, runId, message.isEmpty(), message, seed, book.tries,
                Map.copyOf(book.counts), result.examples(), book.exampleFailures, caseFile, replay, witness,
                result.bestGeneratedScore(), result.bestTargetedScore(), result.generated(), result.targeted(),
                result.shrinkSteps(), book.tally.counts(), millis);
    }

    private static void writeMeta(Result r, Options o, Book book) {
        ObjectNode m = JSON.createObjectNode();
        m.put("claim", r.claim().id());
        m.put("source", r.source());
        m.put("run", r.runId());
        m.put("kind", r.claim().kind().name());
        m.put("statement", r.claim().statement());
        m.put("profile", o.profile().name());
        m.put("seed", Long.toString(r.seed()));
        m.put("threads", o.threads());
        m.put("tries", r.tries());
        m.put("randomTries", r.randomTries());
        m.put("targetedTries", r.targetedTries());
        m.put("examples", r.examples());
        m.put("exampleFailures", r.exampleFailures());
        m.put("shrinkSteps", r.shrinkSteps());
        m.put("score", r.claim().score().name());
        m.put("bestRandomScore", r.bestRandomScore());
        m.put("bestTargetedScore", r.bestTargetedScore());
        ObjectNode counts = m.putObject("counts");
        for (Verdict v : Verdict.values()) {
            counts.put(v.name(), r.count(v));
        }
        m.put("inconclusiveMax", o.profile().inconclusiveMax(r.runId()));
        m.put("decidedMin", o.profile().decidedMin(r.runId()));
        m.put("passed", r.passed());
        if (!r.passed()) {
            m.put("message", r.message());
        }
        if (r.caseFile() != null) {
            m.put("caseFile", relative(r.caseFile()));
            m.put("replay", r.replay());
            m.put("witness", r.witness());
        }
        ObjectNode rates = m.putObject("rates");
        for (Map.Entry<Flow, int[]> e : book.rated.entrySet()) {
            int[] k = e.getValue();
            double[] ci = Rates.wilson(k[0], k[1]);
            ObjectNode f = rates.putObject(e.getKey().name());
            f.put("holds", k[0]);
            f.put("decided", k[1]);
            f.put("rate", k[1] == 0 ? Double.NaN : (double) k[0] / k[1]);
            f.put("wilsonLow", ci[0]);
            f.put("wilsonHigh", ci[1]);
        }
        ObjectNode stats = m.putObject("statistics");
        r.statistics().forEach((label, values) -> {
            ObjectNode l = stats.putObject(label);
            values.forEach(l::put);
        });
        m.put("wallMillis", r.wallMillis());
        m.put("peakHeapMB", peakHeapMegabytes());
        m.put("finishedAt", java.time.Instant.now().toString());
        m.put("slowestTry", String.format(Locale.ROOT, "%d ms (%s)", book.slowestMillis, book.slowest));
        JsonFiles.writeAtomically(o.reports().resolve("raw").resolve(r.runId() + ".meta.json"), m);
    }

    /** @return the JVM's peak heap use so far (sum of the heap pools' peaks), in MiB */
    static long peakHeapMegabytes() {
        long bytes = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * The books of one run: sees every execution in order on the calling thread, appends its
     * raw row, counts verdicts, statistics, rates and the slowest try, and prints progress.
     */
    private static final class Book implements java.util.function.Consumer<Execution<Scenario, Tried>> {
        private final Claim claim;
        private final String source;
        private final Options options;
        private final String seed;
        private final RawResults raw;
        private final Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        /** verdict counts of the random tries only: an unbiased sample, unlike the targeted ones */
        private final Map<Verdict, Integer> randomCounts = new EnumMap<>(Verdict.class);
        private final Map<Flow, int[]> rated = new EnumMap<>(Flow.class);
        private final Tally tally = new Tally();
        private final int budget;
        private int tries;
        private int examples;
        private int exampleFailures;
        /** INCONCLUSIVE tries stored for replay */
        private int undecided;
        private long slowestMillis = -1;
        private String slowest = "";
        private long lastProgress = System.nanoTime();

        Book(Claim claim, String source, Options options, long seed, int budget) {
            this.claim = claim;
            this.source = source;
            this.options = options;
            this.seed = Long.toString(seed);
            this.budget = budget;
            this.raw = RawResults.start(options.reports().resolve("raw"), runId(claim, source));
            clearUndecided(options.reports().resolve("inconclusive").resolve(runId(claim, source)));
            for (Verdict v : Verdict.values()) {
                counts.put(v, 0);
                randomCounts.put(v, 0);
            }
        }

        @Override
        public void accept(Execution<Scenario, Tried> e) {
            Scenario s = e.value();
            Evaluation ev = e.result() != null ? e.result().evaluation()
                    : Evaluation.violated(Cause.EXCEPTION, "", Double.NaN, "exception: " + e.thrown());
            long ms = e.nanos() / 1_000_000L;
            boolean isTry = e.phase() == Phase.GENERATE || e.phase() == Phase.TARGET;
            if (e.phase() == Phase.EXAMPLE) {
                examples++;
                exampleFailures += e.outcome().isInteresting() ? 1 : 0;
            }
            if (isTry) {
                tries++;
                counts.merge(ev.verdict(), 1, Integer::sum);
                tally.count("verdict", ev.verdict());
                tally.count("views", s.spec().viewsLabel());
                tally.count("flow", s.flow());
                tally.count("spectrum", s.spec().spectrumLabel());
                tally.count("shape", ScenarioGenerators.shape(s.spec().n(), s.spec().m()));
                tally.count("n", s.spec().n());
                tally.count("m", s.spec().m());
                tally.count("lambda", s.spec().lambda());
                tally.count("phase", e.phase().label());
                if (e.phase() == Phase.GENERATE) {
                    randomCounts.merge(ev.verdict(), 1, Integer::sum);
                }
                // rates come from the random tries only: targeted tries are drawn towards violation
                if (claim.kind() == ClaimKind.EMPIRICAL && claim.rated(s.flow()) && e.phase() == Phase.GENERATE) {
                    int[] r = rated.computeIfAbsent(s.flow(), f -> new int[2]);
                    if (ev.verdict() == Verdict.HOLDS) {
                        r[0]++;
                        r[1]++;
                    } else if (ev.verdict() == Verdict.VIOLATED) {
                        r[1]++;
                    }
                }
                if (ms > slowestMillis) {
                    slowestMillis = ms;
                    slowest = s.toString();
                }
            }
            if (isTry && ev.verdict() == Verdict.INCONCLUSIVE) {
                storeUndecided(e);
            }
            var spec = s.spec();
            raw.append(new RawResults.Row(claim.id(), claim.kind(), options.profile().name(), seed, e.index(),
                    e.phase().label(), source, spec.n(), spec.m(), spec.viewsLabel(), spec.spectrumLabel(),
                    spec.lambda(), spec.alpha(), spec.tau(), s.flow().name(), s.init().scale(), s.init().tilt().name(),
                    ev, ms));
            if (options.log() != null && System.nanoTime() - lastProgress > 10_000_000_000L) {
                lastProgress = System.nanoTime();
                options.log().printf(Locale.ROOT, "[claim %s] %s: %d of %d tries done%n", runId(claim, source),
                        e.phase().label(), tries, budget);
            }
        }

        /** Removes the cases an earlier run of this claim stored ({@code try-N.json}), so the folder is this run's. */
        private static void clearUndecided(Path folder) {
            if (!Files.isDirectory(folder)) {
                return;
            }
            try (var files = Files.list(folder)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    if (name.startsWith("try-") && name.endsWith(".json")) {
                        Files.delete(f);
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot clear " + folder, e);
            }
        }

        /**
         * Writes an INCONCLUSIVE try's case to {@code REPORTS/inconclusive/RUN/try-N.json}, so that
         * {@code scripts/replay} runs it again (an undecided try is studied, not shrunk).
         */
        private void storeUndecided(Execution<Scenario, Tried> e) {
            Path file = options.reports().resolve("inconclusive").resolve(runId(claim, source))
                    .resolve("try-" + e.index() + ".json");
            try {
                CaseFiles.writeCase(file, claim, options.profile().name(), seed, e.value().toCase(), source,
                        e.choices().values());
                undecided++;
            } catch (RuntimeException ex) {
                if (options.log() != null) {
                    options.log().println("[claim " + runId(claim, source) + "] could not store " + file + ": " + ex);
                }
            }
        }

        int count(Verdict v) {
            return counts.get(v);
        }

        void close() {
            raw.close();
        }
    }
}
