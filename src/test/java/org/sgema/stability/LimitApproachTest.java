package org.sgema.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sgema.testing.ThreeStateField;
import org.sgema.flows.VectorField;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Outcome;
import org.sgema.integration.Trajectories;
import org.sgema.integration.Trajectory;
import org.sgema.model.State;
import org.sgema.numerics.Matrices;

/**
 * The approach to a limit, decided on fields whose laws are known in closed form:
 * <pre>
 *   θ̇ = −μθ           ‖F(t)‖ = μ‖θ₀‖e^{−μt}             exponential, rate μ
 *   θ̇_i = −θ_i³        θ_i(t) = θ_i(0)/√(1 + 2θ_i(0)²t)   ‖F‖ ~ t^{−3/2}: algebraic, p = 3/2
 *   θ̇ = (−θ₂, θ₁, 0)   ‖F‖ constant                      no law: UNRESOLVED at T = 100, STEADY at T = 2000
 *   spiral, ζ = 1e-3    ‖F‖ ∝ e^{−ζt}                     slows down: UNRESOLVED, never STEADY
 * </pre>
 */
class LimitApproachTest {
    /** θ̇ = −μθ. */
    private static ThreeStateField decay(double mu) {
        return ThreeStateField.linear(new double[][] {{-mu, 0, 0}, {0, -mu, 0}, {0, 0, -mu}});
    }

    /** θ̇ = (−θ₂, θ₁, 0). */
    private static ThreeStateField rotation() {
        return spiral(0);
    }

    /** A spiral that slows down: θ̇ = (−ζθ₁ − θ₂, θ₁ − ζθ₂, 0), ‖F‖ ∝ e^{−ζt}. */
    private static ThreeStateField spiral(double zeta) {
        return ThreeStateField.linear(new double[][] {{-zeta, -1, 0}, {1, -zeta, 0}, {0, 0, 0}});
    }

    /** θ̇_i = −μ_i θ_i with two rates: the fast one dominates ‖F‖ early, the slow one late. */
    private static ThreeStateField twoRates(double fast, double slow) {
        return ThreeStateField.linear(new double[][] {{-fast, 0, 0}, {0, -slow, 0}, {0, 0, -fast}});
    }

    private static final class Cubic extends ThreeStateField {
        @Override
        public void evaluate(double[] x, double[] out) {
            for (int i = 0; i < 3; i++) {
                out[i] = -x[i] * x[i] * x[i];
            }
        }

        @Override
        public void jacobianTimes(double[] x, double[] v, double[] out) {
            for (int i = 0; i < 3; i++) {
                out[i] = -3 * x[i] * x[i] * v[i];
            }
        }
    }

    /** Tight tolerances and a stop test never met, to a horizon. */
    private static FlowIntegrator integrator(double horizon) {
        return new FlowIntegrator(IntegrationSettings.defaults().withHorizon(horizon).withConvergenceTolerance(1e-30)
                .withTolerances(1e-11, 1e-14));
    }

    private static Trajectory run(VectorField f, double horizon) {
        return run(f, horizon, 0.5, -0.3, 0.2);
    }

    private static Trajectory run(VectorField f, double horizon, double... start) {
        return integrator(horizon).integrate(f, State.fromArray(1, 2, false, start));
    }

    /** @return the run continued from its end, on its own clock, to the horizon */
    private static Trajectory continued(VectorField f, Trajectory first, double horizon) {
        return integrator(horizon).integrate(f, first.finalState(), first.finalTime());
    }

    @Test
    void anExponentialTailIsExponentialWithItsRate() {
        ThreeStateField f = decay(0.005);
        Trajectory t = run(f, 2000);
        assertEquals(Outcome.HORIZON_REACHED, t.outcome());
        LimitApproach a = LimitApproach.of(f, t);
        assertEquals(LimitApproach.Kind.EXPONENTIAL, a.kind(), a::toString);
        assertEquals(0.005, a.rate(), 1e-5, a::toString);
        assertTrue(Matrices.norm(a.limit().toArray()) < 1e-12, a::toString);
        double left = Matrices.norm(t.finalState().toArray());
        assertTrue(a.limitError() >= left && a.limitError() <= 3 * left, a + " but the limit is " + left + " away");
    }

