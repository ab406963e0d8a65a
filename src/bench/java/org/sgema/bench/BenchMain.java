package org.sgema.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
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
 * <pre>  BenchMain [--quick] [REGEX]</pre>
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        boolean quick = false;
        String include = "org.sgema.bench.*Benchmark";
        for (String a : args) {
            if (a.equals("--quick")) {
                quick = true;
            } else {
                include = a;
            }
        }
        Path dir = Path.of("reports", "bench");
        Files.createDirectories(dir);
        ChainedOptionsBuilder opts = new OptionsBuilder().include(include).addProfiler(GCProfiler.class)
                .resultFormat(ResultFormatType.JSON).result(dir.resolve("jmh.json").toString());
        if (quick) {
            opts = opts.warmupIterations(1).measurementIterations(2).forks(1);
        }
        Collection<RunResult> results = new Runner(opts.build()).run();
        writeCsv(results, dir.resolve("bench.csv"));
    }

    private static long flops(String flow, int n, int m) {
        long base = 4L * m * n * n + 6L * m * m * n;
        return flow.equals("GD") ? base + 4L * m * n * n : base;
    }

    private static void writeCsv(Collection<RunResult> results, Path file) throws IOException {
        Map<String, Double> multNs = new HashMap<>();
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("EjmlMultBenchmark.mult")) {
                multNs.put(r.getParams().getParam("shape"), r.getPrimaryResult().getScore());
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add("benchmark,params,score,error,unit,alloc_bytes_per_op,flop_ratio_vs_ejml_mult,machine");
        String machine = String.format(Locale.ROOT, "%s %s, %d cores, Java %s", System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        for (RunResult r : results) {
            var p = r.getParams();
            String name = p.getBenchmark().replace("org.sgema.bench.", "");
            StringBuilder params = new StringBuilder();
            for (String k : p.getParamsKeys()) {
                params.append(params.length() == 0 ? "" : " ").append(k).append('=').append(p.getParam(k));
            }
            var alloc = r.getSecondaryResults().get("·gc.alloc.rate.norm");
            String ratio = "";
            if (name.startsWith("FieldBenchmark") && multNs.containsKey(p.getParam("shape"))) {
                String[] nm = p.getParam("shape").split("x");
                int n = Integer.parseInt(nm[0]);
                int m = Integer.parseInt(nm[1]);
                double fieldRate = flops(p.getParam("flow"), n, m) / r.getPrimaryResult().getScore();
                double multRate = 2.0 * m * n * n / multNs.get(p.getParam("shape"));
                ratio = String.format(Locale.ROOT, "%.3f", fieldRate / multRate);
            }
            rows.add(String.format(Locale.ROOT, "%s,%s,%.6g,%.3g,%s,%s,%s,\"%s\"", name, params, r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError(), r.getPrimaryResult().getScoreUnit(),
                    alloc == null ? "" : String.format(Locale.ROOT, "%.3g", alloc.getScore()), ratio, machine));
        }
        Files.write(file, rows, StandardCharsets.UTF_8);
        rows.forEach(System.out::println);
    }
}
