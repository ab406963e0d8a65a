package org.sgema.reports;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgema.claims.Cause;
import org.sgema.claims.Claim;
import org.sgema.claims.ClaimKind;
import org.sgema.claims.Rates;
import org.sgema.claims.Verdict;
import org.sgema.flows.Flow;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The report's tables, built with Tablesaw from the raw tries: the per-claim summary, the
 * breakdowns by dimension and by flow, and the [E2] collapse rates.
 */
final class Summaries {
    private Summaries() {
    }

    /**
     * One row per claim of the catalogue: counts per verdict, the INCONCLUSIVE rate (over the
     * random tries that met the hypothesis), the rate (random tries only)
     * with its 95 % Wilson interval for empirical claims (HOLDS / decided), the judged result,
     * min / median / max of the key metric and the slowest try.
     */
    static Table claims(RawRuns runs) {
        Table t = Table.create("claims",
                StringColumn.create("claim"), StringColumn.create("kind"), IntColumn.create("tries"),
                IntColumn.create("HOLDS"), IntColumn.create("VIOLATED"), IntColumn.create("INCONCLUSIVE"),
                IntColumn.create("HYPOTHESIS_NOT_MET"), DoubleColumn.create("inconclusive_rate"),
                DoubleColumn.create("rate"), DoubleColumn.create("wilson_low"), DoubleColumn.create("wilson_high"),
                StringColumn.create("threshold"), StringColumn.create("result"), StringColumn.create("sources"),
                StringColumn.create("metric"),
                DoubleColumn.create("metric_min"), DoubleColumn.create("metric_median"),
                DoubleColumn.create("metric_max"), LongColumn.create("slowest_ms"), DoubleColumn.create("tries_per_s"),
                StringColumn.create("seed"), StringColumn.create("score"), DoubleColumn.create("best_random_score"),
                DoubleColumn.create("best_targeted_score"), IntColumn.create("targeted_tries"),
                IntColumn.create("examples"));
        Table tries = runs.tries();
        for (Claim c : Claim.values()) {
            Table rows = tries.where(tries.stringColumn("claim").isEqualTo(c.id()));
            java.util.List<JsonNode> metas = runs.metas(c.id());
            JsonNode meta = metas.isEmpty() ? null : metas.get(0);
            int[] counts = new int[Verdict.values().length];
            for (String v : rows.stringColumn("verdict")) {
                counts[Verdict.valueOf(v).ordinal()]++;
            }
            int n = rows.rowCount();
            int holds = 0;
            int decided = 0;
            int randomMet = 0;
            int randomInconclusive = 0;
            for (int r = 0; r < n; r++) {
                String v = rows.stringColumn("verdict").get(r);
                // rates come from the random tries only: targeted tries are drawn towards violation
                boolean random = rows.stringColumn("phase").get(r).equals("try");
                randomMet += random && !v.equals("HYPOTHESIS_NOT_MET") ? 1 : 0;
                randomInconclusive += random && v.equals("INCONCLUSIVE") ? 1 : 0;
                if (random && c.rated(Flow.valueOf(rows.stringColumn("flow").get(r)))
                        && (v.equals("HOLDS") || v.equals("VIOLATED"))) {
                    decided++;
                    holds += v.equals("HOLDS") ? 1 : 0;
                }
            }
            double[] ci = Rates.wilson(holds, decided);
            DoubleColumn metric = rows.doubleColumn("metric").where(rows.doubleColumn("metric").isNotMissing());
            t.stringColumn("claim").append(c.id());
            t.stringColumn("kind").append(c.kind().name());
            t.intColumn("tries").append(n);
            for (Verdict v : Verdict.values()) {
                t.intColumn(v.name()).append(counts[v.ordinal()]);
            }
            t.doubleColumn("inconclusive_rate").append(randomMet == 0 ? Double.NaN
                    : (double) randomInconclusive / randomMet);
            boolean empirical = c.kind() == ClaimKind.EMPIRICAL;
            t.doubleColumn("rate").append(empirical && decided > 0 ? (double) holds / decided : Double.NaN);
            t.doubleColumn("wilson_low").append(empirical && decided > 0 ? ci[0] : Double.NaN);
            t.doubleColumn("wilson_high").append(empirical && decided > 0 ? ci[1] : Double.NaN);
            t.stringColumn("threshold").append(threshold(c, meta));
            boolean allPassed = metas.stream().allMatch(x -> x.path("passed").asBoolean());
            t.stringColumn("result").append(metas.isEmpty() ? "not run" : allPassed ? "PASS" : "FAIL");
            t.stringColumn("sources").append(String.join("+", metas.stream().map(x -> x.path("source")
                    .asText("synthetic")).sorted().toList()));
            t.stringColumn("metric").append(rows.stringColumn("metric_name").asList().stream()
                    .filter(name -> !name.isEmpty()).findFirst().orElse(""));
            t.doubleColumn("metric_min").append(metric.isEmpty() ? Double.NaN : metric.min());
            t.doubleColumn("metric_median").append(metric.isEmpty() ? Double.NaN : metric.median());
            t.doubleColumn("metric_max").append(metric.isEmpty() ? Double.NaN : metric.max());
            t.longColumn("slowest_ms").append(rows.isEmpty() ? 0L : (long) rows.longColumn("wall_ms").max());
            double seconds = rows.isEmpty() ? 0 : rows.longColumn("wall_ms").sum() / 1000.0;
            t.doubleColumn("tries_per_s").append(seconds > 0 ? n / seconds : Double.NaN);
            t.stringColumn("seed").append(String.join("+", metas.stream().map(x -> x.path("seed").asText())
                    .distinct().toList()));
            t.stringColumn("score").append(c.score().name());
            t.doubleColumn("best_random_score").append(best(metas, "bestRandomScore"));
            t.doubleColumn("best_targeted_score").append(best(metas, "bestTargetedScore"));
            t.intColumn("targeted_tries").append(metas.stream().mapToInt(x -> x.path("targetedTries").asInt()).sum());
            t.intColumn("examples").append(metas.stream().mapToInt(x -> x.path("examples").asInt()).sum());
        }
        return t;
    }

