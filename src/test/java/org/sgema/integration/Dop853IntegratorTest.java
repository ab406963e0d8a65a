package org.sgema.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hipparchus.analysis.UnivariateFunction;
import org.hipparchus.analysis.solvers.BracketedUnivariateSolver;
import org.hipparchus.analysis.solvers.BracketingNthOrderBrentSolver;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.events.AbstractODEDetector;
import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.AdaptableInterval;
import org.hipparchus.ode.events.ODEEventHandler;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.junit.jupiter.api.Test;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;
import org.sgema.numerics.Matrices;

/**
 * The project's DOP853 step loop against Hipparchus' integrator (the same tableau in another
 * step loop, an independent implementation of the stages) on the nonlinear SG and EMA fields, its
 * order by fixed steps, its lazily computed dense output against the closed form of a linear
 * flow, its evaluation count (12 per accepted step when no state inside a step is asked for, 2 to
 * start), and a first step near an equilibrium that stays inside the stability region.
 */
class Dop853IntegratorTest {
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

    private static double[] hipparchus(VectorField f, double[] x0, double t) {
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-12, 10, 1e-15, 1e-13);
        return dp.integrate(new FlowEquation(f), new ODEState(0, x0), t).getPrimaryState();
    }

    @Test
    void agreesWithHipparchusAtTightTolerance() {
        for (Flow flow : new Flow[] {Flow.SG, Flow.EMA}) {
            VectorField f = flow.field(CONFIG);
            double[] x0 = start(f, 5);
            double[] exact = hipparchus(f, x0, 20.0);
            Dop853Integrator d = new Dop853Integrator(1e-12, 10, 1e-15, 1e-13);
            double[] got = d.integrate(new FlowEquation(f), new ODEState(0, x0), 20.0).getPrimaryState();
            double rel = Matrices.distance(got, exact) / Matrices.norm(exact);
            assertTrue(rel < 1e-10, flow + ": relative deviation " + rel);
        }
    }

    @Test
    void isOfOrderEight() {
        VectorField f = Flow.SG.field(CONFIG);
        double[] x0 = start(f, 3);
        double[] exact = hipparchus(f, x0, 4.0);
        double e1 = Matrices.distance(fixedSteps(f, x0, 4.0, 0.4), exact);
        double e2 = Matrices.distance(fixedSteps(f, x0, 4.0, 0.2), exact);
        double order = Math.log(e1 / e2) / Math.log(2);
        assertTrue(order > 7.0 && order < 9.5, "observed order " + order + " (" + e1 + ", " + e2 + ")");
    }

    /** Fixed steps: with tolerances of 1e6 every step of size h is accepted. */
    private static double[] fixedSteps(VectorField f, double[] x0, double t, double h) {
        Dop853Integrator d = new Dop853Integrator(1e-12, h, 1e6, 1e6);
        d.setInitialStep(h);
        double[] y = d.integrate(new FlowEquation(f), new ODEState(0, x0), t).getPrimaryState();
        assertEquals(Math.round(t / h), d.acceptedSteps(), "fixed steps");
        return y;
    }

    @Test
    void denseOutputFollowsTheClosedForm() {
        IntegratorContract.Linear f = new IntegratorContract.Linear(new double[][] {{-1, 5, 0}, {0, -1, 0}, {0, 0, -3}});
        double[] x0 = {0.7, -1.3, 0.4};
        Dop853Integrator d = new Dop853Integrator(1e-12, 10, 1e-12, 1e-10);
        List<double[]> inside = new ArrayList<>();
        d.addStepHandler((ODEStateInterpolator i) -> {
            double t0 = i.getPreviousState().getTime();
            double t1 = i.getCurrentState().getTime();
            for (double theta : new double[] {0.13, 0.5, 0.91}) {
                double t = t0 + theta * (t1 - t0);
                double[] y = i.getInterpolatedState(t).getPrimaryState();
                double[] want = IntegratorContract.jordan(t, x0);
                inside.add(new double[] {t, Matrices.distance(y, want), t1 - t0});
            }
        });
        d.integrate(new FlowEquation(f), new ODEState(0, x0), 8.0);
        assertTrue(inside.size() > 20, "steps: " + inside.size() / 3);
        double worst = inside.stream().mapToDouble(r -> r[1]).max().orElseThrow();
        assertTrue(worst < 1e-8, "largest deviation of an interpolated state from e^{Mt}θ₀: " + worst);
    }

    @Test
    void spendsTwelveEvaluationsPerAcceptedStepWhenNoStateInsideIsAsked() {
        VectorField f = Flow.EMA.field(CONFIG);
        Dop853Integrator d = new Dop853Integrator(1e-12, 10, 1e-12, 1e-10);
        d.addStepHandler((ODEStateInterpolator i) -> i.getCurrentState());
        d.integrate(new FlowEquation(f), new ODEState(0, start(f, 9)), 50.0);
        assertTrue(d.acceptedSteps() > 10, "steps " + d.acceptedSteps());
        assertEquals(2 + 12 * d.acceptedSteps() + 11 * d.rejections(), d.getEvaluations(),
                "evaluations for " + d.acceptedSteps() + " accepted, " + d.rejections() + " rejected steps");
    }

    /** Stops the run at a fixed time (inside some step). */
    private static final class StopAt extends AbstractODEDetector<StopAt> {
        private final double time;

        StopAt(double time) {
            this(time, AdaptableInterval.of(1.0), 100, new BracketingNthOrderBrentSolver(0, 1e-12, 0, 5),
                    (s, d, increasing) -> Action.STOP);
        }

        private StopAt(double time, AdaptableInterval maxCheck, int maxIter,
                       BracketedUnivariateSolver<UnivariateFunction> solver, ODEEventHandler handler) {
            super(maxCheck, maxIter, solver, handler);
            this.time = time;
        }

        @Override
        public double g(ODEStateAndDerivative s) {
            return s.getTime() - time;
        }

        @Override
        protected StopAt create(AdaptableInterval maxCheck, int maxIter,
                                BracketedUnivariateSolver<UnivariateFunction> solver, ODEEventHandler handler) {
            return new StopAt(time, maxCheck, maxIter, solver, handler);
        }
    }

    /**
     * One run towards t = 20, stopped by an event at t = 17.31, with states asked inside every third
     * step (so that the dense-output stages are computed); the last entry is the final state.
     */
    private static List<double[]> run(VectorField f, double[] x0, boolean reuse, long[] evaluations) {
        Dop853Integrator d = new Dop853Integrator(1e-12, 10, 1e-12, 1e-10);
        d.reuseStageArrays(reuse);
        d.setMaxEvaluations(100_000);
        d.addEventDetector(new StopAt(17.31)); // a stop inside a step: the run ends on an interpolated state
        d.setInitialStep(3.0); // too long a first step: it is rejected and retried in the same arrays
        List<double[]> seen = new ArrayList<>();
        int[] step = {0};
        d.addStepHandler((ODEStateInterpolator i) -> {
            if (step[0]++ % 3 == 0) {
                double t0 = i.getPreviousState().getTime();
                double t1 = i.getCurrentState().getTime();
                seen.add(i.getInterpolatedState(t0 + 0.37 * (t1 - t0)).getPrimaryState());
            }
        });
        ODEStateAndDerivative end = d.integrate(new FlowEquation(f), new ODEState(0, x0), 20.0);
        assertEquals(17.31, end.getTime(), 1e-9, "the stop");
        seen.add(end.getPrimaryState());
        evaluations[0] = d.getEvaluations();
        evaluations[1] = d.rejections();
        return seen;
    }

    /**
     * Stages written in place into the integrator's own arrays give the same bits as fresh arrays
     * per evaluation, inside steps and at a stop inside a step, with the same evaluation count and at
     * least one rejected step on the way. Mutants: the
     * first stage not copied from the step's start (a stale k₁), the in-place evaluations not
     * counted.
     */
    @Test
    void reusedStageArraysGiveTheSameBitsAndCount() {
        for (Flow flow : new Flow[] {Flow.SG, Flow.EMA}) {
            VectorField f = flow.field(CONFIG);
            double[] x0 = start(f, 21);
            long[] fresh = new long[2];
            long[] reused = new long[2];
            List<double[]> want = run(f, x0, false, fresh);
            List<double[]> got = run(f, x0, true, reused);
            assertTrue(want.size() > 5, "states inside steps: " + (want.size() - 1));
            assertEquals(want.size(), got.size(), flow + ": steps");
            for (int i = 0; i < want.size(); i++) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(want.get(i), got.get(i), 0.0, flow + " state " + i);
            }
            assertEquals(fresh[0], reused[0], flow + ": evaluations");
            assertTrue(reused[1] > 0, flow + ": no rejected step on the way");
        }
    }

    /**
     * With the stages reused a run allocates per evaluation less than one state (N doubles): what
     * is left is per step (the start and end states Hipparchus' protocol copies). With fresh arrays
     * Hipparchus' problem wrapper allocates three per evaluation; the test measures both, so the
     * measurement itself is shown to see allocation. EMA at (32, 8), N = 576. Mutant: the flag
     * ignored.
     */
    @Test
    void reusedStageArraysAllocateLessThanAStatePerEvaluation() {
        Configuration c = new ConfigurationSpec(32, 8, ConfigurationSpec.Views.SYMMETRIC,
                ConfigurationSpec.Spectra.WELL, 0, 1, 1, 3).toConfiguration();
        // plain-loop kernels: the Vector API's allocate until the JIT has compiled them
        VectorField f = Flow.EMA.field(c, org.sgema.numerics.DenseKernels.scalar());
        double[] x0 = start(f, 4);
        double stateBytes = 8.0 * f.dimension();
        double fresh = bytesPerEvaluation(f, x0, false);
        double reused = bytesPerEvaluation(f, x0, true);
        assertTrue(fresh > 2 * stateBytes, "fresh arrays: " + fresh + " bytes per evaluation");
        assertTrue(reused < stateBytes, "reused arrays: " + reused + " bytes per evaluation, a state is " + stateBytes);
    }

    private static double bytesPerEvaluation(VectorField f, double[] x0, boolean reuse) {
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        double best = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 3; round++) {  // the first rounds may allocate for the JIT's sake
            Dop853Integrator d = new Dop853Integrator(1e-12, 10, 1e-12, 1e-10);
            d.reuseStageArrays(reuse);
            d.setMaxEvaluations(100_000);
            long before = bean.getThreadAllocatedBytes(tid);
            d.integrate(new FlowEquation(f), new ODEState(0, x0), 30.0);
            long bytes = bean.getThreadAllocatedBytes(tid) - before;
            best = Math.min(best, (double) bytes / d.getEvaluations());
        }
        return best;
    }

    /**
     * Started 2.5e-4 off a plane of equilibria along v = (1, 1, 0)/√2 (rate −2.8; ‖y₀‖ ≈ 1.2 with
     * every component O(1), as at a perturbed point of V), ‖f₀‖ is tiny: a first step from
     * ‖y₀‖/‖f₀‖ alone (about 10, h·2.8 ≈ 28) leaves the stability region and is rejected (on the
     * nonlinear scalar SG flow its stages overflowed and the run ended DIVERGED); the
     * second-derivative estimate starts inside (h·2.8 below DOP853's real stability limit, about 6).
     */
    @Test
    void firstStepNearAnEquilibriumStaysStable() {
        double r = -1.4;   // −2.8 v vᵀ
        IntegratorContract.Linear f = new IntegratorContract.Linear(new double[][] {{r, r, 0}, {r, r, 0}, {0, 0, 0}});
        double d = 2.5e-4 / Math.sqrt(2);
        double[] x0 = {0.6 + d, -0.6 + d, 0.9};
        Dop853Integrator dop = new Dop853Integrator(1e-12, 1e4, 1e-10, 1e-8);
        List<Double> steps = new ArrayList<>();
        List<Long> rejectedBefore = new ArrayList<>();
        dop.addStepHandler((ODEStateInterpolator i) -> {
            steps.add(i.getCurrentState().getTime() - i.getPreviousState().getTime());
            rejectedBefore.add(dop.rejections());
        });
        double[] end = dop.integrate(new FlowEquation(f), new ODEState(0, x0), 30.0).getPrimaryState();
        assertTrue(2.8 * steps.get(0) < 6.0, "first step " + steps.get(0));
        assertEquals(0L, rejectedBefore.get(0), "steps rejected before the first accepted one");
        // exact: the v-component decays by e^{-84}, the rest stays: (0.6, −0.6, 0.9); atol 1e-10
        assertTrue(Matrices.distance(end, new double[] {0.6, -0.6, 0.9}) < 1e-8, java.util.Arrays.toString(end));
    }

    /** Hipparchus' own estimator, reached through its subclass interface. */
    private static final class HipparchusEstimate extends DormandPrince853Integrator {
        HipparchusEstimate(int n, double atol, double rtol) {
            super(1e-300, 1e300, atol, rtol);
            sanityChecks(new ODEState(0, new double[n]), 1.0);   // fixes the main set's dimension
        }

        double of(double[][] k, double[] y0, double[] y1, double h) {
            return estimateError(k, y0, y1, h);
        }
    }

    /**
     * The step loop's error estimate is Hipparchus' DOP853 estimate bit for bit (the same
     * operations in the same order, in loops split for the JIT), on random stages whose components
     * span twelve orders of magnitude, with exact zeros among them, steps of either sign, at N = 1,
     * 7, 1001 (odd lengths, so vector loops have tails); all stages zero gives 0 (Hipparchus' denominator rule), a NaN
     * gives +∞. Mutants: the division by the scale as a product with its reciprocal; the last four
     * terms of a sum added as one group ({@code p + (E₉k₈ + …)}); either sum of squares taken in
     * two halves.
     */
    @Test
    void errorEstimateIsHipparchusBitForBit() {
        Random r = new Random(8);
        for (int n : new int[] {1, 7, 1001}) {
            HipparchusEstimate reference = new HipparchusEstimate(n, 1e-10, 1e-8);
            double[] s = new double[n];
            double[] r1 = new double[n];
            double[] r2 = new double[n];
            for (int round = 0; round < 20; round++) {
                double[][] k = new double[16][n];
                double[] y0 = new double[n];
                double[] y1 = new double[n];
                for (int j = 0; j < n; j++) {
                    for (double[] row : k) {
                        row[j] = r.nextInt(10) == 0 ? 0.0 : r.nextGaussian() * Math.pow(10, r.nextInt(13) - 6);
                    }
                    y0[j] = r.nextInt(10) == 0 ? 0.0 : r.nextGaussian() * Math.pow(10, r.nextInt(9) - 4);
                    y1[j] = y0[j] + 1e-3 * r.nextGaussian();
                }
                double h = (r.nextBoolean() ? 1 : -1) * Math.pow(10, r.nextInt(7) - 3) * (1 + r.nextDouble());
                double want = reference.of(k, y0, y1, h);
                double got = Dop853Integrator.error(k, y0, y1, h, 1e-10, 1e-8, s, r1, r2);
                assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got),
                        "N = " + n + ", round " + round + ": " + want + " vs " + got);
            }
            double[][] zero = new double[16][n];
            double[] y = new double[n];
            assertEquals(0.0, Dop853Integrator.error(zero, y, y, 0.5, 1e-10, 1e-8, s, r1, r2));
            assertEquals(reference.of(zero, y, y, 0.5), Dop853Integrator.error(zero, y, y, 0.5, 1e-10, 1e-8, s, r1, r2));
            zero[7][n - 1] = Double.NaN;
            assertEquals(Double.POSITIVE_INFINITY, Dop853Integrator.error(zero, y, y, 0.5, 1e-10, 1e-8, s, r1, r2));
        }
    }

    /**
     * The stage combinations {@code y₀ + h Σ w_l k_l}, formed up to four terms per pass, are the
     * bits of the term-by-term loop {@code out_i += (h w_l) k_l,i} (zero weights skipped) for every
     * row of the tableau (stages 2..16) and for the solution's weights, at N = 5 and 1001, written
     * over a workspace that holds other values. Mutants: two terms of a pass added as a pair before
     * the running sum; a pass that starts from y₀ again; a pass that adds to the workspace.
     */
    @Test
    void stageCombinationsAreTheTermByTermSums() {
        DormandPrince853Integrator tableau = new DormandPrince853Integrator(1e-12, 10, 1e-10, 1e-8);
        double[][] a = tableau.getA();
        double[] b = tableau.getB();
        Random r = new Random(9);
        for (int n : new int[] {5, 1001}) {
            double[][] k = new double[16][n];
            double[] y0 = new double[n];
            for (int j = 0; j < n; j++) {
                for (double[] row : k) {
                    row[j] = r.nextGaussian() * Math.pow(10, r.nextInt(9) - 4);
                }
                y0[j] = r.nextGaussian();
            }
            double h = 0.37;
            for (int s = 0; s <= a.length; s++) {
                double[] w = s < a.length ? a[s] : b;
                int stages = s < a.length ? s + 1 : 12;
                double[] want = y0.clone();
                for (int l = 0; l < stages; l++) {
                    double c = h * w[l];
                    if (c != 0.0) {
                        for (int j = 0; j < n; j++) {
                            want[j] += c * k[l][j];
                        }
                    }
                }
                double[] got = new double[n];
                java.util.Arrays.fill(got, 1e300);   // the integrator's workspaces hold earlier sums
                Dop853Integrator.combine(y0, h, w, k, stages, got);
                for (int j = 0; j < n; j++) {
                    assertEquals(Double.doubleToLongBits(want[j]), Double.doubleToLongBits(got[j]),
                            "row " + s + ", component " + j);
                }
            }
        }
    }
}
