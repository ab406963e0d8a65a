package org.sgema.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.profile.GCProfiler;

/**
 * Runs the benchmarks and writes {@code reports/bench/jmh.json} (JMH's own) and
 * {@code reports/bench/bench.csv}: per benchmark and parameters the score, its error, the
 * bytes allocated per operation (GC profiler) and, for field evaluations, the FLOP rate as a
 * ratio of EJML's dense multiply on the same shape in the same run.
 * <pre>  BenchMain [--quick] [--from-json] [REGEX]
 *  BenchMain --stiff-steps [n,m ...]     cost per stiff step against N (see StiffStepCost)
 *  BenchMain --field-flops [--shapes 8x2,64x16,256x32] [--flows SG,EMA] [--seconds 1]
 *                                        the field's FLOP rate next to NumPy's (see FieldFlops)</pre>
 * {@code --from-json} only rewrites the CSV from the last {@code jmh.json}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        if (args.length > 0 && args[0].equals("--field-flops")) {
            FieldFlops.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("--stiff-steps")) {
            StiffStepCost.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        boolean quick = false;
        boolean fromJson = false;
        String include = "org.sgema.bench.*Benchmark";
        for (String a : args) {
            if (a.equals("--quick")) {
                quick = true;
            } else if (a.equals("--from-json")) {
                fromJson = true;
            } else {
                include = a;
            }
        }
        Path dir = Path.of("reports", "bench");
        Files.createDirectories(dir);
        Path json = dir.resolve("jmh.json");
        if (!fromJson) {
            ChainedOptionsBuilder opts = new OptionsBuilder().include(include).addProfiler(GCProfiler.class)
                    .resultFormat(ResultFormatType.JSON).result(json.toString());
            if (quick) {
                opts = opts.warmupIterations(1).measurementIterations(2).forks(1);
            }
            new Runner(opts.build()).run();
        }
        writeCsv(new ObjectMapper().readTree(json.toFile()), dir.resolve("bench.csv"));
    }

    private static long flops(String flow, int n, int m) {
        long base = 4L * m * n * n + 6L * m * m * n;
        return flow.equals("GD") ? base + 4L * m * n * n : base;
    }

    /** Writes the CSV from JMH's JSON result file (so it can be regenerated with --from-json). */
    private static void writeCsv(JsonNode results, Path file) throws IOException {
        Map<String, Double> multNs = new HashMap<>();
        for (JsonNode r : results) {
            if (r.path("benchmark").asText().endsWith("EjmlMultBenchmark.mult")) {
                multNs.put(r.path("params").path("shape").asText(), r.path("primaryMetric").path("score").asDouble());
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add("benchmark,params,score,error,unit,alloc_bytes_per_op,flop_ratio_vs_ejml_mult,machine");
        String machine = String.format(Locale.ROOT, "%s %s, %d cores, Java %s", System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        for (JsonNode r : results) {
            String name = r.path("benchmark").asText().replace("org.sgema.bench.", "");
            JsonNode p = r.path("params");
            StringBuilder params = new StringBuilder();
            for (var it = p.fieldNames(); it.hasNext();) {
                String k = it.next();
                params.append(params.length() == 0 ? "" : " ").append(k).append('=').append(p.path(k).asText());
            }
            JsonNode primary = r.path("primaryMetric");
            double score = primary.path("score").asDouble();
            JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
            String ratio = "";
            if (name.startsWith("FieldBenchmark") && multNs.containsKey(p.path("shape").asText())) {
                String[] nm = p.path("shape").asText().split("x");
                int n = Integer.parseInt(nm[0]);
                int m = Integer.parseInt(nm[1]);
                double fieldRate = flops(p.path("flow").asText(), n, m) / score;
                double multRate = 2.0 * m * n * n / multNs.get(p.path("shape").asText());
                ratio = String.format(Locale.ROOT, "%.3f", fieldRate / multRate);
            }
            double error = primary.path("scoreError").asDouble(Double.NaN);
            rows.add(String.format(Locale.ROOT, "%s,%s,%.6g,%s,%s,%s,%s,\"%s\"", name, params, score,
                    Double.isFinite(error) ? String.format(Locale.ROOT, "%.3g", error) : "",
                    primary.path("scoreUnit").asText(),
                    alloc.isMissingNode() ? "" : String.format(Locale.ROOT, "%.3g", alloc.path("score").asDouble()),
                    ratio, machine));
        }
        Files.write(file, rows, StandardCharsets.UTF_8);
        rows.forEach(System.out::println);
    }
}
