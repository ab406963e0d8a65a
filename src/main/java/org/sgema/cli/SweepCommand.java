package org.sgema.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sgema.io.JsonFiles;
import org.sgema.config.RunProfile;
import org.sgema.model.InvalidInputException;
import org.sgema.sweeps.LocalExecutor;
import org.sgema.sweeps.Sweep;
import org.sgema.sweeps.SweepExecutor;
import org.sgema.sweeps.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sgema sweep}: a phase diagram over a grid of hyper-parameters, on this machine's cores
 * or on Apache Spark ({@code --master}); the same cells for the same spec either way.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Sweep a grid of hyper-parameters; write cells.csv, tries.csv, heatmaps and sweep.json.")
final class SweepCommand implements Callable<Integer> {
    /** The class of the Spark executor (compiled by the Maven profile spark). */
    static final String SPARK_EXECUTOR = "org.sgema.sweeps.spark.SparkExecutor";

    @Parameters(index = "0", paramLabel = "SPEC.json", description = "the sweep spec (see the README)")
    Path spec;

    @Option(names = "--out", description = "output folder (default reports/sweeps/NAME, NAME the spec's file name)")
    Path out;

    @Option(names = "--threads", description = "threads of the embedded run (default: every core)")
    Integer threads;

    @Option(names = "--master", description = "run on Apache Spark: local[N], spark://host:port, or 'spark-submit' "
            + "(the master spark-submit was given)")
    String master;

    @Option(names = "--shard", description = "run only shard i of k (i/k, tries whose index is i mod k); "
            + "scripts/sgema report merges the shards of a folder once all k are there")
    String shard;

    @Override
    public Integer call() {
        SweepSpec s = SweepSpec.read(spec);
        int[] sh = shard == null ? new int[] {0, 1} : parseShard(shard);
        if (threads != null && master != null) {
            throw new InvalidInputException("--threads", "is for the embedded run; with --master, Spark decides");
        }
        SweepExecutor executor = master == null
                ? new LocalExecutor(threads == null ? Runtime.getRuntime().availableProcessors() : threads)
                : spark(master);
        Path dir = out != null ? out : RunProfile.root().resolve("reports").resolve("sweeps")
                .resolve(spec.getFileName().toString().replaceFirst("\\.json$", ""));
        Sweep.Result r = Sweep.run(s, executor, System.err, sh[0], sh[1]);
        if (sh[1] == 1) {
            Sweep.write(r, dir);
        } else {
            Sweep.writeShard(r, dir, sh[0], sh[1]);
            if (Sweep.merge(dir) != null) {
                System.err.println("[sweep] every shard is in " + dir + ": merged into cells.csv and the heatmaps");
            }
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("out", dir.toString());
        if (sh[1] > 1) {
            o.put("shard", sh[0] + "/" + sh[1]);
        }
        o.put("executor", r.executor());
        o.put("cells", s.cells());
        o.put("runs", r.results().size());
        o.put("undecided", r.results().stream().filter(t -> t.collapse() == org.sgema.sweeps.Collapse.UNDECIDED)
                .count());
        o.put("wallMillis", r.wallMillis());
        System.out.println(JsonFiles.compact(o));
        return 0;
    }

    static int[] parseShard(String text) {
        String[] p = text.trim().split("/");
        try {
            if (p.length == 2) {
                int i = Integer.parseInt(p[0].trim());
                int k = Integer.parseInt(p[1].trim());
                if (k >= 1 && i >= 0 && i < k) {
                    return new int[] {i, k};
                }
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidInputException("--shard", "expected i/k with 0 ≤ i < k, e.g. 0/4, got '" + text + "'");
    }

    static SweepExecutor spark(String master) {
        if (master.isBlank()) {
            throw new InvalidInputException("--master", "expected local[N], spark://host:port or spark-submit");
        }
        try {
            Class.forName("org.apache.spark.SparkConf");
            Class<?> c = Class.forName(SPARK_EXECUTOR);
            return (SweepExecutor) c.getConstructor(String.class).newInstance(master);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new InvalidInputException("--master", String.format(Locale.ROOT, "Apache Spark is not on the class "
                    + "path: run through scripts/sgema (it builds the Maven profile spark when --master is given) or "
                    + "spark-submit target/sgema-spark.jar"));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start the Spark executor: " + e, e);
        }
    }
}
