package org.sgema.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sgema.claims.CaseFiles;
import org.sgema.claims.Case;
import org.sgema.claims.Claim;
import org.sgema.equilibria.EquilibriumVariety;
import org.sgema.flows.Flow;
import org.sgema.io.JsonFiles;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;
import org.sgema.testing.ScratchRoot;
import picocli.CommandLine;

/** Every subcommand end to end on small files, including bad ones. */
class SgemaCommandTest extends ScratchRoot {
    private final ObjectMapper json = new ObjectMapper();

    /** The outcome of one command: exit code, stdout, stderr. */
    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void smallInputFiles() throws Exception {
        copyFromProject("properties/ci.properties");
        copyFromProject("data/digits.csv.gz");
        Files.writeString(root.resolve("config.json"), """
                {"n": 3, "m": 2, "S": [[1.0, 0.2, 0.0], [0.2, 0.6, 0.1], [0.0, 0.1, 0.4]],
                 "N": [[0.3, 0, 0], [0, 0.2, 0], [0, 0, 0.25]], "alpha": 1.5, "tau": 0.5}
                """);
        Files.writeString(root.resolve("state.json"), """
                {"A": [[0.5, 0.1], [-0.2, 0.3]], "B": [[0.4, -0.3, 0.2], [0.1, 0.2, -0.5]]}
                """);
    }

