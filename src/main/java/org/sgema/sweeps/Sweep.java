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
        return run(spec, executor, log, 0, 1);
    }

    /**
     * Runs shard i of k: the tries whose index is i modulo k (k = 1: all). A shard's result has
     * no cells; {@link #writeShard} stores it and {@link #merge} joins the shards.
     */
    public static Result run(SweepSpec spec, SweepExecutor executor, PrintStream log, int shard, int shards) {
        if (shards < 1 || shard < 0 || shard >= shards) {
            throw new org.sgema.model.InvalidInputException("--shard", "expected i/k with 0 ≤ i < k, got " + shard
                    + "/" + shards);
        }
        List<SweepTry> tries = tries(spec).stream().filter(t -> t.index() % shards == shard).toList();
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
            if (results.get(i).index() != tries.get(i).index()) {
                throw new IllegalStateException("the executor returned the results out of order at " + i);
            }
        }
        if (log != null) {
            log.printf(Locale.ROOT, "[sweep] %d runs in %.1f s on %s%n", tries.size(), millis / 1e3,
                    executor.describe());
        }
        return new Result(spec, results, shards == 1 ? summarize(spec, results) : List.of(), executor.describe(),
                millis);
    }

    /** Writes a shard's tries and metadata: {@code tries-shard-I-of-K.csv}, {@code sweep-shard-I-of-K.json}. */
    public static void writeShard(Result r, Path dir, int shard, int shards) {
        String tag = "shard-" + shard + "-of-" + shards;
        AtomicFiles.write(dir.resolve("tries-" + tag + ".csv"), triesCsv(r));
        AtomicFiles.write(dir.resolve("sweep-" + tag + ".json"), meta(r).toPrettyString() + "\n");
    }

    /**
     * Joins the shards in {@code dir} once all k of them are there: reads their tries, checks
     * that every try is present once and that the specs agree, and writes the whole sweep's files.
     *
     * @return the merged result, or null if no complete set of shards is there
     */
    public static Result merge(Path dir) {
        java.util.Map<Integer, List<Path>> byCount = new java.util.TreeMap<>();
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path f : files.toList()) {
                var m = java.util.regex.Pattern.compile("sweep-shard-(\\d+)-of-(\\d+)\\.json")
                        .matcher(f.getFileName().toString());
                if (m.matches()) {
                    byCount.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new ArrayList<>()).add(f);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir, e);
        }
        for (var e : byCount.entrySet()) {
            int k = e.getKey();
            if (e.getValue().size() != k) {
                continue;
            }
            ObjectMapper json = new ObjectMapper();
            SweepSpec spec = null;
            List<TryResult> all = new ArrayList<>();
            long millis = 0;
            for (int i = 0; i < k; i++) {
                Path meta = dir.resolve("sweep-shard-" + i + "-of-" + k + ".json");
                if (!java.nio.file.Files.exists(meta)) {
                    return null;
                }
                com.fasterxml.jackson.databind.JsonNode o = org.sgema.io.JsonFiles.read(meta);
                SweepSpec si = SweepSpec.parse(o.get("spec"));
                if (spec != null && !spec.equals(si)) {
                    throw new org.sgema.model.InvalidInputException(meta.toString(), "its spec differs from shard 0's");
                }
                spec = si;
                millis += o.path("wallMillis").asLong();
                all.addAll(readTries(dir.resolve("tries-shard-" + i + "-of-" + k + ".csv"), spec));
            }
            all.sort(java.util.Comparator.comparingInt(TryResult::index));
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).index() != i) {
                    throw new org.sgema.model.InvalidInputException(dir.toString(), "the shards lack try " + i
                            + " or repeat it");
                }
            }
            if (all.size() != tries(spec).size()) {
                throw new org.sgema.model.InvalidInputException(dir.toString(), "the shards hold " + all.size()
                        + " tries, the spec has " + tries(spec).size());
            }
            Result r = new Result(spec, all, summarize(spec, all), "merged from " + k + " shards", millis);
            write(r, dir);
            return r;
        }
        return null;
    }

    /** @return the tries of a {@code tries.csv} written by {@link #triesCsv} */
    static List<TryResult> readTries(Path file, SweepSpec spec) {
        List<TryResult> out = new ArrayList<>();
        int axes = spec.axes().size();
        try {
            List<String> lines = java.nio.file.Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",", -1);
                int at = 4 + axes;
                out.add(new TryResult(Integer.parseInt(c[0]), Integer.parseInt(c[1]),
                        Flow.valueOf(c[2].toUpperCase(Locale.ROOT)), Integer.parseInt(c[3]),
                        Collapse.valueOf(c[at].toUpperCase(Locale.ROOT)), Integer.parseInt(c[at + 1]), c[at + 2],
                        c[at + 3].isEmpty() ? Double.NaN : Double.parseDouble(c[at + 3]), Long.parseLong(c[at + 4]),
                        Long.parseLong(c[at + 5])));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new org.sgema.model.InvalidInputException(file.toString(), "is not a shard's tries.csv: " + e);
        }
        return out;
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

    /** @return sweep.json's object: the spec (readable by {@link SweepSpec#parse}), executor, counts, wall time */
    static ObjectNode meta(Result r) {
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
        return o;
    }

    /** Writes every output file into {@code dir}. */
    public static void write(Result r, Path dir) {
        AtomicFiles.write(dir.resolve("cells.csv"), cellsCsv(r));
        AtomicFiles.write(dir.resolve("tries.csv"), triesCsv(r));
        for (var e : heatmaps(r).entrySet()) {
            AtomicFiles.write(dir.resolve(e.getKey()), e.getValue());
        }
        AtomicFiles.write(dir.resolve("sweep.json"), meta(r).toPrettyString() + "\n");
    }
}