    /**
     * A tail that falls toward a saddle: θ̇ = diag(−0.005, 0.001, −0.005)θ from a start with no
     * component along the unstable second axis decays like e^{−0.005t} to 0, which is a saddle.
     * The tail cannot tell a run that stays from one that passes (any component there, however
     * small, grows), so the approach is UNRESOLVED, not EXPONENTIAL toward the saddle. The same
     * field with a stable second axis is EXPONENTIAL. Mutant: no classification of the polished
     * point (EXPONENTIAL, the saddle as the limit).
     */
    @Test
    void aTailFallingTowardASaddleIsNotDecided() {
        ThreeStateField saddle = ThreeStateField.linear(new double[][] {{-0.005, 0, 0}, {0, 0.001, 0}, {0, 0, -0.005}});
        Trajectory t = run(saddle, 2000, 0.5, 0, 0.2);
        LimitApproach a = LimitApproach.of(saddle, t);
        assertEquals(LimitApproach.Kind.UNRESOLVED, a.kind(), a::toString);
        assertTrue(a.evidence().contains("unstable"), a::toString);
        ThreeStateField node = ThreeStateField.linear(new double[][] {{-0.005, 0, 0}, {0, -0.001, 0}, {0, 0, -0.005}});
        Trajectory u = run(node, 2000, 0.5, 0, 0.2);
        assertEquals(LimitApproach.Kind.EXPONENTIAL, LimitApproach.of(node, u).kind());
    }

    /**
     * A run stopped by the wall clock is analysed as one stopped at its horizon (its tail says the
     * same), and one stopped by a failure is not. Mutant: only HORIZON_REACHED analysed (the rule
     * before; a stiff EMA try of the ci run then stayed INCONCLUSIVE when the machine was busy).
     */
    @Test
    void aRunStoppedByTheWallClockIsAnalysedAsAtItsHorizon() {
        ThreeStateField f = decay(0.005);
        Trajectory t = run(f, 2000);
        LimitApproach timedOut = LimitApproach.of(f, Trajectories.endedAs(t, Outcome.TIMED_OUT));
        assertEquals(LimitApproach.Kind.EXPONENTIAL, timedOut.kind(), timedOut::toString);
        assertEquals(LimitApproach.of(f, t).rate(), timedOut.rate(), 0, timedOut::toString);
        LimitApproach failed = LimitApproach.of(f, Trajectories.endedAs(t, Outcome.INTEGRATOR_FAILED));
        assertEquals(LimitApproach.Kind.UNRESOLVED, failed.kind(), failed::toString);
    }

    /**
     * A continuation from t = 1200 to 2000 has no points on [1000, 1200]: its own record is not the
     * window the laws are fitted on, whether the wall clock or a horizon stopped it (a predicted
     * horizon may end a continuation before twice the time it started at), so it is not analysed
     * alone; joined to the run before it ({@link Trajectory#followedBy}, as continueToLimit returns
     * it) it is. Mutants: no coverage test for a clock stop (EXPONENTIAL from the short tail), none
     * for a horizon stop (the same).
     */
    @Test
    void aContinuationIsAnalysedOnlyWithTheRunBeforeIt() {
        ThreeStateField f = decay(0.005);
        Trajectory first = run(f, 1200);
        Trajectory continued = continued(f, first, 2000);
        LimitApproach alone = LimitApproach.of(f, continued);
        assertEquals(LimitApproach.Kind.UNRESOLVED, alone.kind(), alone::toString);
        assertTrue(alone.evidence().contains("the record starts at t = 1.20e+03"), alone::toString);
        LimitApproach cut = LimitApproach.of(f, Trajectories.endedAs(continued, Outcome.TIMED_OUT));
        assertEquals(LimitApproach.Kind.UNRESOLVED, cut.kind(), cut::toString);
        assertTrue(cut.evidence().contains("do not cover"), cut::toString);
        Trajectory joined = first.followedBy(continued);
        assertEquals(first.size() + continued.size() - 1, joined.size());
        assertEquals(2000, joined.finalTime(), 0);
        LimitApproach whole = LimitApproach.of(f, joined);
        assertEquals(LimitApproach.Kind.EXPONENTIAL, whole.kind(), whole::toString);
        assertEquals(0.005, whole.rate(), 1e-5, whole::toString);
        assertEquals(LimitApproach.of(f, run(f, 2000)).rate(), whole.rate(), 1e-9, whole::toString);
    }

