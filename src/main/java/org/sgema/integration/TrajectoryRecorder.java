package org.sgema.integration;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Records the state at the end of every accepted step and reports progress. When more than {@code maxPoints} points are stored, every second one is dropped and the
 * recording stride doubles, so memory stays bounded on long horizons.
 */
final class TrajectoryRecorder implements ODEStepHandler {
    private final int maxPoints;
    private final List<Double> times = new ArrayList<>();
    private final List<double[]> states = new ArrayList<>();
    private int stride = 1;
    private int seen;
    private int steps;
    private double lastTime;
    /** the last step's end (Hipparchus' states are immutable: kept, not copied, until needed) */
    private ODEStateAndDerivative lastEnd;

    private final java.util.function.DoubleConsumer progress;
    private long nextReportNanos;

    TrajectoryRecorder(int maxPoints, java.util.function.DoubleConsumer progress) {
        this.maxPoints = maxPoints;
        this.progress = progress;
    }

    @Override
    public void init(ODEStateAndDerivative initial, double finalTime) {
        if (!times.isEmpty() && initial.getTime() == lastTime) {
            return; // a second phase of the same run (explicit, then stiff) continues the record
        }
        record(initial.getTime(), initial.getPrimaryState()); // a copy of its own
    }

    @Override
    public void handleStep(ODEStateInterpolator interpolator) {
        steps++;
        ODEStateAndDerivative end = interpolator.getCurrentState();
        lastTime = end.getTime();
        lastEnd = end;
        if (++seen % stride == 0) {
            record(lastTime, end.getPrimaryState()); // a copy of its own, stored as it is
        }
        long now = System.nanoTime();
        if (progress != null && now >= nextReportNanos) {
            progress.accept(lastTime);
            nextReportNanos = now + 500_000_000L;
        }
    }

    /** @param theta a state no one else holds (Hipparchus' getters return copies): stored, not copied */
    private void record(double t, double[] theta) {
        times.add(t);
        states.add(theta);
        if (states.size() > maxPoints) {
            for (int i = states.size() - 1; i > 0; i -= 2) {
                states.remove(i);
                times.remove(i);
            }
            stride *= 2;
        }
    }

    /** Appends the last step if thinning skipped it, so the trajectory ends where the run did. */
    void closeOut() {
        if (lastEnd != null && times.get(times.size() - 1) != lastTime) {
            times.add(lastTime);
            states.add(lastEnd.getPrimaryState()); // not in the record: its entry would be the last
        }
    }

    double[] times() {
        double[] t = new double[times.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = times.get(i);
        }
        return t;
    }

    double[][] states() {
        return states.toArray(new double[0][]);
    }

    int steps() {
        return steps;
    }
}