    /** @return the largest finite value of a numeric meta field over a claim's runs (NaN if none) */
    private static double best(java.util.List<JsonNode> metas, String field) {
        double b = Double.NaN;
        for (JsonNode m : metas) {
            double v = m.path(field).isNumber() ? m.path(field).asDouble() : Double.NaN;
            if (Double.isFinite(v)) {
                b = Double.isNaN(b) ? v : Math.max(b, v);
            }
        }
        return b;
    }

    /**
     * The summary as shown to readers: short headers, the rate and its interval in one cell,
     * the key metric's median with its name.
     */
    static Table display(Table claims) {
        Table t = Table.create("claims", StringColumn.create("claim"), StringColumn.create("kind"),
                IntColumn.create("tries"), IntColumn.create("holds"), IntColumn.create("violated"),
                IntColumn.create("inconcl."), IntColumn.create("hyp. not met"), StringColumn.create("rate [95 % CI]"),
                StringColumn.create("threshold"), StringColumn.create("result"), StringColumn.create("sources"),
                StringColumn.create("key metric: median"), StringColumn.create("best score: random / targeted"),
                LongColumn.create("slowest ms"), DoubleColumn.create("tries/s"));
        for (int r = 0; r < claims.rowCount(); r++) {
            t.stringColumn("claim").append(claims.stringColumn("claim").get(r));
            t.stringColumn("kind").append(claims.stringColumn("kind").get(r));
            t.intColumn("tries").append(claims.intColumn("tries").get(r));
            t.intColumn("holds").append(claims.intColumn("HOLDS").get(r));
            t.intColumn("violated").append(claims.intColumn("VIOLATED").get(r));
            t.intColumn("inconcl.").append(claims.intColumn("INCONCLUSIVE").get(r));
            t.intColumn("hyp. not met").append(claims.intColumn("HYPOTHESIS_NOT_MET").get(r));
            double rate = claims.doubleColumn("rate").getDouble(r);
            t.stringColumn("rate [95 % CI]").append(Double.isNaN(rate) ? "" : String.format(Locale.ROOT,
                    "%.3f [%.3f, %.3f]", rate, claims.doubleColumn("wilson_low").getDouble(r),
                    claims.doubleColumn("wilson_high").getDouble(r)));
            t.stringColumn("threshold").append(claims.stringColumn("threshold").get(r));
            t.stringColumn("result").append(claims.stringColumn("result").get(r));
            t.stringColumn("sources").append(claims.stringColumn("sources").get(r));
            double med = claims.doubleColumn("metric_median").getDouble(r);
            t.stringColumn("key metric: median").append(Double.isNaN(med) ? "" : String.format(Locale.ROOT, "%s: %.3g",
                    claims.stringColumn("metric").get(r), med));
            double br = claims.doubleColumn("best_random_score").getDouble(r);
            double bt = claims.doubleColumn("best_targeted_score").getDouble(r);
            t.stringColumn("best score: random / targeted").append(Double.isNaN(br) && Double.isNaN(bt) ? ""
                    : String.format(Locale.ROOT, "%s / %s (%s)", fmt(br), fmt(bt),
                    claims.stringColumn("score").get(r).toLowerCase(Locale.ROOT).replace('_', ' ')));
            t.longColumn("slowest ms").append(claims.longColumn("slowest_ms").get(r));
            t.doubleColumn("tries/s").append(claims.doubleColumn("tries_per_s").getDouble(r));
        }
        return t;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String threshold(Claim c, JsonNode meta) {
        String inconclusive = meta == null ? "" : String.format(Locale.ROOT, "INCONCLUSIVE ≤ %.0f %%",
                100 * meta.path("inconclusiveMax").asDouble());
        return switch (c.kind()) {
            case THEOREM -> "no VIOLATED; " + inconclusive;
            case FINDING -> "a witness exists";
            case EMPIRICAL -> c == Claim.E1 ? "no clear VIOLATED; " + inconclusive
                    : c == Claim.E3 ? "measured (rate of the contrast)"
                    : c == Claim.E4 ? "measured (rate of isolated limits)"
                    : c == Claim.E5 ? "GD: a metric always; SG/EMA: measured" : "GD: 100 % collapse; SG/EMA: measured";
        };
    }

    /**
     * Why tries were INCONCLUSIVE: one row per claim, one column per {@link Cause} that occurs,
     * counted from the raw rows' {@code cause} column (never from the reason's text).
     */
    static Table inconclusiveCauses(Table tries) {
        Table inc = tries.where(tries.stringColumn("verdict").isEqualTo("INCONCLUSIVE"));
        java.util.List<Cause> seen = new java.util.ArrayList<>();
        for (Cause cause : Cause.values()) {
            if (cause.verdict() == Verdict.INCONCLUSIVE && inc.stringColumn("cause").contains(cause.name())) {
                seen.add(cause);
            }
        }
        Table t = Table.create("inconclusive causes", StringColumn.create("claim"));
        for (Cause cause : seen) {
            t.addColumns(IntColumn.create(cause.label()));
        }
        for (Claim claim : Claim.values()) {
            Table rows = inc.where(inc.stringColumn("claim").isEqualTo(claim.id()));
            if (rows.isEmpty()) {
                continue;
            }
            t.stringColumn("claim").append(claim.id());
            for (Cause cause : seen) {
                t.intColumn(cause.label()).append(rows.where(rows.stringColumn("cause").isEqualTo(cause.name()))
                        .rowCount());
            }
        }
        return t;
    }

    /**
     * The kill matrix of the mutation check: one row per theorem, one column per dynamics
     * (the exact one first), each cell the VIOLATED cases out of the cases tried ("·" for none),
     * the number of mutants the theorem kills, and for a theorem that kills none the reason it
     * can only refute the theory ({@link Claim#onlyRefutesTheory()}).
     *
     * @param raw the rows of {@code mutations.csv}: dynamics, claim, cases, violated, first_violation
     */
    static Table killMatrix(Table raw) {
        java.util.List<String> dynamics = raw.stringColumn("dynamics").unique().asList();
        java.util.List<String> ordered = new java.util.ArrayList<>();
        for (String d : raw.stringColumn("dynamics")) {
            if (!ordered.contains(d) && dynamics.contains(d)) {
                ordered.add(d);
            }
        }
        java.util.List<String> claims = new java.util.ArrayList<>();
        for (String c : raw.stringColumn("claim")) {
            if (!claims.contains(c)) {
                claims.add(c);
            }
        }
        Table t = Table.create("kill matrix", StringColumn.create("claim"));
        for (String d : ordered) {
            t.addColumns(StringColumn.create(d));
        }
        t.addColumns(IntColumn.create("mutants killed"), StringColumn.create("note"));
        for (String c : claims) {
            t.stringColumn("claim").append(c);
            int killed = 0;
            for (String d : ordered) {
                String cell = "·";
                for (int r = 0; r < raw.rowCount(); r++) {
                    if (raw.stringColumn("dynamics").get(r).equals(d) && raw.stringColumn("claim").get(r).equals(c)) {
                        int v = raw.intColumn("violated").getInt(r);
                        cell = v == 0 ? "·" : v + "/" + raw.intColumn("cases").getInt(r);
                        killed += v > 0 && !d.equals("EXACT") ? 1 : 0;
                    }
                }
                t.stringColumn(d).append(cell);
            }
            t.intColumn("mutants killed").append(killed);
            String note = "";
            if (killed == 0) {
                String why = Claim.byId(c).onlyRefutesTheory();
                note = why.isEmpty() ? "kills no mutant, and no reason is recorded" : why;
            }
            t.stringColumn("note").append(note);
        }
        return t;
    }

    /** Verdict counts by one or more key columns, over all claims. */
    static Table countsBy(Table tries, String name, String... keys) {
        Table t = Table.create(name);
        for (String k : keys) {
            t.addColumns(tries.column(k).emptyCopy());
        }
        t.addColumns(IntColumn.create("tries"));
        for (Verdict v : Verdict.values()) {
            t.addColumns(IntColumn.create(v.name()));
        }
        t.addColumns(DoubleColumn.create("median_ms"));
        for (Table group : groups(tries, keys)) {
            for (String k : keys) {
                t.column(k).appendObj(group.column(k).get(0));
            }
            t.intColumn("tries").append(group.rowCount());
            for (Verdict v : Verdict.values()) {
                t.intColumn(v.name()).append(group.stringColumn("verdict").isEqualTo(v.name()).size());
            }
            t.doubleColumn("median_ms").append(group.longColumn("wall_ms").asDoubleColumn().median());
        }
        return t;
    }

    /** @return the rows of {@code t} split into groups of equal keys, in key order */
    static java.util.List<Table> groups(Table t, String... keys) {
        Table sorted = t.sortOn(keys);
        java.util.List<Table> out = new java.util.ArrayList<>();
        int start = 0;
        while (start < sorted.rowCount()) {
            int end = start;
            while (end < sorted.rowCount() && sameKey(sorted, start, end, keys)) {
                end++;
            }
            out.add(sorted.inRange(start, end));
            start = end;
        }
        return out;
    }

    private static boolean sameKey(Table t, int a, int b, String[] keys) {
        for (String k : keys) {
            if (!t.column(k).getString(a).equals(t.column(k).getString(b))) {
                return false;
            }
        }
        return true;
    }

    /**
     * [E2] collapse labels by flow and one more key ({@code init_scale}, {@code tau} or
     * {@code lambda}): complete / dimensional / none counts (from the final rank, the metric, against
     * m: rank 0, 0 &lt; rank &lt; m, rank m) and the complete-collapse rate with its Wilson interval
     * (INCONCLUSIVE tries excluded).
     */
    static Table collapseRates(Table tries, String key) {
        Table e2 = tries.where(tries.stringColumn("claim").isEqualTo(Claim.E2.id())
                .and(tries.stringColumn("verdict").isIn("HOLDS", "VIOLATED"))
                .and(tries.stringColumn("phase").isEqualTo("try")));
        Table t = Table.create("E2 by flow and " + key, StringColumn.create("flow"), StringColumn.create(key),
                IntColumn.create("decided"), IntColumn.create("complete"), IntColumn.create("dimensional"),
                IntColumn.create("none"), DoubleColumn.create("complete_rate"), DoubleColumn.create("wilson_low"),
                DoubleColumn.create("wilson_high"));
        for (Table g : groups(e2, "flow", key)) {
            int complete = 0;
            int dimensional = 0;
            int none = 0;
            for (int r = 0; r < g.rowCount(); r++) {
                double rank = g.doubleColumn("metric").getDouble(r);
                int m = g.intColumn("m").getInt(r);
                if (rank == 0) {
                    complete++;
                } else if (rank < m) {
                    dimensional++;
                } else {
                    none++;
                }
            }
            int decided = g.rowCount();
            double[] ci = Rates.wilson(complete, decided);
            t.stringColumn("flow").append(g.stringColumn("flow").get(0));
            t.stringColumn(key).append(g.column(key).getString(0));
            t.intColumn("decided").append(decided);
            t.intColumn("complete").append(complete);
            t.intColumn("dimensional").append(dimensional);
            t.intColumn("none").append(none);
            t.doubleColumn("complete_rate").append((double) complete / decided);
            t.doubleColumn("wilson_low").append(ci[0]);
            t.doubleColumn("wilson_high").append(ci[1]);
        }
        return t;
    }
}