    /**
     * The algebraic law on a record that starts late: the cubic run continued from 2e4 to 1e5 has
     * ‖F‖ ~ t^{−3/2}, which falls 11× on its own [2e4, 1e5], but that is not the law's window
     * [T/10, T] (on a shorter one a 10× fall forces a large p). Alone it is UNRESOLVED; joined to
     * its first leg the exponent is 3/2. Mutant: no coverage test for the algebraic law (ALGEBRAIC
     * from [2e4, 1e5] alone; the exponential law fails there on its 2.8× fall on [T/2, T]).
     */
    @Test
    void theAlgebraicLawNeedsItsWholeWindow() {
        Cubic f = new Cubic();
        Trajectory first = run(f, 2e4);
        Trajectory continued = continued(f, first, 1e5);
        LimitApproach alone = LimitApproach.of(f, continued);
        assertEquals(LimitApproach.Kind.UNRESOLVED, alone.kind(), alone::toString);
        LimitApproach whole = LimitApproach.of(f, first.followedBy(continued));
        assertEquals(LimitApproach.Kind.ALGEBRAIC, whole.kind(), whole::toString);
        assertEquals(1.5, whole.exponent(), 0.05, whole::toString);
    }

    /** followedBy refuses a run that does not start where this one ended. */
    @Test
    void aContinuationMustStartWhereTheRunEnded() {
        ThreeStateField f = decay(0.005);
        Trajectory first = run(f, 100);
        Trajectory other = run(f, 50);
        assertThrows(IllegalArgumentException.class, () -> first.followedBy(other));
    }

    @Test
    void aCubicTailIsAlgebraicWithExponentThreeHalves() {
        Cubic f = new Cubic();
        Trajectory t = run(f, 1e5);
        LimitApproach a = LimitApproach.of(f, t);
        assertEquals(LimitApproach.Kind.ALGEBRAIC, a.kind(), a::toString);
        assertEquals(1.5, a.exponent(), 0.05, a::toString);
        double left = Matrices.norm(t.finalState().toArray());
        assertTrue(a.limitError() >= left, a + " but the limit is " + left + " away");
    }

    @Test
    void aTailWithoutDecayIsUnresolved() {
        ThreeStateField f = rotation();
        LimitApproach a = LimitApproach.of(f, run(f, 100));
        assertEquals(LimitApproach.Kind.UNRESOLVED, a.kind(), a::toString);
        assertTrue(a.evidence().contains("no law fits"), a::toString);
    }

    /**
     * A rotation run long enough winds through the same circle hundreds of times at constant
     * speed: STEADY, which stays undecided (a limit cycle and a very slow focus look alike).
     */
    @Test
    void aLongRotationIsSteadyAndUndecided() {
        ThreeStateField f = rotation();
        IntegrationSettings s = IntegrationSettings.defaults().withHorizon(2000).withConvergenceTolerance(1e-10)
                .withTolerances(1e-11, 1e-14);
        Trajectory t = new FlowIntegrator(s).integrate(f, State.fromArray(1, 2, false, new double[] {0.5, -0.3, 0.2}));
        LimitApproach a = LimitApproach.of(f, t);
        assertEquals(LimitApproach.Kind.STEADY, a.kind(), a::toString);
        assertTrue(a.steady() && !a.decided(), a::toString);
        assertTrue(a.evidence().contains("steady motion"), a::toString);
    }

