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
 *   back to explicit if stiff &gt; explicit, unless the explicit method cannot reach the horizon H
 *   on the evaluations left:  12 (H − t) / h_e &gt; budget left
 * </pre>
 * The first {@value #WARMUP} steps are left out of the price: the stiff method starts at the
 * explicit step and needs a few steps to grow it (so its price over the probe is high, and its
 * evaluations per unit time are no guide to the rest of the run). The exception for the budget:
 * a run that exhausts its evaluation budget fails however cheap its steps were, and the
 * explicit step, held by stability, does not grow, so the stiff method is then the only one
 * that may reach H (at N = 23, EMA with τ = 100, the explicit method cost 0.7 times the stiff one
 * in flops and wall time but spent its 2·10⁷ evaluations at t = 9.5·10⁴; the stiff method reached
 * 10⁵ on 2.7·10⁶).
 */
final class StiffCostMonitor implements ODEStepHandler {
    static final int WARMUP = 5;
    static final int PROBE = 15;
    private final double explicitCostPerTime;
    private final double flopsPerEvaluation;
    private final LongSupplier evaluations;
    private final LinearizedEquation equation;
    private final double explicitStep;
    private final long budget;
    private final double horizon;
    private int steps;
    private double t0;
    private double cost0;

    /**
     * @param explicitStep the explicit step at the switch
     * @param flopsPerEvaluation F
     * @param evaluations the stiff integrator's evaluation count
     * @param equation the stiff problem (its linear algebra's flops)
     * @param budget the evaluations left to the run when the stiff phase starts
     * @param horizon the run's horizon H
     */
    StiffCostMonitor(double explicitStep, double flopsPerEvaluation, LongSupplier evaluations,
                     LinearizedEquation equation, long budget, double horizon) {
        this.explicitCostPerTime = 12 * flopsPerEvaluation / explicitStep;
        this.explicitStep = explicitStep;
        this.budget = budget;
        this.horizon = horizon;
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
            if (stiffCostPerTime > explicitCostPerTime && !explicitExhaustsBudget(end.getTime())) {
                throw new NotWorthIt(end.getTime(), end.getPrimaryState(), stiffCostPerTime / explicitCostPerTime);
            }
        }
    }

    /**
     * @param t the time reached
     * @return whether the explicit method, at its step h_e, would spend the evaluations left
     *     before the horizon: {@code 12 (H − t) / h_e > budget left}
     */
    private boolean explicitExhaustsBudget(double t) {
        return 12 * (horizon - t) / explicitStep > budget - evaluations.getAsLong();
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
