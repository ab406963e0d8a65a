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
 * interval of DP8(5,3) is about [−6, 0]), not by accuracy.
 */
final class StiffnessMonitor implements ODEStepHandler {
    static final int EVERY = 20;
    static final int ITERATIONS = 8;
    static final double LIMIT = 3.0;
    private final VectorField field;
    private final double notBefore;
    private final double[] v;
    private final double[] w;
    private int seen;
    private int strikes;

    StiffnessMonitor(VectorField field) {
        this(field, Double.NEGATIVE_INFINITY);
    }

    /** @param notBefore no check before this time (after a stiff phase that did not pay, see {@link StiffCostMonitor}) */
    StiffnessMonitor(VectorField field, double notBefore) {
        this.field = field;
        this.notBefore = notBefore;
        this.v = new double[field.dimension()];
        this.w = new double[field.dimension()];
    }

    @Override
    public void init(ODEStateAndDerivative initial, double finalTime) {
        seen = 0;
        strikes = 0;
    }

    @Override
    public void handleStep(ODEStateInterpolator interpolator) {
        if (++seen % EVERY != 0) {
            return;
        }
        ODEStateAndDerivative end = interpolator.getCurrentState();
        if (end.getTime() < notBefore) {
            return;
        }
        double h = end.getTime() - interpolator.getPreviousState().getTime();
        double[] y = end.getPrimaryState();
        double rho = spectralRadius(y);
        strikes = h * rho >= LIMIT ? strikes + 1 : 0;
        if (strikes >= 2) {
            throw new Stiff(end.getTime(), y, h * rho, h);
        }
    }

    /** @return an estimate of ρ(J(y)) from power iteration on a fixed start vector */
    double spectralRadius(double[] y) {
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

    /** Ends the explicit phase: the run continues with the stiff method from this state. */
    static final class Stiff extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final double time;
        final double[] state;
        final double stiffness;

        /** the explicit step at the switch, held by stability */
        final double step;

        Stiff(double time, double[] state, double stiffness, double step) {
            super("stiff at t = " + time, null, false, false);
            this.time = time;
            this.state = state.clone();
            this.stiffness = stiffness;
            this.step = step;
        }
    }
}
