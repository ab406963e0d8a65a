package org.sgema.claims;

import org.sgema.config.RunProfile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.sgema.flows.Dynamics;
import org.sgema.flows.Flow;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Outcome;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.State;
import org.sgema.numerics.Spectrum;
import org.sgema.stability.LimitApproach;
import org.sgema.stability.Stability;
import org.sgema.stability.StabilityClassifier;
import org.sgema.stability.StabilityVerdict;

/**
 * [T7-perturbation]'s unstable branch decides only when the run could have seen the unstable
 * mode: a return is VIOLATED for a clearly unstable point, INCONCLUSIVE when the growth rate is
 * below what the stop tolerance and the horizon resolve.
 */
class StabilityChecksTest {

    private static Stability unstable(double rate) {
        return new Stability(StabilityVerdict.UNSTABLE, "eigenvalue with real part " + rate + " > 0", 1e-14, 1, null,
                1, 1e-12, rate, 1e3, null);
    }

    @Test
    void aClearlyUnstablePointThatPullsThePerturbationBackIsViolated() {
        Evaluation e = StabilityChecks.unstableVerdict(unstable(0.5), Outcome.CONVERGED, 1.0, 0.997, 1e-4, 1e-10,
                5000);
        assertEquals(Verdict.VIOLATED, e.verdict(), e.toString());
    }

    @Test
    void aPerturbationThatLeavesHolds() {
        Evaluation e = StabilityChecks.unstableVerdict(unstable(0.5), Outcome.HORIZON_REACHED, 150, 150, 1e-4, 1e-10,
                5000);
        assertEquals(Verdict.HOLDS, e.verdict());
    }

    @Test
    void aGrowthRateTheRunCannotResolveIsInconclusive() {
        // the numbers of the digits counterexample (Re λ₊ = 3.2e-7, horizon 1e5): the old check said VIOLATED
        Evaluation e = StabilityChecks.unstableVerdict(unstable(3.234e-7), Outcome.CONVERGED, 1.0, 0.997, 2e-4, 2e-10,
                3e4);
        assertEquals(Verdict.INCONCLUSIVE, e.verdict(), e.toString());
        assertTrue(e.reason().contains("cannot show the mode"), e.reason());
        // a resolvable rate but too short a horizon
        Evaluation shortRun = StabilityChecks.unstableVerdict(unstable(1e-2), Outcome.CONVERGED, 1.0, 0.997, 1e-4,
                1e-14, 5000);
        assertEquals(Verdict.INCONCLUSIVE, shortRun.verdict(), shortRun.toString());
    }

    /**
     * TINY_GAP SG at (2, 1): slowest decay 8.8e-7, so a perturbation must be followed to a small
     * fraction of ε ≈ 2e-8. Integrated in θ, F's rounding at θ* (about 1e-16, whatever δ) left
     * these INCONCLUSIVE (no ε both above the stop test's floor and below the second-order bound);
     * in displacement coordinates rounding scales with δ and they are decided. Mutant: the run in
     * θ, as before (seed 1: INCONCLUSIVE, second-order bound 1.4e-4 against ε = 2.3e-5, the ε its
     * stop-test floor forced).
     */
    @Test
    void aSlowTinyGapPointIsDecidedInDisplacementCoordinates() {
        IntegrationSettings s = RunProfile.load("ci").integration();
        for (long seed : new long[] {1, 5, 6}) {
            Configuration c = new ConfigurationSpec(2, 1, ConfigurationSpec.Views.SYMMETRIC,
                    ConfigurationSpec.Spectra.TINY_GAP, 0, 0.3, 1.0, seed).toConfiguration();
            Evaluation e = StabilityChecks.perturbation(new Case(c, State.of(scalar(0), new DMatrixRMaj(1, 2)), Flow.SG,
                    seed), s);
            assertEquals(Verdict.HOLDS, e.verdict(), seed + ": " + e);
        }
    }

    /**
     * Random points of V for SG at (6, 2): the unstable ones are left by the perturbed run (HOLDS),
     * which stops once it is {@link StabilityChecks#DEPARTURE} ε away instead of following the
     * excursion to the horizon 100/Re λ₊ (the verdict is decided at 100 ε). Mutant: no such stop
     * (the metric, the farthest excursion, is then 10⁴ ε and more, as in the deep runs).
     */
    @Test
    void anUnstablePointsRunStopsOnceItHasLeft() {
        IntegrationSettings s = RunProfile.load("ci").integration();
        int unstable = 0;
        for (long seed = 1; seed <= 8; seed++) {
            Configuration c = new ConfigurationSpec(6, 2, ConfigurationSpec.Views.SYMMETRIC,
                    ConfigurationSpec.Spectra.WELL, 0, 1.0, 1.0, seed).toConfiguration();
            Evaluation e = StabilityChecks.perturbation(new Case(c, State.of(new DMatrixRMaj(2, 2),
                    new DMatrixRMaj(2, 6)), Flow.SG, seed), s);
            if (e.metricName().equals("distance_over_eps")) {
                unstable++;
                assertEquals(Verdict.HOLDS, e.verdict(), seed + ": " + e);
                assertTrue(e.metric() > 100 && e.metric() <= 1.01 * StabilityChecks.DEPARTURE, seed + ": " + e);
            }
        }
        assertTrue(unstable >= 2, "only " + unstable + " unstable points among the 8 seeds");
    }

    /**
     * The departure stop applies at unstable points only: an attracting point's perturbed run keeps
     * the profile's divergence limit, so a run that wanders 10⁴ ε off and comes back is judged on
     * where it ends, and one that runs away is LIMIT_MISPREDICTED or LEFT_ATTRACTING_POINT on its own
     * numbers. Mutant: the stop at every classification (the attracting settings get 1000 ε; the
     * K = 3e4 run of {@link #aRunThatMissesThePredictionAtFirstOrderIsViolated} then ends
     * DIVERGED, LEFT_ATTRACTING_POINT, instead of LIMIT_MISPREDICTED, and that test fails too).
     */
    @Test
    void theDepartureStopIsForUnstablePointsOnly() {
        IntegrationSettings s = RunProfile.load("ci").integration();
        double eps = 1e-5;
        assertEquals(s.divergenceLimit(), StabilityChecks.perturbedRunSettings(StabilityVerdict.NORMALLY_ATTRACTING, s, eps)
                .divergenceLimit());
        assertEquals(StabilityChecks.DEPARTURE * eps, StabilityChecks.perturbedRunSettings(StabilityVerdict.UNSTABLE, s, eps)
                .divergenceLimit());
        // never above the profile's own limit
        assertEquals(s.divergenceLimit(), StabilityChecks.perturbedRunSettings(StabilityVerdict.UNSTABLE, s,
                10 * s.divergenceLimit() / StabilityChecks.DEPARTURE).divergenceLimit());
    }

