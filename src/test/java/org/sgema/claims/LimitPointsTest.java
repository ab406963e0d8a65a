package org.sgema.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sgema.config.RunProfile;

/** [T5] limit points of runs that the ci profile's horizon leaves far from their limit. */
class LimitPointsTest {

    /**
     * SG at (n, m) = (2, 1), symmetric views whose two generalized eigenvalues are 1e-6 apart
     * (TINY_GAP; ci, seed 20261127, try 7): rowspace(B) turns between the two eigenvectors at a rate
     * of about 9e-7. The first continuation (to 10⁵) takes a few long stiff steps, too few on its
     * tail to fit a law, so the run is in transit and continued to 10⁶, whose tail predicts the stop
     * test; at 10⁷ ‖F‖ has fallen 80× on [T/2, T] at μ = 8.8e-7, the approach is decided and the
     * limit lies on V. Mutant: a tail with too few points counted as not in transit leaves the run
     * at 10⁵, INCONCLUSIVE.
     */
    @Test
    void aRunTurningBetweenNearlyEqualEigenvaluesReachesItsLimitOnV() {
        CaseFiles.CaseFile f = CaseFiles.readCase(Path.of("src/test/resources/cases/T5-limit-points-tiny-gap.json"));
        Evaluation e = VarietyChecks.limitPoints(f.reproduction(), RunProfile.load("ci").integration());
        assertEquals(Verdict.HOLDS, e.verdict(), e.toString());
    }

    /**
     * SG at (n, m) = (2, 1), ill-conditioned symmetric views, a small start (deep profile, seed 1,
     * try 7): B decays towards 0 at rate 7.6e-5 while A settles at −0.0131. The stop test fires at
     * t = 1.14e5 with s_min(B) = 1.3e-6, just above the full-rank hypothesis (1e-4‖B(0)‖ = 9.9e-7),
     * and A's eigenvalue is 0.0131 from spec(Mᵀ). The former fixed threshold on that distance (1e-2)
     * called the theorem VIOLATED; 10× the bound from ‖F‖ there, ‖Cxx⁻¹‖‖R‖/s_min(B), exceeds it, so
     * the verdict there is not VIOLATED but unresolved. Continued with a stop test 1e4 tighter, B
     * collapses (s_m(B) = 1.3e-10): the limit is outside the full-rank part, HYPOTHESIS_NOT_MET.
     * Mutants: the fixed threshold gives VIOLATED again; no continuation leaves it INCONCLUSIVE.
     */
    @Test
    void aStillCollapsingEncoderIsNotACounterexample() {
        CaseFiles.CaseFile f = CaseFiles.readCase(Path.of("src/test/resources/cases/T5-limit-points-collapsing.json"));
        Evaluation e = VarietyChecks.limitPoints(f.reproduction(), RunProfile.load("deep").integration());
        assertEquals(Verdict.HYPOTHESIS_NOT_MET, e.verdict(), e.toString());
        assertEquals(Cause.COLLAPSED_LIMIT, e.cause(), e.toString());
    }

    /**
     * SG at (n, m) = (7, 1), asymmetric ill-conditioned views (ci, seed 4, T5-limit-points try 39):
     * the predictor decays to 0 (a = −1.6e-8 at the stop test, t = 4516) while b settles where
     * b Cyx bᵀ = 0, an equilibrium off V with R ≠ 0. The former test of A's singularity,
     * s_min(A) ≤ 1e-6‖A‖, is relative to A itself and at m = 1 fires only at a = 0 exactly, so the case went on to
     * the spectral test, whose bound ‖F_B‖/s_min(A) is then useless: INCONCLUSIVE (LIMIT_UNRESOLVED)
     * even after a continuation to ‖F‖ ≤ 1e-14. A singular when ‖A‖ ≤ 1e-6 makes it
     * HYPOTHESIS_NOT_MET; [E1] at the same limit (the branch a = 0, b Cyx bᵀ = 0, of dimension
     * mn − m² = 6) is decided attracting, where it compared the count with m² = 1 before
     * (DIMENSION_MISMATCH). Mutants: the test relative to ‖A‖ (INCONCLUSIVE); no corank branch in the
     * predicted dimension (INCONCLUSIVE).
     */
    @Test
    void aPredictorThatVanishesAtTheLimitIsSingular() {
        CaseFiles.CaseFile f = CaseFiles.readCase(
                Path.of("src/test/resources/cases/T5-limit-points-sg-predictor-vanishes.json"));
        org.sgema.integration.IntegrationSettings settings = RunProfile.load("ci").integration(f.source());
        Evaluation t5 = VarietyChecks.limitPoints(f.reproduction(), settings);
        assertEquals(Cause.SINGULAR_PREDICTOR, t5.cause(), t5.toString());
        Evaluation e1 = StabilityChecks.limitPoint(f.reproduction(), settings);
        assertEquals(Verdict.HOLDS, e1.verdict(), e1.toString());
    }