    /**
     * The orbit search of a STEADY run gets the time it is given ({@code integrate --orbit-search}):
     * the SG witness of {@code RelativePeriodicOrbitTest} (ci T5-limit-points try 22, (9, 2)) run to
     * 2·10⁴ is CYCLE with the default budget, and STEADY, saying that nothing was searched, with none.
     * With 1 ms it is out of time at once. Mutants: the budget ignored (CYCLE every time), the
     * default budget for any positive one.
     */
    @Test
    void aSteadyRunIsSearchedForAnOrbitOnlyWithTimeForIt() {
        org.sgema.claims.CaseFiles.CaseFile c = org.sgema.claims.CaseFiles.readCase(
                java.nio.file.Path.of("src/test/resources/cases/T5-limit-points-sg-steady.json"));
        org.sgema.flows.VectorField field = c.reproduction().field();
        IntegrationSettings s = IntegrationSettings.defaults().withHorizon(2e4).withConvergenceTolerance(1e-14)
                .withTolerances(1e-11, 1e-13);
        Trajectory t = new FlowIntegrator(s).integrate(field, c.reproduction().initial());
        LimitApproach none = LimitApproach.of(field, t, 0);
        assertEquals(LimitApproach.Kind.STEADY, none.kind(), none::toString);
        assertTrue(none.evidence().contains("no search for a periodic orbit"), none::toString);
        LimitApproach brief = LimitApproach.of(field, t, 1);
        assertEquals(LimitApproach.Kind.STEADY, brief.kind(), brief::toString);
        assertTrue(brief.evidence().contains("time budget of 1 ms"), brief::toString);
        LimitApproach searched = LimitApproach.of(field, t);
        assertEquals(LimitApproach.Kind.CYCLE, searched.kind(), searched::toString);
    }

    /**
     * A spiral that loses about 40 % of its speed over [T/2, T] (ζ = 1e-3, T = 1000) also winds
     * many times through its region, but slows down: not STEADY (too little decay for a law:
     * UNRESOLVED). Mutant: dropping the window-average test calls it STEADY.
     */
    @Test
    void aSpiralThatSlowsDownIsNotSteady() {
        ThreeStateField f = spiral(1e-3);
        IntegrationSettings s = IntegrationSettings.defaults().withHorizon(1000).withConvergenceTolerance(1e-10)
                .withTolerances(1e-11, 1e-14);
        Trajectory t = new FlowIntegrator(s).integrate(f, State.fromArray(1, 2, false, new double[] {0.5, -0.3, 0.2}));
        LimitApproach a = LimitApproach.of(f, t);
        assertEquals(LimitApproach.Kind.UNRESOLVED, a.kind(), a::toString);
        assertTrue(a.evidence().contains("not steady motion"), a::toString);
    }

    /** Continuing an exponential tail reaches the stop test; a run without decay is only extended. */
    /**
     * Rates 0.01 and 1e-4 from (0.5, −0.3, 0.2), horizon 500: the tail on [250, 500] still mixes
     * both rates, so the first continuation (to 20 horizons, 1e4) stops short; its own tail has the
     * slow rate and predicts the stop test near t = 1.2e5, where a second continuation converges.
     * Mutant: a single continuation ends HORIZON_REACHED at t = 1e4.
     */
    @Test
    void aSlowingTailIsContinuedUntilItConverges() {
        ThreeStateField f = twoRates(0.01, 1e-4);
        IntegrationSettings s = IntegrationSettings.defaults().withHorizon(500).withConvergenceTolerance(1e-10);
        FlowIntegrator integrator = new FlowIntegrator(s);
        Trajectory first = integrator.integrate(f, State.fromArray(1, 2, false, new double[] {0.5, -0.3, 0.2}));
        assertEquals(Outcome.HORIZON_REACHED, first.outcome());
        Trajectory more = LimitApproach.continueToLimit(integrator, f, first, 1e7);
        assertEquals(Outcome.CONVERGED, more.outcome(), more::toString);
        // ‖F‖ ≈ 1e-4·0.3·e^{−1e-4 t} late: it meets 1e-10(1 + ‖θ‖) ≈ 1e-10 near t = ln(3e-5/1e-10)/1e-4
        double converged = Math.log(1e-4 * 0.3 / 1e-10) / 1e-4;
        assertEquals(converged, more.finalTime(), 0.02 * converged);
    }