    /**
     * SG plus {@code K ‖R(θ)‖² e₁} (R = A B Cxx − B Cyx, e₁ the coordinate A₁₁; degree 4, Jacobian
     * {@code 2K ⟨R, dR[v]⟩ e₁}): the same field and Jacobian on V, so the same equilibria,
     * classification and prediction θ* + Π₀δ, but a perturbed run is pushed along A₁₁ by
     * about {@code K ‖R‖²/rate}, linear in K at first (0.02 ε at K = 1e3, 0.2 ε at 1e4, between
     * the thresholds); at K = 3e4 it runs away and ends 8e7 ε off, VIOLATED (LIMIT_MISPREDICTED)
     * although its end's stop threshold makes the floor 7 ε (a miss beyond 0.5 ε plus every
     * allowance is decided before the resolution guard). Mutants: the check integrates the field
     * without the extra term (HOLDS, as for SG itself, asserted too); the resolution guard first
     * (INCONCLUSIVE).
     */
    @Test
    void aRunThatMissesThePredictionAtFirstOrderIsViolated() {
        Configuration c = new ConfigurationSpec(4, 2, ConfigurationSpec.Views.SYMMETRIC,
                ConfigurationSpec.Spectra.WELL, 0, 1.0, 1.0, 3).toConfiguration();
        Case sg = new Case(c, State.of(new DMatrixRMaj(2, 2), new DMatrixRMaj(2, 4)), Flow.SG, 3); // an attracting point
        IntegrationSettings s = RunProfile.load("ci").integration();
        Evaluation exact = StabilityChecks.perturbation(sg, s);
        assertEquals(Verdict.HOLDS, exact.verdict(), exact.toString());
        assertEquals("prediction_error_over_eps", exact.metricName(), exact.toString());
        Evaluation e = StabilityChecks.perturbation(sg.withDynamics((flow, cfg) -> new PushedAlongA11(flow.field(cfg),
                3e4)), s);
        assertEquals(Verdict.VIOLATED, e.verdict(), e.toString());
        assertEquals(Cause.LIMIT_MISPREDICTED, e.cause(), e.toString());
    }

    /**
     * SG plus a constant c of size 1e-4 along the left null space of J(θ*) (θ* the point the check
     * draws): F(θ*) = c is far beyond round-off and polishing cannot remove it (Jᵀc = 0), so θ* is
     * no equilibrium and the run of F drifts. The displacement field drops F(θ*), so its own run
     * still converges to θ* + Π₀δ; the dropped constant joins the floor and the verdict is not
     * HOLDS. Mutant: the constant left out of the floor (HOLDS, a false confirmation).
     */
    @Test
    void aPointThatIsNoEquilibriumIsNotConfirmed() {
        Configuration c = new ConfigurationSpec(4, 2, ConfigurationSpec.Views.SYMMETRIC,
                ConfigurationSpec.Spectra.WELL, 0, 1.0, 1.0, 3).toConfiguration();
        long seed = 3; // an attracting point (see the test above)
        double[] theta = org.sgema.equilibria.EquilibriumVariety.randomPoint(c, new java.util.Random(seed)).toArray();
        DMatrixRMaj j = Flow.SG.field(c).jacobian(theta);
        var svd = org.ejml.dense.row.factory.DecompositionFactory_DDRM.svd(j.numRows, j.numCols, true, false, false);
        assertTrue(svd.decompose(j.copy()));
        double[] singular = svd.getSingularValues();
        int smallest = 0;
        for (int i = 1; i < singular.length; i++) {
            smallest = singular[i] < singular[smallest] ? i : smallest;
        }
        DMatrixRMaj u = svd.getU(null, false);
        double[] constant = new double[theta.length];
        for (int r = 0; r < theta.length; r++) {
            constant[r] = 1e-4 * u.get(r, smallest);
        }
        Case shifted = new Case(c, State.of(new DMatrixRMaj(2, 2), new DMatrixRMaj(2, 4)), Flow.SG, seed,
                (flow, cfg) -> new org.sgema.testing.FieldWrapper(flow.field(cfg)) {
                    @Override
                    public void evaluate(double[] x, double[] out) {
                        inner.evaluate(x, out);
                        for (int i = 0; i < out.length; i++) {
                            out[i] += constant[i];
                        }
                    }
                });
        Evaluation exact = StabilityChecks.perturbation(new Case(c, shifted.initial(), Flow.SG, seed),
                RunProfile.load("ci").integration());
        assertEquals("prediction_error_over_eps", exact.metricName(), exact.toString());
        Evaluation e = StabilityChecks.perturbation(shifted, RunProfile.load("ci").integration());
        assertNotEquals(Verdict.HOLDS, e.verdict(), e.toString());
    }

    /** SG plus {@code K ‖R(θ)‖² e₁}, which vanishes with its derivative on V (test above). */
    private static final class PushedAlongA11 extends org.sgema.testing.FieldWrapper {
        private final double k;

        PushedAlongA11(org.sgema.flows.VectorField inner, double k) {
            super(inner);
            this.k = k;
        }

        /** @return R = A B Cxx − B Cyx at θ (m×n) */
        private DMatrixRMaj residual(double[] theta) {
            Configuration c = configuration();
            State s = State.fromArray(c.m(), c.n(), false, theta);
            DMatrixRMaj ab = new DMatrixRMaj(c.m(), c.n());
            org.ejml.dense.row.CommonOps_DDRM.mult(s.predictor(), s.encoder(), ab);
            DMatrixRMaj r = new DMatrixRMaj(c.m(), c.n());
            org.ejml.dense.row.CommonOps_DDRM.mult(ab, c.cxx(), r);
            DMatrixRMaj bc = new DMatrixRMaj(c.m(), c.n());
            org.ejml.dense.row.CommonOps_DDRM.mult(s.encoder(), c.cyx(), bc);
            org.ejml.dense.row.CommonOps_DDRM.subtractEquals(r, bc);
            return r;
        }

        @Override
        public void evaluate(double[] theta, double[] out) {
            inner.evaluate(theta, out);
            DMatrixRMaj r = residual(theta);
            out[0] += k * org.ejml.dense.row.NormOps_DDRM.normF(r) * org.ejml.dense.row.NormOps_DDRM.normF(r);
        }

