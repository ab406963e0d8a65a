package org.sgema.sweeps;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sgema.flows.Flow;
import org.sgema.io.AtomicFiles;

/**
 * A sweep from spec to files: the tries in a fixed order (cell, flow, replicate), run by an
 * executor, summarized per cell and flow, written as
 * <pre>
 *   DIR/cells.csv        one row per cell × flow (no timing: identical for any executor)
 *   DIR/tries.csv        one row per try (with its wall time)
 *   DIR/heatmap-FLOW-X-Y.svg   one per flow and pair of grid axes (X-only strips for one axis)
 *   DIR/sweep.json       the spec, the executor, the wall time and the counts
 * </pre>
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * The outcome of a sweep.
     *
     * @param spec the spec
     * @param results one per try, in order
     * @param cells one per cell and flow, in order
     * @param executor where it ran
     * @param wallMillis wall time of the execution
     */
    public record Result(SweepSpec spec, List<TryResult> results, List<CellSummary> cells, String executor,
                         long wallMillis) {
    }

    /** @return every try of the spec, in order: cell, then flow, then replicate */
    public static List<SweepTry> tries(SweepSpec spec) {
        List<SweepTry> out = new ArrayList<>();
        for (int cell = 0; cell < spec.cells(); cell++) {
            for (Flow f : spec.flows()) {
                for (int k = 0; k < spec.tries(); k++) {
                    out.add(new SweepTry(out.size(), cell, f, k));
                }
            }
        }
        return out;
    }

    /** Runs every try on the executor, logging progress about every 10 s to {@code log} (may be null). */
    public static Result run(SweepSpec spec, SweepExecutor executor, PrintStream log) {
        List<SweepTry> tries = tries(spec);
        if (log != null) {
            log.printf(Locale.ROOT, "[sweep] %d cells × %d flows × %d tries = %d runs on %s%n", spec.cells(),
                    spec.flows().size(), spec.tries(), tries.size(), executor.describe());
        }
        long start = System.nanoTime();
        long[] last = {start};
        List<TryResult> results = executor.execute(spec, tries, done -> {
            long now = System.nanoTime();
            if (log != null && now - last[0] > 10_000_000_000L) {
                synchronized (last) {
                    if (now - last[0] > 10_000_000_000L) {
                        last[0] = now;
                        log.printf(Locale.ROOT, "[sweep] %d of %d runs done (%.0f s)%n", done, tries.size(),
                                (now - start) / 1e9);
                    }
                }
            }
        });
        long millis = (System.nanoTime() - start) / 1_000_000L;
        if (results.size() != tries.size()) {
            throw new IllegalStateException("the executor returned " + results.size() + " results for " + tries.size()
                    + " tries");
        }
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).index() != i) {
                throw new IllegalStateException("the executor returned the results out of order at " + i);
            }
        }
        if (log != null) {
            log.printf(Locale.ROOT, "[sweep] %d runs in %.1f s on %s%n", tries.size(), millis / 1e3,
                    executor.describe());
        }
        return new Result(spec, results, summarize(spec, results), executor.describe(), millis);
    }

    /** @return one summary per cell and flow, in order */
    public static List<CellSummary> summarize(SweepSpec spec, List<TryResult> results) {
        List<CellSummary> out = new ArrayList<>();
        int per = spec.tries();
        int i = 0;
        for (int cell = 0; cell < spec.cells(); cell++) {
            for (Flow f : spec.flows()) {
                out.add(CellSummary.of(cell, spec.cellValues(cell), f, results.subList(i, i + per)));
                i += per;
            }
        }
        return out;
    }

    /** @return the text of {@code cells.csv} */
    public static String cellsCsv(Result r) {
        StringBuilder b = new StringBuilder("flow");
        for (String a : r.spec().axes()) {
            b.append(',').append(a);
        }
        b.append(',').append(String.join(",", CellSummary.COLUMNS)).append('\n');
        for (CellSummary s : r.cells()) {
            b.append(s.flow().name().toLowerCase(Locale.ROOT));
            for (double v : s.values()) {
                b.append(',').append(CellSummary.num(v));
            }
            b.append(',').append(s.csvTail()).append('\n');
        }
        return b.toString();
    }

    /** @return the text of {@code tries.csv} */
    public static String triesCsv(Result r) {
        StringBuilder b = new StringBuilder("index,cell,flow,replicate");
        for (String a : r.spec().axes()) {
            b.append(',').append(a);
        }
        b.append(",collapse,rank,reason,t_final,evaluations,wall_ms\n");
        for (TryResult t : r.results()) {
            b.append(t.index()).append(',').append(t.cell()).append(',')
                    .append(t.flow().name().toLowerCase(Locale.ROOT)).append(',').append(t.replicate());
            for (double v : r.spec().cellValues(t.cell())) {
                b.append(',').append(CellSummary.num(v));
            }
            b.append(',').append(t.collapse().name().toLowerCase(Locale.ROOT)).append(',').append(t.rank())
                    .append(',').append(t.reason()).append(',').append(CellSummary.num(t.finalTime())).append(',')
                    .append(t.evaluations()).append(',').append(t.wallMillis()).append('\n');
        }
        return b.toString();
    }

    /** @return heatmap file name → SVG, one per flow and pair of axes (or per axis if there is one) */
    public static java.util.Map<String, String> heatmaps(Result r) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        List<String> axes = r.spec().axes();
        for (Flow f : r.spec().flows()) {
            String flow = f.name().toLowerCase(Locale.ROOT);
            if (axes.size() == 1) {
                out.put("heatmap-" + flow + "-" + axes.get(0) + ".svg", Heatmap.svg(r.spec(), r.cells(), f,
                        axes.get(0), null));
            }
            for (int i = 0; i < axes.size(); i++) {
                for (int j = i + 1; j < axes.size(); j++) {
                    out.put("heatmap-" + flow + "-" + axes.get(i) + "-" + axes.get(j) + ".svg",
                            Heatmap.svg(r.spec(), r.cells(), f, axes.get(i), axes.get(j)));
                }
            }
        }
        return out;
    }

    /** Writes every output file into {@code dir}. */
    public static void write(Result r, Path dir) {
        AtomicFiles.write(dir.resolve("cells.csv"), cellsCsv(r));
        AtomicFiles.write(dir.resolve("tries.csv"), triesCsv(r));
        for (var e : heatmaps(r).entrySet()) {
            AtomicFiles.write(dir.resolve(e.getKey()), e.getValue());
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode o = json.createObjectNode();
        ObjectNode spec = o.putObject("spec");
        ArrayNode flows = spec.putArray("flows");
        r.spec().flows().forEach(f -> flows.add(f.name().toLowerCase(Locale.ROOT)));
        spec.put("n", r.spec().n());
        spec.put("m", r.spec().m());
        if (r.spec().digits() != null) {
            spec.put("data", "digits");
            spec.put("pipeline", r.spec().digits().name().toLowerCase(Locale.ROOT));
        } else {
            spec.put("views", r.spec().views().name().toLowerCase(Locale.ROOT));
        }
        spec.put("tries", r.spec().tries());
        spec.put("seed", r.spec().seed());
        ObjectNode grid = spec.putObject("grid");
        r.spec().grid().forEach((k, vs) -> vs.forEach(grid.withArray(k)::add));
        spec.put("horizon", r.spec().horizon());
        spec.put("rtol", r.spec().rtol());
        spec.put("atol", r.spec().atol());
        spec.put("tol", r.spec().tol());
        spec.put("maxEvaluations", r.spec().maxEvaluations());
        o.put("executor", r.executor());
        o.put("runs", r.results().size());
        o.put("wallMillis", r.wallMillis());
        long undecided = r.results().stream().filter(t -> t.collapse() == Collapse.UNDECIDED).count();
        o.put("undecided", undecided);
        AtomicFiles.write(dir.resolve("sweep.json"), o.toPrettyString() + "\n");
    }
}
