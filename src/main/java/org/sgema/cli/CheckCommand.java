package org.sgema.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sgema.claims.Claim;
import org.sgema.claims.ClaimRun;
import org.sgema.config.RunProfile;
import org.sgema.claims.Verdict;
import org.sgema.model.InvalidInputException;
import org.sgema.reports.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sgema check CLAIM... [--profile P] [--tries N] [--seed S] [--threads T] [--out DIR]}:
 * runs claims through the property engine, as the tests do. Writes one raw CSV and one meta
 * file per claim under {@code DIR/raw/}, the shrunk case of a failure or a finding under
 * {@code DIR/failures/} or {@code DIR/findings/}, and rebuilds the report in {@code DIR}.
 * Prints one JSON object (one entry per claim) on stdout; progress on stderr.
 * Exit code 0 if every claim passed, 1 if one failed, 2 on bad input.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run claims through the property engine (e.g. check T4-invariant E1@digits); "
                + "'all' runs every claim on synthetic configurations. Exit 1 if a claim fails.")
final class CheckCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CLAIM", description = "claim IDs (T3-bound, T3-bound@digits, ...) or 'all'")
    List<String> claims;

    @Option(names = "--profile", defaultValue = "quick", description = "run profile (properties/NAME.properties); default quick")
    String profile;

    @Option(names = "--tries", description = "tries per claim (default: the profile's)")
    Integer tries;

    @Option(names = "--seed", description = "run seed: a number or 'random' (default: the profile's)")
    String seed;

    @Option(names = "--threads", description = "threads for the tries (default: every core); results do not depend on it")
    Integer threads;

    @Option(names = "--target-fraction", description = "share of the tries spent on targeted search (default: the profile's)")
    Double targetFraction;

    @Option(names = "--out", description = "reports folder (default reports/)")
    Path out;

    @Override
    public Integer call() {
        RunProfile p = RunProfile.load(profile);
        ClaimRun.Options o = ClaimRun.Options.of(p).withLog(System.err);
        if (tries != null) {
            if (tries < 0) {
                throw new InvalidInputException("--tries", "must be non-negative, got " + tries);
            }
            o = o.withTries(tries);
        }
        if (seed != null) {
            o = o.withSeed(ClaimRun.validSeedSetting(seed));
        }
        if (threads != null) {
            if (threads < 1) {
                throw new InvalidInputException("--threads", "must be at least 1, got " + threads);
            }
            o = o.withThreads(threads);
        }
        if (targetFraction != null) {
            if (!(targetFraction >= 0 && targetFraction <= 1)) {
                throw new InvalidInputException("--target-fraction", "must be in [0, 1], got " + targetFraction);
            }
            o = o.withTargetFraction(targetFraction);
        }
        if (out != null) {
            o = o.withReports(out.toAbsolutePath());
        }
        List<Map.Entry<Claim, String>> runs = new ArrayList<>();
        for (String c : claims) {
            if (c.equalsIgnoreCase("all")) {
                for (Claim claim : Claim.values()) {
                    runs.add(Map.entry(claim, ClaimRun.SYNTHETIC));
                }
            } else {
                runs.add(ClaimRun.parseRunId(c));
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode result = json.createObjectNode();
        result.put("profile", p.name());
        ArrayNode arr = result.putArray("claims");
        boolean allPassed = true;
        for (Map.Entry<Claim, String> run : runs) {
            ClaimRun.Result r = ClaimRun.run(run.getKey(), run.getValue(), o);
            allPassed &= r.passed();
            ObjectNode n = arr.addObject();
            n.put("run", r.runId());
            n.put("kind", r.claim().kind().name());
            n.put("passed", r.passed());
            n.put("seed", Long.toString(r.seed()));
            n.put("tries", r.tries());
            ObjectNode counts = n.putObject("counts");
            for (Verdict v : Verdict.values()) {
                counts.put(v.name(), r.count(v));
            }
            n.put("bestRandomScore", r.bestRandomScore());
            n.put("bestTargetedScore", r.bestTargetedScore());
            if (!r.passed()) {
                n.put("message", r.message());
            }
            if (r.caseFile() != null) {
                n.put("caseFile", r.caseFile().toString());
                n.put("replay", r.replay());
            }
        }
        Path index = out == null ? Report.build() : Report.build(o.reports());
        result.put("report", index.toString());
        result.put("passed", allPassed);
        System.out.println(result.toString());
        return allPassed ? 0 : Sgema.FAILURE;
    }
}
