package org.sgema.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.integration.Outcome;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.ConfigurationSpec.Spectra;
import org.sgema.model.ConfigurationSpec.Views;
import org.sgema.model.InvalidInputException;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;
import org.sgema.stability.Stability;
import org.sgema.stability.StabilityClassifier;

/** Discrete training: the momentum correspondence, the run's outcomes, the critical rate's closed forms. */
class DiscreteTrainingTest {

    private static Configuration config(double tau) {
        return new ConfigurationSpec(4, 2, Views.ASYMMETRIC, Spectra.WELL, 0.05, 1.7, tau, 3).toConfiguration();
    }

    @Test
    void aMomentumStepIsTheEulerStepWithTauOneMinusBetaOverEta() {
        double eta = 0.05;
        double beta = 0.99;
        double tau = TrainingStep.tau(eta, beta);
        assertEquals(0.2, tau, 1e-12, "τ = (1 − β)/η");
        assertEquals(beta, TrainingStep.momentum(eta, tau), 1e-15);
        VectorField f = Flow.EMA.field(config(tau));
        // a generic point: the target differs from the encoder
        State s = RandomConfigurations.gaussianState(2, 4, true, 1.0, new Random(1));
        double[] theta = s.toArray();
        double[] next = new double[theta.length];
        TrainingStep step = new TrainingStep(f, eta, TrainingRule.EULER);
        assertEquals(beta, step.momentum(), 1e-15);
        step.apply(theta, next);
        double[] fv = f.evaluate(theta);
        int offT = 4 + 8;
        for (int i = 0; i < theta.length; i++) {
            assertEquals(theta[i] + eta * fv[i], next[i], 1e-14, "component " + i);
        }
        // the target part by hand: B̄ ← βB̄ + (1 − β)B
        for (int i = 0; i < 8; i++) {
            assertEquals(beta * theta[offT + i] + (1 - beta) * theta[4 + i], next[offT + i], 1e-15);
        }
    }

    @Test
    void aWrongOrderOfUpdatesIsNotTheEulerStep() {
        VectorField f = Flow.EMA.field(config(0.2));
        double[] theta = RandomConfigurations.gaussianState(2, 4, true, 1.0, new Random(2)).toArray();
        double[] euler = new double[theta.length];
        double[] wrong = new double[theta.length];
        new TrainingStep(f, 0.05, TrainingRule.EULER).apply(theta, euler);
        new TrainingStep(f, 0.05, TrainingRule.TARGET_BEFORE_ONLINE).apply(theta, wrong);
        double gap = 0;
        for (int i = 0; i < theta.length; i++) {
            gap = Math.max(gap, Math.abs(euler[i] - wrong[i]));
        }
        assertTrue(gap > 1e-6, "the online step sees the new target: " + gap);
    }

    @Test
    void aMomentumOutsideZeroOneIsRefusedWithTheFieldNamed() {
        VectorField f = Flow.EMA.field(config(10));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new TrainingStep(f, 0.2, TrainingRule.EULER));
        assertTrue(e.getMessage().contains("learning rate") && e.getMessage().contains("β"), e.getMessage());
    }

    @Test
    void trainingEndsWithTheFlowsOutcomes() {
        Configuration c = config(1).withLambda(0);
        State star = org.sgema.equilibria.EquilibriumVariety.leadingPoint(c,
                org.sgema.equilibria.EquilibriumVariety.randomG(2, new Random(4)));
        VectorField f = Flow.SG.field(c);
        Stability st = new StabilityClassifier().classify(f, star);
        double etaStar = CriticalRate.predicted(st);
        State near = State.fromArray(2, 4, false, RandomConfigurations.perturbed(star.toArray(), 1e-3, new Random(5)));
        TrainingSettings base = TrainingSettings.defaults().withMaxSteps(200_000);
        Trajectory ok = new DiscreteTraining(base.withLearningRate(0.5 * etaStar)).train(f, near);
        assertEquals(Outcome.CONVERGED, ok.outcome(), ok.reason());
        assertTrue(org.sgema.numerics.Matrices.norm(f.evaluate(ok.finalState())) <= 1e-9 * 10, "a zero of F");
        Trajectory far = new DiscreteTraining(base.withLearningRate(50 * etaStar)).train(f, near);
        assertEquals(Outcome.DIVERGED, far.outcome(), far.reason());
        Trajectory short_ = new DiscreteTraining(base.withLearningRate(0.5 * etaStar).withMaxSteps(3)).train(f, near);
        assertEquals(Outcome.HORIZON_REACHED, short_.outcome());
        assertEquals(3 * 0.5 * etaStar, short_.finalTime(), 1e-15, "t = kη");
        Trajectory batch = new DiscreteTraining(base.withLearningRate(0.1 * etaStar).withMaxSteps(500).withBatch(64))
                .train(Flow.SG.field(c), near, new GaussianViews(c), 1);
        assertEquals(Outcome.HORIZON_REACHED, batch.outcome(), "a minibatch run never stops CONVERGED");
        Trajectory again = new DiscreteTraining(base.withLearningRate(0.1 * etaStar).withMaxSteps(500).withBatch(64))
                .train(Flow.SG.field(c), near, new GaussianViews(c), 1);
        assertEquals(batch.finalState(), again.finalState(), "the same seed gives the same run");
    }

    @Test
    void theCriticalRateHasItsClosedForms() {
        // J = diag(−1, −4, 0): η* = min(2/1, 2/4) = 0.5 ; a pair −1 ± 2i: 2·1/5 = 0.4
        Stability real = new StabilityClassifier().classify(diag(-1, -4, 0), 0);
        assertEquals(0.5, CriticalRate.predicted(real), 1e-12);
        assertEquals(1.0, CriticalRate.growthPerStep(real, 0.5), 1e-12, "|1 − 4·0.5| = 1 at η*");
        DMatrixRMaj pair = new DMatrixRMaj(new double[][] {{-1, 2, 0}, {-2, -1, 0}, {0, 0, -3}});
        Stability complex = new StabilityClassifier().classify(pair, 0);
        assertEquals(Math.min(0.4, 2.0 / 3), CriticalRate.predicted(complex), 1e-12);
        assertEquals(1.0, CriticalRate.growthPerStep(complex, 0.4), 1e-12, "|1 + 0.4(−1 + 2i)| = 1");
    }

    private static DMatrixRMaj diag(double... d) {
        DMatrixRMaj m = new DMatrixRMaj(d.length, d.length);
        for (int i = 0; i < d.length; i++) {
            m.set(i, i, d[i]);
        }
        return m;
    }
}
