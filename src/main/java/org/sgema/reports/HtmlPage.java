package org.sgema.reports;

import java.util.List;

import tech.tablesaw.api.Table;

/**
 * The self-contained report page, written as well-formed XHTML-compatible HTML: inline CSS, tables and inline SVG charts; no script, no
 * external URL, so it opens offline from a file. A Content-Security-Policy of
 * {@code default-src 'none'} makes the browser refuse any fetch the page might still attempt.
 */
final class HtmlPage {
    private static final String CSS = """
            body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;margin:2em auto;max-width:1200px;color:#222}
            h1{font-size:1.6em}h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;font-size:.82em;margin:.6em 0}
            th,td{border:1px solid #ccc;padding:.25em .5em;text-align:right}
            th{background:#f0f0f0}td:first-child{text-align:left;font-weight:bold}
            tr.pass td.result{background:#d9f2d9}tr.fail td{background:#f8d0d0}tr.idle td{color:#888}
            .wide{overflow-x:auto}
            .headline{font-size:1.2em;padding:.5em;border-radius:4px;background:#eef}
            .chart{display:inline-block;margin:.5em;border:1px solid #ddd}
            .caption{font-size:.85em;color:#555;max-width:720px}code{background:#f4f4f4;padding:0 .2em}
            li{margin:.3em 0}
            """;

    private HtmlPage() {
    }