    /**
     * A limit the stop test leaves unresolved is continued with a stop test 1e4 tighter and judged
     * again: random asymmetric views (the seeds as drawn here), stopped at ‖F‖ ≤ 1e-6 (1 + ‖θ‖). SG
     * (5, 1): the invariance defect 5.0e-6 is within its bound 6.0e-6 but above 1e-6; EMA (5, 1): the
     * distance of spec(A) to spec(Mᵀ), 1.6e-5, is within 10× its bound but above 1e-5. Continued to
     * 1e-10, both lie on V (defects near 1e-9). Mutant: no continuation leaves both INCONCLUSIVE.
     */
    @Test
    void aLimitTheStopTestLeavesUnresolvedIsContinuedWithATighterOne() {
        for (int seed : new int[] {2, 6}) {
            java.util.Random r = new java.util.Random(seed);
            int n = 3 + seed % 4;
            org.sgema.model.Configuration c = org.sgema.model.RandomConfigurations.asymmetric(
                    org.sgema.model.RandomConfigurations.logSpaced(2 * n, 2.0, 10.0), 1, r);
            org.sgema.flows.Flow flow = seed % 3 == 0 ? org.sgema.flows.Flow.EMA : org.sgema.flows.Flow.SG;
            org.sgema.model.State s = org.sgema.model.RandomConfigurations.gaussianState(1, n, flow.hasTarget(), 0.5, r);
            Case k = new Case(c, s, flow, seed);
            org.sgema.integration.IntegrationSettings loose = org.sgema.integration.IntegrationSettings.defaults()
                    .withConvergenceTolerance(1e-6);
            org.sgema.integration.Trajectory t = new org.sgema.integration.FlowIntegrator(loose).integrate(k.field(), s);
            assertEquals(org.sgema.integration.Outcome.CONVERGED, t.outcome());
            Evaluation first = VarietyChecks.onV(k, t.finalState());
            assertEquals(Cause.LIMIT_UNRESOLVED, first.cause(), "seed " + seed + ": " + first);
            Evaluation e = VarietyChecks.limitPoints(k, loose);
            assertEquals(Verdict.HOLDS, e.verdict(), "seed " + seed + ": " + e);
            assertTrue(e.metric() < 1e-8, "seed " + seed + ": " + e);
        }
    }

    /**
     * The spectral test decides only beyond its bound: Mᵀ = diag(1, 2, 3) and A's eigenvalue 1.5
     * (σ_min(Mᵀ − 1.5 I) = 0.5) is VIOLATED with a bound of 1e-3 and not with a bound of 0.1; a complex
     * eigenvalue 2 ± 0.3i has σ_min = 0.3 (the 2n×2n real embedding), VIOLATED at 1e-3; 1.5 + 0.3i
     * has √0.34; a non-normal Mᵀ has σ_min far below the distance to its spectrum, as in closed form.
     * Mutants: σ_min taken at the real part alone (0 for 2 ± 0.3i), or the embedding with the wrong
     * sign (0.2 for 1.5 + 0.3i).
     */
    @Test
    void anEigenvalueOutsideSpecMtIsViolatedOnlyBeyondItsBound() {
        org.ejml.data.DMatrixRMaj mt = org.ejml.dense.row.CommonOps_DDRM.diag(1, 2, 3);
        org.sgema.numerics.Spectrum real = org.sgema.numerics.Spectrum.of(new double[] {1.5}, new double[] {0});
        assertEquals(Verdict.VIOLATED, VarietyChecks.spectrumInMt(real, mt, 1e-3).verdict());
        assertEquals(null, VarietyChecks.spectrumInMt(real, mt, 0.1));
        org.sgema.numerics.Spectrum pair = org.sgema.numerics.Spectrum.of(new double[] {2, 2}, new double[] {0.3, -0.3});
        assertEquals(0.3, VarietyChecks.smallestSingularValueShifted(mt, 2, 0.3), 1e-12);
        assertEquals(Verdict.VIOLATED, VarietyChecks.spectrumInMt(pair, mt, 1e-3).verdict());
        org.sgema.numerics.Spectrum inside = org.sgema.numerics.Spectrum.of(new double[] {2}, new double[] {0});
        assertEquals(null, VarietyChecks.spectrumInMt(inside, mt, 1e-9));
        // off the real axis and off every eigenvalue's real part: min_k |d_k − λ| = |0.5 ∓ 0.3i| = √0.34
        // (a wrong-sign embedding gives 0.2)
        assertEquals(Math.sqrt(0.34), VarietyChecks.smallestSingularValueShifted(mt, 1.5, 0.3), 1e-12);
        // a non-normal Mᵀ: σ_min(Mᵀ − 1.5 I) for [[1, 10], [0, 2]] is far below the distance 0.5 to its
        // spectrum: σ_min² is the smaller root of x² − 100.5x + 0.0625 (‖·‖_F² and det²)
        org.ejml.data.DMatrixRMaj shear = new org.ejml.data.DMatrixRMaj(new double[][] {{1, 10}, {0, 2}});
        double expected = Math.sqrt((100.5 - Math.sqrt(100.5 * 100.5 - 0.25)) / 2);
        assertEquals(expected, VarietyChecks.smallestSingularValueShifted(shear, 1.5, 0), 1e-12);
        org.sgema.numerics.Spectrum half = org.sgema.numerics.Spectrum.of(new double[] {1.5}, new double[] {0});
        assertEquals(null, VarietyChecks.spectrumInMt(half, shear, 0.01), "σ_min 0.025 is within 10 × 0.01");
        assertEquals(Verdict.VIOLATED, VarietyChecks.spectrumInMt(half, shear, 0.001).verdict());
    }
}