        @Override
        public void jacobianTimes(double[] theta, double[] v, double[] out) {
            inner.jacobianTimes(theta, v, out);
            // dR[v] = dA B Cxx + A dB Cxx − dB Cyx
            Configuration c = configuration();
            State s = State.fromArray(c.m(), c.n(), false, theta);
            State d = State.fromArray(c.m(), c.n(), false, v);
            DMatrixRMaj x = new DMatrixRMaj(c.m(), c.n());
            DMatrixRMaj y = new DMatrixRMaj(c.m(), c.n());
            org.ejml.dense.row.CommonOps_DDRM.mult(d.predictor(), s.encoder(), x);
            org.ejml.dense.row.CommonOps_DDRM.multAdd(s.predictor(), d.encoder(), x);
            org.ejml.dense.row.CommonOps_DDRM.mult(x, c.cxx(), y);
            org.ejml.dense.row.CommonOps_DDRM.mult(d.encoder(), c.cyx(), x);
            org.ejml.dense.row.CommonOps_DDRM.subtractEquals(y, x);
            DMatrixRMaj r = residual(theta);
            double inner2 = 0;
            for (int i = 0; i < r.data.length; i++) {
                inner2 += r.data[i] * y.data[i];
            }
            out[0] += 2 * k * inner2;
        }
    }

    /**
     * The ci case (seed 1, try 5) of SG at (1, 1): the run from δ ends 0.0087 ε from θ* + Π₀δ,
     * above the second-order estimate 0.001 ε and far below a first-order miss, so INCONCLUSIVE
     * alone. The run from −δ splits the limit map: its odd part meets Π₀δ to 3e-6 ε and its even
     * part is the second-order 0.0087 ε, within 10× the estimate, so HOLDS. Mutant: no second run
     * (INCONCLUSIVE, BETWEEN_THRESHOLDS, as it was).
     */
    @Test
    void aSecondOrderTermIsToldApartByTheRunFromMinusDelta() {
        Evaluation e = replayAtCi("T7-perturbation-scalar-second-order");
        assertEquals(Verdict.HOLDS, e.verdict(), e.toString());
    }

    /**
     * {@link StabilityChecks#pairVerdict} on synthetic limits (ε = 1e-4, prediction p, second-order
     * estimate 1e-7 = 1e-3 ε): an even part of 0.009 ε (within 10× the estimate) with the odd part exact
     * HOLDS, 0.011 ε does not; an odd miss of 0.6 ε is VIOLATED whatever the even part; an even
     * part of 0.1 ε is INCONCLUSIVE; a floor of 0.4 ε is not resolved (an odd miss of 0.3 ε would
     * otherwise pass); a run from −δ that diverged is VIOLATED, one cut short INCONCLUSIVE with
     * its outcome. Mutants: the even part ignored (0.1 ε HOLDS), the odd part taken from the run
     * from δ alone (the first INCONCLUSIVE), no resolution guard (the floor case HOLDS), a diverged
     * run from −δ not counted.
     */
    @Test
    void thePairVerdictJudgesTheOddPartAndBoundsTheEvenPart() {
        double eps = 1e-4;
        double[] p = {3e-5, -4e-5};
        Evaluation single = Evaluation.inconclusive(Cause.BETWEEN_THRESHOLDS, "prediction_error_over_eps", 0.01,
                "between");
        double[] even = {0.9e-6, 0};
        Evaluation ok = StabilityChecks.pairVerdict(single, Outcome.CONVERGED, add(p, even), add(neg(p), even), p, eps,
                1e-7, 1e-9);
        assertEquals(Verdict.HOLDS, ok.verdict(), ok.toString());
        double[] beyond = {1.1e-6, 0};
        Evaluation more = StabilityChecks.pairVerdict(single, Outcome.CONVERGED, add(p, beyond), add(neg(p), beyond), p,
                eps, 1e-7, 1e-9);
        assertEquals(Cause.BETWEEN_THRESHOLDS, more.cause(), more.toString());
        double[] oddMiss = {3e-5, 0};
        Evaluation unresolved = StabilityChecks.pairVerdict(single, Outcome.CONVERGED, add(p, oddMiss),
                neg(add(p, oddMiss)), p, eps, 1e-7, 4e-5);
        assertEquals(Cause.LIMIT_UNRESOLVED, unresolved.cause(), unresolved.toString());
        Evaluation left = StabilityChecks.pairVerdict(single, Outcome.DIVERGED, add(p, even), null, p, eps, 1e-7, 1e-9);
        assertEquals(Cause.LEFT_ATTRACTING_POINT, left.cause(), left.toString());
        double[] miss = {6e-5, 0};
        Evaluation off = StabilityChecks.pairVerdict(single, Outcome.CONVERGED, add(add(p, miss), even),
                add(neg(add(p, miss)), even), p, eps, 1e-7, 1e-9);
        assertEquals(Cause.LIMIT_MISPREDICTED, off.cause(), off.toString());
        double[] large = {1e-5, 0};
        Evaluation big = StabilityChecks.pairVerdict(single, Outcome.CONVERGED, add(p, large), add(neg(p), large), p,
                eps, 1e-7, 1e-9);
        assertEquals(Cause.BETWEEN_THRESHOLDS, big.cause(), big.toString());
        Evaluation cut = StabilityChecks.pairVerdict(single, Outcome.TIMED_OUT, add(p, even), null, p, eps, 1e-7, 1e-9);
        assertEquals(Cause.TIMED_OUT, cut.cause(), cut.toString());
        assertTrue(cut.reason().contains("−δ ended TIMED_OUT"), cut.reason());
    }

    /**
     * {@link StabilityChecks#secondDerivative} against a closed form: for F(x) = x∘x (each
     * coordinate squared), F''[d] = 2 diag(d), whose Frobenius norm along a unit d is 2. Mutant: the
     * difference divided by the step alone (2‖d‖ = 6 here).
     */
    @Test
    void theSecondDerivativeAlongADirectionMatchesAClosedForm() {
        org.sgema.flows.VectorField squares = new org.sgema.testing.ThreeStateField() {
            @Override
            public void evaluate(double[] x, double[] out) {
                for (int i = 0; i < 3; i++) {
                    out[i] = x[i] * x[i];
                }
            }

            @Override
            public void jacobianTimes(double[] x, double[] v, double[] out) {
                for (int i = 0; i < 3; i++) {
                    out[i] = 2 * x[i] * v[i];
                }
            }
        };
        double[] x = {0.3, -1.2, 2.0};
        double[] d = {2.0, -1.0, 2.0}; // ‖d‖ = 3
        double k = StabilityChecks.secondDerivative(squares, x, d, squares.jacobian(x));
        assertEquals(2.0, k, 1e-9);
    }

    /** @return the claim's verdict on a stored case, replayed with the ci profile's settings */
    private static Evaluation replayAtCi(String name) {
        CaseFiles.CaseFile f = CaseFiles.readCase(Path.of("src/test/resources/cases/" + name + ".json"));
        return f.claim().check(f.reproduction(), RunProfile.load("ci").integration(f.source()));
    }

