package org.sgema.integration;

import java.util.Locale;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.sgema.flows.VectorField;
import org.sgema.model.InvalidInputException;
import org.sgema.numerics.Matrices;
import org.sgema.model.State;

/**
 * Integrates a {@link VectorField} with Hipparchus' Dormand–Prince 8(5,3) until convergence
 * ({@code ‖F(θ)‖ ≤ tol·(1 + ‖θ‖)}), divergence, the horizon, an integrator failure or the
 * wall-clock cap. Never throws for numerical trouble: every run ends with an {@link Outcome}.
 */
public final class FlowIntegrator {
    private final IntegrationSettings settings;
    private final java.util.function.DoubleConsumer progress;

    /** An integrator with {@link IntegrationSettings#defaults()}. */
    public FlowIntegrator() {
        this(IntegrationSettings.defaults());
    }

    /** @param settings run settings */
    public FlowIntegrator(IntegrationSettings settings) {
        this(settings, null);
    }

    private FlowIntegrator(IntegrationSettings settings, java.util.function.DoubleConsumer progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * @param listener called with the current time at most about twice a second during a run
     * @return an integrator that reports progress (e.g. to a terminal)
     */
    public FlowIntegrator withProgress(java.util.function.DoubleConsumer listener) {
        return new FlowIntegrator(settings, listener);
    }

    /** @return the settings */
    public IntegrationSettings settings() {
        return settings;
    }

    /** @return an integrator with other settings */
    public FlowIntegrator withSettings(IntegrationSettings other) {
        return new FlowIntegrator(other, progress);
    }

    /**
     * @param field the vector field (its workspaces are used; not thread-safe)
     * @param initial initial state; must match the field's flow (a target iff EMA)
     * @return the trajectory, ending with an explicit outcome
     * @throws InvalidInputException if the state does not fit the field
     */
    public Trajectory integrate(VectorField field, State initial) {
        if (initial.hasTarget() != field.flow().hasTarget() || initial.size() != field.dimension()) {
            throw new InvalidInputException("state", String.format(Locale.ROOT,
                    "size %d%s does not fit the %s field of size %d", initial.size(),
                    initial.hasTarget() ? " (with target)" : "", field.flow(), field.dimension()));
        }
        long start = System.nanoTime();
        double[] theta0 = initial.toArray();
        double[] f0 = field.evaluate(theta0);
        if (ConvergenceDetector.g(theta0, f0, settings.convergenceTolerance()) <= 0) {
            return new Trajectory(field.flow(), field.configuration(), settings, Outcome.CONVERGED,
                    "initial state is already an equilibrium", new double[] {0.0},
                    new double[][] {theta0}, 1, 0, elapsed(start));
        }
        DormandPrince853Integrator dp = new DormandPrince853Integrator(
                1e-12, settings.horizon(), settings.absoluteTolerance(), settings.relativeTolerance());
        dp.setMaxEvaluations(settings.maxEvaluations());
        FirstStop stop = new FirstStop();
        dp.addEventDetector(new ConvergenceDetector(settings.convergenceTolerance(), settings.horizon())
                .withHandler(stop.handler(Outcome.CONVERGED)));
        dp.addEventDetector(new DivergenceDetector(settings.divergenceLimit(), settings.horizon())
                .withHandler(stop.handler(Outcome.DIVERGED)));
        dp.addEventDetector(new WallClockDetector(settings.wallClockMillis(), settings.horizon())
                .withHandler(stop.handler(Outcome.TIMED_OUT)));
        TrajectoryRecorder recorder = new TrajectoryRecorder(settings.maxRecordedSteps(), progress);
        dp.addStepHandler(recorder);

        Outcome outcome;
        String reason;
        try {
            double tEnd = dp.integrate(new FlowEquation(field), new ODEState(0.0, theta0), settings.horizon())
                    .getTime();
            outcome = stop.outcomeOr(Outcome.HORIZON_REACHED);
            reason = switch (outcome) {
                case HORIZON_REACHED -> "horizon " + settings.horizon() + " reached before convergence";
                case DIVERGED -> "‖θ‖ exceeded " + settings.divergenceLimit();
                case TIMED_OUT -> "wall-clock cap of " + settings.wallClockMillis() + " ms reached at t = " + tEnd;
                default -> "";
            };
        } catch (FlowEquation.NonFiniteStateException e) {
            outcome = Outcome.DIVERGED;
            reason = e.getMessage();
        } catch (MathRuntimeException e) {
            outcome = Outcome.INTEGRATOR_FAILED;
            reason = e.getMessage();
        }
        recorder.closeOut();
        double[][] states = recorder.states();
        if (outcome == Outcome.DIVERGED && !finite(states[states.length - 1])) {
            reason = reason + " (last finite state kept)";
        }
        return new Trajectory(field.flow(), field.configuration(), settings, outcome, reason,
                recorder.times(), states, dp.getEvaluations(), recorder.steps(), elapsed(start));
    }

    private static boolean finite(double[] x) {
        return Double.isFinite(Matrices.norm(x));
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
