package org.sgema.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sgema.flows.Flow;
import org.sgema.model.Configuration;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.SgInvariant;
import org.sgema.model.State;
import org.sgema.numerics.Matrices;

/**
 * Checks that once held at every state now fail on inputs that break their claim ([T3] bound,
 * [T5] weight decay): each test shows the old criterion passing and the new one failing.
 */
class ChecksCanFailTest {

    @Test
    void theT3BoundIsCheckedBetweenEveryPairOfPoints() {
        // ‖B‖ drops to 0.01 at t = 1, then grows to 0.02 at t = 2, rate 0.1
        double[] times = {0, 1, 2};
        double[] norms = {1, 0.01, 0.02};
        double fromStart = Math.log(norms[2]) - (Math.log(norms[0]) - 0.1 * times[2]);
        assertTrue(fromStart < 0, "the bound from t = 0 alone holds: " + fromStart);
        double excess = GdCollapse.semigroupExcess(times, norms, 0.1, 0);
        assertEquals(Math.log(2) + 0.1, excess, 1e-12, "log 2 + rate between t = 1 and t = 2");
        assertEquals(-0.1, GdCollapse.semigroupExcess(times, new double[] {1, Math.exp(-0.2), Math.exp(-0.4)}, 0.1, 0),
                1e-12, "a decay at twice the rate passes with margin 0.1 per unit time");
    }

    @Test
    void theT5BalanceIsJudgedAgainstAFixedToleranceNotAgainstTheField() {
        Configuration c = RandomConfigurations.symmetric(RandomConfigurations.logSpaced(3, 2.0, 10.0),
                RandomConfigurations.logSpaced(3, 0.5, 5.0), 2, new Random(1)).withLambda(0.1);
        State s = RandomConfigurations.gaussianState(2, 3, false, 1.0, new Random(2));
        // the old criterion: ‖Δ‖ ≤ 2(‖A‖‖F_A‖ + α‖F_B‖‖B‖)/λ, an identity at every state
        double[] f = Flow.SG.field(c).evaluate(s);
        double fa = Matrices.norm(f, 0, 4);
        double fb = Matrices.norm(f, 4, 6);
        double delta = Matrices.norm(SgInvariant.delta(c.alpha(), s));
        double allowed = 2 * (Matrices.norm(s.predictor()) * fa + c.alpha() * fb * Matrices.norm(s.encoder()))
                / c.lambda();
        assertTrue(delta <= allowed, "the old criterion passes at a generic state");
        Evaluation e = VarietyChecks.balance(c, s, s);
        assertEquals(Verdict.VIOLATED, e.verdict(), e.toString());
        assertEquals(Cause.IMBALANCE, e.cause());
    }

