package org.sgema.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sgema.claims.CaseFiles;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;
import org.sgema.numerics.Matrices;

/**
 * AUTO's cost test ({@link StiffCostMonitor}): a flow that turns stiff where the stiff method's
 * linear algebra costs more per unit time than the explicit steps goes back to the explicit
 * method, and ends where the explicit method alone ends; a flow where the stiff method pays
 * (a small N, a long slow phase) stays stiff.
 */
class AutoSwitchingTest {
    private static Trajectory run(Configuration c, Flow flow, double horizon, Method method) {
        State s0 = RandomConfigurations.fanInState(c.m(), c.n(), flow.hasTarget(), 0.5, new Random(3));
        IntegrationSettings s = IntegrationSettings.defaults().withHorizon(horizon).withConvergenceTolerance(1e-30)
                .withTolerances(1e-8, 1e-10).withMethod(method).withWallClockMillis(120_000);
        return new FlowIntegrator(s).integrate(flow.field(c), s0);
    }

    /** The symmetric (32, 8) configuration, N = 320 for SG, of the first two tests. */
    private static Configuration symmetric32x8() {
        return new ConfigurationSpec(32, 8, ConfigurationSpec.Views.SYMMETRIC, ConfigurationSpec.Spectra.WELL,
                0, 1, 1, 5).toConfiguration();
    }

    private static void assertSameEnd(Trajectory auto, Trajectory explicit) {
        double[] a = auto.finalState().toArray();
        double[] e = explicit.finalState().toArray();
        double rel = Matrices.distance(a, e) / Matrices.norm(e);
        assertTrue(rel < 1e-6, "AUTO vs explicit: relative deviation " + rel);
    }

    /** (32, 8), N = 320: stiff by h·ρ early, but 15 RODAS steps with GMRES cost more than DOP853's steps. */
    @Test
    void aStiffPhaseThatCostsMoreThanTheExplicitOneIsLeft() {
        Configuration c = symmetric32x8();
        Trajectory auto = run(c, Flow.SG, 200, Method.AUTO);
        Trajectory explicit = run(c, Flow.SG, 200, Method.EXPLICIT);
        assertEquals(Outcome.HORIZON_REACHED, auto.outcome(), auto::toString);
        assertTrue(Double.isNaN(auto.stiffFrom()), "still stiff from t = " + auto.stiffFrom());
        assertSameEnd(auto, explicit);
    }

    /**
     * (32, 8) to t = 2000: the stiff phase tried at t ≈ 4 costs several times the explicit method,
     * so the next check waits until the run is that many times as old, past the horizon; one
     * abandoned phase, not two. Mutant: the next check at a fixed 4 times the age (the rule before)
     * tries again and leaves a second phase (measured: 2).
     */
    @Test
    void theNextCheckWaitsInProportionToThePriceRatio() {
        Configuration c = symmetric32x8();
        Trajectory auto = run(c, Flow.SG, 2000, Method.AUTO);
        Trajectory explicit = run(c, Flow.SG, 2000, Method.EXPLICIT);
        assertEquals(Outcome.HORIZON_REACHED, auto.outcome(), auto::toString);
        assertEquals(1, auto.abandonedStiffPhases(), "stiff phases tried and left");
        assertEquals(0, explicit.abandonedStiffPhases());
        assertSameEnd(auto, explicit);
        // the rule itself: never sooner than 4 times the age, later in proportion to a larger ratio
        assertEquals(10 + 4 * 5, FlowIntegrator.nextStiffnessCheck(10, 15, 1.5), 1e-12);
        assertEquals(10 + 43 * 5, FlowIntegrator.nextStiffnessCheck(10, 15, 43), 1e-12);
    }

