package org.sgema.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.sgema.flows.Dynamics;
import org.sgema.flows.Flow;
import org.sgema.flows.Mutation;
import org.sgema.integration.IntegrationSettings;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;
import org.sgema.testing.FieldWrapper;

/** Each new check on an input that makes it fail, and on one that makes it hold. */
class NewClaimChecksTest {

    private static DMatrixRMaj scalar(double x) {
        return new DMatrixRMaj(new double[][] {{x}});
    }

    @Test
    void equivarianceFailsForAFieldWithAFixedDirection() {
        Configuration c = RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(8, 2.0, 10.0), 3,
                new Random(1));
        State s = RandomConfigurations.gaussianState(3, 4, false, 1.0, new Random(2));
        Dynamics tilted = (flow, cfg) -> new FieldWrapper(flow.field(cfg)) {
            @Override
            public void evaluate(double[] theta, double[] out) {
                inner.evaluate(theta, out);
                out[0] += 0.1;   // a constant drift of A_11: not equivariant
            }
        };
        Evaluation bad = NewClaimChecks.equivariance(new Case(c, s, Flow.SG, 5, tilted));
        assertEquals(Verdict.VIOLATED, bad.verdict(), bad.toString());
        Evaluation good = NewClaimChecks.equivariance(new Case(c, s, Flow.SG, 5));
        assertEquals(Verdict.HOLDS, good.verdict(), good.toString());
    }

    @Test
    void theInvariantHoldsAlongEmaAndFailsWhenTheEncoderEquationChanges() {
        Configuration c = new ConfigurationSpec(3, 2, ConfigurationSpec.Views.ASYMMETRIC, ConfigurationSpec.Spectra.WELL,
                0, 1, 0.5, 3).toConfiguration();
        State s = RandomConfigurations.gaussianState(2, 3, true, 1.0, new Random(4));
        IntegrationSettings settings = IntegrationSettings.defaults().withHorizon(200);
        Evaluation ema = NewClaimChecks.emaInvariant(new Case(c, s, Flow.EMA, 0), settings);
        assertEquals(Verdict.HOLDS, ema.verdict(), ema.toString());
        // α moved to the encoder's equation: d/dt AᵀA and d/dt αBBᵀ no longer cancel
        Evaluation moved = NewClaimChecks.emaInvariant(new Case(c.withAlpha(1.7), s, Flow.EMA, 0,
                Mutation.ALPHA_IN_ENCODER_EQUATION), settings);
        assertEquals(Verdict.VIOLATED, moved.verdict(), moved.toString());
    }

    @Test
    void collapsedScalarPointsAttractExactlyWhenAOfAcMinusKIsPositive() {
        Configuration c = Configuration.views(scalar(1), scalar(0.5), scalar(1), 1);
        // a = −1: a(ac − k) = 1.5 > 0, attracting (a witness); a = 0.25: −0.0625 < 0, a saddle
        Evaluation witness = NewClaimChecks.collapsedAttracting(new Case(c, State.of(scalar(-1), scalar(0.3)), Flow.SG, 0));
        assertEquals(Verdict.VIOLATED, witness.verdict(), witness.toString());
        Evaluation saddle = NewClaimChecks.collapsedAttracting(new Case(c, State.of(scalar(0.25), scalar(0.3)), Flow.SG, 0));
        assertEquals(Verdict.HOLDS, saddle.verdict(), saddle.toString());
    }

    @Test
    void theContrastFailsWhereSgCollapsesToo() {
        // the stored [T4] collapse witness: n = m = 1, SG from a predictor-dominated start ends at b = 0
        ConfigurationSpec spec = new ConfigurationSpec(1, 1, ConfigurationSpec.Views.SYMMETRIC,
                ConfigurationSpec.Spectra.WELL, 0, 1, 1, 0);
        IntegrationSettings settings = IntegrationSettings.defaults().withHorizon(1e5);
        Case collapse = new Scenario(spec, new InitSpec(1.0, InitSpec.Tilt.PREDICTOR, 1), Flow.SG, 0).toCase();
        Evaluation e = NewClaimChecks.contrast(collapse, settings);
        assertEquals(Verdict.VIOLATED, e.verdict(), e.toString());
        // and it holds somewhere: an encoder-dominated start (Δ(0) ≺ 0), τ = 10, n = 6, m = 4
        boolean held = false;
        for (long seed = 0; seed < 10 && !held; seed++) {
            ConfigurationSpec wide = new ConfigurationSpec(6, 4, ConfigurationSpec.Views.SYMMETRIC,
                    ConfigurationSpec.Spectra.WELL, 0, 0.3, 10, seed);
            Evaluation h = NewClaimChecks.contrast(new Scenario(wide, new InitSpec(1.0, InitSpec.Tilt.ENCODER, seed),
                    Flow.SG, 0).toCase(), settings);
            held = h.verdict() == Verdict.HOLDS;
        }
        org.junit.jupiter.api.Assertions.assertTrue(held, "no HOLDS in 10 encoder-dominated starts");
    }

    @Test
    void emaApproachesSgAsTauGrowsUnlessTheTargetRunsAway() {
        Configuration c = new ConfigurationSpec(4, 2, ConfigurationSpec.Views.ASYMMETRIC, ConfigurationSpec.Spectra.WELL,
                0, 1, 1, 2).toConfiguration();
        State s = RandomConfigurations.fanInState(2, 4, false, 1.0, new Random(3));
        IntegrationSettings settings = IntegrationSettings.defaults();
        Evaluation exact = NewClaimChecks.sgLimitOfEma(new Case(c, s, Flow.SG, 0), settings);
        assertEquals(Verdict.HOLDS, exact.verdict(), exact.toString());
        // with dB̄/dt = −τ(B − B̄) the target runs away faster as τ grows
        Evaluation away = NewClaimChecks.sgLimitOfEma(new Case(c, s, Flow.SG, 0, Mutation.EMA_TAU_SIGN_FLIPPED), settings);
        assertEquals(Verdict.VIOLATED, away.verdict(), away.toString());
    }

    @Test
    void aNonRealSpectrumIsFoundAtSomeEmaEquilibrium() {
        boolean found = false;
        for (long seed = 0; seed < 20 && !found; seed++) {
            ConfigurationSpec spec = new ConfigurationSpec(5, 2, ConfigurationSpec.Views.SYMMETRIC,
                    ConfigurationSpec.Spectra.WELL, 0, 1, 0.5, seed);
            Evaluation e = NewClaimChecks.nonRealSpectrum(new Scenario(spec, new InitSpec(1.0, InitSpec.Tilt.NONE, 0),
                    Flow.EMA, seed).toCase());
            found = e.verdict() == Verdict.VIOLATED;
        }
        org.junit.jupiter.api.Assertions.assertTrue(found, "no EMA equilibrium with a non-real eigenvalue in 20 tries");
        // scalar EMA has a real spectrum (p² ≥ 4q): never a witness
        Configuration scalar = Configuration.views(scalar(1), scalar(0.5), scalar(1), 1);
        Evaluation real = NewClaimChecks.nonRealSpectrum(new Case(scalar, State.of(scalar(0.3), scalar(0.7),
                scalar(0.7)), Flow.EMA, 1));
        assertEquals(Verdict.HOLDS, real.verdict(), real.toString());
    }

    @Test
    void theOrbitAndComponentFindingsReachBothVerdicts() {
        // scalar SG: every point of V attracts (eigenvalues 0 and −αb²c), so the orbit never varies
        Configuration scalar = Configuration.views(scalar(1), scalar(0.5), scalar(1), 1);
        Evaluation same = NewClaimChecks.orbitStability(new Case(scalar, State.of(scalar(0.3), scalar(0.7)), Flow.SG, 4));
        assertEquals(Verdict.HOLDS, same.verdict(), same.toString());
        boolean holds = false;
        boolean witness = false;
        for (long seed = 0; seed < 40 && !(holds && witness); seed++) {
            ConfigurationSpec spec = new ConfigurationSpec(3, 1, ConfigurationSpec.Views.ASYMMETRIC,
                    ConfigurationSpec.Spectra.WELL, 0, 1, 1, seed);
            Evaluation e = NewClaimChecks.attractingOffTop(new Scenario(spec, new InitSpec(1.0, InitSpec.Tilt.NONE, 0),
                    Flow.SG, seed).toCase());
            holds |= e.verdict() == Verdict.HOLDS;
            witness |= e.verdict() == Verdict.VIOLATED;
        }
        org.junit.jupiter.api.Assertions.assertTrue(holds && witness,
                "off-top components: both unstable and attracting points in 40 tries");
    }

    @Test
    void weightDecayLimitsAreIsolatedModuloOmAndTheNullityDecisionCanFail() {
        IntegrationSettings settings = IntegrationSettings.defaults().withHorizon(5000);
        int holds = 0;
        for (long seed = 0; seed < 12; seed++) {
            ConfigurationSpec spec = new ConfigurationSpec(4, 2, ConfigurationSpec.Views.ASYMMETRIC,
                    ConfigurationSpec.Spectra.WELL, 0.01, 1, 1, seed);
            Case exact = new Scenario(spec, new InitSpec(1.0, InitSpec.Tilt.ENCODER, seed), Flow.SG, 0).toCase();
            holds += VarietyChecks.weightDecayDimension(exact, settings).verdict() == Verdict.HOLDS ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(holds > 0, "no isolated λ > 0 limit in 12 tries");
        // the decision itself: diag(0, 0, −1, −2) has nullity 2, so expecting 1 is VIOLATED, 2 HOLDS
        DMatrixRMaj j = org.ejml.dense.row.CommonOps_DDRM.diag(0, 0, -1, -2);
        assertEquals(Verdict.VIOLATED, VarietyChecks.nullityVerdict(j, 1, "n").verdict());
        assertEquals(Verdict.HOLDS, VarietyChecks.nullityVerdict(j, 2, "n").verdict());
        DMatrixRMaj fuzzy = org.ejml.dense.row.CommonOps_DDRM.diag(1e-9, 0, -1, -2);
        assertEquals(Cause.AMBIGUOUS_NULLITY, VarietyChecks.nullityVerdict(fuzzy, 2, "n").cause());
    }

    @Test
    void aConstantMetricExistsExactlyForGradientFlows() {
        Configuration c = RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(6, 2.0, 10.0), 2,
                new Random(8)).withAlpha(1.7).withLambda(0.1);
        State s = RandomConfigurations.gaussianState(2, 3, false, 1.0, new Random(9));
        assertEquals(Verdict.HOLDS, NewClaimChecks.anyConstantMetric(new Case(c, s, Flow.GD, 1)).verdict(), "GD: Q exists");
        assertEquals(Verdict.HOLDS, NewClaimChecks.anyConstantMetric(new Case(c, s, Flow.SG, 1)).verdict(), "SG: none");
        // an "SG" that is GD has a metric; a GD with α in the wrong equation has none
        assertEquals(Verdict.VIOLATED, NewClaimChecks.anyConstantMetric(new Case(c, s, Flow.SG, 1,
                Mutation.SG_KEEPS_TARGET_BRANCH)).verdict());
        assertEquals(Cause.NO_METRIC_FOR_GD, NewClaimChecks.anyConstantMetric(new Case(c, s, Flow.GD, 1,
                Mutation.ALPHA_IN_ENCODER_EQUATION)).cause());
    }
}