    /**
     * A continuation that fails (here on a budget of 20 evaluations) says nothing: the run before
     * it stands for the whole and is analysed. Mutant: the failed continuation returned
     * (INTEGRATOR_FAILED, then UNRESOLVED).
     */
    @Test
    void aFailedContinuationIsDropped() {
        ThreeStateField f = decay(0.005);
        Trajectory first = run(f, 2000);
        IntegrationSettings s = first.settings().withMaxEvaluations(20);
        Trajectory more = LimitApproach.continueToLimit(new FlowIntegrator(s), f, first, 1e7);
        assertEquals(Outcome.HORIZON_REACHED, more.outcome(), more::toString);
        assertEquals(first.finalTime(), more.finalTime(), 0.0);
        assertEquals(LimitApproach.Kind.EXPONENTIAL, LimitApproach.of(f, more).kind());
    }

    /**
     * A spiral decaying at μ = 1e-3 (rotation rate 1, so every continuation records many points),
     * from a horizon of 100, never converging (stop test 1e-30): its tail predicts the stop near
     * t = 1.4e5, beyond the largest horizon 1e5, but a continuation goes at most 20 times the time
     * reached, so the run gets there in steps, 100 → 2000 → 4e4 → 1e5, each re-predicted from its
     * own tail. Mutant: no cap (one continuation from 100 to 1e5).
     */
    @Test
    void aFarPredictionIsApproachedInSteps() {
        ThreeStateField f = ThreeStateField.linear(new double[][] {{-1e-3, 1, 0}, {-1, -1e-3, 0}, {0, 0, -1e-3}});
        Trajectory first = run(f, 100);
        Trajectory more = LimitApproach.continueToLimit(new FlowIntegrator(first.settings()), f, first, 1e5);
        // returned joined to the legs before it, from the last point before T/10 = 1e4 on: the last
        // leg's start, 4e4, is a point of the record, and the record reaches back to 1e4
        java.util.List<Double> times = java.util.Arrays.stream(more.times()).boxed().toList();
        assertTrue(times.stream().anyMatch(t -> Math.abs(t - 4e4) <= 1e-9 * 4e4), "4e4 is not a leg's end");
        assertTrue(more.time(0) <= 1e4 && more.time(1) > 1e4, more::toString);
        assertEquals(1e5, more.finalTime(), 1e-9 * 1e5, more::toString);
    }

    @Test
    void continuingAnExponentialTailConverges() {
        ThreeStateField f = decay(0.005);
        IntegrationSettings s = IntegrationSettings.defaults().withHorizon(500).withConvergenceTolerance(1e-10);
        FlowIntegrator integrator = new FlowIntegrator(s);
        Trajectory first = integrator.integrate(f, State.fromArray(1, 2, false, new double[] {0.5, -0.3, 0.2}));
        assertEquals(Outcome.HORIZON_REACHED, first.outcome());
        Trajectory more = LimitApproach.continueToLimit(integrator, f, first, 1e5);
        assertEquals(Outcome.CONVERGED, more.outcome(), more::toString);
        // returned joined to the run (from T/10 on): the first leg's end is a point of the record,
        // and the continuation's points follow it on the same clock
        java.util.List<Double> times = java.util.Arrays.stream(more.times()).boxed().toList();
        int at = times.indexOf(first.finalTime());
        assertTrue(at >= 0, "the continuation keeps the run's clock: " + more);
        assertTrue(more.time(at + 1) > first.finalTime(), more::toString);
        assertTrue(more.time(0) <= more.finalTime() / 10, more::toString);
        // ‖F(t)‖ = μ‖θ₀‖e^{−μt} on the run's own clock: the converged time is where that falls below the test
        double converged = Math.log(0.005 * Math.sqrt(0.38) / 1e-10) / 0.005;
        assertEquals(converged, more.finalTime(), 0.01 * converged);
    }

