package org.sgema.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sgema.model.Configuration;
import org.sgema.model.Objective;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;
import org.sgema.testing.FiniteDifferences;

/** Analytic Jacobians and gradients against central finite differences, on random points. */
class FlowJacobianTest {

    static Configuration asymmetric(Random rnd, int n, int m) {
        double[] joint = RandomConfigurations.logSpaced(2 * n, 3.0, 50.0);
        return RandomConfigurations.asymmetric(joint, m, rnd).withLambda(0.3).withAlpha(1.7).withTau(0.8);
    }

    /**
     * The field's own assembly of J (θ's products once, not once per column) is the column-by-column
     * assembly from {@code J e_c} to the bit, also right after an evaluation at another point, whose
     * workspaces it shares; n up to 24. Mutant: the assembly without
     * loading θ first (it reads the other point's A, B and R).
     */
    @ParameterizedTest
    @EnumSource(Flow.class)
    void theAssembledJacobianIsTheProductOnUnitVectorsToTheBit(Flow flow) {
        Random rnd = new Random(12);
        for (int trial = 0; trial < 12; trial++) {
            int n = 1 + rnd.nextInt(24);
            int m = 1 + rnd.nextInt(Math.min(n, 6));
            Configuration c = asymmetric(rnd, n, m);
            VectorField f = flow.field(c);
            double[] theta = RandomConfigurations.gaussianState(m, n, flow.hasTarget(), 1.0, rnd).toArray();
            double[] other = RandomConfigurations.gaussianState(m, n, flow.hasTarget(), 1.0, rnd).toArray();
            DMatrixRMaj byColumns = VectorField.columns(f.dimension(), (v, out) -> f.jacobianTimes(theta, v, out));
            f.evaluate(other);
            DMatrixRMaj j = f.jacobian(theta);
            org.junit.jupiter.api.Assertions.assertArrayEquals(byColumns.data, j.data, 0.0,
                    flow + " at n=" + n + ", m=" + m);
        }
    }

    @ParameterizedTest
    @EnumSource(Flow.class)
    void analyticJacobianMatchesCentralDifferences(Flow flow) {
        Random rnd = new Random(11);
        double worst = 0;
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rnd.nextInt(6);
            int m = 1 + rnd.nextInt(n);
            Configuration c = trial % 2 == 0 ? asymmetric(rnd, n, m)
                    : RandomConfigurations.symmetric(RandomConfigurations.logSpaced(n, 2.0, 10.0),
                            RandomConfigurations.logSpaced(n, 0.5, 5.0), m, rnd);
            VectorField f = flow.field(c);
            double[] theta = RandomConfigurations.gaussianState(m, n, flow.hasTarget(), 1.0, rnd).toArray();
            double err = FiniteDifferences.relativeError(f.jacobian(theta), FiniteDifferences.jacobian(f, theta));
            worst = Math.max(worst, err);
            assertTrue(err < 1e-7, () -> flow + " Jacobian error " + err + " at n=" + n + ", m=" + m);
        }
        System.out.printf("[foundation] %s: max relative error analytic vs FD Jacobian = %.3g%n", flow, worst);
    }

    @Test
    void gradientFlowIsMinusMetricGradientOfRegularizedObjective() {
        // GD field = −diag(α I, I) ∇Eλ, with ∇Eλ by central differences of Eλ itself.
        Random rnd = new Random(5);
        for (int trial = 0; trial < 10; trial++) {
            int n = 2 + rnd.nextInt(5);
            int m = 1 + rnd.nextInt(n);
            Configuration c = asymmetric(rnd, n, m);
            State s = RandomConfigurations.gaussianState(m, n, false, 1.0, rnd);
            double[] grad = FiniteDifferences.gradient(
                    th -> Objective.eLambda(c, State.fromArray(m, n, false, th)), s.toArray());
            double[] field = Flow.GD.field(c).evaluate(s);
            double scale = 1;
            for (double g : grad) {
                scale = Math.max(scale, Math.abs(g));
            }
            for (int i = 0; i < grad.length; i++) {
                double metric = i < m * m ? c.alpha() : 1.0;
                assertEquals(-metric * grad[i], field[i], 1e-6 * scale, "component " + i);
            }
        }
    }

    @Test
    void objectiveGradientsMatchCentralDifferences() {
        Random rnd = new Random(8);
        Configuration c = asymmetric(rnd, 5, 3);
        State s = RandomConfigurations.gaussianState(3, 5, false, 1.0, rnd);
        double[] fd = FiniteDifferences.gradient(th -> Objective.e0(c, State.fromArray(3, 5, false, th)), s.toArray());
        DMatrixRMaj ga = Objective.gradientPredictor(c, s);
        DMatrixRMaj gb = Objective.gradientEncoder(c, s);
        for (int i = 0; i < 9; i++) {
            assertEquals(fd[i], ga.data[i], 1e-6 * (1 + Math.abs(fd[i])));
        }
        for (int i = 0; i < 15; i++) {
            assertEquals(fd[9 + i], gb.data[i], 1e-6 * (1 + Math.abs(fd[9 + i])));
        }
    }
}
