package org.sgema.integration;

import java.util.Locale;

import org.sgema.flows.Flow;
import org.sgema.model.Configuration;
import org.sgema.numerics.Matrices;
import org.sgema.model.Objective;
import org.sgema.model.SgInvariant;
import org.sgema.model.State;

/**
 * The immutable record of one integration run: sampled times and states, how the run ended,
 * and its cost. Derived series ({@code ‖B‖}, {@code E0}, {@code ‖F‖}, the SG invariant drift)
 * are computed on demand from the stored states.
 */
public final class Trajectory {
    private final Flow flow;
    private final Configuration configuration;
    private final Outcome outcome;
    private final String reason;
    private final double[] times;
    private final double[][] states;
    private final long rhsEvaluations;
    private final int steps;
    private final long wallMillis;
    private final IntegrationSettings settings;
    private final double stiffFrom;
    private final int abandonedStiffPhases;

    Trajectory(Flow flow, Configuration configuration, IntegrationSettings settings, Outcome outcome, String reason,
               double[] times, double[][] states, long rhsEvaluations, int steps, long wallMillis) {
        this(flow, configuration, settings, outcome, reason, times, states, rhsEvaluations, steps, wallMillis,
                Double.NaN);
    }

    Trajectory(Flow flow, Configuration configuration, IntegrationSettings settings, Outcome outcome, String reason,
               double[] times, double[][] states, long rhsEvaluations, int steps, long wallMillis, double stiffFrom) {
        this(flow, configuration, settings, outcome, reason, times, states, rhsEvaluations, steps, wallMillis,
                stiffFrom, 0);
    }

    Trajectory(Flow flow, Configuration configuration, IntegrationSettings settings, Outcome outcome, String reason,
               double[] times, double[][] states, long rhsEvaluations, int steps, long wallMillis, double stiffFrom,
               int abandonedStiffPhases) {
        this.stiffFrom = stiffFrom;
        this.abandonedStiffPhases = abandonedStiffPhases;
        this.settings = settings;
        this.flow = flow;
        this.configuration = configuration;
        this.outcome = outcome;
        this.reason = reason;
        this.times = times;
        this.states = states;
        this.rhsEvaluations = rhsEvaluations;
        this.steps = steps;
        this.wallMillis = wallMillis;
    }

    /**
     * A trajectory of a discrete map (training steps), recorded in the same form as an
     * integrated one: {@code times[i] = k_i η}, the states at those steps, the field evaluations
     * and steps taken. It has no integration settings.
     */
    public static Trajectory ofSteps(Flow flow, Configuration configuration, Outcome outcome, String reason,
                                     double[] times, double[][] states, long evaluations, int steps,
                                     long wallMillis) {
        if (times.length != states.length || times.length == 0) {
            throw new IllegalArgumentException("times and states: same non-zero length expected");
        }
        return new Trajectory(flow, configuration, null, outcome, reason, times, states, evaluations, steps,
                wallMillis);
    }

    /**
     * @param origin θ*, of the states' length
     * @return this run with every state moved by {@code origin} ({@code θ = θ* + δ}: a run
     *     integrated in displacement coordinates, {@link org.sgema.flows.DisplacementField}, back in
     *     the field's own); outcome, times, counts and settings unchanged
     */
    public Trajectory translated(double[] origin) {
        double[][] moved = new double[states.length][];
        for (int i = 0; i < states.length; i++) {
            if (states[i].length != origin.length) {
                throw new IllegalArgumentException("origin of length " + origin.length + " for states of length "
                        + states[i].length);
            }
            moved[i] = new double[origin.length];
            for (int k = 0; k < origin.length; k++) {
                moved[i][k] = origin[k] + states[i][k];
            }
        }
        return new Trajectory(flow, configuration, settings, outcome, reason, times, moved, rhsEvaluations, steps,
                wallMillis, stiffFrom, abandonedStiffPhases);
    }