    static String render(Report.Contents c) {
        RawRuns runs = c.runs();
        Table claims = c.claims();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("style-src 'unsafe-inline'; img-src data:\"/>\n")
                .append("<title>Theorem-check report</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>Theorem-check report: linear non-contrastive SSL under GD, SG and EMA</h1>\n");
        h.append("<p class=\"headline\" id=\"headline\">").append(TableFormat.escape(Report.headline(claims)))
                .append("</p>\n");
        h.append("<h2 id=\"glance\">At a glance</h2>\n<ul class=\"glance\">\n");
        h.append("<li><b>Hold</b>: ").append(TableFormat.escape(Report.holding(claims))).append("</li>\n");
        h.append("<li><b>Needed an extra hypothesis</b>:<ul>\n");
        for (org.sgema.claims.Claim cl : org.sgema.claims.Claim.values()) {
            if (!cl.extraHypothesis().isEmpty()) {
                h.append("<li>").append(TableFormat.escape(cl.id())).append(": ")
                        .append(TableFormat.escape(cl.extraHypothesis())).append("</li>\n");
            }
        }
        h.append("</ul></li>\n");
        List<String[]> fails = Report.findingsAndFailures(runs).stream().filter(f -> !f[1].equals("witness")).toList();
        h.append("<li><b>Failed</b>: ").append(fails.isEmpty() ? "none" : fails.size() + " (below)").append("</li>\n");
        h.append("</ul>\n");
        h.append("<h2 id=\"findings\">Findings (counterexamples) and failures</h2>\n<ul>\n");
        List<String[]> ff = Report.findingsAndFailures(runs);
        if (ff.isEmpty()) {
            h.append("<li>None.</li>\n");
        }
        for (String[] f : ff) {
            h.append("<li><b>").append(TableFormat.escape(f[0])).append("</b> (").append(f[1]).append(")");
            if (!f[2].isEmpty()) {
                h.append(": ").append(TableFormat.escape(f[2]));
            }
            if (!f[3].isEmpty()) {
                h.append(" — replay: <code>").append(TableFormat.escape(f[3])).append("</code>");
            }
            if (!f[4].isEmpty() && !f[1].equals("witness")) {
                h.append("<br/><small>").append(TableFormat.escape(f[4].lines().findFirst().orElse(""))).append("</small>");
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n");
        h.append("<h2 id=\"claims\">Claims</h2>\n<p class=\"caption\">One row per claim of the theory notes ")
                .append("(section 3). THEOREM: any VIOLATED try fails it. EMPIRICAL: a rate with its 95 % Wilson ")
                .append("interval. FINDING: checked as the statement it refutes, so a VIOLATED try is the witness.</p>\n");
        Table shown = Summaries.display(claims);
        h.append("<div class=\"wide\">").append(TableFormat.html(shown, shown.columnNames(), "result")).append("</div>");
        h.append("<h2 id=\"inconclusive\">Why tries were INCONCLUSIVE</h2>\n<p class=\"caption\">")
                .append("Numerical trouble is a verdict, not a crash: runs that hit the horizon or the wall-clock cap, ")
                .append("diverged, or whose spectra did not separate zero from non-zero.</p>\n")
                .append(TableFormat.html(c.causes()));
        h.append("<h2 id=\"charts\">Charts</h2>\n");
        for (var e : c.charts().entrySet()) {
            h.append("<div class=\"chart\" id=\"chart-").append(e.getKey()).append("\">").append(e.getValue())
                    .append("</div>\n");
        }
        h.append("<h2 id=\"e2\">[E2] collapse rates</h2>\n<p class=\"caption\">Complete collapse: ‖B(∞)‖ ≤ 1e-6‖B(0)‖; ")
                .append("dimensional: rank B(∞) &lt; m. Runs that did not converge are excluded.</p>\n");
        for (Table t : c.collapse()) {
            h.append("<h3>").append(TableFormat.escape(t.name())).append("</h3>\n").append(TableFormat.html(t));
        }
        DigitsSection digits = c.digits();
        if (digits != null) {
            h.append("<h2 id=\"digits\">Real data: handwritten digits</h2>\n<p class=\"caption\">Exact moments of ")
                    .append("augmented digits (n = 64). Probe: ridge least squares on B s, held-out accuracy; ")
                    .append("baselines PCA to m dimensions and a random fan-in B. Charts above: accuracy and ‖B(t)‖.</p>\n")
                    .append(TableFormat.html(digits.accuracy()))
                    .append("<div class=\"wide\">").append(TableFormat.html(digits.runs())).append("</div>");
        }
        h.append("<h2 id=\"phase-diagrams\">Phase diagrams</h2>\n<p class=\"caption\">Complete-collapse rate of ")
                .append("each flow over a grid of hyper-parameters (<code>scripts/sgema sweep</code>, on this machine ")
                .append("or Apache Spark); hatched cells: no try decided; * : some tries undecided. Rates over the ")
                .append("decided tries; the cells, with Wilson intervals and rank distributions, are in ")
                .append("<code>reports/sweeps/NAME/cells.csv</code>.</p>\n");
        if (c.sweeps().isEmpty()) {
            h.append("<p>No sweep has run (the ci sweep runs in <code>mvn verify</code>).</p>\n");
        }
        for (PhaseDiagrams.Diagram d : c.sweeps()) {
            h.append("<h3>").append(TableFormat.escape(d.name())).append("</h3>\n<p class=\"caption\">")
                    .append(TableFormat.escape(d.caption())).append("</p>\n");
            for (var e : d.heatmaps().entrySet()) {
                h.append("<div class=\"heatmap\" id=\"heatmap-").append(TableFormat.escape(d.name())).append('-')
                        .append(TableFormat.escape(e.getKey().replace(".svg", ""))).append("\">")
                        .append(e.getValue()).append("</div>\n");
            }
        }
        TrainingSection training = c.training();
        h.append("<h2 id=\"finite-learning-rates\">Finite learning rates</h2>\n<p class=\"caption\">Discrete ")
                .append("training θ ← θ + ηF(θ) (EMA: momentum β = 1 − ητ), theory notes [D]. An attracting equilibrium ")
                .append("stops attracting at η* = min 2|Re μ|/|μ|² over the non-zero eigenvalues of J; the observed ")
                .append("rate comes from training from a perturbation (bisection). Orders and exponents are the ")
                .append("[D] claims' fitted key metrics.</p>\n")
                .append(TableFormat.html(training.exponents()))
                .append("<div class=\"chart\" id=\"chart-finite-learning-rates\">").append(training.chart())
                .append("</div>\n<div class=\"wide\">").append(TableFormat.html(training.criticalRates()))
                .append("</div>\n");
        h.append("<h2 id=\"by-source\">By claim and source</h2>\n").append(TableFormat.html(c.bySource()));
        h.append("<h2 id=\"by-flow\">By claim and flow</h2>\n").append(TableFormat.html(c.byFlow()));
        h.append("<h2 id=\"by-dimension\">By dimension</h2>\n").append(TableFormat.html(c.byDimension()));
        Table mutations = c.mutations();
        if (mutations != null) {
            h.append("<h2 id=\"mutations\">Mutation check: the kill matrix</h2>\n<p class=\"caption\">Deliberately ")
                    .append("broken dynamics (field and Jacobian changed alike) against the theorem checks, VIOLATED ")
                    .append("cases out of the cases tried: every mutant must be caught, the exact dynamics never.</p>\n")
                    .append(TableFormat.html(mutations));
        }
        Table bench = c.bench();
        if (bench != null) {
            h.append("<h2 id=\"bench\">Benchmarks</h2>\n<p class=\"caption\">Latest <code>scripts/sgema bench</code>: ")
                    .append("time per call, bytes allocated per call (GC profiler) and the FLOP rate of a field ")
                    .append("evaluation as a ratio of EJML's dense multiply on the same shape.</p>\n<div class=\"wide\">")
                    .append(TableFormat.html(bench)).append("</div>");
        }
        Table speed = c.speed();
        if (speed != null) {
            h.append("<h2 id=\"speed\">Speed: before and after each change</h2>\n<p class=\"caption\">")
                    .append(Report.SPEED_CAPTION.replace("`", "")).append("</p>\n<div class=\"wide\">")
                    .append(TableFormat.html(speed)).append("</div>");
        }
        h.append("<h2 id=\"provenance\">Provenance</h2>\n<ul>\n");
        for (String line : c.provenance().lines().toList()) {
            h.append("<li>").append(TableFormat.escape(line.replaceFirst("^\\* ", ""))).append("</li>\n");
        }
        return h.append("</ul>\n</body>\n</html>\n").toString();
    }
}