    /** A transit: θ̇₁ = εθ₁(1 − θ₁) (logistic, from near 0 to 1), θ̇₂ = −θ₂, θ̇₃ = −θ₃. */
    private static final class Logistic extends ThreeStateField {
        private final double eps;

        Logistic(double eps) {
            this.eps = eps;
        }

        @Override
        public void evaluate(double[] x, double[] out) {
            out[0] = eps * x[0] * (1 - x[0]);
            out[1] = -x[1];
            out[2] = -x[2];
        }

        @Override
        public void jacobianTimes(double[] x, double[] v, double[] out) {
            out[0] = eps * (1 - 2 * x[0]) * v[0];
            out[1] = -v[1];
            out[2] = -v[2];
        }
    }

    /**
     * A run in transit: θ₁ climbs the logistic from 1e-3 at rate ε = 1e-4, so ‖F‖ rises until
     * θ₁ = 1/2 (t ≈ 6.9e4) and only then decays; with θ₁ = 1/(1 + 999e^{−εt}), ‖F‖ ≈ 999εe^{−εt}
     * late, and the stop test 1e-10(1 + ‖θ‖) ≈ 2e-10 is met at t = ln(999ε/2e-10)/ε ≈ 2.0e5. The first continuation (to 20 horizons, 1e4) sees ‖F‖
     * rising (no law, not steady, no prediction), so the next goes to 10·T = 1e5, whose tail
     * predicts the stop test, and the third converges. Mutant: without the transit rule the run
     * ends HORIZON_REACHED at t = 1e4.
     */
    @Test
    void aRunInTransitIsContinuedUntilItConverges() {
        Logistic f = new Logistic(1e-4);
        IntegrationSettings s = IntegrationSettings.defaults().withHorizon(500).withConvergenceTolerance(1e-10);
        FlowIntegrator integrator = new FlowIntegrator(s);
        Trajectory first = integrator.integrate(f, State.fromArray(1, 2, false, new double[] {1e-3, -0.3, 0.2}));
        assertEquals(Outcome.HORIZON_REACHED, first.outcome());
        Trajectory more = LimitApproach.continueToLimit(integrator, f, first, 1e7);
        assertEquals(Outcome.CONVERGED, more.outcome(), more::toString);
        assertEquals(1.0, more.finalState().toArray()[0], 1e-5);
        double converged = Math.log(999 * 1e-4 / 2e-10) / 1e-4;
        assertEquals(converged, more.finalTime(), 0.02 * converged);
    }

    /**
     * A run that winds through its region is not in transit: the spiral ζ = 1e-3 from horizon 100
     * is continued once (to 20 horizons, 2000); its tail fits no law (e^{1}× on [T/2, T]), predicts
     * the stop test only beyond the largest horizon allowed here (1e4) and travels about 300
     * diameters of its region on [T/2, T], so it is not continued further. Mutant: the transit rule
     * without the winding test continues it to 1e4.
     */
    @Test
    void aWindingRunIsNotInTransit() {
        ThreeStateField f = spiral(1e-3);
        IntegrationSettings s = IntegrationSettings.defaults().withHorizon(100).withConvergenceTolerance(1e-10)
                .withTolerances(1e-11, 1e-14);
        FlowIntegrator integrator = new FlowIntegrator(s);
        Trajectory first = integrator.integrate(f, State.fromArray(1, 2, false, new double[] {0.5, -0.3, 0.2}));
        Trajectory more = LimitApproach.continueToLimit(integrator, f, first, 1e4);
        assertEquals(Outcome.HORIZON_REACHED, more.outcome(), more::toString);
        assertEquals(2000, more.finalTime(), 1e-9, more::toString);
    }

