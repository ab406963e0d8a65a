package org.sgema.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.RandomConfigurations;
import org.sgema.numerics.DenseKernels;

/**
 * The field's FLOP rate next to NumPy's on the same products, and the bytes it allocates per
 * call: {@code scripts/sgema bench --field-flops [--shapes 8x2,64x16,256x32] [--flows SG,EMA]
 * [--seconds 1]}. FLOPs per evaluation as NumPy's script counts them:
 * <pre>  SG, EMA: 4 m n² + 6 m² n</pre>
 * The project's time is the best of 3 timed rounds after a 2-second warm-up (C2-compiled), one
 * thread; the allocation is the thread's allocated-bytes counter across the timed rounds divided
 * by the calls. NumPy's comes from {@code src/bench/python/field_flops.py}, run afterwards in
 * its own process (so the two never share the cores), when {@code python3} with numpy is there.
 * Writes {@code reports/bench/field-flops.csv}.
 */
public final class FieldFlops {
    private FieldFlops() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String shapes = "8x2,64x16,256x32";
        String flows = "SG,EMA";
        double seconds = 1.0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--shapes" -> shapes = value(args, ++i);
                case "--flows" -> flows = value(args, ++i);
                case "--seconds" -> seconds = Double.parseDouble(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (expected --shapes, --flows, --seconds)");
            }
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        List<String[]> rows = new ArrayList<>();
        System.out.printf(Locale.ROOT, "kernels: %s; %s%n", DenseKernels.best().name(), machine());
        for (String shape : shapes.split(",")) {
            int n = Integer.parseInt(shape.split("x")[0]);
            int m = Integer.parseInt(shape.split("x")[1]);
            for (String flowName : flows.split(",")) {
                Flow flow = Flow.valueOf(flowName);
                Random rnd = new Random(1);
                org.sgema.model.Configuration c = RandomConfigurations.asymmetric(
                        RandomConfigurations.logSpaced(2 * n, 2.0, 10.0), m, rnd);
                double[] theta = RandomConfigurations.fanInState(m, n, flow.hasTarget(), 1.0, rnd).toArray();
                double[] one = time(flow.field(c), theta, seconds, threads, thread);
                // the same field with its large products split between two threads (bit-identical results)
                double[] two = time(flow.field(c, DenseKernels.parallel()), theta, seconds, threads, thread);
                double flops = 4.0 * m * n * n + 6.0 * m * m * n;
                rows.add(new String[] {shape, flowName, fmt(one[0] * 1e6), fmt(flops / one[0] / 1e9), fmt(one[1]),
                        fmt(two[0] * 1e6), fmt(flops / two[0] / 1e9), fmt(two[1])});
            }
        }
        Map<String, JsonNode> numpy = numpy(shapes, flows, seconds, false);
        // NumPy again with one BLAS thread: the field runs on one core (the claims run tries on every core)
        Map<String, JsonNode> numpy1 = numpy.isEmpty() ? numpy : numpy(shapes, flows, seconds, true);
        List<String> csv = new ArrayList<>();
        csv.add("shape,flow,sgema_us,sgema_gflops,bytes_per_call,sgema_2threads_us,sgema_2threads_gflops,"
                + "bytes_per_call_2threads,numpy_us,numpy_gflops,ratio,numpy_1thread_gflops,ratio_1thread,"
                + "ratio_2threads,kernels,machine");
        System.out.printf(Locale.ROOT, "%-8s %-4s %11s %9s %7s %9s %7s %11s %9s %7s %9s %7s %9s%n", "n x m", "flow",
                "sgema µs", "GFLOP/s", "B/call", "2 thr.", "B/call", "NumPy µs", "GFLOP/s", "ratio", "1-thread", "ratio",
                "2 vs 2");
        for (String[] r : rows) {
            JsonNode np = numpy.get(r[0] + "/" + r[1]);
            JsonNode np1 = numpy1.get(r[0] + "/" + r[1]);
            String npUs = np == null ? "" : fmt(np.path("seconds").asDouble() * 1e6);
            String npRate = np == null ? "" : fmt(np.path("gflops").asDouble());
            String ratio = np == null ? "" : fmt(Double.parseDouble(r[3]) / np.path("gflops").asDouble());
            String np1Rate = np1 == null ? "" : fmt(np1.path("gflops").asDouble());
            String ratio1 = np1 == null ? "" : fmt(Double.parseDouble(r[3]) / np1.path("gflops").asDouble());
            String ratio2 = np == null ? "" : fmt(Double.parseDouble(r[6]) / np.path("gflops").asDouble());
            System.out.printf(Locale.ROOT, "%-8s %-4s %11s %9s %7s %9s %7s %11s %9s %7s %9s %7s %9s%n", r[0], r[1], r[2],
                    r[3], r[4], r[6], r[7], npUs, npRate, ratio, np1Rate, ratio1, ratio2);
            csv.add(String.join(",", r) + "," + npUs + "," + npRate + "," + ratio + "," + np1Rate + "," + ratio1
                    + "," + ratio2 + ",\"" + DenseKernels.best().name() + "\",\"" + machine() + "\"");
        }
        System.out.println("ratio = the project's FLOP rate / NumPy's (both count 4mn² + 6m²n per evaluation);"
                + " 1-thread: NumPy with OPENBLAS_NUM_THREADS = OMP_NUM_THREADS = MKL_NUM_THREADS = 1 against the"
                + " field on one core; 2 thr.: GFLOP/s of the field with its large products split between two"
                + " threads (DenseKernels.parallel(), bit-identical results), and 2 vs 2 its ratio to NumPy's"
                + " default BLAS threads");
        Path file = Path.of("reports", "bench", "field-flops.csv");
        Files.createDirectories(file.getParent());
        Files.write(file, csv, StandardCharsets.UTF_8);
        System.out.println("wrote " + file);
    }

    /**
     * @return {best seconds per call over 3 timed rounds after a 2-second warm-up, bytes allocated per
     *     call by the calling thread}
     */
    private static double[] time(VectorField field, double[] theta, double seconds,
                                 com.sun.management.ThreadMXBean threads, long thread) {
        double[] out = new double[theta.length];
        long calls = run(field, theta, out, 2e9, 1);   // warm-up: about 2 s
        long reps = Math.max(1, (long) (calls * seconds / 3 / 2));
        double best = Double.POSITIVE_INFINITY;
        long allocated = threads.getThreadAllocatedBytes(thread);
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            run(field, theta, out, 0, reps);
            best = Math.min(best, (System.nanoTime() - t0) * 1e-9 / reps);
        }
        return new double[] {best, (threads.getThreadAllocatedBytes(thread) - allocated) / (3.0 * reps)};
    }

    /** Evaluates until {@code nanos} have passed (if positive) or {@code reps} times; @return the calls made */
    private static long run(VectorField field, double[] theta, double[] out, double nanos, long reps) {
        long calls = 0;
        long t0 = System.nanoTime();
        do {
            for (int i = 0; i < Math.max(1, reps); i++) {
                field.evaluate(theta, out);
            }
            calls += Math.max(1, reps);
        } while (nanos > 0 && System.nanoTime() - t0 < nanos);
        return calls;
    }

    private static Map<String, JsonNode> numpy(String shapes, String flows, double seconds, boolean oneThread)
            throws IOException, InterruptedException {
        Map<String, JsonNode> out = new HashMap<>();
        Path script = Path.of("src", "bench", "python", "field_flops.py");
        ProcessBuilder pb = new ProcessBuilder("python3", script.toString(), "--shapes", shapes, "--flows", flows,
                "--seconds", Double.toString(seconds)).redirectErrorStream(true);
        if (oneThread) {
            for (String v : new String[] {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"}) {
                pb.environment().put(v, "1");
            }
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            System.out.println("NumPy: not measured (no python3: " + e.getMessage() + ")");
            return out;
        }
        ObjectMapper json = new ObjectMapper();
        StringBuilder other = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("{")) {
                    JsonNode node = json.readTree(line);
                    out.put(node.path("n").asInt() + "x" + node.path("m").asInt() + "/" + node.path("flow").asText(),
                            node);
                    if (out.size() == 1 && !oneThread) {
                        System.out.println("NumPy " + node.path("numpy").asText() + ", BLAS threads "
                                + node.path("threads").asText());
                    }
                } else {
                    other.append(line).append('\n');
                }
            }
        }
        if (p.waitFor() != 0) {
            System.out.println("NumPy: not measured (" + script + " failed; it needs numpy):\n" + other);
        }
        return out;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, Math.abs(x) >= 100 ? "%.1f" : "%.3g", x);
    }

    private static String machine() {
        return String.format(Locale.ROOT, "%s %s, %d cores, Java %s", System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }
}
