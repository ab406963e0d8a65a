package org.sgema.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sgema.flows.Flow;
import org.sgema.flows.Mutation;
import org.sgema.integration.IntegrationSettings;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.ConfigurationSpec.Spectra;
import org.sgema.model.ConfigurationSpec.Views;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;
import org.sgema.training.TrainingRule;

/**
 * Every discrete-time check can fail: each wrong training loop ({@link TrainingRule}) and a wrong
 * field are caught by the check named here, on one of the first 12 cases of a fixed family, and
 * the exact loop is caught by none of them on the same cases.
 */
class DiscreteChecksTest {
    private static final IntegrationSettings SETTINGS = IntegrationSettings.defaults().withHorizon(5000);

    interface Check {
        Evaluation run(Case c, IntegrationSettings s, TrainingRule r);
    }

    private static Check check(String name) {
        return switch (name) {
            case "fixed-points" -> DiscreteChecks::fixedPoints;
            case "critical-rate" -> DiscreteChecks::criticalRate;
            case "invariant-drift" -> DiscreteChecks::invariantDrift;
            case "gd-collapse" -> DiscreteChecks::gdCollapse;
            case "ema-limit" -> DiscreteChecks::emaLimit;
            case "minibatch-spread" -> DiscreteChecks::minibatchSpread;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Case k of a small family: n = 2..5, m = 1..2, views alternate, λ ∈ {0, 0.1}, α ∈ {1.7, 4, 0.3}. */
    static Case caseOf(int k, Flow flow, boolean weightDecay) {
        Configuration c = new ConfigurationSpec(2 + k % 4, 1 + k % 2, k % 2 == 0 ? Views.SYMMETRIC : Views.ASYMMETRIC,
                Spectra.WELL, weightDecay ? 0.1 : 0, new double[] {1.7, 4.0, 0.3}[k % 3],
                new double[] {1, 0.1, 10}[k % 3], k).toConfiguration();
        State s = RandomConfigurations.fanInState(c.m(), c.n(), flow.hasTarget(), 1.0, new Random(k));
        return new Case(c, s, flow, k);
    }

    private static List<Evaluation> run(String name, Flow flow, boolean weightDecay, TrainingRule rule) {
        List<Evaluation> out = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            out.add(check(name).run(caseOf(k, flow, weightDecay), SETTINGS, rule));
        }
        return out;
    }

    @ParameterizedTest(name = "{1} caught by D-{0}")
    @CsvSource({
            "ema-limit,        TARGET_BEFORE_ONLINE,     EMA, false, MAP_NOT_EULER",
            "ema-limit,        MOMENTUM_SWAPPED,         EMA, false, MAP_NOT_EULER",
            "gd-collapse,      DECAY_NOT_SCALED_BY_RATE, GD,  true,  WRONG_ORDER",
            "invariant-drift,  DECAY_NOT_SCALED_BY_RATE, SG,  true,  INVARIANT_DRIFTS",
            "invariant-drift,  ALPHA_APPLIED_TWICE,      SG,  false, INVARIANT_DRIFTS",
            "critical-rate,    ALPHA_APPLIED_TWICE,      SG,  false, CRITICAL_RATE_MISPREDICTED",
            "minibatch-spread, FROZEN_BATCH,             SG,  false, SPREAD_EXPONENT"})
    void aWrongTrainingLoopIsCaught(String check, TrainingRule rule, Flow flow, boolean weightDecay, Cause cause) {
        List<Evaluation> wrong = run(check, flow, weightDecay, rule);
        assertTrue(wrong.stream().anyMatch(e -> e.verdict() == Verdict.VIOLATED && e.cause() == cause),
                rule + " not caught by D-" + check + ": " + wrong);
        List<Evaluation> exact = run(check, flow, weightDecay, TrainingRule.EULER);
        assertTrue(exact.stream().noneMatch(e -> e.verdict() == Verdict.VIOLATED), "the exact loop: " + exact);
        assertTrue(exact.stream().anyMatch(e -> e.verdict() == Verdict.HOLDS), "the exact loop decides: " + exact);
    }

    /**
     * The deep run's witness (seed 20261205: SG, n = 6, m = 1, identical views, λ = 0.1, η₀ = 0.458)
     * was VIOLATED at orders 0.95 and −0.75 although Δ's identity holds to the last bit there: the
     * accumulated drift is not yet η ∫E dt at those steps. An independent replay of the SG map in
     * NumPy gives D = 5.676e-7, 1.911e-6, 1.972e-6, 1.341e-6, 7.768e-7 at η₀ … η₀/16, so orders
     * 0.954 and −0.753, then 1.556, then 1.788: the check halves the steps while the two orders
     * disagree and HOLDS at 1.788. Mutant: no refinement, the decision at η₀/4 (INCONCLUSIVE with
     * the agreement test, VIOLATED without it, as in the deep run). The wrong loops stay caught (above).
     */
    @Test
    void aDriftOutsideTheAsymptoticRegimeIsRefinedNotViolated() {
        CaseFiles.CaseFile f = CaseFiles.readCase(java.nio.file.Path.of(
                "src/test/resources/cases/D-invariant-drift-pre-asymptotic.json"));
        Evaluation e = DiscreteChecks.invariantDrift(f.reproduction(), SETTINGS);
        assertEquals(Verdict.HOLDS, e.verdict(), e.toString());
        assertEquals(1 + Math.log(1.341e-6 / 7.768e-7) / Math.log(2), e.metric(), 2e-3, e.toString());
        assertTrue(e.reason().contains("η₀/16"), e.reason());
    }

    @Test
    void aCriticalRateOffByTenPercentIsCaughtByTheBracket() {
        // α = 1.1 applied twice to the predictor moves the map's critical rate about 9 % below η*, inside the
        // 0.8η* / 1.25η* window: only the bisection bracket can tell, and it must
        for (int k = 0; k < 6; k++) {
            Configuration c = new ConfigurationSpec(2 + k % 4, 1 + k % 2, k % 2 == 0 ? Views.SYMMETRIC : Views.ASYMMETRIC,
                    Spectra.WELL, 0, 1.1, 1, k).toConfiguration();
            Case cs = new Case(c, RandomConfigurations.fanInState(c.m(), c.n(), false, 1.0, new Random(k)), Flow.SG, k);
            Evaluation wrong = DiscreteChecks.criticalRate(cs, SETTINGS, TrainingRule.ALPHA_APPLIED_TWICE);
            assertEquals(Verdict.VIOLATED, wrong.verdict(), "case " + k + ": " + wrong);
            assertEquals(Cause.CRITICAL_RATE_MISPREDICTED, wrong.cause());
            assertTrue(wrong.reason().contains("observed bracket"), wrong.reason());
            assertEquals(Verdict.HOLDS, DiscreteChecks.criticalRate(cs, SETTINGS, TrainingRule.EULER).verdict());
        }
    }

    @Test
    void aLimitOfTrainingOnAWrongFieldIsNotOnV() {
        // Cxy transposed (asymmetric views): training converges to zeros of the wrong field
        for (int k = 1; k < 24; k += 2) {
            Case c = caseOf(k, Flow.SG, false).withDynamics(Mutation.CXY_TRANSPOSED);
            Evaluation e = DiscreteChecks.fixedPoints(c, SETTINGS);
            if (e.verdict() == Verdict.VIOLATED) {
                assertEquals(Cause.OFF_EQUILIBRIUM, e.cause(), e.toString());
                assertTrue(DiscreteChecks.fixedPoints(caseOf(k, Flow.SG, false), SETTINGS).verdict() != Verdict.VIOLATED);
                return;
            }
        }
        fail("D-fixed-points never caught the transposed cross-moment");
    }

    @Test
    void aboveTheCriticalRateTrainingSettlesOnAnotherStableEquilibrium() {
        // the FINDING's witness: at 1.05η* training leaves θ* and converges where η*(θ') ≥ η
        for (int k = 0; k < 12; k++) {
            Evaluation e = DiscreteChecks.selfStabilization(caseOf(k, Flow.SG, false), SETTINGS);
            if (e.verdict() == Verdict.VIOLATED) {
                assertEquals(Cause.SETTLED_ELSEWHERE, e.cause());
                assertTrue(e.metric() >= 1 - 1e-3, "η*(θ')/η = " + e.metric());
                return;
            }
        }
        fail("no case settled elsewhere at 1.05η*");
    }

    @Test
    void theDirectEquationsAreTheField() {
        // an independent computation of F: the equations written out from the moments agree with the field
        for (int k = 0; k < 6; k++) {
            for (Flow flow : new Flow[] {Flow.SG, Flow.EMA}) {
                Case c = caseOf(k, flow, k % 2 == 1);
                State s = RandomConfigurations.gaussianState(c.configuration().m(), c.configuration().n(),
                        flow.hasTarget(), 1.0, new Random(40 + k));
                double direct = DiscreteChecks.equationResidual(c.configuration(), s);
                double field = org.sgema.numerics.Matrices.norm(flow.field(c.configuration()).evaluate(s));
                assertEquals(field, direct, 1e-12 * (1 + field), flow + " case " + k);
            }
        }
    }
}
