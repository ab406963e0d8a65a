package org.sgema.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sgema.claims.Case;
import org.sgema.claims.Claim;
import org.sgema.claims.Evaluation;
import org.sgema.claims.InitSpec;
import org.sgema.claims.RawResults;
import org.sgema.config.RunProfile;
import org.sgema.claims.Scenario;
import org.sgema.claims.Verdict;
import org.sgema.flows.Dynamics;
import org.sgema.flows.Flow;
import org.sgema.flows.Mutation;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.ConfigurationSpec.Spectra;
import org.sgema.model.ConfigurationSpec.Views;

/**
 * The mutation check: the theorem checks run against three deliberately broken dynamics
 * ({@link Mutation}) and the exact one. Each mutant must be caught (some claim VIOLATED on some
 * case) and the exact dynamics must be caught by none. The table goes to
 * {@code reports/raw/mutations.csv}.
 */
class MutationCheckTest {
    private static final int CASES = 8;

    /**
     * How to draw cases for one claim: flows, λ = 0 or not (or λ > 0 only), scalar or not, generic
     * points or not, and the horizon of its runs.
     */
    private record Template(Claim claim, Flow[] flows, boolean zeroLambda, boolean scalar, boolean generic,
                            boolean positiveLambda, double horizon) {
        Template(Claim claim, Flow[] flows, boolean zeroLambda, boolean scalar, boolean generic) {
            this(claim, flows, zeroLambda, scalar, generic, false, 200);
        }
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template(Claim.T1, new Flow[] {Flow.GD}, false, false, true),
            new Template(Claim.T2_ASYMMETRY, new Flow[] {Flow.SG, Flow.EMA}, false, false, true),
            new Template(Claim.T2_STOKES, new Flow[] {Flow.GD, Flow.SG, Flow.EMA}, false, false, true),
            new Template(Claim.T2_GRADIENT, new Flow[] {Flow.SG}, true, false, false),
            new Template(Claim.T3_IDENTITY, new Flow[] {Flow.GD}, false, false, true),
            new Template(Claim.T3_BOUND, new Flow[] {Flow.GD}, false, false, false),
            new Template(Claim.T4_INVARIANT, new Flow[] {Flow.SG}, false, false, false),
            new Template(Claim.T4_RANK_BOUND, new Flow[] {Flow.SG}, false, false, false),
            new Template(Claim.T5_PARAMETERIZATION, new Flow[] {Flow.SG}, true, false, false),
            new Template(Claim.T5_LOCAL_DIMENSION, new Flow[] {Flow.SG}, true, false, false),
            new Template(Claim.T5_GL_TANGENT, new Flow[] {Flow.SG}, true, false, false),
            new Template(Claim.T6_SPECTRUM, new Flow[] {Flow.SG}, true, false, false),
            new Template(Claim.T7_SCALAR, new Flow[] {Flow.EMA}, true, true, true),
            new Template(Claim.T5_LIMIT_POINTS, new Flow[] {Flow.SG, Flow.EMA}, true, false, false, false,
                    5000),
            new Template(Claim.T5_WEIGHT_DECAY, new Flow[] {Flow.SG}, false, false, false, true, 200),
            new Template(Claim.T7_PERTURBATION, new Flow[] {Flow.SG, Flow.EMA}, true, false, false),
            new Template(Claim.T4_EMA_INVARIANT, new Flow[] {Flow.EMA}, false, false, false),
            new Template(Claim.T5_EQUIVARIANCE, new Flow[] {Flow.GD, Flow.SG, Flow.EMA}, false, false, true),
            new Template(Claim.SG_LIMIT_OF_EMA, new Flow[] {Flow.SG}, false, false, false),
            new Template(Claim.T5_COMPONENTS, new Flow[] {Flow.SG}, true, false, false),
            new Template(Claim.D_INVARIANT_DRIFT, new Flow[] {Flow.SG}, false, false, false),
            new Template(Claim.D_GD_COLLAPSE, new Flow[] {Flow.GD}, false, false, false),
            new Template(Claim.D_CRITICAL_RATE, new Flow[] {Flow.SG, Flow.EMA}, true, false, false));