    /**
     * A slowly attracting cycle, as SG at (n, m) = (2, 1) sees it (so it is searched for an orbit,
     * with one conserved quantity): {@code ȧ = 0, ḃ = s(1 − |b|²)b + ib} (b = b₁ + ib₂), s = 1e-3,
     * equivariant under b ↦ −b (O(1)). From |b| = 1.05 the run to T = 1000 is STEADY (‖F‖ ≈ |b|,
     * about 250 diameters on [T/2, T]) and ends |b| − 1 ≈ 0.0068 from the cycle, beyond the
     * trusted δ ≈ 1.3e-5 (ρ = e^{−2sπ} per half turn, the drift −1): FAR. {@link LimitApproach#of}
     * follows it and decides CYCLE from where it got to. Closed forms: the distance of (a, b) to
     * the cycle of its own a is ||b| − 1|, and {@code |b(t)|² = 1/(1 + (1/r₀² − 1)e^{−2st})}, so the
     * time the reported state was reached is known, and it lies a whole number of half turns after T.
     * Mutants: the approach not made (STEADY); the run's end reported as the CYCLE's state.
     */
    @Test
    void aSteadyRunFarFromAnAttractingOrbitIsFollowedAndDecided() {
        double s = 1e-3;
        ThreeStateField slowCycle = new ThreeStateField() {
            @Override
            public org.sgema.flows.Flow flow() {
                return org.sgema.flows.Flow.SG;
            }

            @Override
            public void evaluate(double[] x, double[] out) {
                double g = s * (1 - x[1] * x[1] - x[2] * x[2]);
                out[0] = 0;
                out[1] = g * x[1] - x[2];
                out[2] = g * x[2] + x[1];
            }

            @Override
            public void jacobianTimes(double[] x, double[] v, double[] out) {
                double g = s * (1 - x[1] * x[1] - x[2] * x[2]);
                double dg = -2 * s * (x[1] * v[1] + x[2] * v[2]);
                out[0] = 0;
                out[1] = g * v[1] + dg * x[1] - v[2];
                out[2] = g * v[2] + dg * x[2] + v[1];
            }
        };
        double r0 = 1.05;
        IntegrationSettings settings = IntegrationSettings.defaults().withHorizon(1000).withConvergenceTolerance(1e-10)
                .withTolerances(1e-11, 1e-14);
        Trajectory t = new FlowIntegrator(settings).integrate(slowCycle,
                State.fromArray(1, 2, false, new double[] {0.3, r0, 0}));
        double[] end = t.finalState().toArray();
        double endDistance = Math.hypot(end[1], end[2]) - 1;
        LimitApproach a = LimitApproach.of(slowCycle, t);
        assertEquals(LimitApproach.Kind.CYCLE, a.kind(), a::toString);
        assertTrue(a.noLimitPoint() && a.evidence().contains("followed"), a::toString);
        double[] limit = a.limit().toArray();
        double r = Math.hypot(limit[1], limit[2]);
        double rho = Math.exp(-2 * s * Math.PI);
        double trusted = RelativePeriodicOrbit.MAX_DISTANCE * (1 - rho) * (1 + Matrices.norm(limit));
        assertTrue(endDistance > 10 * trusted, () -> "the run's end is " + endDistance + " off: " + a);
        assertTrue(Math.abs(r - 1) <= trusted, a::toString);
        assertEquals(Math.abs(r - 1), a.distance(), 1e-7, a::toString);
        assertEquals(0.3, limit[0], 1e-9, a::toString);
        double reached = -Math.log((1 / (r * r) - 1) / (1 / (r0 * r0) - 1)) / (2 * s);
        double halfTurns = (reached - 1000) / Math.PI;
        assertTrue(halfTurns > 100, a::toString);
        assertEquals(Math.rint(halfTurns), halfTurns, 1e-3 * halfTurns, a::toString);
    }
}
