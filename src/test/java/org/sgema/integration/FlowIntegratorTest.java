package org.sgema.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;
import org.sgema.numerics.Matrices;
import org.sgema.model.Objective;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.SgInvariant;
import org.sgema.model.State;
import org.sgema.testing.FieldWrapper;

/** Integration outcomes, the [T4] invariant along SG and the [T3] Euler identity. */
class FlowIntegratorTest {
    static Configuration config(long seed, int n, int m) {
        Random rnd = new Random(seed);
        return RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(2 * n, 3.0, 30.0), m, rnd)
                .withAlpha(1.7);
    }

    @Test
    void sgInvariantIsConservedWithoutWeightDecayAndDecaysWithIt() {
        for (double lambda : new double[] {0.0, 0.15}) {
            Configuration c = config(31, 6, 3).withLambda(lambda);
            State s0 = RandomConfigurations.fanInState(3, 6, false, 1.0, new Random(1));
            Trajectory t = new FlowIntegrator(IntegrationSettings.defaults().withHorizon(50))
                    .integrate(Flow.SG.field(c), s0);
            double worst = 0;
            for (double d : t.invariantDrift()) {
                worst = Math.max(worst, d);
            }
            System.out.printf("[foundation] SG invariant drift (λ=%.2f, t≤%.1f, %d points): %.3g%n",
                    lambda, t.finalTime(), t.size(), worst);
            assertTrue(worst < 1e-8, "invariant drift " + worst);
        }
    }

    @Test
    void everyRecordedStateIsItsOwnArraySoTheRotationOutOfTheEigenbasisTouchesItOnce() {
        // the states recorded in the eigenbasis are rotated back in place: one array recorded twice
        // (e.g. the last state added again by closeOut) would be rotated twice, B Qᵀ Qᵀ
        Configuration c = RandomConfigurations.symmetric(RandomConfigurations.logSpaced(17, 2, 30),
                RandomConfigurations.logSpaced(17, 0.5, 5), 3, new Random(4));
        for (Flow flow : new Flow[] {Flow.SG, Flow.EMA}) {
            State s0 = RandomConfigurations.fanInState(3, 17, flow.hasTarget(), 0.5, new Random(6));
            // thinned (the last step added by closeOut) and not (every step recorded, the last one too)
            for (int kept : new int[] {2, 3, 4, 5, 6, 7, 4000}) {
                IntegrationSettings settings = IntegrationSettings.defaults().withHorizon(20 + kept % 100)
                        .withConvergenceTolerance(1e-30);
                settings = new IntegrationSettings(settings.relativeTolerance(), settings.absoluteTolerance(),
                        settings.horizon(), settings.convergenceTolerance(), settings.divergenceLimit(),
                        settings.maxEvaluations(), settings.wallClockMillis(), kept, settings.method(), true);
                Trajectory rotated = new FlowIntegrator(settings).integrate(flow.field(c), s0);
                Trajectory given = new FlowIntegrator(settings.withEigenbasis(false)).integrate(flow.field(c), s0);
                double[][] states = rotated.recordedStates();
                java.util.Set<double[]> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                distinct.addAll(java.util.Arrays.asList(states));
                assertEquals(states.length, distinct.size(), "one array per recorded point");
                assertTrue(rotated.size() > 2, "thinned, not empty");
                double[] first = rotated.state(0).toArray();
                assertTrue(Matrices.distance(first, s0.toArray()) <= 1e-14 * Matrices.norm(s0.toArray()),
                        "the initial state rotated in and out once");
                double[] end = rotated.finalState().toArray();
                double[] reference = given.finalState().toArray();
                assertEquals(given.finalTime(), rotated.finalTime());
                assertTrue(Matrices.distance(end, reference) <= 1e-7 * Matrices.norm(reference),
                        () -> flow + ": the last state deviates by " + Matrices.distance(end, reference));
            }
        }
    }

    @Test
    void gdDoesNotConserveTheSgInvariant() {
        // The control: the invariant check must be able to fail.
        Configuration c = config(31, 6, 3);
        State s0 = RandomConfigurations.fanInState(3, 6, false, 1.0, new Random(1));
        Trajectory t = new FlowIntegrator(IntegrationSettings.defaults().withHorizon(5)).integrate(Flow.GD.field(c), s0);
        double[] drift = t.invariantDrift();
        assertTrue(drift[drift.length - 1] > 1e-3, "GD drift " + drift[drift.length - 1]);
    }

    @Test
    void eulerIdentityOfTheObjective() {
        // E0(A, sB) = s² E0(A, B), hence ⟨B, ∇_B E0⟩ = 2 E0.
        Random rnd = new Random(32);
        for (int trial = 0; trial < 10; trial++) {
            Configuration c = config(100 + trial, 5, 2);
            State s = RandomConfigurations.gaussianState(2, 5, false, 1.0, rnd);
            double e0 = Objective.e0(c, s);
            double inner = org.ejml.dense.row.CommonOps_DDRM.elementSum(org.ejml.dense.row.CommonOps_DDRM
                    .elementMult(s.encoder(), Objective.gradientEncoder(c, s), null));
            assertEquals(2 * e0, inner, 1e-10 * (1 + Math.abs(e0)));
        }
    }

    @Test
    void everyOutcomeIsReachable() {
        Configuration c = config(33, 4, 2);
        State s0 = RandomConfigurations.fanInState(2, 4, false, 1.0, new Random(2));
        FlowIntegrator base = new FlowIntegrator();
        assertEquals(Outcome.CONVERGED, base.integrate(Flow.GD.field(c), s0).outcome());
        assertEquals(Outcome.HORIZON_REACHED,
                base.withSettings(IntegrationSettings.defaults().withHorizon(0.01)).integrate(Flow.SG.field(c), s0).outcome());
        assertEquals(Outcome.INTEGRATOR_FAILED,
                base.withSettings(IntegrationSettings.defaults().withMaxEvaluations(20)).integrate(Flow.SG.field(c), s0).outcome());
        Trajectory diverged = base.withSettings(IntegrationSettings.defaults().withDivergenceLimit(1e3))
                .integrate(new Reversed(Flow.SG.field(c)), s0);
        assertEquals(Outcome.DIVERGED, diverged.outcome(), diverged::toString);
        Trajectory slow = base.withSettings(IntegrationSettings.defaults().withHorizon(1e12).withWallClockMillis(1)
                .withConvergenceTolerance(1e-300)).integrate(Flow.EMA.field(c.withTau(1e-3)), s0.withTargetEqualToEncoder());
        assertEquals(Outcome.TIMED_OUT, slow.outcome(), slow::toString);
    }

    @Test
    void gdCollapsesWithinTheT3Bound() {
        Configuration c = config(34, 5, 2).withLambda(0.05);
        State s0 = RandomConfigurations.fanInState(2, 5, false, 2.0, new Random(3));
        Trajectory t = new FlowIntegrator().integrate(Flow.GD.field(c), s0);
        double rate = c.sigma() + c.lambda();
        double[] nb = t.encoderNorms();
        for (int i = 0; i < t.size(); i++) {
            double bound = Math.exp(-rate * t.time(i)) * nb[0];
            if (nb[i] > 1e-9) {
                assertTrue(Math.log(nb[i]) <= Math.log(bound) + 1e-7, "t=" + t.time(i));
            }
        }
        assertTrue(Matrices.norm(t.finalState().encoder()) < 1e-6, t::toString);
    }

    /**
     * A deliberately wrong field: the SG field with its sign flipped (anti-gradient-like), and its
     * Jacobian left unflipped on purpose, so the Jacobian cross-check must catch it.
     */
    static final class Reversed extends FieldWrapper {
        Reversed(VectorField inner) {
            super(inner);
        }

        @Override
        public void evaluate(double[] theta, double[] out) {
            inner.evaluate(theta, out);
            for (int i = 0; i < out.length; i++) {
                out[i] = -out[i];
            }
        }

        @Override
        public VectorField copy() {
            return new Reversed(inner.copy());
        }
    }

    @Test
    void aSignFlippedFieldFailsTheJacobianCrossCheck() {
        // The mutant keeps the correct analytic Jacobian but flips F: finite differences see it.
        Configuration c = config(35, 4, 2);
        VectorField mutant = new Reversed(Flow.SG.field(c));
        double[] theta = RandomConfigurations.gaussianState(2, 4, false, 1.0, new Random(4)).toArray();
        double err = org.sgema.testing.FiniteDifferences.relativeError(mutant.jacobian(theta),
                org.sgema.testing.FiniteDifferences.jacobian(mutant, theta));
        assertTrue(err > 0.1, "mutant not detected, error " + err);
    }

    @Test
    void sgWithTheTargetBranchKeptBreaksTheInvariant() {
        // Mutant: "SG" that keeps GD's target-branch term, i.e. the GD field labelled SG.
        Configuration c = config(36, 5, 2);
        State s0 = RandomConfigurations.fanInState(2, 5, false, 1.0, new Random(5));
        Trajectory t = new FlowIntegrator(IntegrationSettings.defaults().withHorizon(3)).integrate(Flow.GD.field(c), s0);
        State end = t.finalState();
        double drift = SgInvariant.relativeDrift(c.alpha(), 0, s0, t.finalTime(), end, 0);
        assertTrue(drift > 1e-3, "mutant not detected by the invariant, drift " + drift);
    }
}
