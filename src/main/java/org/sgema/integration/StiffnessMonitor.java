package org.sgema.integration;

import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.sgema.flows.VectorField;
import org.sgema.numerics.Matrices;

/**
 * Watches an explicit run for stiffness: every {@value #EVERY} accepted steps it estimates the
 * spectral radius ρ of J at the step's end by {@value #ITERATIONS} power iterations with the
 * analytic product J·v, and stops the run (by {@link Stiff}) when {@code h·ρ ≥ }{@value #LIMIT}
 * at two consecutive checks: the explicit step is then held by stability (the real stability
 * interval of DP8(5,3) is about [−6, 0]), not by accuracy. For the budget: once the run has spent
 * {@value #BUDGET_FRACTION} of its evaluations E and, at its present step, would spend the rest before
 * its horizon H,
 * <pre>
 *   spent ≥ {@value #BUDGET_FRACTION}·E   and   spent + 12 (H − t)/h &gt; E
 * </pre>
 * a single check with {@code h·ρ ≥ }{@value #LIMIT} stops it with {@link Stiff#forBudget}, also
 * before the deferred time of a stiff phase that did not pay (see {@link StiffCostMonitor}, whose
 * price, taken on the first steps of a phase, before its step has grown, can exceed the long-run
 * price tenfold): the explicit method would fail on the budget, and the stiff one, whose step is
 * not held by stability, may reach the horizon on what is left, so it is not sent back. A run
 * that is still going after half its budget is a long one; the rule does not stake the whole
 * budget on a horizon that is only an upper bound (a continuation's), and in claims the wall
 * clock bounds what the stiff phase costs. (EMA (11, 1) with τ = 100, continued to 10⁶: the
 * explicit method, step 0.05, spends 2·10⁷ evaluations by t ≈ 10⁵; with this rule the stiff
 * method, about 27 evaluations per unit time against 210, carries the run on.)
 */
public final class StiffnessMonitor implements ODEStepHandler {
    static final int EVERY = 20;
    static final int ITERATIONS = 8;
    /** h·ρ at and above which the explicit step is held by stability. */
    public static final double LIMIT = 3.0;
    /** Share of the evaluation budget after which a stiff flow goes to the stiff method whatever it costs. */
    static final double BUDGET_FRACTION = 0.5;
    private final VectorField field;
    private final double notBefore;
    private final java.util.function.LongSupplier spent;
    private final long budget;
    private double horizon = Double.POSITIVE_INFINITY;
    private final double[] v;
    private final double[] w;
    private int seen;
    private int strikes;

    /**
     * @param notBefore no check before this time (after a stiff phase that did not pay, see {@link StiffCostMonitor})
     * @param spent the run's evaluations so far
     * @param budget the run's evaluation budget
     */
    StiffnessMonitor(VectorField field, double notBefore, java.util.function.LongSupplier spent, long budget) {
        this.field = field;
        this.notBefore = notBefore;
        this.spent = spent;
        this.budget = budget;
        this.v = new double[field.dimension()];
        this.w = new double[field.dimension()];
    }

    @Override
    public void init(ODEStateAndDerivative initial, double finalTime) {
        horizon = finalTime;
        seen = 0;
        strikes = 0;
    }

    @Override
    public void handleStep(ODEStateInterpolator interpolator) {
        if (++seen % EVERY != 0) {
            return;
        }
        ODEStateAndDerivative end = interpolator.getCurrentState();
        double h = end.getTime() - interpolator.getPreviousState().getTime();
        long used = spent.getAsLong();
        boolean exhausting = used >= BUDGET_FRACTION * budget && used + 12 * (horizon - end.getTime()) / h > budget;
        if (end.getTime() < notBefore && !exhausting) {
            return;
        }
        double[] y = end.getPrimaryState();
        double rho = spectralRadius(y);
        strikes = h * rho >= LIMIT ? strikes + 1 : 0;
        if (strikes >= 2 || (exhausting && strikes >= 1)) {
            throw new Stiff(end.getTime(), y, h * rho, h, exhausting);
        }
    }

    /** @return an estimate of ρ(J(y)) from power iteration on a fixed start vector */
    double spectralRadius(double[] y) {
        return spectralRadius(field, y, v, w);
    }

    /**
     * @param field the field
     * @param y the state (not modified)
     * @param v workspace of length N
     * @param w workspace of length N
     * @return ρ(J(y)) estimated by {@value #ITERATIONS} power iterations with the analytic J·v from a
     *     fixed start vector (no allocation)
     */
    static double spectralRadius(VectorField field, double[] y, double[] v, double[] w) {
        for (int i = 0; i < v.length; i++) {
            v[i] = 1.0 + 0.5 * Math.sin(1.7 * i);
        }
        double rho = 0;
        for (int k = 0; k < ITERATIONS; k++) {
            double nv = Matrices.norm(v);
            if (nv == 0 || !Double.isFinite(nv)) {
                return rho;
            }
            field.jacobianTimes(y, v, w);
            double nw = Matrices.norm(w);
            rho = nw / nv;
            for (int i = 0; i < v.length; i++) {
                v[i] = w[i] / nw;
            }
        }
        return rho;
    }

    /**
     * @param field the field
     * @param y a state (not modified)
     * @param h the explicit (DOP853) step taken there
     * @return {@code h·ρ(J(y))}, which is at least {@value #LIMIT} where the step is held by stability
     */
    public static double stiffness(VectorField field, double[] y, double h) {
        return h * spectralRadius(field, y, new double[y.length], new double[y.length]);
    }

    /** Ends the explicit phase: the run continues with the stiff method from this state. */
    static final class Stiff extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final double time;
        final double[] state;
        final double stiffness;

        /** the explicit step at the switch, held by stability */
        final double step;
        /** whether the switch is for the budget (see the class comment): the stiff phase is then kept */
        final boolean forBudget;

        Stiff(double time, double[] state, double stiffness, double step, boolean forBudget) {
            super("stiff at t = " + time, null, false, false);
            this.time = time;
            this.state = state.clone();
            this.stiffness = stiffness;
            this.step = step;
            this.forBudget = forBudget;
        }
    }
}
