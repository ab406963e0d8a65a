package org.sgema.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
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
import org.sgema.numerics.DenseKernels;
import org.sgema.numerics.LuFactorization;
import org.sgema.numerics.Matrices;

/**
 * One solve with a held LU factorization (2N² FLOPs), as the stiff method's frozen preconditioner
 * applies it once per GMRES iteration: EJML's own solve against the substitutions of
 * {@link LuFactorization} on the same factors, in the same run. N = 300, and 1215 (the EMA state
 * at (n, m) = (33, 15)) and 1500 (the largest N the stiff method factors).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LuSolveBenchmark {
    @Param({"300", "1215", "1500"})
    public int order;

    private LinearSolverDense<DMatrixRMaj> ejml;
    private LuFactorization substitutions;
    private DMatrixRMaj b;
    private DMatrixRMaj x;
    private double[] y;

    @Setup
    public void setUp() {
        Random rnd = new Random(1);
        DMatrixRMaj a = Matrices.gaussian(order, order, 1.0, rnd);
        ejml = LinearSolverFactory_DDRM.lu(order);
        ejml.setA(a.copy());
        substitutions = new LuFactorization(order, DenseKernels.best());
        substitutions.factor(a);
        b = Matrices.gaussian(order, 1, 1.0, rnd);
        x = new DMatrixRMaj(order, 1);
        y = new double[order];
    }

    @Benchmark
    public DMatrixRMaj ejmlSolve() {
        ejml.solve(b, x);
        return x;
    }

    @Benchmark
    public double[] substitutionSolve() {
        substitutions.solve(b.data, y);
        return y;
    }
}
