package org.sgema.integration;

/** Test fixture: trajectories as the integrator would have returned them under another stop. */
public final class Trajectories {
    private Trajectories() {
    }

    /**
     * @param t a run
     * @param outcome another outcome
     * @return the same recorded points, ended as {@code outcome} (e.g. a wall-clock stop at the time
     *     the run reached)
     */
    public static Trajectory endedAs(Trajectory t, Outcome outcome) {
        double[][] states = new double[t.size()][];
        for (int i = 0; i < states.length; i++) {
            states[i] = t.state(i).toArray();
        }
        return new Trajectory(t.flow(), t.configuration(), t.settings(), outcome, "ended as " + outcome, t.times(),
                states, t.rhsEvaluations(), t.steps(), t.wallMillis(), t.stiffFrom(), t.abandonedStiffPhases());
    }
}