    private static Case draw(Template t, Random rnd) {
        int n = t.scalar() ? 1 : 1 + rnd.nextInt(5);
        int m = t.scalar() ? 1 : 1 + rnd.nextInt(Math.min(3, n));
        Views views = rnd.nextBoolean() ? Views.ASYMMETRIC : Views.SYMMETRIC;
        double lambda = t.zeroLambda() ? 0.0 : t.positiveLambda() ? 0.1 : new double[] {0.0, 0.1}[rnd.nextInt(2)];
        ConfigurationSpec spec = new ConfigurationSpec(n, m, views, Spectra.WELL, lambda,
                new double[] {1.0, 1.7}[rnd.nextInt(2)], new double[] {1.0, 0.3}[rnd.nextInt(2)], rnd.nextInt(1000));
        InitSpec init = new InitSpec(1.0, t.generic() ? InitSpec.Tilt.GENERIC : InitSpec.Tilt.NONE, rnd.nextInt(1000));
        return new Scenario(spec, init, t.flows()[rnd.nextInt(t.flows().length)], rnd.nextInt(1000)).toCase();
    }

    @Test
    void everyMutantIsCaughtAndTheExactDynamicsIsNot() throws IOException {
        Map<String, Dynamics> variants = new LinkedHashMap<>();
        variants.put("EXACT", Dynamics.EXACT);
        for (Mutation mu : Mutation.values()) {
            variants.put(mu.name(), mu);
        }
        // short, deterministic runs: a mutant that blows up stops at a small divergence limit or
        // an evaluation budget (never a wall-clock cap, which would make the matrix timing-dependent)
        var settings = RunProfile.load("quick").integration().withDivergenceLimit(1e4)
                .withMaxEvaluations(200_000);
        List<String> rows = new ArrayList<>();
        rows.add("dynamics,claim,cases,violated,first_violation");
        Map<String, List<String>> caughtBy = new LinkedHashMap<>();
        // every (dynamics, claim) cell is independent: computed in parallel, collected in order
        List<Map.Entry<String, Template>> cells = new ArrayList<>();
        for (var v : variants.entrySet()) {
            caughtBy.put(v.getKey(), new ArrayList<>());
            for (Template t : TEMPLATES) {
                cells.add(Map.entry(v.getKey(), t));
            }
        }
        List<String[]> results = cells.parallelStream().map(cell -> {
            Template t = cell.getValue();
            Dynamics dyn = variants.get(cell.getKey());
            Random rnd = new Random(7 + t.claim().ordinal());
            int violated = 0;
            String first = "";
            var cellSettings = settings.withHorizon(t.horizon());
            for (int k = 0; k < CASES; k++) {
                Evaluation e = t.claim().check(draw(t, rnd).withDynamics(dyn), cellSettings);
                if (e.verdict() == Verdict.VIOLATED) {
                    violated++;
                    first = first.isEmpty() ? e.cause() + ": " + e.reason() : first;
                }
            }
            return new String[] {cell.getKey(), t.claim().id(), Integer.toString(violated), first};
        }).toList();
        for (String[] r : results) {
            if (!r[2].equals("0")) {
                caughtBy.get(r[0]).add(r[1]);
            }
            rows.add(String.join(",", r[0], r[1], Integer.toString(CASES), r[2], '"' + r[3].replace("\"", "'") + '"'));
        }
        Path out = RawResults.folder().resolve("mutations.csv");
        Files.createDirectories(out.getParent());
        Files.write(out, rows, StandardCharsets.UTF_8);
        caughtBy.forEach((k, v) -> System.out.printf(Locale.ROOT, "[mutation] %-24s caught by %s%n", k, v));
        assertEquals(List.of(), caughtBy.get("EXACT"), "the exact dynamics must pass every theorem check");
        for (Mutation mu : Mutation.values()) {
            assertTrue(!caughtBy.get(mu.name()).isEmpty(), mu + " was caught by no claim");
        }
    }
}
