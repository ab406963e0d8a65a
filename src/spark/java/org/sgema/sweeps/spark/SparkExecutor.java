package org.sgema.sweeps.spark;

import java.util.List;
import java.util.function.IntConsumer;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.sgema.sweeps.SweepExecutor;
import org.sgema.sweeps.SweepRunner;
import org.sgema.sweeps.SweepSpec;
import org.sgema.sweeps.SweepTry;
import org.sgema.sweeps.TryResult;

/**
 * Runs a sweep on Apache Spark: one task per try ({@link SweepRunner#run}, a pure function of
 * the serializable spec and try), results collected in the tries' order (an RDD keeps its
 * partitions' order), so the cells equal the embedded run's.
 *
 * <p>Master: {@code local[N]}, {@code spark://host:port}, or {@code spark-submit} to take the
 * master spark-submit was given.</p>
 */
public final class SparkExecutor implements SweepExecutor {
    private final String master;

    /** @param master the Spark master URL, or {@code spark-submit} */
    public SparkExecutor(String master) {
        this.master = master;
    }

    @Override
    public List<TryResult> execute(SweepSpec spec, List<SweepTry> tries, IntConsumer progress) {
        SparkConf conf = new SparkConf().setAppName("sgema sweep").set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (!master.equals("spark-submit")) {
            conf.setMaster(master);
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            List<TryResult> out = sc.parallelize(tries, tries.size()).map(t -> SweepRunner.run(spec, t)).collect();
            progress.accept(out.size());
            return out;
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("SparkContext has been shutdown")) {
                // the standalone client gave up on the master (it retries for about a minute)
                throw new org.sgema.model.InvalidInputException("--master", "Spark master " + master
                        + " did not take the job (is it running and reachable from here?)");
            }
            throw e;
        }
    }

    @Override
    public String describe() {
        return "Apache Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", master " + master;
    }
}
