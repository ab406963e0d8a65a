package org.sgema.properties;

import org.junit.jupiter.api.Test;
import org.sgema.claims.Claim;
import org.sgema.claims.ClaimRun;

/**
 * [D] Discrete-time training: finite learning rates, an EMA momentum and minibatches.
 * Each test runs one claim through the property engine ({@link ClaimChecks}).
 */
class DDiscreteTimeProperties {
    @Test
    void limitsOfTrainingAreEquilibriaOfTheFlow() {
        ClaimChecks.check(Claim.D_FIXED_POINTS);
    }

    @Test
    void equilibriaStopAttractingAtThePredictedLearningRate() {
        ClaimChecks.check(Claim.D_CRITICAL_RATE);
    }

    @Test
    void digitsEquilibriaStopAttractingAtThePredictedLearningRate() {
        ClaimChecks.check(Claim.D_CRITICAL_RATE, ClaimRun.DIGITS);
    }

    @Test
    void aboveTheCriticalRateTrainingSettlesElsewhereOnV() {
        ClaimChecks.check(Claim.D_SELF_STABILIZATION);
    }

    @Test
    void theSgInvariantDriftsAtSecondOrderPerStep() {
        ClaimChecks.check(Claim.D_INVARIANT_DRIFT);
    }

    @Test
    void gdTrainingCollapsesAtTheFlowsRate() {
        ClaimChecks.check(Claim.D_GD_COLLAPSE);
    }

    @Test
    void discreteEmaTendsToTheEmaFlow() {
        ClaimChecks.check(Claim.D_EMA_LIMIT);
    }

    @Test
    void minibatchSpreadScalesLikeTheSquareRootOfEtaOverB() {
        ClaimChecks.check(Claim.D_MINIBATCH_SPREAD);
    }
}