    @Test
    void theT2CirculationMustNotVanishInTheBestMetric() {
        // "SG" that is really GD (a gradient flow): Stokes agreement alone, the old check, holds
        Configuration c = RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(6, 2.0, 10.0), 2,
                new Random(4)).withAlpha(1.7);
        State s = RandomConfigurations.gaussianState(2, 3, false, 1.0, new Random(5));
        Case gradient = new Case(c, s, Flow.SG, 3, org.sgema.flows.Mutation.SG_KEEPS_TARGET_BRANCH);
        Circulation.Values natural = Circulation.compute(gradient);
        assertTrue(Math.abs(natural.quadrature() - natural.stokes()) / natural.scale() < 1e-4, "Stokes agrees");
        Evaluation e = Circulation.stokes(gradient);
        assertEquals(Verdict.VIOLATED, e.verdict(), e.toString());
        assertEquals(Cause.ZERO_CIRCULATION, e.cause());
        Evaluation sg = Circulation.stokes(new Case(c, s, Flow.SG, 3));
        assertEquals(Verdict.HOLDS, sg.verdict(), sg.toString());
    }

    @Test
    void anEquilibriumWithSingularPredictorIsOutsideT5NotACounterexample() {
        // Cxx = Cyy = I, Cxy = K skew: with a = 0 every B is an SG equilibrium (B K Bᵀ = 0), R = −B Cyx ≠ 0,
        // so it is not on V; the old check projected (F = 0 already) and called the invariance defect VIOLATED
        org.ejml.data.DMatrixRMaj eye = org.ejml.dense.row.CommonOps_DDRM.identity(2);
        org.ejml.data.DMatrixRMaj k = new org.ejml.data.DMatrixRMaj(new double[][] {{0, 0.3}, {-0.3, 0}});
        Configuration c = Configuration.views(eye, k, eye, 1);
        State s = State.of(new org.ejml.data.DMatrixRMaj(new double[][] {{0}}),
                new org.ejml.data.DMatrixRMaj(new double[][] {{0.6, 0.8}}));
        assertTrue(Matrices.norm(Flow.SG.field(c).evaluate(s)) == 0, "an SG equilibrium");
        Evaluation e = VarietyChecks.limitPoints(new Case(c, s, Flow.SG, 0),
                org.sgema.integration.IntegrationSettings.defaults());
        assertEquals(Verdict.HYPOTHESIS_NOT_MET, e.verdict(), e.toString());
        assertEquals(Cause.SINGULAR_PREDICTOR, e.cause());
    }

    @Test
    void aLimitFartherFromVThanItsResidualAllowsIsViolated() {
        // a point of V, then B moved off the invariant subspace while the "field" reports F = 0
        Configuration c = RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(6, 2.0, 10.0), 1,
                new Random(6));
        State p = org.sgema.equilibria.EquilibriumVariety.randomPoint(c, new Random(7));
        State off = State.of(p.predictor(), new org.ejml.data.DMatrixRMaj(new double[][] {{0.3, -0.7, 0.5}}));
        org.sgema.flows.Dynamics silent = (flow, cfg) -> new org.sgema.testing.FieldWrapper(flow.field(cfg)) {
            @Override
            public void evaluate(double[] theta, double[] out) {
                java.util.Arrays.fill(out, 0);
            }
        };
        Evaluation e = VarietyChecks.onV(new Case(c, off, Flow.SG, 0, silent), off);
        assertEquals(Verdict.VIOLATED, e.verdict(), e.toString());
        Evaluation onV = VarietyChecks.onV(new Case(c, p, Flow.SG, 0), p);
        assertEquals(Verdict.HOLDS, onV.verdict(), onV.toString());
    }

    @Test
    void collapseLabelsNeedAGapAtTheCut() {
        // the old rule labelled any singular value below 1e-6‖B(0)‖ as collapsed, gap or none
        assertEquals(1, CollapseRates.collapseRank(new double[] {0.5, 1e-12}, 1.0));
        assertEquals(1, CollapseRates.collapseRank(new double[] {0.5, 9e-7}, 1.0), "a clear gap at the cut");
        assertEquals(-1, CollapseRates.collapseRank(new double[] {2e-6, 9e-7}, 1.0), "2e-6 | 9e-7: no gap at the cut");
        assertEquals(0, CollapseRates.collapseRank(new double[] {1e-12, 1e-13}, 1.0));
    }

    @Test
    void componentsAndTheRankBoundFailOnDynamicsThatDisagreeWithTheTheory() {
        // T5-components: with Cxy transposed the projected equilibria leave the invariant subspaces of Mᵀ
        boolean components = false;
        // T4-rank-bound: SG that keeps the target branch (that is, GD) lets B shrink below the bound
        boolean rank = false;
        org.sgema.integration.IntegrationSettings settings = org.sgema.integration.IntegrationSettings.defaults()
                .withHorizon(200);
        for (long seed = 0; seed < 30 && !(components && rank); seed++) {
            org.sgema.model.ConfigurationSpec spec = new org.sgema.model.ConfigurationSpec(4, 2,
                    org.sgema.model.ConfigurationSpec.Views.ASYMMETRIC, org.sgema.model.ConfigurationSpec.Spectra.WELL,
                    0, 1, 1, seed);
            Case generic = new Scenario(spec, new InitSpec(1.0, InitSpec.Tilt.NONE, seed), Flow.SG, seed).toCase();
            components |= VarietyChecks.components(generic.withDynamics(org.sgema.flows.Mutation.CXY_TRANSPOSED))
                    .verdict() == Verdict.VIOLATED;
            Case encoderHeavy = new Scenario(spec, new InitSpec(1.0, InitSpec.Tilt.ENCODER, seed), Flow.SG, seed)
                    .toCase();
            rank |= SgInvariantChecks.rankBound(encoderHeavy.withDynamics(org.sgema.flows.Mutation.SG_KEEPS_TARGET_BRANCH),
                    settings).verdict() == Verdict.VIOLATED;
        }
        assertTrue(components, "T5-components never VIOLATED under Cxy transposed in 30 seeds");
        assertTrue(rank, "T4-rank-bound never VIOLATED under SG = GD in 30 seeds");
    }
}
