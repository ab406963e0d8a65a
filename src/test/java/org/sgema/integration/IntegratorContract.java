package org.sgema.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;
import org.sgema.model.State;

/**
 * The contract of the integrator role, which every integrator's test subclasses: the same fixed
 * linear test problems {@code θ̇ = Mθ} with known solutions {@code θ(t) = e^{Mt}θ₀}, a stiff
 * one among them, must be followed to the tolerance at every recorded point and end CONVERGED
 * with {@code ‖F‖ ≤ tol(1 + ‖θ‖)} (up to the event locator's accuracy); an integrator that does
 * not handle stiff problems must still be right at every point it records, and say that it
 * stopped (no CONVERGED it did not reach); a state that does not fit is rejected up front.
 */
public abstract class IntegratorContract {

    /** @return the integrator under test with these settings */
    protected abstract FlowIntegrator integrator(IntegrationSettings settings);

    /** @return whether the integrator is meant for stiff problems (then it must converge on them) */
    protected abstract boolean handlesStiffProblems();

    /** A linear field on the state of (n, m) = (2, 1), GD-shaped: θ = (a, b₁, b₂). */
    static final class Linear implements VectorField {
        private final DMatrixRMaj m;
        private final Configuration c = Configuration.views(CommonOps_DDRM.identity(2), CommonOps_DDRM.identity(2),
                CommonOps_DDRM.identity(2), 1);

        Linear(double[][] m) {
            this.m = new DMatrixRMaj(m);
        }

        @Override
        public Flow flow() {
            return Flow.GD;
        }

        @Override
        public Configuration configuration() {
            return c;
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public void evaluate(double[] theta, double[] out) {
            jacobianTimes(theta, theta, out);
        }

        @Override
        public void jacobianTimes(double[] theta, double[] v, double[] out) {
            for (int i = 0; i < 3; i++) {
                out[i] = m.get(i, 0) * v[0] + m.get(i, 1) * v[1] + m.get(i, 2) * v[2];
            }
        }

        @Override
        public VectorField copy() {
            return this;
        }
    }

    /** Diagonal rates −1, −2, −0.5: {@code θ_i(t) = e^{λ_i t} θ_i(0)}. */
    static double[] diagonal(double t, double[] x0) {
        return new double[] {Math.exp(-t) * x0[0], Math.exp(-2 * t) * x0[1], Math.exp(-0.5 * t) * x0[2]};
    }

    /** A Jordan block with transient growth, {@code [[−1, 5, 0], [0, −1, 0], [0, 0, −3]]}: {@code e^{Mt} = e^{−t}[[1, 5t],[0, 1]] ⊕ e^{−3t}}. */
    static double[] jordan(double t, double[] x0) {
        return new double[] {Math.exp(-t) * (x0[0] + 5 * t * x0[1]), Math.exp(-t) * x0[1], Math.exp(-3 * t) * x0[2]};
    }

    /** Stiff: rates −1000, −1, −0.01. */
    static double[] stiff(double t, double[] x0) {
        return new double[] {Math.exp(-1000 * t) * x0[0], Math.exp(-t) * x0[1], Math.exp(-0.01 * t) * x0[2]};
    }

    private void followsTheKnownSolution(Linear f, java.util.function.BiFunction<Double, double[], double[]> exact,
                                         double horizon, boolean mustConverge) {
        double[] x0 = {0.7, -1.3, 0.4};
        IntegrationSettings s = IntegrationSettings.defaults().withHorizon(horizon).withConvergenceTolerance(1e-9)
                .withMaxEvaluations(2_000_000);
        Trajectory t = integrator(s).integrate(f, State.fromArray(1, 2, false, x0));
        if (!mustConverge && t.outcome() != Outcome.CONVERGED) {
            assertTrue(t.outcome() == Outcome.INTEGRATOR_FAILED || t.outcome() == Outcome.HORIZON_REACHED,
                    t::toString);
        } else {
            assertEquals(Outcome.CONVERGED, t.outcome(), t::toString);
        }
        double worst = 0;
        for (int i = 0; i < t.size(); i++) {
            double[] want = exact.apply(t.time(i), x0);
            double[] got = t.state(i).toArray();
            for (int k = 0; k < 3; k++) {
                worst = Math.max(worst, Math.abs(got[k] - want[k]));
            }
        }
        assertTrue(worst < 1e-7, "largest deviation from e^{Mt}θ₀: " + worst);
        if (t.outcome() == Outcome.CONVERGED) {
            // the event is located to 1e-6 in t, so ‖F‖ may exceed the threshold by a hair
            double[] end = t.finalState().toArray();
            double fNorm = org.sgema.numerics.Matrices.norm(f.evaluate(end));
            assertTrue(fNorm <= 1e-9 * (1 + org.sgema.numerics.Matrices.norm(end)) * (1 + 1e-3), "‖F‖ = " + fNorm);
        }
    }

    @Test
    void followsADiagonalDecay() {
        followsTheKnownSolution(new Linear(new double[][] {{-1, 0, 0}, {0, -2, 0}, {0, 0, -0.5}}),
                IntegratorContract::diagonal, 1e3, true);
    }

    @Test
    void followsAJordanBlockThroughItsTransientGrowth() {
        followsTheKnownSolution(new Linear(new double[][] {{-1, 5, 0}, {0, -1, 0}, {0, 0, -3}}),
                IntegratorContract::jordan, 1e3, true);
    }

    @Test
    void followsAStiffDecay() {
        followsTheKnownSolution(new Linear(new double[][] {{-1000, 0, 0}, {0, -1, 0}, {0, 0, -0.01}}),
                IntegratorContract::stiff, 1e4, handlesStiffProblems());
    }

    @Test
    void aStateThatDoesNotFitIsRejected() {
        Linear f = new Linear(new double[][] {{-1, 0, 0}, {0, -1, 0}, {0, 0, -1}});
        FlowIntegrator i = integrator(IntegrationSettings.defaults());
        org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> i.integrate(f, State.fromArray(1, 2, true, new double[] {1, 2, 3, 4, 5})));
    }
}
