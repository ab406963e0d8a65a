package org.sgema.integration;

import java.util.function.LongSupplier;

import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Prices the first steps of a stiff phase that {@link StiffnessMonitor} started and ends the phase
 * (by {@link NotWorthIt}) when the stiff method costs more per unit of time than the explicit one
 * did: a flow can be stiff (the explicit step held by stability) and still be cheaper to follow
 * explicitly, when the stiff method's linear algebra at this N costs more than the step it gains
 * (as LSODA weighs its two methods). Both costs are counted in floating-point operations, not
 * measured in time, so the choice, and with it every trajectory, is reproducible:
 * <pre>
 *   explicit:  12 F / h_e              (DOP853: 12 evaluations per step h_e at the switch)
 *   stiff:     (ΔE·F + ΔW) / Δt        over accepted steps {@value #WARMUP}+1 .. {@value #PROBE}
 *              (ΔE evaluations, ΔW the linear algebra's flops, see LinearizedEquation)
 *   back to explicit if stiff &gt; explicit
 * </pre>
 * The first {@value #WARMUP} steps are left out of the price: the stiff method starts at the
 * explicit step and needs a few steps to grow it.
 */
final class StiffCostMonitor implements ODEStepHandler {
    static final int WARMUP = 5;
    static final int PROBE = 15;
    private final double explicitCostPerTime;
    private final double flopsPerEvaluation;
    private final LongSupplier evaluations;
    private final LinearizedEquation equation;
    private int steps;
    private double t0;
    private double cost0;

    /**
     * @param explicitStep the explicit step at the switch
     * @param flopsPerEvaluation F
     * @param evaluations the stiff integrator's evaluation count
     * @param equation the stiff problem (its linear algebra's flops)
     */
    StiffCostMonitor(double explicitStep, double flopsPerEvaluation, LongSupplier evaluations,
                     LinearizedEquation equation) {
        this.explicitCostPerTime = 12 * flopsPerEvaluation / explicitStep;
        this.flopsPerEvaluation = flopsPerEvaluation;
        this.evaluations = evaluations;
        this.equation = equation;
    }

    private double cost() {
        return evaluations.getAsLong() * flopsPerEvaluation + equation.linearAlgebraFlops();
    }

    @Override
    public void handleStep(ODEStateInterpolator interpolator) {
        steps++;
        ODEStateAndDerivative end = interpolator.getCurrentState();
        if (steps == WARMUP) {
            t0 = end.getTime();
            cost0 = cost();
        } else if (steps == PROBE) {
            double stiffCostPerTime = (cost() - cost0) / (end.getTime() - t0);
            if (stiffCostPerTime > explicitCostPerTime) {
                throw new NotWorthIt(end.getTime(), end.getPrimaryState(), stiffCostPerTime / explicitCostPerTime);
            }
        }
    }

    /** Ends a stiff phase that costs more than the explicit one: the run continues explicitly from here. */
    static final class NotWorthIt extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final double time;
        final double[] state;
        /** stiff cost per unit time over explicit */
        final double ratio;

        NotWorthIt(double time, double[] state, double ratio) {
            super("stiff phase " + ratio + "× the explicit cost at t = " + time, null, false, false);
            this.time = time;
            this.state = state.clone();
            this.ratio = ratio;
        }
    }
}
