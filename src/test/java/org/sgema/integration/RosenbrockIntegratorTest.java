package org.sgema.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.State;
import org.sgema.numerics.Matrices;

/**
 * RODAS against an independent reference (Hipparchus' DP8(5,3) at rtol 1e-13) on the nonlinear
 * SG and EMA fields: its order (4, by fixed steps h and h/2), its continuous extension, and its
 * adaptive runs at tight tolerance; and the automatic switch on a stiff flow.
 */
class RosenbrockIntegratorTest {
    private static final Configuration CONFIG = new ConfigurationSpec(4, 2, ConfigurationSpec.Views.SYMMETRIC,
            ConfigurationSpec.Spectra.WELL, 0, 1, 1, 11).toConfiguration();

    private static double[] start(VectorField f, long seed) {
        Random r = new Random(seed);
        double[] x = new double[f.dimension()];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.5 * r.nextGaussian();
        }
        return x;
    }

    private static double[] reference(VectorField f, double[] x0, double t) {
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-12, 10, 1e-15, 1e-13);
        return dp.integrate(new FlowEquation(f), new ODEState(0, x0), t).getPrimaryState();
    }

    /** Fixed steps: with tolerances of 1 every step of size h is accepted. */
    private static ODEStateAndDerivative fixedSteps(VectorField f, double[] x0, double t, double h) {
        RosenbrockIntegrator r = new RosenbrockIntegrator(1e-12, h, 1.0, 1.0);
        r.setInitialStep(h);
        return r.integrate(new DenseLinearizedFlow(f), new ODEState(0, x0), t);
    }

    @Test
    void isOfOrderFour() {
        for (Flow flow : new Flow[] {Flow.SG, Flow.EMA}) {
            VectorField f = flow.field(CONFIG);
            double[] x0 = start(f, 3);
            double[] exact = reference(f, x0, 2.0);
            double e1 = Matrices.distance(fixedSteps(f, x0, 2.0, 0.1).getPrimaryState(), exact);
            double e2 = Matrices.distance(fixedSteps(f, x0, 2.0, 0.05).getPrimaryState(), exact);
            double order = Math.log(e1 / e2) / Math.log(2);
            assertTrue(order > 3.6 && order < 4.6, flow + ": observed order " + order + " (" + e1 + ", " + e2 + ")");
        }
    }

    @Test
    void followsTheReferenceAtTightTolerance() {
        for (Flow flow : new Flow[] {Flow.SG, Flow.EMA}) {
            VectorField f = flow.field(CONFIG);
            double[] x0 = start(f, 5);
            double[] exact = reference(f, x0, 20.0);
            RosenbrockIntegrator r = new RosenbrockIntegrator(1e-12, 20, 1e-13, 1e-11);
            double[] got = r.integrate(new DenseLinearizedFlow(f), new ODEState(0, x0), 20.0).getPrimaryState();
            double rel = Matrices.distance(got, exact) / Matrices.norm(exact);
            assertTrue(rel < 1e-8, flow + ": relative deviation " + rel);
        }
    }

    /**
     * GMRES's norm of a new basis vector, √(w·w) on the dot kernel, against the scaled two-pass
     * {@link Matrices#norm} at every scale: where the sum of squares would overflow (1e200) or
     * underflow (1e-200) it must take the scaled norm. Mutants: always √(w·w) (∞ and 0 there), either
     * bound dropped. NaN and ∞ entries give NaN and ∞, as the scaled norm does.
     */
    @Test
    void gmresNormsAgreeWithTheScaledNormAtEveryScale() {
        java.util.Random random = new java.util.Random(4);
        double[] base = Matrices.gaussian(1215, 1, 1.0, random).data;
        for (org.sgema.numerics.DenseKernels k : new org.sgema.numerics.DenseKernels[] {
                org.sgema.numerics.DenseKernels.best(), org.sgema.numerics.DenseKernels.scalar()}) {
            for (double scale : new double[] {1e-200, 1e-150, 1e-140, 1, 1e140, 1e150, 1e200}) {
                double[] w = base.clone();
                for (int i = 0; i < w.length; i++) {
                    w[i] *= scale;
                }
                double expected = Matrices.norm(w);
                double got = KrylovLinearizedFlow.norm(k, w);
                assertTrue(Math.abs(got - expected) <= 1e-14 * expected, k.name() + " scale " + scale + ": " + got
                        + " vs " + expected);
            }
            double[] w = base.clone();
            w[7] = Double.NaN;
            assertTrue(Double.isNaN(KrylovLinearizedFlow.norm(k, w)), "NaN entry");
            w[7] = Double.POSITIVE_INFINITY;
            assertEquals(Double.POSITIVE_INFINITY, KrylovLinearizedFlow.norm(k, w), "infinite entry");
        }
    }

    /** GMRES with the analytic J·v solves (σI − J)x = b as the dense LU does, for small and large shifts. */
    @Test
    void krylovSolvesAgreeWithTheDenseLu() {
        for (Flow flow : new Flow[] {Flow.SG, Flow.EMA}) {
            VectorField f = flow.field(CONFIG);
            double[] y = start(f, 13);
            double[] b = start(f, 14);
            DenseLinearizedFlow dense = new DenseLinearizedFlow(f);
            KrylovLinearizedFlow krylov = new KrylovLinearizedFlow(f);
            dense.linearize(y);
            krylov.linearize(y);
            for (double sigma : new double[] {1e-3, 0.1, 10}) {
                double[] x1 = new double[y.length];
                double[] x2 = new double[y.length];
                assertTrue(dense.solve(sigma, b, x1));
                assertTrue(krylov.solve(sigma, b, x2), flow + " σ = " + sigma);
                double rel = Matrices.distance(x1, x2) / Matrices.norm(x1);
                assertTrue(rel < 1e-7, flow + " σ = " + sigma + ": relative difference " + rel);
            }
        }
    }

    /**
     * A long step near a point of V ((32, 8), σ = 1e-3: σI − J spans 1e-3 to about ρ(J)) is beyond
     * what GMRES(40) finishes in its budget; the solve falls back to the dense LU and still solves
     * the system (residual checked with the field's own J·v).
     */
    @Test
    void aSolveGmresCannotFinishFallsBackToTheDenseLu() {
        Configuration c = new ConfigurationSpec(32, 8, ConfigurationSpec.Views.SYMMETRIC,
                ConfigurationSpec.Spectra.WELL, 0, 1, 1, 3).toConfiguration();
        State star = org.sgema.equilibria.EquilibriumVariety.leadingPoint(c,
                org.sgema.equilibria.EquilibriumVariety.randomG(8, new Random(5)));
        VectorField f = Flow.SG.field(c);
        double[] y = org.sgema.model.RandomConfigurations.perturbed(star.toArray(), 1e-2, new Random(7));
        double[] b = org.sgema.model.RandomConfigurations.perturbed(new double[y.length], 1, new Random(8));
        KrylovLinearizedFlow k = new KrylovLinearizedFlow(f);
        k.linearize(y);
        double sigma = 1e-3;
        double[] x = new double[y.length];
        assertTrue(k.solve(sigma, b, x));
        assertEquals(1, k.fallbacks(), "GMRES was expected to give up here");
        double[] jx = new double[y.length];
        f.jacobianTimes(y, x, jx);
        double[] r = new double[y.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = sigma * x[i] - jx[i] - b[i];
        }
        assertTrue(Matrices.norm(r) <= 1e-8 * Matrices.norm(b), "residual " + Matrices.norm(r));
    }

    /**
     * The dense LU of one step, frozen, preconditions the next steps' solves: at a nearby point
     * (1e-3 away) with another shift (1.3σ) GMRES so preconditioned solves the new system without
     * a new LU (no further fallback), and the residual, checked with the field's own J·v at the
     * new point, is within the tolerance. Forgetting the preconditioner in the update (x += V y
     * instead of x += M⁻¹V y) leaves a residual of order ‖b‖.
     */
    @Test
    void theFrozenLuPreconditionsTheNextSteps() {
        Configuration c = new ConfigurationSpec(32, 8, ConfigurationSpec.Views.SYMMETRIC,
                ConfigurationSpec.Spectra.WELL, 0, 1, 1, 3).toConfiguration();
        State star = org.sgema.equilibria.EquilibriumVariety.leadingPoint(c,
                org.sgema.equilibria.EquilibriumVariety.randomG(8, new Random(5)));
        VectorField f = Flow.SG.field(c);
        double[] y = org.sgema.model.RandomConfigurations.perturbed(star.toArray(), 1e-2, new Random(7));
        double[] b = org.sgema.model.RandomConfigurations.perturbed(new double[y.length], 1, new Random(8));
        KrylovLinearizedFlow k = new KrylovLinearizedFlow(f);
        k.linearize(y);
        double[] x = new double[y.length];
        assertTrue(k.solve(1e-3, b, x));
        assertEquals(1, k.fallbacks(), "the first long step needs its LU");
        double[] y1 = org.sgema.model.RandomConfigurations.perturbed(y, 1e-3, new Random(9));
        k.linearize(y1);
        double sigma = 1.3e-3;
        long iterationsBefore = k.iterations();
        assertTrue(k.solve(sigma, b, x));
        assertEquals(1, k.fallbacks(), "no new LU: the frozen one preconditions");
        assertTrue(k.iterations() - iterationsBefore <= KrylovLinearizedFlow.PRECONDITIONED_ITERATIONS,
                "iterations " + (k.iterations() - iterationsBefore));
        double[] jx = new double[y1.length];
        f.jacobianTimes(y1, x, jx);
        double[] r = new double[y1.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = sigma * x[i] - jx[i] - b[i];
        }
        assertTrue(Matrices.norm(r) <= 1e-8 * Matrices.norm(b), "residual " + Matrices.norm(r));
    }

    /** RODAS with GMRES solves follows the reference as RODAS with the dense LU does. */
    @Test
    void rodasWithKrylovSolvesFollowsTheReference() {
        VectorField f = Flow.EMA.field(CONFIG);
        double[] x0 = start(f, 5);
        double[] exact = reference(f, x0, 20.0);
        RosenbrockIntegrator r = new RosenbrockIntegrator(1e-12, 20, 1e-13, 1e-11);
        double[] got = r.integrate(new KrylovLinearizedFlow(f), new ODEState(0, x0), 20.0).getPrimaryState();
        double rel = Matrices.distance(got, exact) / Matrices.norm(exact);
        assertTrue(rel < 1e-8, "relative deviation " + rel);
    }

    /** Largest error of the continuous extension at θ = 1/4, 1/2, 3/4 of each fixed step h on [0, 1]. */
    private static double denseError(VectorField f, double[] x0, double h) {
        RosenbrockIntegrator r = new RosenbrockIntegrator(1e-12, h, 1.0, 1.0);
        r.setInitialStep(h);
        double[] worst = {0};
        r.addStepHandler(interpolator -> {
            double t0 = interpolator.getPreviousState().getTime();
            double t1 = interpolator.getCurrentState().getTime();
            for (double theta : new double[] {0.25, 0.5, 0.75}) {
                double tm = t0 + theta * (t1 - t0);
                double[] got = interpolator.getInterpolatedState(tm).getPrimaryState();
                worst[0] = Math.max(worst[0], Matrices.distance(got, reference(f, x0, tm)));
            }
        });
        r.integrate(new DenseLinearizedFlow(f), new ODEState(0, x0), 1.0);
        return worst[0];
    }

    /** The continuous extension is of order 3: halving h divides its error by about 2⁴ (local) to 2³. */
    @Test
    void itsContinuousExtensionConvergesInsideSteps() {
        VectorField f = Flow.SG.field(CONFIG);
        double[] x0 = start(f, 7);
        double e1 = denseError(f, x0, 0.2);
        double e2 = denseError(f, x0, 0.1);
        double order = Math.log(e1 / e2) / Math.log(2);
        assertTrue(order > 2.7, "dense output errors " + e1 + ", " + e2 + ": order " + order);
    }

    /**
     * A stiff flow (SG on ill-conditioned spectra, near its limit fast and slow modes) followed to
     * t = 2·10⁴ at rtol 1e-8, where RODAS needs about 950 steps and DOP853 about 5,100: AUTO
     * switches to RODAS and stays (its cost test finds the stiff steps cheaper), and it ends where
     * the explicit method ends, to 1e-6 relative. (To t = 2000 at rtol 1e-10 the same flow is
     * cheaper explicitly, RODAS being of order 4, and AUTO goes back: see AutoSwitchingTest.)
     */
    @Test
    void autoSwitchesOnAStiffFlowAndAgreesWithTheExplicitRun() {
        Configuration stiff = new ConfigurationSpec(6, 2, ConfigurationSpec.Views.SYMMETRIC,
                ConfigurationSpec.Spectra.ILL, 0, 1, 1, 5).toConfiguration();
        VectorField f = Flow.SG.field(stiff);
        State s0 = State.fromArray(2, 6, false, start(f, 9));
        IntegrationSettings s = IntegrationSettings.defaults().withHorizon(2e4).withTolerances(1e-8, 1e-10)
                .withConvergenceTolerance(1e-30);
        Trajectory auto = new FlowIntegrator(s.withMethod(Method.AUTO)).integrate(f, s0);
        Trajectory explicit = new FlowIntegrator(s.withMethod(Method.EXPLICIT)).integrate(f, s0);
        assertEquals(Outcome.HORIZON_REACHED, auto.outcome(), auto::toString);
        assertEquals(Outcome.HORIZON_REACHED, explicit.outcome(), explicit::toString);
        assertTrue(auto.stiffFrom() > 0 && auto.stiffFrom() < 2e4, "switched at " + auto.stiffFrom());
        assertTrue(Double.isNaN(explicit.stiffFrom()));
        double[] a = auto.finalState().toArray();
        double[] e = explicit.finalState().toArray();
        assertTrue(Matrices.distance(a, e) <= 1e-6 * Matrices.norm(e), "deviation " + Matrices.distance(a, e));
    }

    /**
     * The problem as a LinearizedEquation of its own, not a FlowEquation: RODAS then evaluates
     * through Hipparchus' problem wrapper (a fresh array per evaluation), not in place.
     */
    private static final class Wrapped implements LinearizedEquation {
        private final LinearizedEquation inner;

        Wrapped(LinearizedEquation inner) {
            this.inner = inner;
        }

        @Override
        public int getDimension() {
            return inner.getDimension();
        }

        @Override
        public double[] computeDerivatives(double t, double[] y) {
            return inner.computeDerivatives(t, y);
        }

        @Override
        public void linearize(double[] y) {
            inner.linearize(y);
        }

        @Override
        public boolean solve(double sigma, double[] b, double[] x) {
            return inner.solve(sigma, b, x);
        }

        @Override
        public long linearizations() {
            return inner.linearizations();
        }

        @Override
        public long factorizations() {
            return inner.factorizations();
        }

        @Override
        public double linearAlgebraFlops() {
            return inner.linearAlgebraFlops();
        }
    }

    /**
     * Stage derivatives evaluated in place into RODAS' own array give the same bits and the same
     * evaluation count as through Hipparchus' wrapper (dense LU and GMRES problems). Mutants: the
     * in-place evaluations not counted; a stage's derivative taken from a stale array.
     */
    @Test
    void inPlaceStageEvaluationsGiveTheSameBitsAndCount() {
        for (Flow flow : new Flow[] {Flow.SG, Flow.EMA}) {
            VectorField f = flow.field(CONFIG);
            double[] x0 = start(f, 17);
            for (boolean krylov : new boolean[] {false, true}) {
                RosenbrockIntegrator direct = new RosenbrockIntegrator(1e-12, 20, 1e-12, 1e-10);
                RosenbrockIntegrator wrapped = new RosenbrockIntegrator(1e-12, 20, 1e-12, 1e-10);
                direct.setMaxEvaluations(100_000); // a broken stage ends the run, not the build
                wrapped.setMaxEvaluations(100_000);
                LinearizedEquation p1 = krylov ? new KrylovLinearizedFlow(f) : new DenseLinearizedFlow(f);
                LinearizedEquation p2 = krylov ? new KrylovLinearizedFlow(f.copy()) : new DenseLinearizedFlow(f.copy());
                double[] a = direct.integrate(p1, new ODEState(0, x0), 20.0).getPrimaryState();
                double[] b = wrapped.integrate(new Wrapped(p2), new ODEState(0, x0), 20.0).getPrimaryState();
                String what = flow + (krylov ? " GMRES" : " dense LU");
                org.junit.jupiter.api.Assertions.assertArrayEquals(b, a, 0.0, what);
                assertEquals(wrapped.getEvaluations(), direct.getEvaluations(), what + ": evaluations");
                assertTrue(direct.getEvaluations() > 50, what + ": evaluations " + direct.getEvaluations());
            }
        }
    }
}
