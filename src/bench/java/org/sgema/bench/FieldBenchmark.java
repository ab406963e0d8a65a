package org.sgema.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.RandomConfigurations;

/**
 * Vector-field evaluation {@code F(θ)} of GD, SG and EMA: time per call and (with
 * {@code -prof gc}) bytes allocated per call, which must be ~0. FLOPs per call:
 * <pre>SG, EMA: 4mn² + 6m²n     GD: 8mn² + 6m²n</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FieldBenchmark {
    @Param({"8x2", "64x16", "256x32"})
    public String shape;

    @Param({"GD", "SG", "EMA"})
    public String flow;

    private VectorField field;
    private double[] theta;
    private double[] out;

    @Setup
    public void setUp() {
        int n = Integer.parseInt(shape.split("x")[0]);
        int m = Integer.parseInt(shape.split("x")[1]);
        Random rnd = new Random(1);
        Flow f = Flow.valueOf(flow);
        field = f.field(RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(2 * n, 2.0, 10.0), m, rnd));
        theta = RandomConfigurations.fanInState(m, n, f.hasTarget(), 1.0, rnd).toArray();
        out = new double[theta.length];
    }

    @Benchmark
    public double[] evaluate() {
        field.evaluate(theta, out);
        return out;
    }
}
