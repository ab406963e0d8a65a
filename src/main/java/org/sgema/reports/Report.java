package org.sgema.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgema.claims.Claim;
import org.sgema.io.AtomicFiles;
import org.sgema.config.RunProfile;
import org.sgema.numerics.Lapack;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Collates the raw results of the theorem checks into {@code reports/summary.csv},
 * {@code reports/REPORT.md} and {@code reports/index.html} (one self-contained page with tables
 * and inline SVG charts), plus {@code reports/charts/*.svg}. Every file is written to a
 * temporary file and moved into place, so an interrupted run never leaves half a report.
 *
 * <pre>  java -cp … org.sgema.reports.Report [PROJECT-ROOT]</pre>
 * Runs automatically when the test platform finishes ({@code mvn verify}); {@code scripts/report}
 * rebuilds it on demand.
 */
public final class Report {
    private Report() {
    }

    /** Builds the report of the project root given as the only argument (default: {@code sgema.root} or "."). */
    public static void main(String[] args) {
        if (args.length == 1) {
            System.setProperty("sgema.root", args[0]);
        }
        Path index = build();
        System.out.println("report: " + RunProfile.root().relativize(index) + " (" + size(index) + ")");
    }

    /**
     * Everything the report shows, computed once and rendered twice (Markdown and HTML).
     *
     * @param runs the raw tries and the claim-run metadata
     * @param claims one row per claim
     * @param collapse the [E2] rates by initial scale, τ, λ and α
     */
    record Contents(RawRuns runs, Table claims, Table causes, List<Table> collapse, Table bySource, Table byFlow,
                    Table byDimension, Table mutations, DigitsSection digits, TrainingSection training,
                    List<PhaseDiagrams.Diagram> sweeps, Table bench, Table speed, Map<String, String> charts,
                    String provenance) {
    }

    /** Builds every report file from {@code reports/raw}; returns the path of {@code index.html}. */
    public static Path build() {
        return build(RunProfile.root().resolve("reports"));
    }

    /** Builds every report file of a reports folder from its {@code raw/}; returns the path of {@code index.html}. */
    public static Path build(Path dir) {
        System.setProperty("java.awt.headless", "true");
        Path rawDir = dir.resolve("raw");
        RawRuns runs = RawRuns.read(rawDir);
        Table tries = runs.tries();
        List<Table> collapse = new ArrayList<>();
        for (String key : new String[] {"init_scale", "tau", "lambda", "alpha"}) {
            collapse.add(Summaries.collapseRates(tries, key));
        }
        DigitsSection digits = DigitsSection.read(rawDir);
        Showcase showcase = Showcase.compute();
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("encoder-norms", Charts.encoderNorms(showcase));
        charts.put("invariant-drift", Charts.invariantDrift(showcase));
        charts.put("limit-spectra", Charts.limitSpectra(showcase));
        charts.put("asymmetry", Charts.asymmetry(tries));
        if (collapse.get(0).rowCount() > 0) {
            charts.put("collapse-by-init-scale", Charts.collapseRates(collapse.get(0), "init_scale",
                    "[E2] complete collapse by initial scale"));
            charts.put("collapse-by-tau", Charts.collapseRates(collapse.get(1), "tau", "[E2] complete collapse by τ"));
        }
        if (digits != null) {
            charts.putAll(digits.charts());
        }
        Contents c = new Contents(runs, Summaries.claims(runs), Summaries.inconclusiveCauses(tries), collapse,
                Summaries.countsBy(tries, "by claim and source", "claim", "source"),
                Summaries.countsBy(tries, "by claim and flow", "claim", "flow"),
                Summaries.countsBy(tries, "by dimension", "n", "m"),
                killMatrix(csvTable(rawDir.resolve("mutations.csv"))), digits, TrainingSection.compute(tries, showcase),
                PhaseDiagrams.read(dir.resolve("sweeps")), bench(dir.resolve("bench/bench.csv")),
                speedHistory(RunProfile.root().resolve("docs").resolve("speed-history.csv")), charts, provenance(runs));
        AtomicFiles.write(dir.resolve("charts").resolve("finite-learning-rates.svg"), c.training().chart());
        for (var e : charts.entrySet()) {
            AtomicFiles.write(dir.resolve("charts").resolve(e.getKey() + ".svg"), e.getValue());
        }
        AtomicFiles.write(dir.resolve("summary.csv"), csv(c.claims()));
        AtomicFiles.write(dir.resolve("REPORT.md"), markdown(c));
        Path index = dir.resolve("index.html");
        AtomicFiles.write(index, HtmlPage.render(c));
        return index;
    }

    private static Table bench(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        return Table.read().csv(CsvReadOptions.builder(file.toFile()).columnTypesPartial(Map.of(
                        "params", tech.tablesaw.api.ColumnType.STRING,
                        "alloc_bytes_per_op", tech.tablesaw.api.ColumnType.DOUBLE,
                        "flop_ratio_vs_ejml_mult", tech.tablesaw.api.ColumnType.DOUBLE))
                .missingValueIndicator("").build());
    }

    /** The before/after table of the speed changes ({@code src/bench/python/speed_history.py}), if kept. */
    static final String SPEED_CAPTION = "The same whole-process run (`scripts/sgema integrate`, synthetic (64, 16), "
            + "t = 2000, rtol 1e-8, default method) at the commit of every speed change, median of 3, measured in one "
            + "session by `src/bench/python/speed_history.py` (kept in `docs/speed-history.csv`); "
            + "speedup over the row before.";

    private static Table speedHistory(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        return Table.read().csv(CsvReadOptions.builder(file.toFile()).columnTypesPartial(Map.of(
                        "commit", tech.tablesaw.api.ColumnType.STRING,
                        "speedup_over_previous", tech.tablesaw.api.ColumnType.DOUBLE))
                .missingValueIndicator("").build());
    }

    private static Table killMatrix(Table raw) {
        return raw == null ? null : Summaries.killMatrix(raw);
    }

    private static Table csvTable(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        return Table.read().csv(CsvReadOptions.builder(file.toFile()).build());
    }

    private static String csv(Table t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.write().csv(w);
        return w.toString();
    }

    /** @return headline: how many claims were checked and how many failed */
    static String headline(Table claims) {
        int run = 0;
        int failed = 0;
        for (String r : claims.stringColumn("result")) {
            if (!r.equals("not run")) {
                run++;
            }
            if (r.equals("FAIL")) {
                failed++;
            }
        }
        return String.format(Locale.ROOT, "%d of %d claims checked: %s", run, Claim.values().length,
                failed == 0 ? "all pass" : failed + " FAIL");
    }

    /**
     * @return which claims hold: the THEOREMs that passed, and the EMPIRICAL claims that passed
     *     with their rates (as "E1 1.000 [0.94, 1]"), or "none run"
     */
    static String holding(Table claims) {
        List<String> theorems = new ArrayList<>();
        List<String> empirical = new ArrayList<>();
        for (int r = 0; r < claims.rowCount(); r++) {
            if (!claims.stringColumn("result").get(r).equals("PASS")) {
                continue;
            }
            String id = claims.stringColumn("claim").get(r);
            String kind = claims.stringColumn("kind").get(r);
            if (kind.equals("THEOREM")) {
                theorems.add(id);
            } else if (kind.equals("EMPIRICAL")) {
                double rate = claims.doubleColumn("rate").get(r);
                empirical.add(Double.isNaN(rate) ? id : String.format(Locale.ROOT, "%s %.3f [%.2f, %.2f]", id, rate,
                        claims.doubleColumn("wilson_low").get(r), claims.doubleColumn("wilson_high").get(r)));
            }
        }
        if (theorems.isEmpty() && empirical.isEmpty()) {
            return "none run";
        }
        return theorems.size() + " theorems (" + String.join(", ", theorems) + ")"
                + (empirical.isEmpty() ? "" : "; empirical rates " + String.join("; ", empirical));
    }

    static List<String[]> findingsAndFailures(RawRuns runs) {
        List<String[]> out = new ArrayList<>();
        for (JsonNode m : runs.metas()) {
            if (m.has("witness")) {
                boolean finding = m.path("kind").asText().equals("FINDING");
                out.add(new String[] {m.path("claim").asText(), finding ? "witness" : "counterexample",
                        m.path("witness").asText(), m.path("replay").asText(), m.path("message").asText("")});
            } else if (!m.path("passed").asBoolean()) {
                out.add(new String[] {m.path("claim").asText(), "failure", "", "", m.path("message").asText("")});
            }
        }
        return out;
    }

    private static String markdown(Contents c) {
        RawRuns runs = c.runs();
        Table claims = c.claims();
        StringBuilder md = new StringBuilder();
        md.append("# Theorem-check report\n\n**").append(headline(claims)).append("**\n\n");
        md.append("## At a glance\n\n* **Hold**: ").append(holding(claims)).append("\n* **Needed an extra hypothesis**:\n");
        for (Claim cl : Claim.values()) {
            if (!cl.extraHypothesis().isEmpty()) {
                md.append("  * ").append(cl.id()).append(": ").append(cl.extraHypothesis()).append('\n');
            }
        }
        long failed = findingsAndFailures(runs).stream().filter(f -> !f[1].equals("witness")).count();
        md.append("* **Failed**: ").append(failed == 0 ? "none" : failed + " (below)").append("\n\n");
        md.append("## Findings (counterexamples) and failures\n\n");
        List<String[]> ff = findingsAndFailures(runs);
        if (ff.isEmpty()) {
            md.append("None.\n\n");
        }
        for (String[] f : ff) {
            md.append("* **").append(f[0]).append("** (").append(f[1]).append(")");
            if (!f[2].isEmpty()) {
                md.append(": ").append(f[2]);
            }
            if (!f[3].isEmpty()) {
                md.append(" — replay: `").append(f[3]).append('`');
            }
            if (!f[4].isEmpty() && !f[1].equals("witness")) {
                md.append("\n  ").append(f[4].lines().findFirst().orElse(""));
            }
            md.append('\n');
        }
        md.append("\n## Claims\n\n");
        md.append("Verdicts per claim (theory notes, section 3; catalogue in `properties/CLAIMS.md`). ")
                .append("For FINDING claims a VIOLATED try is a witness. Rates are HOLDS / (HOLDS + VIOLATED) ")
                .append("with 95 % Wilson intervals.\n\n");
        md.append(TableFormat.markdown(Summaries.display(claims))).append('\n');
        md.append("\n## Why tries were INCONCLUSIVE\n\n").append(TableFormat.markdown(c.causes()));
        md.append("\n## Charts\n\n");
        for (String name : c.charts().keySet()) {
            md.append("![").append(name).append("](charts/").append(name).append(".svg)\n\n");
        }
        md.append("## [E2] collapse rates\n\n");
        for (Table t : c.collapse()) {
            md.append(t.name()).append(":\n\n").append(TableFormat.markdown(t)).append('\n');
        }
        DigitsSection digits = c.digits();
        if (digits != null) {
            md.append("\n## Real data: handwritten digits\n\nExact moments of augmented digits (n = 64); linear ")
                    .append("probe accuracy of `B s` on held-out images, against PCA to m dimensions and a random ")
                    .append("fan-in B.\n\n").append(TableFormat.markdown(digits.accuracy()))
                    .append("\nRuns:\n\n").append(TableFormat.markdown(digits.runs()));
        }
        md.append("\n## Phase diagrams\n\nComplete-collapse rate per cell (`scripts/sgema sweep`); hatched "
                + "cells: no try decided.\n");
        if (c.sweeps().isEmpty()) {
            md.append("\nNo sweep has run (the ci sweep runs in `mvn verify`).\n");
        }
        for (PhaseDiagrams.Diagram d : c.sweeps()) {
            md.append("\n").append(d.caption()).append("\n\n");
            for (String f : d.heatmaps().keySet()) {
                md.append("![").append(f).append("](sweeps/").append(d.name()).append('/').append(f).append(")\n");
            }
        }
        md.append("\n## Finite learning rates\n\nDiscrete training θ ← θ + ηF(θ) (EMA: momentum β = 1 − ητ), ")
                .append("theory notes [D]. An attracting equilibrium stops attracting at η* = min 2|Re μ|/|μ|²; ")
                .append("the observed rate comes from training from a perturbation (bisection).\n\n")
                .append(TableFormat.markdown(c.training().exponents())).append("\n")
                .append(TableFormat.markdown(c.training().criticalRates()))
                .append("\n![‖B_k‖ at several learning rates](charts/finite-learning-rates.svg)\n");
        md.append("\n## Breakdown by claim and source\n\n").append(TableFormat.markdown(c.bySource()));
        md.append("\n## Breakdown by claim and flow\n\n").append(TableFormat.markdown(c.byFlow()));
        md.append("\n## Breakdown by dimension\n\n").append(TableFormat.markdown(c.byDimension()));
        Table mutations = c.mutations();
        if (mutations != null) {
            md.append("\n## Mutation check: the kill matrix\n\nEach deliberately broken dynamics (a consistent ")
                    .append("mutant: field and Jacobian changed alike) against the theorem checks, VIOLATED cases out ")
                    .append("of the cases tried; the exact dynamics must be caught by none:\n\n").append(TableFormat.markdown(mutations));
        }
        if (c.bench() != null) {
            md.append("\n## Benchmarks (latest `scripts/sgema bench`)\n\n").append(TableFormat.markdown(c.bench()));
        }
        if (c.speed() != null) {
            md.append("\n## Speed: before and after each change\n\n").append(SPEED_CAPTION).append("\n\n")
                    .append(TableFormat.markdown(c.speed()));
        }
        md.append("\n## Provenance\n\n").append(c.provenance());
        return md.toString();
    }

    private static String provenance(RawRuns runs) {
        Properties v = new Properties();
        try (InputStream in = Report.class.getResourceAsStream("/sgema-build.properties")) {
            if (in != null) {
                v.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long wall = 0;
        StringBuilder seeds = new StringBuilder();
        java.util.Set<String> profiles = new java.util.TreeSet<>();
        for (JsonNode m : runs.metas()) {
            wall += m.path("wallMillis").asLong();
            profiles.add(m.path("profile").asText());
            seeds.append(String.format(Locale.ROOT, "%s=%s ", m.path("claim").asText(), m.path("seed").asText()));
        }
        return String.format(Locale.ROOT, """
                * generated: %s
                * profile(s): %s
                * seeds: %s
                * checking wall time (sum over claims): %.1f s
                * Java %s (%s), %s %s
                * spectra and singular values: %s
                * sgema %s; EJML %s, Hipparchus %s, Tablesaw %s, JUnit %s (tests), JFreeChart %s, JFreeSVG %s, Jackson %s
                """, ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), String.join(", ", profiles),
                seeds.toString().trim(), wall / 1000.0, System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name"), System.getProperty("os.arch"),
                Lapack.describe(), v.getProperty("version", "?"), v.getProperty("ejml", "?"),
                v.getProperty("hipparchus", "?"),
                v.getProperty("tablesaw", "?"), v.getProperty("junit", "?"), v.getProperty("jfreechart", "?"),
                v.getProperty("jfreesvg", "?"), v.getProperty("jackson", "?"));
    }

    private static String size(Path p) {
        try {
            return String.format(Locale.ROOT, "%.0f KB", Files.size(p) / 1024.0);
        } catch (IOException e) {
            return "?";
        }
    }
}
