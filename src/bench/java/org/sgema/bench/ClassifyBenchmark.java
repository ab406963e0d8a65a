package org.sgema.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.sgema.equilibria.EquilibriumVariety;
import org.sgema.flows.Flow;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.State;
import org.sgema.stability.Linearization;
import org.sgema.numerics.Spectrum;
import org.sgema.stability.Stability;
import org.sgema.stability.StabilityClassifier;

/**
 * Equilibrium classification at n = 64, m = 16 (SG, λ = 0, R = 0): the full Jacobian
 * (N = m² + mn = 1280: assembly, SVD and eigenvalues) against the reduced matrix L of [T6]
 * (mn = 1024: eigenvalues only; the m² zeros are known).
 */
@org.openjdk.jmh.annotations.State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class ClassifyBenchmark {
    private Configuration config;
    private State point;

    @Setup
    public void setUp() {
        config = new ConfigurationSpec(64, 16, ConfigurationSpec.Views.SYMMETRIC, ConfigurationSpec.Spectra.WELL,
                0, 1, 1, 5).toConfiguration();
        point = EquilibriumVariety.randomPoint(config, new Random(3));
    }

    @Benchmark
    public Stability fullJacobian() {
        return new StabilityClassifier().classify(Flow.SG.field(config), point);
    }

    @Benchmark
    public Spectrum reducedMatrix() {
        return Spectrum.of(Linearization.reduced(config, point));
    }
}