    Run run(String... args) {
        PrintStream previous = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = Sgema.commandLine(args); // as main builds it: only the named subcommand
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(previous);
        }
    }

    String file(String name) {
        return root.resolve(name).toString();
    }

    /** @return the raw rows of a claim without the wall-time column */
    private String rows(String dir, String claim) throws Exception {
        return Files.readAllLines(root.resolve(dir).resolve("raw").resolve(claim + ".csv")).stream()
                .map(l -> l.substring(0, l.lastIndexOf(','))).collect(java.util.stream.Collectors.joining("\n"));
    }

    /**
     * A run builds only the subcommand it names (picocli's model of all nine costs about 50 ms more
     * at start-up); anything else gets all of them, in the help's order. The subcommand parses and
     * helps as in the full command line: its usage text is the same. Mutant: every subcommand
     * always (the first assertion).
     */
    @Test
    void aRunBuildsOnlyTheSubcommandItNames() {
        List<String> all = List.of("integrate", "train", "sweep", "classify", "experiment", "report", "replay", "check",
                "lyapunov");
        assertEquals(List.of("integrate"), List.copyOf(Sgema.commandLine("integrate", "--help").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Sgema.commandLine().getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Sgema.commandLine("--version").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Sgema.commandLine("integrat").getSubcommands().keySet()));
        for (String name : all) {
            CommandLine alone = Sgema.commandLine(name).getSubcommands().get(name);
            CommandLine among = Sgema.commandLine().getSubcommands().get(name);
            assertEquals(among.getUsageMessage(CommandLine.Help.Ansi.OFF), alone.getUsageMessage(CommandLine.Help.Ansi.OFF),
                    name);
        }
        Run help = run("--help");
        assertEquals(0, help.code(), help.err());
        for (String name : all) {
            assertTrue(help.out().contains(name), help.out());
        }
    }

    @Test
    void aNegativeOrbitSearchTimeIsBadInput() {
        Run r = run("integrate", "--config", file("config.json"), "--state", file("state.json"), "--flow", "sg",
                "--orbit-search", "-1");
        assertEquals(Sgema.BAD_INPUT, r.code());
        assertTrue(r.err().contains("--orbit-search"), r.err());
    }

    @Test
    void aMisspeltSubcommandIsBadInputWithTheNearestNames() {
        Run typo = run("integrat", "--t-max", "1");
        assertEquals(Sgema.BAD_INPUT, typo.code());
        assertTrue(typo.err().contains("Did you mean: sgema integrate"), typo.err());
    }

    @Test
    void checkRunsClaimsThroughTheEngineIdenticallyForAnyThreadCount() throws Exception {
        copyFromProject("properties/quick.properties");
        Run one = run("check", "T2-asymmetry", "T4-invariant", "--profile", "quick", "--seed", "99", "--tries", "12",
                "--threads", "1", "--out", file("one"));
        Run two = run("check", "T2-asymmetry", "T4-invariant", "--profile", "quick", "--seed", "99", "--tries", "12",
                "--threads", "2", "--out", file("two"));
        assertEquals(0, one.code(), one.err());
        assertEquals(0, two.code(), two.err());
        JsonNode o = json.readTree(one.out());
        assertEquals(2, o.get("claims").size());
        assertTrue(o.get("passed").asBoolean());
        assertEquals("99", o.get("claims").get(0).get("seed").asText());
        assertEquals(12, o.get("claims").get(1).get("tries").asInt());
        for (String claim : new String[] {"T2-asymmetry", "T4-invariant"}) {
            String rows = rows("one", claim);
            assertEquals(13, rows.lines().count(), "header and 12 tries: " + rows);
            assertTrue(rows.contains(",target,"), "3 of the 12 tries are targeted");
            assertEquals(rows, rows("two", claim), claim + ": rows differ between 1 and 2 threads");
            assertTrue(Files.exists(root.resolve("one/raw/" + claim + ".meta.json")));
        }
        assertTrue(Files.exists(root.resolve("one/index.html")), "the report is rebuilt in --out");
    }

    @Test
    void checkRejectsBadInputWithOneLine() throws Exception {
        copyFromProject("properties/quick.properties");
        for (String[] args : new String[][] {{"check", "T9"}, {"check", "T1@mars"}, {"check", "T1", "--threads", "0"},
            {"check", "T1", "--seed", "abc"}, {"check", "T1", "--profile", "nope"}, {"check", "T1", "--tries", "-1"},
            {"check", "T2-gradient@digits"}}) {
            Run r = run(args);
            assertEquals(Sgema.BAD_INPUT, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    @Test
    void sweepWritesCellsAndRejectsABadSpecWithOneLine() throws Exception {
        Files.writeString(root.resolve("sweep.json"), """
                {"flows": ["sg"], "n": 3, "m": 1, "tries": 2, "seed": 4, "grid": {"lambda": [0.0, 0.5]}}
                """);
        Run r = run("sweep", file("sweep.json"), "--out", file("sw"), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        JsonNode o = json.readTree(r.out());
        assertEquals(2, o.get("cells").asInt());
        assertEquals(4, o.get("runs").asInt());
        List<String> cells = Files.readAllLines(root.resolve("sw").resolve("cells.csv"));
        assertEquals(3, cells.size(), "a header and one row per cell");
        assertTrue(cells.get(0).startsWith("flow,lambda,tries,complete,dimensional,none,undecided,complete_rate,"));
        assertTrue(Files.exists(root.resolve("sw").resolve("heatmap-sg-lambda.svg")), "a one-axis strip");
        // two shards into one folder: the second merges them into the same cells
        assertEquals(0, run("sweep", file("sweep.json"), "--out", file("sh"), "--shard", "1/2").code());
        assertTrue(!Files.exists(root.resolve("sh").resolve("cells.csv")), "one shard of two: no cells yet");
        Run last = run("sweep", file("sweep.json"), "--out", file("sh"), "--shard", "0/2");
        assertEquals(0, last.code(), last.err());
        assertEquals(Files.readString(root.resolve("sw").resolve("cells.csv")),
                Files.readString(root.resolve("sh").resolve("cells.csv")));
        assertEquals(2, run("sweep", file("sweep.json"), "--shard", "2/2").code(), "i < k");
        String[][] bad = {{"{\"flows\": [\"sg\"], \"n\": 3, \"m\": 1, \"tries\": 2, \"grid\": {\"eta\": [1]}}",
                "grid.eta"}, {"{\"flows\": [\"sg\"], \"n\": 3, \"m\": 1, \"grid\": {\"tau\": [1]}}", "tries"},
                {"{\"flows\": [\"sg\"], \"n\": 3, \"m\": 1, \"tries\": 2, \"grid\": {\"tau\": [0]}}", "grid.tau"},
                {"[1, 2", "malformed JSON"}};
        for (String[] b : bad) {
            Files.writeString(root.resolve("bad.json"), b[0]);
            Run e = run("sweep", file("bad.json"), "--out", file("bad"));
            assertEquals(2, e.code(), b[0] + ": " + e.err());
            assertEquals(1, e.err().strip().lines().count(), "one line: " + e.err());
            assertTrue(e.err().contains("bad.json") && e.err().contains(b[1]), e.err());
        }
        assertEquals(2, run("sweep", file("sweep.json"), "--threads", "0").code());
        Run noSpark = run("sweep", file("sweep.json"), "--out", file("sw2"), "--master", "local[2]");
        // the default build has no Spark: exit 2, and the message says how to get it
        assertEquals(2, noSpark.code(), noSpark.err());
        assertTrue(noSpark.err().contains("--master") && noSpark.err().contains("spark"), noSpark.err());
    }

    @Test
    void trainEndsWhereTheFlowEndsAtASmallLearningRate() throws Exception {
        Run flow = run("integrate", "--config", file("config.json"), "--state", file("state.json"), "--flow", "ema");
        Run train = run("train", "--config", file("config.json"), "--state", file("state.json"), "--flow", "ema",
                "--lr", "0.01", "--momentum", "0.995", "--out", file("train.csv"));
        assertEquals(0, train.code(), train.err());
        JsonNode o = json.readTree(train.out());
        assertEquals("CONVERGED", o.get("outcome").asText(), o.toString());
        assertEquals(0.5, o.get("tau").asDouble(), 1e-12, "τ = (1 − β)/η");
        assertEquals(0.995, o.get("momentum").asDouble(), 1e-12);
        assertTrue(o.get("fieldNorm").asDouble() < 1e-8, o.toString());
        // the same equilibrium as the flow's (EMA is not a gradient flow, but both converge to the limit of its path)
        JsonNode a = json.readTree(flow.out()).get("state").get("B");
        JsonNode b = o.get("state").get("B");
        double gap = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.get(i).size(); j++) {
                gap = Math.max(gap, Math.abs(a.get(i).get(j).asDouble() - b.get(i).get(j).asDouble()));
            }
        }
        assertTrue(gap < 0.05, "discrete EMA at η = 0.01 ends near the flow's limit: " + gap);
        assertTrue(Files.readAllLines(root.resolve("train.csv")).get(0).startsWith("t,step,B_norm"));
        Run batch = run("train", "--config", file("config.json"), "--state", file("state.json"), "--flow", "sg",
                "--lr", "0.05", "--batch", "16", "--steps", "500", "--seed", "3");
        assertEquals(0, batch.code(), batch.err());
        assertEquals("HORIZON_REACHED", json.readTree(batch.out()).get("outcome").asText());
        Run again = run("train", "--config", file("config.json"), "--state", file("state.json"), "--flow", "sg",
                "--lr", "0.05", "--batch", "16", "--steps", "500", "--seed", "3");
        assertEquals(json.readTree(batch.out()).get("state"), json.readTree(again.out()).get("state"), "seeded");
        for (String[] bad : new String[][] {{"--lr", "0"}, {"--lr", "0.1", "--momentum", "0.9"},
                {"--lr", "0.1", "--batch", "-1"}, {"--lr", "0.1", "--batch", "4", "--data", "mnist"},
                {"--lr", "0.1", "--batch", "4", "--data", "digits"}}) {
            String[] args = new String[7 + bad.length];
            String[] head = {"train", "--config", file("config.json"), "--state", file("state.json"), "--flow", "sg"};
            System.arraycopy(head, 0, args, 0, 7);
            System.arraycopy(bad, 0, args, 7, bad.length);
            Run r = run(args);
            assertEquals(2, r.code(), String.join(" ", bad) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        }
    }

    /** --threads 2 changes no bit of the run (ParallelKernelsTest shows it for large products); 3 is refused. */
    @Test
    void integrateOnTwoThreadsEndsInTheSameState() throws Exception {
        Run one = run("integrate", "--config", file("config.json"), "--state", file("state.json"), "--flow", "sg");
        Run two = run("integrate", "--config", file("config.json"), "--state", file("state.json"), "--flow", "sg",
                "--threads", "2");
        assertEquals(0, two.code(), two.err());
        assertEquals(json.readTree(one.out()).get("state"), json.readTree(two.out()).get("state"));
        Run three = run("integrate", "--config", file("config.json"), "--state", file("state.json"), "--flow", "sg",
                "--threads", "3");
        assertEquals(2, three.code(), three.err());
        assertTrue(three.err().contains("--threads"), three.err());
    }

    @Test
    void integratePrintsTheOutcomeAndWritesTheTrajectory() throws Exception {
        for (String flow : new String[] {"gd", "sg", "ema"}) {
            Run r = run("integrate", "--config", file("config.json"), "--state", file("state.json"), "--flow", flow,
                    "--out", file(flow + ".csv"));
            assertEquals(0, r.code(), r.err());
            JsonNode o = json.readTree(r.out());
            assertEquals("CONVERGED", o.get("outcome").asText());
            assertTrue(o.get("rhsEvaluations").asLong() > 0 && o.get("steps").asInt() > 0);
            assertEquals(flow.equals("ema"), o.get("state").has("Bbar"));
            assertTrue(Files.readAllLines(root.resolve(flow + ".csv")).size() > 2);
        }
        Run gd = run("integrate", "--config", file("config.json"), "--state", file("state.json"), "--flow", "gd");
        double b = 0;
        for (JsonNode row : json.readTree(gd.out()).get("state").get("B")) {
            for (JsonNode x : row) {
                b = Math.max(b, Math.abs(x.asDouble()));
            }
        }
        assertTrue(b < 1e-6, "GD should collapse, max |B| = " + b);
    }

    @Test
    void classifyReportsTheVerdictOfAnEquilibriumOfTheVariety() throws Exception {
        Configuration c = new ConfigurationSpec(4, 2, ConfigurationSpec.Views.SYMMETRIC, ConfigurationSpec.Spectra.WELL,
                0, 1, 1, 3).toConfiguration();
        Files.writeString(root.resolve("c4.json"), JsonFiles.toJson(c).toString());
        Files.writeString(root.resolve("p4.json"),
                JsonFiles.toJson(EquilibriumVariety.leadingPoint(c, EquilibriumVariety.randomG(2, new Random(1)))).toString());
        Run r = run("classify", "--config", file("c4.json"), "--state", file("p4.json"), "--flow", "ema");
        assertEquals(0, r.code(), r.err());
        JsonNode o = json.readTree(r.out());
        assertEquals(4, o.get("localDimension").asInt());
        assertEquals(4 + 2 * 2 * 4, o.get("spectrum").size());
        assertTrue(o.get("residual").asDouble() < 1e-10);
        assertTrue(o.get("verdict").asText().matches("NORMALLY_ATTRACTING|UNSTABLE|INCONCLUSIVE"));
    }

    /**
     * lyapunov prints the ladder W/4, W/2, W with the exponents the library computes from the same
     * seed (the exponents themselves are checked against closed forms in LyapunovExponentTest), and
     * rejects a bad window, interval or rung count with exit code 2 naming the option.
     */
    @Test
    void lyapunovPrintsTheLadderAndRejectsBadInput() throws Exception {
        Run r = run("lyapunov", "--config", file("config.json"), "--state", file("state.json"), "--flow", "sg",
                "--window", "400", "--rungs", "3", "--seed", "7");
        assertEquals(0, r.code(), r.err());
        JsonNode o = json.readTree(r.out());
        Configuration c = JsonFiles.configuration(JsonFiles.read(root.resolve("config.json")), "config");
        org.sgema.flows.VectorField f = Flow.SG.field(c);
        double[] x = JsonFiles.state(JsonFiles.read(root.resolve("state.json")), 2, 3, "state").toArray();
        org.sgema.stability.LyapunovExponent l = org.sgema.stability.LyapunovExponent.along(f, x,
                org.sgema.stability.LyapunovExponent.randomDirection(f.dimension(), 7), 400, 20, 3);
        for (int j = 0; j < 3; j++) {
            assertEquals(100.0 * (1 << j), o.get("windows").get(j).asDouble(), 0.0);
            assertEquals(l.exponents()[j], o.get("exponents").get(j).asDouble(), 0.0);
            assertEquals(Math.log(100.0 * (1 << j)) / (100.0 * (1 << j)), o.get("lnWOverW").get(j).asDouble(), 1e-15);
        }
        for (String[] bad : new String[][] {{"--window", "-1"}, {"--interval", "0"}, {"--rungs", "0"}}) {
            Run b = run("lyapunov", "--config", file("config.json"), "--state", file("state.json"), "--flow", "sg",
                    bad[0], bad[1]);
            assertEquals(2, b.code(), b.err());
            assertTrue(b.err().contains(bad[0]), b.err());
        }
    }

    /**
     * A state the integrator left at its horizon, off the equilibrium set: classify never prints a
     * sign decided by an eigenvalue within its bound, polished or as given.
     */
    @Test
    void classifyOnAHorizonStateDecidesNoSignBelowItsBound() throws Exception {
        for (double tMax : new double[] {2, 20, 200}) {
            Run end = run("integrate", "--config", file("config.json"), "--state", file("state.json"), "--flow", "sg",
                    "--t-max", Double.toString(tMax), "--rtol", "1e-8", "--atol", "1e-10");
            assertEquals(0, end.code(), end.err());
            JsonNode e = json.readTree(end.out());
            if (e.get("outcome").asText().equals("HORIZON_REACHED")) {
                assertTrue(e.get("limit").get("approach").asText().matches("EXPONENTIAL|ALGEBRAIC|UNRESOLVED"),
                        e.toString());
                assertTrue(!e.get("limit").get("evidence").asText().isBlank(), e.toString());
            }
            Files.writeString(root.resolve("end.json"), e.get("state").toString());
            for (String polish : new String[] {"", "--no-polish"}) {
                List<String> args = new java.util.ArrayList<>(List.of("classify", "--config", file("config.json"),
                        "--state", file("end.json"), "--flow", "sg"));
                if (!polish.isEmpty()) {
                    args.add(polish);
                }
                Run r = run(args.toArray(String[]::new));
                assertEquals(0, r.code(), r.err());
                JsonNode o = json.readTree(r.out());
                String what = "t = " + tMax + " " + polish + ": " + o;
                double bound = o.get("bound").asDouble();
                assertTrue(bound > 0, what);
                assertTrue(o.get("polishedResidual").asDouble() <= o.get("residual").asDouble(), what);
                String verdict = o.get("verdict").asText();
                if (verdict.equals("UNSTABLE")) {
                    assertTrue(o.get("maxRealNonZero").asDouble() > bound, what);
                }
                if (verdict.equals("NORMALLY_ATTRACTING")) {
                    for (JsonNode z : o.get("spectrum")) {
                        double re = z.get(0).asDouble();
                        double abs = Math.hypot(re, z.get(1).asDouble());
                        assertTrue(abs <= bound || re < -bound, what);
                    }
                }
                if (polish.isEmpty()) {
                    assertTrue(o.get("distanceMoved").asDouble() >= 0, what);
                } else {
                    assertEquals(0.0, o.get("distanceMoved").asDouble(), what);
                }
            }
        }
    }

    @Test
    void badInputExitsWithTwoAndOneLineNamingFileAndField() throws Exception {
        Files.writeString(root.resolve("asym.json"), "{\"n\": 2, \"m\": 1, \"S\": [[1, 0.2], [0.3, 1]], \"N\": [[1, 0], [0, 1]]}");
        Files.writeString(root.resolve("trunc.json"), "{\"n\": 2, \"m\": 1, \"S\": [[1, 0.2], [0.2");
        Files.writeString(root.resolve("unknown.json"), "{\"n\": 1, \"m\": 1, \"S\": [[1]], \"N\": [[1]], \"lamda\": 0.1}");
        Files.writeString(root.resolve("empty.json"), "");
        Files.writeString(root.resolve("shape.json"), "{\"A\": [[1]], \"B\": [[1, 2]]}");
        String[][] cases = {
            {"asym.json", "state.json", "sg", "asym.json.S: not symmetric"},
            {"trunc.json", "state.json", "sg", "trunc.json: malformed JSON at line"},
            {"unknown.json", "state.json", "sg", "unknown.json.lamda: unknown field"},
            {"empty.json", "state.json", "sg", "empty.json: is empty"},
            {"config.json", "shape.json", "sg", "shape.json.A: must be an array of 2 rows"},
            {"config.json", "state.json", "xx", "--flow: expected gd, sg or ema"},
            {"config.json", "missing.json", "sg", "missing.json: cannot read"},
        };
        for (String[] c : cases) {
            Run r = run("integrate", "--config", file(c[0]), "--state", file(c[1]), "--flow", c[2]);
            assertEquals(2, r.code(), String.join(" ", c) + " → " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(c[3]), r.err());
            assertEquals("", r.out());
        }
        assertEquals(2, run("integrate", "--config", file("config.json")).code(), "missing option");
        assertEquals(2, run("experiment", "mnist").code());
        assertEquals(2, run("experiment", "digits", "--m", "0").code());
    }

    @Test
    void experimentReportAndReplayRun() throws Exception {
        Run e = run("experiment", "digits", "--m", "1", "--taus", "1", "--seeds", "1", "--horizon", "2000");
        assertEquals(0, e.code(), e.err());
        JsonNode runs = json.readTree(e.out());
        assertEquals(3, runs.size());
        assertTrue(Files.exists(root.resolve("reports/raw/digits-experiment.csv")));
        Run report = run("report");
        assertEquals(0, report.code(), report.err());
        assertTrue(Files.exists(root.resolve("reports/index.html")));
        Configuration c = new ConfigurationSpec(2, 1, ConfigurationSpec.Views.SYMMETRIC, ConfigurationSpec.Spectra.WELL,
                0, 1, 1, 0).toConfiguration();
        CaseFiles.writeCase(root.resolve("case.json"), Claim.T3_IDENTITY, "ci", "1",
                new Case(c, org.sgema.model.RandomConfigurations.gaussianState(1, 2, false, 1, new Random(1)), Flow.GD, 0));
        Run replay = run("replay", file("case.json"));
        assertEquals(0, replay.code(), replay.err());
        assertEquals("HOLDS", json.readTree(replay.out()).get("verdict").asText());
        assertEquals(0, run("--help").code());
        assertEquals(0, run("integrate", "--help").code());
    }
}
