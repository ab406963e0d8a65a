package org.sgema.flows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;
import org.sgema.model.RandomConfigurations;
import org.sgema.testing.FiniteDifferences;

/**
 * The contract of the {@link VectorField} role, which every implementation's test subclasses
 * (as Hipparchus and EJML test each role): the analytic Jacobian agrees with central differences,
 * evaluation allocates nothing, {@code copy()} has its own workspaces, wrong lengths are
 * rejected. The checks are static so that a test can show them failing on a broken field.
 */
public abstract class VectorFieldContract {

    /** @return the fields under test, built for configuration {@code c} */
    protected abstract List<VectorField> fields(Configuration c);

    /** Configurations of several shapes, asymmetric and symmetric views, λ, α, τ ≠ 0. */
    static List<Configuration> configurations() {
        Random rnd = new Random(11);
        return List.of(
                RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(2, 3.0, 50.0), 1, rnd)
                        .withLambda(0.3).withAlpha(1.7).withTau(0.8),
                RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(10, 3.0, 50.0), 2, rnd)
                        .withLambda(0.1).withAlpha(0.6).withTau(2.0),
                RandomConfigurations.symmetric(RandomConfigurations.logSpaced(4, 2.0, 10.0),
                        RandomConfigurations.logSpaced(4, 0.5, 5.0), 3, rnd).withTau(0.3));
    }

    /** @return every flow's exact field and every {@link Mutation} of it, on {@code c} */
    static List<MomentField> exactAndMutantFields(Configuration c) {
        List<MomentField> out = new java.util.ArrayList<>();
        for (Flow f : Flow.values()) {
            out.add(f.field(c));
            for (Mutation mu : Mutation.values()) {
                out.add(mu.field(f, c));
            }
        }
        return out;
    }

    static double[] point(VectorField f, Random rnd) {
        var c = f.configuration();
        return RandomConfigurations.gaussianState(c.m(), c.n(), f.flow().hasTarget(), 1.0, rnd).toArray();
    }

    /** @return the largest relative error of the analytic Jacobian against central differences over 5 points */
    public static double jacobianError(VectorField f) {
        Random rnd = new Random(5);
        double worst = 0;
        for (int k = 0; k < 5; k++) {
            double[] theta = point(f, rnd);
            worst = Math.max(worst, FiniteDifferences.relativeError(f.jacobian(theta),
                    FiniteDifferences.jacobian(f, theta)));
        }
        return worst;
    }

    /** @return bytes allocated by 10,000 calls each of evaluate and jacobianTimes, after warm-up */
    public static long bytesAllocated(VectorField f) {
        double[] theta = point(f, new Random(3));
        double[] out = new double[f.dimension()];
        double[] v = theta.clone();
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        for (int i = 0; i < 20_000; i++) {
            f.evaluate(theta, out);
            f.jacobianTimes(theta, v, out);
        }
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            f.evaluate(theta, out);
            f.jacobianTimes(theta, v, out);
        }
        return bean.getThreadAllocatedBytes(tid) - before;
    }

    @Test
    void theAnalyticJacobianMatchesCentralDifferences() {
        for (Configuration c : configurations()) {
            for (VectorField f : fields(c)) {
                double err = jacobianError(f);
                assertTrue(err < 1e-7, () -> f + " (" + f.flow() + "): Jacobian error " + err);
            }
        }
    }

    @Test
    void evaluationAllocatesNothing() {
        for (VectorField f : fields(configurations().get(1))) {
            long bytes = bytesAllocated(f);
            assertTrue(bytes < 10_000, () -> f + " allocated " + bytes + " bytes in 20,000 calls");
        }
    }

    @Test
    void aCopyHasItsOwnWorkspaces() {
        Random rnd = new Random(9);
        for (VectorField f : fields(configurations().get(2))) {
            VectorField g = f.copy();
            double[] x = point(f, rnd);
            double[] y = point(f, rnd);
            double[] fx = f.evaluate(x);
            double[] gy = g.evaluate(y);
            // interleaved use must not disturb either
            double[] out1 = new double[f.dimension()];
            double[] out2 = new double[f.dimension()];
            f.evaluate(x, out1);
            g.evaluate(y, out2);
            f.jacobianTimes(x, y, new double[f.dimension()]);
            assertArrayEquals(fx, out1, 0.0);
            assertArrayEquals(gy, out2, 0.0);
            assertArrayEquals(f.evaluate(y), gy, 0.0, "a copy is the same field");
        }
    }

    @Test
    void wrongLengthsAreRejected() {
        for (VectorField f : fields(configurations().get(0))) {
            double[] good = new double[f.dimension()];
            double[] bad = new double[f.dimension() + 1];
            assertThrows(InvalidInputException.class, () -> f.evaluate(bad, good));
            assertThrows(InvalidInputException.class, () -> f.evaluate(good, bad));
            assertThrows(InvalidInputException.class, () -> f.jacobianTimes(good, bad, good));
        }
    }
}