    private static double[] add(double[] a, double[] b) {
        double[] c = a.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += b[i];
        }
        return c;
    }

    private static double[] neg(double[] a) {
        double[] c = a.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] = -c[i];
        }
        return c;
    }

    @Test
    void theDigitsCaseThatWasCalledViolatedIsNotAnyMore() {
        Evaluation e = replayAtCi("T7-perturbation-digits-slow-unstable");
        assertNotEquals(Verdict.VIOLATED, e.verdict(), e.toString());
    }

    /**
     * Two trajectories of the ci run (seed 20261127, T5-limit-points tries 22 and 17) that do not
     * converge: SG at (9, 2) and EMA at (12, 2), asymmetric views; ‖F‖ stays near 0.16 and 0.18 up
     * to t = 1e5. Each ends on a normally attracting relative periodic orbit (shooting, with its
     * multipliers; see {@code RelativePeriodicOrbitTest}): no limit point, so [T5] and [E1] are
     * HYPOTHESIS_NOT_MET with the cause NO_LIMIT_POINT. Mutant: without the orbit search both stay
     * INCONCLUSIVE (STEADY_MOTION), as before the search existed.
     */
    @Test
    void trajectoriesOnAnAttractingPeriodicOrbitHaveNoLimitPoint() {
        for (String name : new String[] {"T5-limit-points-sg-steady", "T5-limit-points-ema-steady"}) {
            CaseFiles.CaseFile f = CaseFiles.readCase(Path.of("src/test/resources/cases/" + name + ".json"));
            IntegrationSettings settings = RunProfile.load("ci").integration(f.source());
            Evaluation t5 = f.claim().check(f.reproduction(), settings);
            assertEquals(Verdict.HYPOTHESIS_NOT_MET, t5.verdict(), t5.toString());
            assertEquals(Cause.NO_LIMIT_POINT, t5.cause(), t5.toString());
            Evaluation e1 = StabilityChecks.limitPoint(f.reproduction(), settings);
            assertEquals(Cause.NO_LIMIT_POINT, e1.cause(), e1.toString());
        }
    }

    /** @return a NORMALLY_ATTRACTING classification counting {@code d} zeros (max Re −0.5, bound 1e-7) */
    private static Stability attractingWithDimension(int d) {
        return new Stability(StabilityVerdict.NORMALLY_ATTRACTING, "", 0, d, null, d, 1e-7, -0.5, 1e3, null);
    }

    private static DMatrixRMaj scalar(double x) {
        return new DMatrixRMaj(new double[][] {{x}});
    }

    /** Scalar SG with c = 1, k = 0.5: the collapsed point (0.25, 0) is a saddle (a(ac − k) &lt; 0). */
    private static Case nearTheSaddle(Dynamics dynamics) {
        Configuration c = Configuration.views(scalar(1), scalar(0.5), scalar(1), 1);
        return new Case(c, State.of(scalar(0.25), scalar(1e-9)), Flow.SG, 0, dynamics);
    }

    @Test
    void aTrajectoryThatStopsNearASaddleIsNotCalledViolated() {
        // the run starts (and stops) next to the saddle; continuing from the projected limit never moves,
        // so the old confirmation called this VIOLATED; continuing from the end state, it leaves. With
        // its remaining path counted (the saddle has no decaying mode: unbounded), the converged run
        // is continued with a tighter stop test, follows the trajectory off the saddle and reaches its
        // true limit, which attracts: HOLDS
        Evaluation e = StabilityChecks.limitPoint(nearTheSaddle(Dynamics.EXACT), IntegrationSettings.defaults());
        assertEquals(Verdict.HOLDS, e.verdict(), e.toString());
        assertTrue(e.metric() < 0, e.toString());
    }

    @Test
    void aClassifiedUnstableLimitThatHoldsTheContinuedRunIsViolated() {
        // (a, b) = (0.5, 0.8) is an attracting point of V (ac = k); pretend the classifier called it
        // unstable with rate 0.5: continued from 1e-6 away, the run settles next to it, so VIOLATED
        Configuration c = Configuration.views(scalar(1), scalar(0.5), scalar(1), 1);
        State limit = State.of(scalar(0.5), scalar(0.8));
        State end = State.of(scalar(0.5 + 1e-6), scalar(0.8));
        IntegrationSettings s = IntegrationSettings.defaults();
        Evaluation e = StabilityChecks.saddleOrViolation(unstable(0.5), new org.sgema.integration.FlowIntegrator(s), s,
                Flow.SG.field(c), end, limit);
        assertEquals(Verdict.VIOLATED, e.verdict(), e.toString());
        assertEquals(Cause.UNSTABLE_EQUILIBRIUM, e.cause());
        // the same with a real saddle direction: (0.25, 1e-6) next to the collapsed saddle (0.25, 0) leaves
        Evaluation saddle = StabilityChecks.saddleOrViolation(unstable(0.0625), new org.sgema.integration.FlowIntegrator(s),
                s, Flow.SG.field(c), State.of(scalar(0.25), scalar(1e-6)), State.of(scalar(0.25), scalar(0)));
        assertEquals(Cause.SADDLE_LEFT, saddle.cause(), saddle.toString());
    }

    /**
     * A converged run's limit is not the classified point: the path still to travel is about
     * ‖F‖/|max Re λ|. With ‖F‖ = 2e-10, a slowest rate of 1e-5 and L = 1 the limit may be 2e-5 away,
     * which moves eigenvalues by more than 1e-5: the sign is undecided. At ‖F‖ = 2e-12 it is decided.
     * Mutant: error 0 for converged runs (as before), which decides the first.
     */
    @Test
    void aConvergedRunsRemainingPathWidensTheBound() {
        Stability attracting = new Stability(StabilityVerdict.NORMALLY_ATTRACTING, "attracting", 1e-14, 1, null, 1,
                1e-12, -1e-5, 1e3, null);
        double far = StabilityChecks.convergedLimitError(0, 2e-10, Double.NaN, attracting);
        assertEquals(2e-5, far, 1e-18);
        Evaluation undecided = StabilityChecks.driftVerdict(attracting, far, true, LimitApproach.Kind.CONVERGED, far);
        assertNotNull(undecided);
        assertEquals(Cause.CLASSIFICATION_UNDECIDED, undecided.cause(), undecided.toString());
        double near = StabilityChecks.convergedLimitError(1e-13, 2e-12, Double.NaN, attracting);
        assertEquals(2e-7 + 1e-13, near, 1e-18);
        assertNull(StabilityChecks.driftVerdict(attracting, near, true, LimitApproach.Kind.CONVERGED, near));
        assertEquals(Double.POSITIVE_INFINITY, StabilityChecks.convergedLimitError(0, 1e-12, Double.NaN,
                new Stability(StabilityVerdict.INCONCLUSIVE, "0", 1e-14, 1, null, 1, 1e-12, 0, 0, null)));
        // a limit not located (error +∞, or NaN from a NaN residual) decides nothing (mutant: the
        // test |max Re| ≤ bound + drift, false for a NaN drift, lets the classification stand)
        for (double error : new double[] {Double.POSITIVE_INFINITY, Double.NaN}) {
            Evaluation unlocated = StabilityChecks.driftVerdict(attracting, 1e3 * error, true,
                    LimitApproach.Kind.CONVERGED, error);
            assertNotNull(unlocated, "error " + error);
            assertEquals(Cause.CLASSIFICATION_UNDECIDED, unlocated.cause());
            assertTrue(unlocated.reason().contains("not located"), unlocated.reason());
        }
        Evaluation nanDrift = StabilityChecks.driftVerdict(attracting, Double.NaN, true, LimitApproach.Kind.CONVERGED,
                1e-9);
        assertNotNull(nanDrift, "a NaN drift");
    }

    /**
     * The ci case (seed 20261127, E1 targeted try 65; SG (9, 1), asymmetric views, TINY_GAP) that
     * was HOLDS with no bound: its run meets the stop test 1e-10 with the slowest rate −8.8e-7, so
     * its limit may be 1e-4 from the classified point; continued with the stop test 2.7e-14 it is
     * still 1.2e-7 away, which moves eigenvalues by up to 3e-5 (L·distance), more than 8.8e-7:
     * INCONCLUSIVE. Mutant: error 0 for converged runs (HOLDS).
     */
    @Test
    void aConvergedTinyGapLimitIsNotDecidedBeyondItsBound() {
        Evaluation e = replayAtCi("E1-converged-tiny-gap");
        assertEquals(Verdict.INCONCLUSIVE, e.verdict(), e.toString());
        assertEquals(Cause.CLASSIFICATION_UNDECIDED, e.cause(), e.toString());
        assertTrue(e.reason().contains("continued from"), e.reason());
    }

    /**
     * A run whose ‖F‖ is small because its unstable component is tiny (1e-14, then 1e-18, along the
     * unstable b of the collapsed saddle (0.25, 0), rate 0.0625), while it is 2e-9 from the
     * projected limit: a stop test at 1e-14 (1 + ‖θ‖) is met at once, and growth counted from
     * d = 2e-9, or from rounding level of the state (b = 0 at the saddle: rounding does not reach
     * 1e-18), looks long enough. Continued without a stop test, by the explicit method, for the time
     * the component needs to grow to 1e-3, the run leaves: INCONCLUSIVE (SADDLE_LEFT), also when
     * the claim's settings ask for the stiff method. Mutants: the continuation that stops on the
     * 1e-14 test and counts CONVERGED as shown (VIOLATED at 1e-14); growth counted from rounding
     * level of the state, 34.1 e-folds (VIOLATED at 1e-18); the settings' stiff method, whose
     * L-stable step of h·0.0625 ≈ 34 damps the mode (VIOLATED). With no component along the mode
     * (b = 0) nothing can show: UNRESOLVED_MODE.
     */
    @Test
    void aTinyUnstableComponentIsGivenTimeToGrow() {
        Configuration c = Configuration.views(scalar(1), scalar(0.5), scalar(1), 1);
        State saddle = State.of(scalar(0.25), scalar(0));
        for (double b : new double[] {1e-14, 1e-18}) {
            for (org.sgema.integration.Method method : new org.sgema.integration.Method[] {
                    org.sgema.integration.Method.AUTO, org.sgema.integration.Method.STIFF}) {
                IntegrationSettings s = IntegrationSettings.defaults().withMethod(method);
                Evaluation e = StabilityChecks.saddleOrViolation(unstable(0.0625),
                        new org.sgema.integration.FlowIntegrator(s), s, Flow.SG.field(c),
                        State.of(scalar(0.25 + 2e-9), scalar(b)), saddle);
                assertEquals(Cause.SADDLE_LEFT, e.cause(), b + ", " + method + ": " + e);
            }
        }
        IntegrationSettings s = IntegrationSettings.defaults();
        Evaluation none = StabilityChecks.saddleOrViolation(unstable(0.0625), new org.sgema.integration.FlowIntegrator(s),
                s, Flow.SG.field(c), State.of(scalar(0.25 + 2e-9), scalar(0)), saddle);
        assertEquals(Cause.UNRESOLVED_MODE, none.cause(), none.toString());
        // a mode too slow to grow within 20 horizons is not followed at all
        IntegrationSettings shortRun = s.withHorizon(20);
        Evaluation slow = StabilityChecks.saddleOrViolation(unstable(0.0625),
                new org.sgema.integration.FlowIntegrator(shortRun), shortRun, Flow.SG.field(c),
                State.of(scalar(0.25 + 2e-9), scalar(1e-14)), saddle);
        assertEquals(Cause.UNRESOLVED_MODE, slow.cause(), slow.toString());
    }

    /**
     * The component along the leading unstable eigenspace against closed forms: a non-normal J =
     * [[1, 5], [0, −1]] (right eigenvector (1, 0), left (1, 2.5): Π₊ = [[1, 2.5], [0, 0]], so
     * δ = (0, 1) has component 2.5, not its orthogonal projection 0), and a complex pair 0.3 ± 2i
     * in the plane of the first two coordinates (component √(x² + y²)). Mutants: the orthogonal
     * projection onto the right eigenvector (0 for the first); λ₊ taken real for a pair (NaN: J −
     * 0.3 I has no kernel).
     */
    @Test
    void theUnstableComponentIsTheSpectralProjection() {
        DMatrixRMaj nonNormal = new DMatrixRMaj(new double[][] {{1, 5}, {0, -1}});
        assertEquals(2.5, StabilityChecks.unstableComponent(nonNormal, 1, Spectrum.of(nonNormal), new double[] {0, 1}),
                1e-12);
        DMatrixRMaj pair = new DMatrixRMaj(new double[][] {{0.3, -2, 0}, {2, 0.3, 0}, {0, 0, -1}});
        assertEquals(5, StabilityChecks.unstableComponent(pair, 0.3, Spectrum.of(pair), new double[] {3, 4, 7}),
                1e-10);
    }

    /**
     * For a non-normal J the end state can be much further from its limit than ‖F‖/min|Re λ|: the
     * linear field F(θ) = Jθ (limit 0) with J = [[0, 0, 0], [0, −1, K], [0, 0, −1]], K = 1e3 (kernel e₁,
     * eigenvalues 0, −1, −1), from θ_end = (0, Kε, ε) with ε = 1e-10 has F = (0, 0, −ε), so ‖F‖/1 =
     * ε, while its limit is θ_end − (I − Π₀)θ_end = 0, at distance ε√(K² + 1) ≈ 1e-7: the error is
     * the first-order displacement ‖J^D F‖. From (0, 0, ε), where F = (0, Kε, −ε), the old estimate
     * ε√(K² + 1) is larger than the displacement ε and stands; so for a run decided by a fitted law.
     * Where J^D cannot be formed (a Jordan block at 0, or no null vectors) the limit is not located
     * (+∞). Mutants: the first-order term left out (error 1e-10); the fitted law's own error
     * (1.1e-9); NaN for a J^D not formed (the old estimate would stand).
     */
    @Test
    void aNonNormalJacobiansFirstOrderPathWidensTheError() {
        double k = 1e3;
        DMatrixRMaj j = new DMatrixRMaj(new double[][] {{0, 0, 0}, {0, -1, k}, {0, 0, -1}});
        Stability st = new Stability(StabilityVerdict.NORMALLY_ATTRACTING, "attracting", 0, 1, null, 1, 1e-12, -1, 1e12,
                Spectrum.of(j));
        org.sgema.numerics.SpectralProjector.NullVectors nv = org.sgema.numerics.SpectralProjector.nullVectors(j, 1);
        double eps = 1e-10;
        double[] hidden = {0, 0, -eps}; // F(0, Kε, ε)
        double firstOrder = StabilityChecks.firstOrderPath(j, 1, nv, hidden);
        assertEquals(eps * Math.sqrt(k * k + 1), firstOrder, 1e-22);
        assertEquals(eps * Math.sqrt(k * k + 1),
                StabilityChecks.convergedLimitError(0, org.sgema.numerics.Matrices.norm(hidden), firstOrder, st), 1e-22);
        double[] plain = {0, k * eps, -eps}; // F(0, 0, ε)
        double plainFirst = StabilityChecks.firstOrderPath(j, 1, nv, plain);
        assertEquals(eps, plainFirst, 1e-24);
        assertEquals(eps * Math.sqrt(k * k + 1),
                StabilityChecks.convergedLimitError(0, org.sgema.numerics.Matrices.norm(plain), plainFirst, st), 1e-22);
        // a run decided by its fitted law: the polishing's distance plus the larger of the law's
        // remaining path and δ₁ (mutant: the approach's own error, 1e-9 + 1e-10)
        State origin = State.of(scalar(0), new DMatrixRMaj(1, 2));
        LimitApproach fitted = new LimitApproach(LimitApproach.Kind.EXPONENTIAL, 1, Double.NaN, 0.01, origin, 1e-9, 1e-10,
                "test");
        assertEquals(1e-9 + eps * Math.sqrt(k * k + 1), StabilityChecks.fittedLimitError(fitted, firstOrder), 1e-22);
        assertEquals(1e-9 + 1e-10, StabilityChecks.fittedLimitError(fitted, Double.NaN), 1e-24);
        // the same through limitError, as classifiedLimit calls it, for both kinds
        LimitApproach converged = new LimitApproach(LimitApproach.Kind.CONVERGED, Double.NaN, Double.NaN, Double.NaN,
                origin, 0, 0, "test");
        assertEquals(eps * Math.sqrt(k * k + 1), StabilityChecks.limitError(converged, 0, hidden, j, nv, st), 1e-22);
        assertEquals(1e-9 + eps * Math.sqrt(k * k + 1), StabilityChecks.limitError(fitted, 0, hidden, j, nv, st), 1e-22);
        // no J (not attracting): the old estimate; J^D not formed: not located
        assertEquals(eps, StabilityChecks.limitError(converged, 0, hidden, null, null, st), 1e-24);
        assertEquals(Double.POSITIVE_INFINITY, StabilityChecks.firstOrderPath(j, 1, null, hidden));
        DMatrixRMaj jordan = new DMatrixRMaj(new double[][] {{0, 1, 0}, {0, 0, 0}, {0, 0, -1}});
        assertEquals(Double.POSITIVE_INFINITY, StabilityChecks.firstOrderPath(jordan, 1,
                org.sgema.numerics.SpectralProjector.nullVectors(jordan, 1), new double[] {0, 0, 1e-10}));
    }

    /**
     * At an UNSTABLE point the path still to travel is set by the slowest decaying eigenvalue, not
     * by Re λ₊: spectrum {1e-3, −1e-6, −1}, ‖F‖ = 3e-10 gives 3e-4 (not 3e-7). Mutant: |max Re λ|.
     */
    @Test
    void theRemainingPathOfAConvergedRunComesFromItsSlowestDecay() {
        Stability st = new Stability(StabilityVerdict.UNSTABLE, "unstable", 1e-14, 0, null, 0, 1e-12, 1e-3, 1,
                Spectrum.of(new double[] {1e-3, -1e-6, -1}, new double[] {0, 0, 0}));
        assertEquals(3e-4, StabilityChecks.convergedLimitError(0, 3e-10, Double.NaN, st), 1e-16);
    }

    /**
     * The real saddle of the test above, with a continued run cut short (here by a budget of 30
     * evaluations; on a busy machine, by the wall clock): it has not moved, but had no time to, so
     * INCONCLUSIVE. Mutant: the continued run's outcome and time ignored (VIOLATED, as before).
     */
    @Test
    void aContinuedRunCutShortShowsNothing() {
        Configuration c = Configuration.views(scalar(1), scalar(0.5), scalar(1), 1);
        IntegrationSettings s = IntegrationSettings.defaults().withMaxEvaluations(30);
        Evaluation e = StabilityChecks.saddleOrViolation(unstable(0.0625), new org.sgema.integration.FlowIntegrator(s),
                s, Flow.SG.field(c), State.of(scalar(0.25), scalar(1e-6)), State.of(scalar(0.25), scalar(0)));
        assertEquals(Verdict.INCONCLUSIVE, e.verdict(), e.toString());
        assertEquals(Cause.UNRESOLVED_MODE, e.cause(), e.toString());
        assertTrue(e.reason().contains("too soon"), e.reason());
    }

    @Test
    void aPerturbedRunThatDivergesFromAnAttractingPointIsViolated() {
        // the old check called any run that did not converge INCONCLUSIVE
        Evaluation e = StabilityChecks.attractingVerdict(Outcome.DIVERGED, Double.NaN, 1e-4, 1e-9, 1e-9);
        assertEquals(Verdict.VIOLATED, e.verdict(), e.toString());
        assertEquals(Cause.LEFT_ATTRACTING_POINT, e.cause());
    }

    @Test
    void aLimitThatMissesItsFirstOrderPredictionIsViolated() {
        // beyond 0.5 ε + 10 curvature + floor: VIOLATED even where the guard would not resolve 0.05 ε
        Evaluation far = StabilityChecks.attractingVerdict(Outcome.CONVERGED, 3e-4, 1e-4, 1e-5, 1e-4);
        assertEquals(Cause.LIMIT_MISPREDICTED, far.cause(), far.toString());
        Evaluation within = StabilityChecks.attractingVerdict(Outcome.CONVERGED, 2.4e-4, 1e-4, 1e-5, 1e-4);
        assertEquals(Cause.LIMIT_UNRESOLVED, within.cause(), within.toString());
        // 0.9 ε from θ* + Π₀δ: the old check (distance from θ* ≤ 100 ε) called this HOLDS
        Evaluation e = StabilityChecks.attractingVerdict(Outcome.CONVERGED, 0.9e-4, 1e-4, 1e-9, 1e-9);
        assertEquals(Verdict.VIOLATED, e.verdict(), e.toString());
        assertEquals(Cause.LIMIT_MISPREDICTED, e.cause());
        Evaluation good = StabilityChecks.attractingVerdict(Outcome.CONVERGED, 2e-9, 1e-4, 1e-9, 1e-9);
        assertEquals(Verdict.HOLDS, good.verdict(), good.toString());
        Evaluation unresolved = StabilityChecks.attractingVerdict(Outcome.CONVERGED, 0.9e-4, 1e-4, 1e-5, 1e-9);
        assertEquals(Cause.LIMIT_UNRESOLVED, unresolved.cause(), unresolved.toString());
        Evaluation horizon = StabilityChecks.attractingVerdict(Outcome.HORIZON_REACHED, Double.NaN, 1e-4, 1e-9, 1e-9);
        assertEquals(Cause.HORIZON_REACHED, horizon.cause());
    }

    @Test
    void aScalarEquilibriumWhoseClassificationIsUndecidedIsNotCountedAsAttracting() {
        // b = 1e-7: q = ατb²c ~ 1e-14, the non-zero eigenvalue is lost in the zero cluster
        Configuration c = Configuration.views(scalar(1), scalar(0.5), scalar(1), 1);
        Evaluation e = StabilityChecks.scalar(new Case(c, State.of(scalar(0.3), scalar(1e-7), scalar(1e-7)), Flow.EMA, 0));
        assertEquals(Verdict.INCONCLUSIVE, e.verdict(), e.toString());
        assertEquals(Cause.CLASSIFICATION_UNDECIDED, e.cause());
        Evaluation clear = StabilityChecks.scalar(new Case(c, State.of(scalar(0.3), scalar(0.7), scalar(0.7)), Flow.EMA, 0));
        assertEquals(Verdict.HOLDS, clear.verdict(), clear.toString());
    }

    @Test
    void anAttractingClassificationWithTheWrongManifoldDimensionIsNotAccepted() {
        Configuration c = Configuration.views(scalar(1), scalar(0.5), scalar(1), 1).withLambda(0.1);
        State p = State.of(scalar(0.4), scalar(0.6));
        Stability right = attractingWithDimension(0);
        Stability wrong = attractingWithDimension(1);
        // λ > 0, m = 1, full rank: the O(1)-orbit is a point, dimension 0
        assertEquals(Verdict.HOLDS, StabilityChecks.predictedDimension(c, p, right, 0.6, 0).verdict());
        assertEquals(Cause.DIMENSION_MISMATCH, StabilityChecks.predictedDimension(c, p, wrong, 0.6, 0).cause());
        // λ = 0, a point of V (a = Mᵀ = 0.5): dimension m² = 1
        State onV = State.of(scalar(0.5), scalar(0.6));
        assertEquals(Verdict.HOLDS, StabilityChecks.predictedDimension(c.withLambda(0), onV, wrong, 0.6, 0).verdict());
        assertEquals(Cause.DIMENSION_MISMATCH,
                StabilityChecks.predictedDimension(c.withLambda(0), onV, right, 0.6, 0).cause());
    }

    /**
     * [E1] at a limit off V with A = 0 (λ = 0): SG at (n, m) = (3, 1), Cxx = Cyy = I, asymmetric
     * Cxy = K = [[0.1, 0.6, 0], [−0.6, −0.1, 0], [0, 0, 0.3]], the point (a, b) = (0, h (1, −1, 0)),
     * h = 0.8/√2, with b Cyx bᵀ = 0. R = −b Kᵀ = h (0.5, 0.5, 0) ≠ 0, so a = 0 at every equilibrium
     * nearby and they form {a = 0, b Cyx bᵀ = 0}, of dimension mn − m² = 2 (k = m = 1 in
     * m² + k(n − m − k)), not m² = 1. On the span of a and u = b Cyx, J is [[−α‖b‖², α u·s], [1, 0]]
     * with s = (K + Kᵀ) bᵀ, and u·s = −0.2 h² &lt; 0: attracting. The classifier, computed
     * independently from J, counts 2 there and calls it attracting; the check accepts 2 and refuses
     * 1. R's rank is decided only while 10 δR(e) &lt; s₁(R) = 0.4: with e 0.5 % below the e* where
     * they are equal (δR as documented, solved here) the prediction stands, 0.5 % above it there is
     * none (rank A ≥ 0 and rank R ≥ 0 decide nothing), for either count. Mutants: no corank branch
     * (2 refused); δR without its e² term (decided above e*); m² where the ranks are undecided
     * (1 accepted).
     */
    @Test
    void aLimitWithAVanishingPredictorHasTheDimensionOfItsOwnBranch() {
        DMatrixRMaj id = CommonOps_DDRM.identity(3);
        DMatrixRMaj cxy = new DMatrixRMaj(new double[][] {{0.1, 0.6, 0}, {-0.6, -0.1, 0}, {0, 0, 0.3}});
        Configuration c = Configuration.views(id, cxy, id.copy(), 1);
        double h = 0.8 / Math.sqrt(2);
        State p = State.of(scalar(0), new DMatrixRMaj(new double[][] {{h, -h, 0}}));
        Stability st = new StabilityClassifier().classify(Flow.SG.field(c), p);
        assertEquals(StabilityVerdict.NORMALLY_ATTRACTING, st.verdict(), st.toString());
        assertEquals(2, st.localDimension(), st.toString());
        assertEquals(Verdict.HOLDS, StabilityChecks.predictedDimension(c, p, st, 0.8, 1e-12).verdict());
        Stability one = attractingWithDimension(1);
        Evaluation refused = StabilityChecks.predictedDimension(c, p, one, 0.8, 1e-12);
        assertEquals(Cause.DIMENSION_MISMATCH, refused.cause(), refused.toString());
        // 10 δR(e*) = s₁(R) = 0.4: 10 e (√3 (0 + 0.8 + e) + ‖K‖) + 10⁻¹¹ · 0.8 ‖K‖ = 0.4
        double cxx = Math.sqrt(3);
        double k = Math.sqrt(0.01 + 0.36 + 0.36 + 0.01 + 0.09);
        double qa = 10 * cxx;
        double qb = 10 * (cxx * 0.8 + k);
        double qc = 1e-11 * 0.8 * k - 0.4;
        double eStar = (-qb + Math.sqrt(qb * qb - 4 * qa * qc)) / (2 * qa);
        assertEquals(Verdict.HOLDS, StabilityChecks.predictedDimension(c, p, st, 0.8, 0.995 * eStar).verdict());
        for (Stability count : new Stability[] {st, one}) {
            Evaluation none = StabilityChecks.predictedDimension(c, p, count, 0.8, 1.005 * eStar);
            assertEquals(Cause.DIMENSION_UNPREDICTED, none.cause(), none.toString());
        }
    }

    /**
     * [E1] at a limit where A has corank k = 1 and R rank 1 (λ = 0): random asymmetric views (the
     * draw below), SG (5, 2) converges to a limit with s(A) ≈ (0.52, 4e-16) and s(R) ≈ (0.011,
     * 9e-17), attracting with the classifier's count 6 = m² + k(n − m − k) = 4 + 1·2, not m² = 4.
     * The limit is checked to be on that stratum (projected onto F = 0 and classified here as
     * [E1] does), and the full [E1] path accepts it. Mutants: m² at every λ = 0 limit
     * (DIMENSION_MISMATCH); m² + k(n − m + k) (DIMENSION_MISMATCH).
     */
    @Test
    void aLimitWithASingularPredictorHasTheDimensionOfItsBranch() {
        java.util.Random r = new java.util.Random(15);
        int m = 2 + r.nextInt(3);
        int n = m + 1 + r.nextInt(6);
        Configuration c = org.sgema.model.RandomConfigurations.asymmetric(
                org.sgema.model.RandomConfigurations.logSpaced(2 * n, 1.0, 10), m, r);
        State s0 = org.sgema.model.RandomConfigurations.fanInState(m, n, false, 1.0, r);
        assertEquals(2, m);
        assertEquals(5, n);
        IntegrationSettings settings = RunProfile.load("ci").integration();
        org.sgema.flows.VectorField f = Flow.SG.field(c);
        org.sgema.integration.Trajectory t = new org.sgema.integration.FlowIntegrator(settings).integrate(f, s0);
        assertEquals(Outcome.CONVERGED, t.outcome(), t.reason());
        State limit = new org.sgema.equilibria.EquilibriumProjector().project(f, t.finalState()).state();
        double[] sA = org.sgema.numerics.RankEstimate.singularValues(limit.predictor());
        double[] sR = org.sgema.numerics.RankEstimate.singularValues(org.sgema.model.Objective.residual(c, limit));
        assertTrue(sA[1] < 1e-12 && sA[0] > 0.1, java.util.Arrays.toString(sA));
        assertTrue(sR[1] < 1e-12 && sR[0] > 1e-3, java.util.Arrays.toString(sR));
        Stability st = new StabilityClassifier().classify(f, limit);
        assertEquals(6, st.localDimension(), st.toString());
        Evaluation e = StabilityChecks.limitPoint(new Case(c, s0, Flow.SG, 0), settings);
        assertEquals(Verdict.HOLDS, e.verdict(), e.toString());
    }

    /**
     * [E1] in the symmetric model (Cxy = S ⪰ 0) every λ = 0 equilibrium has R = 0, so m² is the
     * prediction without deciding A's rank: n = 2, m = 1, S = diag(1, 1e-7), N = I/2, the point of V
     * (a, b) = (μ₂, (0, 0.7)) with μ₂ = 1e-7/(0.5 + 1e-7) ≈ 2e-7, and a limit error of 1e-7 that
     * leaves a's rank undecided (s(A) = 2e-7 &lt; 10 × 1e-7). The same moments as general views go
     * through the rank decision and have no prediction. Mutant: no symmetric-model shortcut
     * (DIMENSION_UNPREDICTED).
     */
    @Test
    void inTheSymmetricModelEveryLimitIsOnVWhateverTheRankOfA() {
        Configuration c = Configuration.symmetric(CommonOps_DDRM.diag(1, 1e-7), CommonOps_DDRM.diag(0.5, 0.5), 1);
        double mu = 1e-7 / (0.5 + 1e-7);
        State p = State.of(scalar(mu), new DMatrixRMaj(new double[][] {{0, 0.7}}));
        assertTrue(org.sgema.numerics.Matrices.norm(org.sgema.model.Objective.residual(c, p)) < 1e-15);
        Stability one = attractingWithDimension(1);
        assertEquals(Verdict.HOLDS, StabilityChecks.predictedDimension(c, p, one, 0.7, 1e-7).verdict());
        Configuration views = Configuration.views(c.cxx(), c.cxy(), c.cyy(), 1);
        assertEquals(Cause.DIMENSION_UNPREDICTED, StabilityChecks.predictedDimension(views, p, one, 0.7, 1e-7).cause());
    }

    /**
     * [E1] at a limit known to a distance: a NORMALLY_ATTRACTING verdict whose zero is not decided
     * semisimple once J is known only to bound + L·distance is INCONCLUSIVE; with it decided, or at a
     * converged limit, the verdict stands; a |max Re| within bound + drift is INCONCLUSIVE either way.
     * Mutant: the semisimplicity flag ignored gives the attracting verdict.
     */
    @Test
    void anAttractingVerdictNeedsASemisimpleZeroWithinTheLimitsError() {
        Stability attracting = new Stability(StabilityVerdict.NORMALLY_ATTRACTING, "", 1e-14, 4, null, 4, 1e-12,
                -0.5, 1e3, null);
        Evaluation undecided = StabilityChecks.driftVerdict(attracting, 1e-3, false,
                org.sgema.stability.LimitApproach.Kind.EXPONENTIAL, 1e-5);
        assertEquals(Verdict.INCONCLUSIVE, undecided.verdict());
        assertTrue(undecided.reason().contains("not decided semisimple"), undecided.reason());
        assertEquals(null, StabilityChecks.driftVerdict(attracting, 1e-3, true,
                org.sgema.stability.LimitApproach.Kind.EXPONENTIAL, 1e-5));
        Evaluation slow = StabilityChecks.driftVerdict(attracting, 0.6, true,
                org.sgema.stability.LimitApproach.Kind.EXPONENTIAL, 1e-3);
        assertEquals(Verdict.INCONCLUSIVE, slow.verdict());
        assertTrue(slow.reason().contains("moves eigenvalues"), slow.reason());
    }
}
