package org.sgema.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
import org.sgema.numerics.Matrices;

/**
 * The practical limit: EJML's own dense multiply {@code (m×n)·(n×n)} (2mn² FLOPs), the
 * dominant product of a field evaluation, on the same shapes in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EjmlMultBenchmark {
    @Param({"8x2", "64x16", "256x32"})
    public String shape;

    private DMatrixRMaj a;
    private DMatrixRMaj b;
    private DMatrixRMaj c;

    @Setup
    public void setUp() {
        int n = Integer.parseInt(shape.split("x")[0]);
        int m = Integer.parseInt(shape.split("x")[1]);
        Random rnd = new Random(1);
        a = Matrices.gaussian(m, n, 1, rnd);
        b = Matrices.gaussian(n, n, 1, rnd);
        c = new DMatrixRMaj(m, n);
    }

    @Benchmark
    public DMatrixRMaj mult() {
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }
}