    /**
     * One record of a run and its continuation, so that a law fitted on the last half (or tenth) of
     * the time reached sees the points the run recorded there, not only the continuation's.
     *
     * @param continuation a run of the same flow that starts where this one ended (its first time
     *     this run's final time)
     * @return this run's points, then the continuation's after its first; the continuation's
     *     outcome, reason and settings; evaluations, steps, wall time and abandoned stiff phases
     *     summed; the stiff method's start this run's when the continuation ran stiff from its start
     * @throws IllegalArgumentException if the continuation does not start at this run's final time
     */
    public Trajectory followedBy(Trajectory continuation) {
        if (continuation.time(0) != finalTime() || continuation.flow != flow) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a continuation of this %s run starts at"
                    + " t = %s, not at a %s run's t = %s", flow, finalTime(), continuation.flow, continuation.time(0)));
        }
        int n = times.length;
        int k = continuation.times.length - 1;
        double[] t = java.util.Arrays.copyOf(times, n + k);
        double[][] x = java.util.Arrays.copyOf(states, n + k);
        System.arraycopy(continuation.times, 1, t, n, k);
        System.arraycopy(continuation.states, 1, x, n, k);
        double stiff = continuation.stiffFrom;
        if (!Double.isNaN(stiffFrom) && stiff == continuation.time(0)) {
            stiff = stiffFrom;
        }
        return new Trajectory(flow, configuration, continuation.settings, continuation.outcome, continuation.reason,
                t, x, rhsEvaluations + continuation.rhsEvaluations, steps + continuation.steps,
                wallMillis + continuation.wallMillis, stiff, abandonedStiffPhases + continuation.abandonedStiffPhases);
    }

    /**
     * @param from a time
     * @return this run with its recorded points before {@code from} dropped except the last of them,
     *     so that the record still reaches back to {@code from} (a joined record kept to the window
     *     its laws are fitted on); outcome, reason, counts and settings unchanged
     */
    public Trajectory since(double from) {
        int first = 0;
        while (first + 1 < times.length && times[first + 1] <= from) {
            first++;
        }
        if (first == 0) {
            return this;
        }
        return new Trajectory(flow, configuration, settings, outcome, reason,
                java.util.Arrays.copyOfRange(times, first, times.length),
                java.util.Arrays.copyOfRange(states, first, states.length), rhsEvaluations, steps, wallMillis,
                stiffFrom, abandonedStiffPhases);
    }

    /** @return the time from which the stiff method ran (0 if it ran throughout, NaN if never) */
    public double stiffFrom() {
        return stiffFrom;
    }

    /**
     * @return how many stiff phases an AUTO run started and left because the stiff method cost more
     *     per unit time than the explicit one (see {@code StiffCostMonitor}); 0 for other methods
     */
    public int abandonedStiffPhases() {
        return abandonedStiffPhases;
    }

    /** @return the settings of the run (null for a discrete map's run, {@link #ofSteps}) */
    public IntegrationSettings settings() {
        return settings;
    }

    /** @return the flow that was integrated */
    public Flow flow() {
        return flow;
    }

    /** @return the configuration */
    public Configuration configuration() {
        return configuration;
    }

    /** @return how the run ended */
    public Outcome outcome() {
        return outcome;
    }

    /** @return a human-readable reason for the outcome */
    public String reason() {
        return reason;
    }

    /** @return number of recorded points */
    public int size() {
        return times.length;
    }

    /** @return recorded time i */
    public double time(int i) {
        return times[i];
    }

    /** @return a copy of the recorded times */
    public double[] times() {
        return times.clone();
    }

    /** @return recorded state i */
    public State state(int i) {
        return State.fromArray(configuration.m(), configuration.n(), flow.hasTarget(), states[i]);
    }

    /**
     * @return the recorded states themselves, not copies: only for {@link FlowIntegrator}, which
     *     rotates the states of a run it has just recorded out of the eigenbasis in place
     */
    double[][] recordedStates() {
        return states;
    }

    /**
     * Recorded state i into a caller's array, without the copies of {@link #state}.
     *
     * @param i the index
     * @param out its flattened state (modified; of the state's length)
     * @throws IllegalArgumentException if {@code out} is not of the state's length
     */
    public void copyState(int i, double[] out) {
        if (out.length != states[i].length) {
            throw new IllegalArgumentException("a state of length " + states[i].length + " into an array of "
                    + out.length);
        }
        System.arraycopy(states[i], 0, out, 0, states[i].length);
    }

    /** @return the final time */
    public double finalTime() {
        return times[times.length - 1];
    }

    /** @return the final state */
    public State finalState() {
        return state(times.length - 1);
    }

    /** @return right-hand-side evaluations spent */
    public long rhsEvaluations() {
        return rhsEvaluations;
    }

    /** @return accepted integrator steps */
    public int steps() {
        return steps;
    }

    /** @return wall time of the run in milliseconds */
    public long wallMillis() {
        return wallMillis;
    }

    /** @return {@code ‖B(t_i)‖} (Frobenius) at every recorded point */
    public double[] encoderNorms() {
        double[] out = new double[size()];
        int offset = configuration.m() * configuration.m();
        for (int i = 0; i < out.length; i++) {
            out[i] = Matrices.norm(states[i], offset, configuration.m() * configuration.n());
        }
        return out;
    }

    /**
     * @param relativeTolerance singular values of B at or below {@code relativeTolerance·‖B(0)‖}
     *     count as zero
     * @return the numerical rank of B at every recorded point
     */
    public int[] encoderRanks(double relativeTolerance) {
        int[] out = new int[size()];
        double threshold = relativeTolerance * encoderNorms()[0];
        for (int i = 0; i < out.length; i++) {
            for (double sv : org.sgema.numerics.RankEstimate.singularValues(state(i).encoder())) {
                if (sv > threshold) {
                    out[i]++;
                }
            }
        }
        return out;
    }

    /** @return {@code E0(A(t_i), B(t_i))} at every recorded point */
    public double[] objective() {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Objective.e0(configuration, state(i));
        }
        return out;
    }

    /** @return {@code ‖F(θ(t_i))‖} at every recorded point */
    public double[] fieldNorms() {
        var field = flow.field(configuration);
        double[] f = new double[field.dimension()];
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            field.evaluate(states[i], f);
            out[i] = Matrices.norm(f);
        }
        return out;
    }

    /**
     * @return the relative drift of the SG invariant [T4] at every recorded point, with the
     *     absolute-accuracy floor {@code 1e6·atol} of {@link SgInvariant#relativeDrift}
     */
    public double[] invariantDrift() {
        State initial = state(0);
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = SgInvariant.relativeDrift(configuration.alpha(), configuration.lambda(),
                    initial, times[i], state(i), 1e6 * settings.absoluteTolerance());
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Trajectory[%s, %s at t=%.4g, %d steps, %d evaluations, %d ms%s]",
                flow, outcome, finalTime(), steps, rhsEvaluations, wallMillis,
                reason.isEmpty() ? "" : ", " + reason);
    }
}
