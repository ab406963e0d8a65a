package org.sgema.properties;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.sgema.claims.Claim;
import org.sgema.claims.ClaimKind;
import org.sgema.claims.RawResults;
import org.sgema.claims.Rates;
import org.sgema.claims.RunProfile;
import org.sgema.claims.Verdict;
import org.sgema.flows.Flow;
import org.sgema.io.JsonFiles;

/**
 * Runs a {@link ChecksClaim} property under the current {@link RunProfile}: sets its tries and
 * seed, opens its {@link Ledger}, and judges the run by the claim's kind:
 * <ul>
 *   <li>THEOREM and EMPIRICAL: fail on a counterexample (jqwik has shrunk it and the case file
 *       holds the shrunk case); fail if the INCONCLUSIVE rate exceeds the profile's bound or no
 *       try was decided at all;</li>
 *   <li>FINDING: the property asserts the refuted statement, so a failure is the witness we
 *       look for (shrunk by jqwik): turned into success; no witness in all tries is a failure.</li>
 * </ul>
 * Writes {@code reports/raw/CLAIM.meta.json} (profile, seed, counts, rates, outcome) and prints
 * one summary line.
 */
public final class ClaimHook implements AroundPropertyHook {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        ChecksClaim annotation = context.findAnnotation(ChecksClaim.class)
                .orElseThrow(() -> new IllegalStateException(context.label() + " lacks @ChecksClaim"));
        Claim claim = annotation.value();
        String runId = Ledger.runId(claim, annotation.source());
        RunProfile profile = RunProfile.current();
        String seed = profile.seed();
        if (seed.equalsIgnoreCase("random")) {
            seed = Long.toString(new SecureRandom().nextLong());
        }
        context.attributes().setSeed(seed);
        context.attributes().setTries(profile.tries(runId));
        context.attributes().setAfterFailure(AfterFailureMode.RANDOM_SEED);
        long start = System.nanoTime();
        Ledger ledger = Ledger.open(claim, annotation.source(), profile, seed);
        PropertyExecutionResult result;
        try {
            result = property.execute();
        } finally {
            ledger.close();
        }
        long millis = (System.nanoTime() - start) / 1_000_000L;
        PropertyExecutionResult judged = judge(claim, profile, seed, ledger, result);
        writeMeta(claim, profile, seed, ledger, judged, millis);
        return judged;
    }

    private static PropertyExecutionResult judge(Claim claim, RunProfile profile, String seed, Ledger ledger,
                                                 PropertyExecutionResult result) {
        boolean failed = result.status() == PropertyExecutionResult.Status.FAILED;
        if (claim.kind() == ClaimKind.FINDING) {
            if (failed && ledger.failing()) {
                return result.mapToSuccessful();
            }
            return failed ? result : result.mapToFailed("FINDING " + claim.id() + ": no witness in "
                    + ledger.tries() + " tries (seed " + seed + ")");
        }
        if (failed) {
            return result;
        }
        int decided = ledger.count(Verdict.HOLDS) + ledger.count(Verdict.VIOLATED);
        if (decided == 0) {
            return result.mapToFailed(claim.id() + ": none of " + ledger.tries()
                    + " tries was decided (every try INCONCLUSIVE or HYPOTHESIS_NOT_MET)");
        }
        double inconclusive = (double) ledger.count(Verdict.INCONCLUSIVE) / ledger.tries();
        double max = profile.inconclusiveMax(ledger.runId());
        if (inconclusive > max) {
            return result.mapToFailed(String.format(Locale.ROOT, "%s: INCONCLUSIVE rate %.1f %% exceeds %.1f %%",
                    ledger.runId(), 100 * inconclusive, 100 * max));
        }
        return result;
    }

    private static void writeMeta(Claim claim, RunProfile profile, String seed, Ledger ledger,
                                  PropertyExecutionResult judged, long millis) {
        boolean passed = judged.status() == PropertyExecutionResult.Status.SUCCESSFUL;
        ObjectNode o = JSON.createObjectNode();
        o.put("claim", claim.id());
        o.put("source", ledger.source());
        o.put("run", ledger.runId());
        o.put("kind", claim.kind().name());
        o.put("statement", claim.statement());
        o.put("profile", profile.name());
        o.put("seed", seed);
        o.put("tries", ledger.tries());
        ObjectNode counts = o.putObject("counts");
        for (Verdict v : Verdict.values()) {
            counts.put(v.name(), ledger.count(v));
        }
        o.put("inconclusiveMax", profile.inconclusiveMax(ledger.runId()));
        o.put("passed", passed);
        judged.throwable().ifPresent(t -> o.put("message", String.valueOf(t.getMessage())));
        if (ledger.witnessFile() != null) {
            o.put("caseFile", RunProfile.root().relativize(ledger.witnessFile().toAbsolutePath()).toString());
            o.put("replay", ledger.replayCommand());
            o.put("witness", ledger.witnessText());
        }
        ObjectNode rates = o.putObject("rates");
        for (Map.Entry<Flow, int[]> e : ledger.rated().entrySet()) {
            int[] r = e.getValue();
            double[] ci = Rates.wilson(r[0], r[1]);
            ObjectNode f = rates.putObject(e.getKey().name());
            f.put("holds", r[0]);
            f.put("decided", r[1]);
            f.put("rate", r[1] == 0 ? Double.NaN : (double) r[0] / r[1]);
            f.put("wilsonLow", ci[0]);
            f.put("wilsonHigh", ci[1]);
        }
        o.put("wallMillis", millis);
        o.put("peakHeapMB", peakHeapMegabytes());
        o.put("finishedAt", java.time.Instant.now().toString());
        o.put("slowestTry", ledger.slowest());
        JsonFiles.writeAtomically(RawResults.folder().resolve(ledger.runId() + ".meta.json"), o);
        System.out.printf(Locale.ROOT, "[claim %s] %s %s: %d tries, HOLDS %d, VIOLATED %d, INCONCLUSIVE %d, "
                        + "HYPOTHESIS_NOT_MET %d, %.1f s, seed %s%s%n",
                ledger.runId(), claim.kind(), passed ? "PASS" : "FAIL", ledger.tries(), ledger.count(Verdict.HOLDS),
                ledger.count(Verdict.VIOLATED), ledger.count(Verdict.INCONCLUSIVE),
                ledger.count(Verdict.HYPOTHESIS_NOT_MET), millis / 1000.0, seed,
                ledger.witnessFile() == null ? "" : ", " + (claim.kind() == ClaimKind.FINDING ? "witness " : "case ")
                        + ledger.witnessText() + " (" + ledger.replayCommand() + ")");
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

    @Override
    public int aroundPropertyProximity() {
        return -100;
    }
}
