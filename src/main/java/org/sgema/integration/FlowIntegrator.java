package org.sgema.integration;

import java.util.Locale;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.AbstractIntegrator;
import org.hipparchus.ode.ODEState;
import org.sgema.flows.Eigenbasis;
import org.sgema.flows.MomentField;
import org.sgema.flows.VectorField;
import org.sgema.model.InvalidInputException;
import org.sgema.numerics.DenseKernels;
import org.sgema.numerics.Matrices;
import org.sgema.model.State;

/**
 * Integrates a {@link VectorField} with the {@link Method} of its settings (Dormand–Prince 8(5,3),
 * {@link Dop853Integrator}, the project's {@link RosenbrockIntegrator}, or the first switching to the
 * second once the flow is stiff, see {@link StiffnessMonitor}) until convergence
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
        return integrate(field, initial, 0.0);
    }

    /**
     * Integrates from time {@code t0} (a run that continues another keeps its clock, so laws in t
     * fitted on it mean what they say) to the settings' horizon, which is then an absolute time.
     *
     * @param field the vector field
     * @param initial the state at {@code t0}
     * @param t0 the start time, below the horizon
     * @return the trajectory
     */
    public Trajectory integrate(VectorField field, State initial, double t0) {
        if (!(t0 >= 0 && t0 < settings.horizon())) {
            throw new InvalidInputException("t0", "must be in [0, horizon = " + settings.horizon() + "), got " + t0);
        }
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
                    "initial state is already an equilibrium", new double[] {t0},
                    new double[][] {theta0}, 1, 0, elapsed(start));
        }
        // in Cxx's eigenbasis when it pays; the detectors read norms, which the rotation keeps
        Eigenbasis basis = eigenbasis(field);
        if (basis != null) {
            double[] rotated = new double[theta0.length];
            DenseKernels kernels = ((MomentField) field).kernels();
            basis.toBasis(theta0, rotated, initial.hasTarget(), kernels);
            Trajectory inBasis = integrate(((MomentField) field).on(basis.rotated()), rotated, t0, start);
            // the recorded states are this run's own arrays: rotated back in place, without a copy
            double[][] states = inBasis.recordedStates();
            double[] block = new double[field.configuration().m() * field.configuration().n()];
            double[] product = new double[block.length];
            for (double[] state : states) {
                basis.fromBasisInPlace(state, initial.hasTarget(), kernels, block, product);
            }
            return new Trajectory(field.flow(), field.configuration(), settings, inBasis.outcome(), inBasis.reason(),
                    inBasis.times(), states, inBasis.rhsEvaluations(), inBasis.steps(), elapsed(start),
                    inBasis.stiffFrom(), inBasis.abandonedStiffPhases());
        }
        return integrate(field, theta0, t0, start);
    }

    /**
     * @return the eigenbasis of Cxx to integrate in: for a moment field on its configuration's own
     *     moments with {@code n ≥} {@link Eigenbasis#MIN_N}, unless the settings say otherwise; else null
     */
    private Eigenbasis eigenbasis(VectorField field) {
        if (!settings.eigenbasis() || !(field instanceof MomentField moments) || !moments.usesConfigurationMoments()
                || field.configuration().n() < Eigenbasis.MIN_N) {
            return null;
        }
        return Eigenbasis.of(field.configuration());
    }

    /** The run itself, in whatever basis the field is. */
    private Trajectory integrate(VectorField field, double[] theta0, double t0, long start) {
        TrajectoryRecorder recorder = new TrajectoryRecorder(settings.maxRecordedSteps(), progress);
        FirstStop stop = new FirstStop();
        Method method = settings.method();
        AbstractIntegrator current = null;
        long evaluations = 0;
        double stiffFrom = method == Method.STIFF ? t0 : Double.NaN;
        int abandoned = 0;
        Outcome outcome;
        String reason;
        double tEnd = 0;
        try {
            // phases: explicit until stiff (AUTO), stiff to the end, or, when the stiff method costs more
            // than the explicit one did (StiffCostMonitor), explicit again with the next check deferred;
            // a stiff flow that has spent half its evaluation budget and would spend the rest before the
            // horizon goes stiff to the end whatever it costs (StiffnessMonitor)
            ODEState from = new ODEState(t0, theta0);
            boolean stiff = method == Method.STIFF;
            boolean forBudget = false;
            double explicitStep = Double.NaN;
            double notBefore = Double.NEGATIVE_INFINITY;
            while (true) {
                if (!stiff) {
                    Dop853Integrator dp = new Dop853Integrator(
                            1e-12, settings.horizon(), settings.absoluteTolerance(), settings.relativeTolerance());
                    dp.reuseStageArrays(true); // the handlers below keep no interpolator
                    current = dp;
                    long before = evaluations;
                    try {
                        tEnd = run(dp, new FlowEquation(field), from, stop, recorder, start, evaluations,
                                method == Method.AUTO ? new StiffnessMonitor(field, notBefore,
                                        () -> before + dp.getEvaluations(), settings.maxEvaluations()) : null);
                        break;
                    } catch (StiffnessMonitor.Stiff switchPoint) {
                        evaluations += dp.getEvaluations();
                        current = null;
                        stiff = true;
                        forBudget = switchPoint.forBudget;
                        stiffFrom = switchPoint.time;
                        explicitStep = switchPoint.step;
                        from = new ODEState(switchPoint.time, switchPoint.state);
                    }
                } else {
                    RosenbrockIntegrator rodas = new RosenbrockIntegrator(
                            1e-12, settings.horizon(), settings.absoluteTolerance(), settings.relativeTolerance());
                    current = rodas;
                    LinearizedEquation equation = linearized(field);
                    StiffCostMonitor price = null;
                    if (method == Method.AUTO) {
                        rodas.setInitialStep(explicitStep);
                    }
                    if (method == Method.AUTO && !forBudget) {
                        price = new StiffCostMonitor(explicitStep, field.flopsPerEvaluation(), rodas::getEvaluations,
                                equation);
                    }
                    try {
                        tEnd = run(rodas, equation, from, stop, recorder, start, evaluations, price);
                        break;
                    } catch (StiffCostMonitor.NotWorthIt back) {
                        evaluations += rodas.getEvaluations();
                        current = null;
                        stiff = false;
                        stiffFrom = Double.NaN;
                        abandoned++;
                        notBefore = nextStiffnessCheck(t0, back.time, back.ratio);
                        from = new ODEState(back.time, back.state);
                    }
                }
            }
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
        if (current != null) {
            evaluations += current.getEvaluations();
        }
        recorder.closeOut();
        double[][] states = recorder.states();
        if (outcome == Outcome.DIVERGED && !finite(states[states.length - 1])) {
            reason = reason + " (last finite state kept)";
        }
        return new Trajectory(field.flow(), field.configuration(), settings, outcome, reason,
                recorder.times(), states, evaluations, recorder.steps(), elapsed(start), stiffFrom, abandoned);
    }

    /**
     * When to look for stiffness again after a stiff phase that cost {@code r} times the explicit
     * method per unit time and was left at age {@code a = t − t0}: at age {@code max(4, r)·a}, i.e.
     * <pre>
     *   t_next = t0 + max(4, r)·(t − t0)
     * </pre>
     * A heuristic: on a flow slowing down algebraically the stiff step grows about in proportion
     * to the age while the explicit step, held by stability, does not, so the price ratio would
     * fall about like {@code r·a/age} and reach 1 near age {@code r·a}; the factor 4 spaces the
     * checks geometrically when the ratio was near 1. (Measured at (64, 16), SG: ratios 43.6, 11.7,
     * 7.1, 6.0 at ages 14, 81, 366, 1510, falling slower than 1/age.) Not a bound: on real-data runs
     * it can fall faster (wine EMA: 33.3 at age 38, 9.11 at 117, paying by 249, where this rule
     * waits until 1,298), but checks at every doubling of the age cost more than they saved in 5 of
     * 8 measured runs, since a probe's price, taken on its first steps, often lands just above 1
     * (docs/THEORY.md, "the schedule of stiffness checks").
     */
    static double nextStiffnessCheck(double t0, double leftAt, double ratio) {
        return t0 + Math.max(4, ratio) * (leftAt - t0);
    }

    /**
     * One phase of a run: the stopping detectors (convergence, divergence, the rest of the
     * wall-clock budget, the rest of the evaluation budget), the recorder and an optional extra
     * handler, then integration to the
     * horizon or the first stop.
     *
     * @return the time reached
     */
    private double run(AbstractIntegrator integrator, org.hipparchus.ode.OrdinaryDifferentialEquation equation,
                       ODEState from, FirstStop stop, TrajectoryRecorder recorder, long startNanos, long spent,
                       org.hipparchus.ode.sampling.ODEStepHandler extra) {
        integrator.setMaxEvaluations((int) Math.max(1, settings.maxEvaluations() - spent));
        integrator.addEventDetector(new ConvergenceDetector(settings.convergenceTolerance(), settings.horizon())
                .withHandler(stop.handler(Outcome.CONVERGED)));
        integrator.addEventDetector(new DivergenceDetector(settings.divergenceLimit(), settings.horizon())
                .withHandler(stop.handler(Outcome.DIVERGED)));
        long remaining = Math.max(1, settings.wallClockMillis() - elapsed(startNanos));
        integrator.addEventDetector(new WallClockDetector(remaining, settings.horizon())
                .withHandler(stop.handler(Outcome.TIMED_OUT)));
        integrator.addStepHandler(recorder);
        if (extra != null) {
            integrator.addStepHandler(extra);
        }
        return integrator.integrate(equation, from, settings.horizon()).getTime();
    }

    /**
     * The stiff method's linear algebra: a dense LU up to {@link DenseLinearizedFlow#DENSE_LIMIT}
     * unknowns, matrix-free GMRES with the analytic J·v beyond.
     */
    static LinearizedEquation linearized(VectorField field) {
        return field.dimension() <= DenseLinearizedFlow.DENSE_LIMIT ? new DenseLinearizedFlow(field)
                : new KrylovLinearizedFlow(field);
    }

    private static boolean finite(double[] x) {
        return Double.isFinite(Matrices.norm(x));
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
