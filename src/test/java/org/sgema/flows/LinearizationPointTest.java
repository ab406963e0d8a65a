package org.sgema.flows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;

/**
 * J(θ)·v at a fixed linearization point equals the product computed from scratch, for every flow
 * and mutant, even when the field is evaluated elsewhere in between (its workspaces are shared).
 */
class LinearizationPointTest {
    @Test
    void productsAtTheLinearizationPointMatchTheDirectOnes() {
        Configuration c = new ConfigurationSpec(5, 2, ConfigurationSpec.Views.ASYMMETRIC,
                ConfigurationSpec.Spectra.WELL, 0.1, 1.3, 0.7, 4).toConfiguration();
        Random r = new Random(3);
        for (Flow flow : Flow.values()) {
            for (Mutation mutation : new Mutation[] {null, Mutation.CXY_TRANSPOSED, Mutation.ALPHA_IN_ENCODER_EQUATION,
                    Mutation.PREDICTOR_TRANSPOSED_IN_RESIDUAL}) {
                VectorField f = new LinearSslField(c, flow, mutation);
                double[] theta = gaussian(f.dimension(), r);
                double[] other = gaussian(f.dimension(), r);
                double[] v = gaussian(f.dimension(), r);
                assertTrue(f.linearizeAt(theta));
                f.evaluate(other);
                double[] cached = new double[f.dimension()];
                f.jacobianTimesAtLinearization(v, cached);
                double[] direct = new double[f.dimension()];
                f.jacobianTimes(theta, v, direct);
                assertArrayEquals(direct, cached, 1e-13, flow + " " + mutation);
            }
        }
        VectorField fresh = Flow.SG.field(c);
        assertThrows(IllegalStateException.class,
                () -> fresh.jacobianTimesAtLinearization(new double[fresh.dimension()], new double[fresh.dimension()]));
    }

    private static double[] gaussian(int n, Random r) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
        }
        return x;
    }
}