    /**
     * The ci EMA case with τ = 100 ((n, m) = (11, 1)) to t = 2·10⁴ on 3·10⁶ evaluations: the explicit
     * method, its step held near 0.05 by the τ mode, spends them by t ≈ 1.4·10⁴ and fails; AUTO's
     * stiff phases cost more flops per unit time at their probe and are left, until half the budget
     * is spent with the rest not enough to reach the horizon explicitly, when the run goes stiff to
     * the end and reaches the horizon (the stiff method needs about 27 evaluations per unit time
     * here, against 210). Mutant: no switch for the budget (AUTO fails as the explicit method does).
     */
    @Test
    void aStiffFlowAboutToExhaustItsBudgetGoesStiffToTheEnd() {
        CaseFiles.CaseFile f = CaseFiles.readCase(
                java.nio.file.Path.of("src/test/resources/cases/T5-limit-points-ema-stiff-cycle.json"));
        IntegrationSettings s = IntegrationSettings.defaults().withHorizon(2e4).withConvergenceTolerance(1e-30)
                .withTolerances(1e-10, 1e-12).withWallClockMillis(120_000).withMaxEvaluations(3_000_000);
        VectorField field = f.reproduction().field();
        Trajectory explicit = new FlowIntegrator(s.withMethod(Method.EXPLICIT)).integrate(field, f.reproduction().initial());
        Trajectory auto = new FlowIntegrator(s.withMethod(Method.AUTO)).integrate(field, f.reproduction().initial());
        assertEquals(Outcome.INTEGRATOR_FAILED, explicit.outcome(), explicit::toString);
        assertEquals(Outcome.HORIZON_REACHED, auto.outcome(), auto::toString);
        assertTrue(auto.stiffFrom() > 5e3, "stiff from t = " + auto.stiffFrom());
    }

    /**
     * The same case on 5·10⁶ evaluations: at half of them the explicit method, at its step, still
     * reaches the horizon on the rest (it needs about 4.2·10⁶ in all), so the run stays explicit
     * to the end. Mutant: the forecast dropped (the run goes stiff at half its budget).
     */
    @Test
    void aStiffFlowThatCanFinishOnItsBudgetStaysExplicit() {
        CaseFiles.CaseFile f = CaseFiles.readCase(
                java.nio.file.Path.of("src/test/resources/cases/T5-limit-points-ema-stiff-cycle.json"));
        IntegrationSettings s = IntegrationSettings.defaults().withHorizon(2e4).withConvergenceTolerance(1e-30)
                .withTolerances(1e-10, 1e-12).withWallClockMillis(120_000).withMaxEvaluations(5_000_000)
                .withMethod(Method.AUTO);
        Trajectory auto = new FlowIntegrator(s).integrate(f.reproduction().field(), f.reproduction().initial());
        assertEquals(Outcome.HORIZON_REACHED, auto.outcome(), auto::toString);
        assertTrue(Double.isNaN(auto.stiffFrom()), "stiff from t = " + auto.stiffFrom());
    }

    /**
     * The contract's stiff linear flow (rates −1000, −1, −0.01): once the fast mode has decayed the
     * explicit step stays near 6/1000 while the stiff one grows to the slow scale, so the stiff
     * phase that starts early (t &lt; 1) is kept to convergence; a monitor that always gave up would
     * leave it after 15 steps and come back only at 4 times that age.
     */
    @Test
    void aStiffPhaseThatPaysIsKept() {
        IntegratorContract.Linear f = new IntegratorContract.Linear(
                new double[][] {{-1000, 0, 0}, {0, -1, 0}, {0, 0, -0.01}});
        IntegrationSettings s = IntegrationSettings.defaults().withHorizon(1e4).withConvergenceTolerance(1e-9)
                .withMethod(Method.AUTO);
        Trajectory t = new FlowIntegrator(s).integrate(f, State.fromArray(1, 2, false, new double[] {0.7, -1.3, 0.4}));
        assertEquals(Outcome.CONVERGED, t.outcome(), t::toString);
        assertTrue(t.stiffFrom() < 1.0, "stiff from t = " + t.stiffFrom());
    }
}
