package org.sgema.integration;

import org.hipparchus.ode.ODEStateAndDerivative;
import org.sgema.numerics.Matrices;

/**
 * A state made by this package's integrators (a step's end, or a point inside a step) that
 * carries the two norms the stopping detectors read at every step, taken once, when it is made,
 * from the arrays it is made of:
 * <pre>
 *   ‖θ‖ and ‖F(θ)‖      ({@link Matrices#norm}, the function the detectors apply)
 * </pre>
 * Hipparchus' getters return copies, so detectors that read θ and F through them copied the state
 * for each detector and took ‖θ‖ twice (three copies and three norms of N entries per step). The
 * norms are the same bits either way. For any other state the static readers copy and compute,
 * as before.
 */
final class StepState extends ODEStateAndDerivative {
    private static final long serialVersionUID = 1L;
    private final double stateNorm;
    private final double derivativeNorm;

    /**
     * @param time the time
     * @param state θ (copied by Hipparchus' constructor; may be reused by the caller afterwards)
     * @param derivative F(θ) (likewise)
     */
    StepState(double time, double[] state, double[] derivative) {
        super(time, state, derivative);
        this.stateNorm = Matrices.norm(state);
        this.derivativeNorm = Matrices.norm(derivative);
    }

    /** @return ‖θ‖ of a state (without a copy for a {@link StepState}) */
    static double stateNorm(ODEStateAndDerivative s) {
        return s instanceof StepState t ? t.stateNorm : Matrices.norm(s.getPrimaryState());
    }

    /** @return ‖F(θ)‖ of a state (without a copy for a {@link StepState}) */
    static double derivativeNorm(ODEStateAndDerivative s) {
        return s instanceof StepState t ? t.derivativeNorm : Matrices.norm(s.getPrimaryDerivative());
    }
}
