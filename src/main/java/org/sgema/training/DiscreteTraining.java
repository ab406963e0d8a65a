package org.sgema.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import org.sgema.flows.MomentField;
import org.sgema.flows.VectorField;
import org.sgema.numerics.Matrices;
import org.sgema.integration.Outcome;
import org.sgema.integration.Trajectory;
import org.sgema.model.State;

/**
 * Discrete training: iterates {@link TrainingStep} from a state, with the exact moments or with
 * the sample moments of a fresh minibatch at every step, and records the run as a
 * {@link Trajectory} ({@code t = kη}) with the flows' outcomes:
 * <pre>
 *   CONVERGED        ‖θ_{k+1} − θ_k‖/η ≤ tol·(1 + ‖θ_k‖)   (exact moments only)
 *   DIVERGED         ‖θ_k‖ &gt; limit or not finite
 *   HORIZON_REACHED  the step budget is spent
 *   TIMED_OUT        the wall-clock cap is reached
 * </pre>
 * The convergence test looks at the step the map takes, not at F, so a map whose fixed points
 * are not the flow's equilibria is caught by the checks, not hidden by the stop rule.
 */
public final class DiscreteTraining {
    private final TrainingSettings settings;
    private final TrainingRule rule;
    private final LongConsumer progress;

    /** Exact training ({@link TrainingRule#EULER}). */
    public DiscreteTraining(TrainingSettings settings) {
        this(settings, TrainingRule.EULER, null);
    }

    private DiscreteTraining(TrainingSettings settings, TrainingRule rule, LongConsumer progress) {
        this.settings = settings;
        this.rule = rule;
        this.progress = progress;
    }

    /** @return a copy using another update rule (a deliberate error, for the mutation tests) */
    public DiscreteTraining withRule(TrainingRule other) {
        return new DiscreteTraining(settings, other, progress);
    }

    /** @return a copy that reports the step count about every 10⁴ steps */
    public DiscreteTraining withProgress(LongConsumer onStep) {
        return new DiscreteTraining(settings, rule, onStep);
    }

    /** @return the settings */
    public TrainingSettings settings() {
        return settings;
    }

    /** Trains with the exact moments of the field's configuration. */
    public Trajectory train(VectorField field, State initial) {
        return run(field, initial, null, null, 0L);
    }

    /**
     * Trains with minibatch moments: before every step, b view pairs are drawn and the field uses
     * their sample moments (the field's moments are changed; the caller's configuration is not).
     *
     * @param field a field whose moments can be replaced
     * @param initial the initial state
     * @param views the sampler of view pairs
     * @param seed seed of the batches
     */
    public Trajectory train(MomentField field, State initial, ViewSampler views, long seed) {
        if (settings.batch() < 1) {
            throw new org.sgema.model.InvalidInputException("batch", "minibatch training needs a batch size ≥ 1");
        }
        if (views.n() != field.configuration().n()) {
            throw new org.sgema.model.InvalidInputException("views", "have n = " + views.n() + ", the field n = "
                    + field.configuration().n());
        }
        return run(field, initial, field, views, seed);
    }

    private Trajectory run(VectorField field, State initial, MomentField moments, ViewSampler views, long seed) {
        long start = System.nanoTime();
        double eta = settings.learningRate();
        TrainingStep step = new TrainingStep(field, eta, rule);
        double[] theta = initial.toArray();
        if (theta.length != field.dimension()) {
            throw new org.sgema.model.InvalidInputException("state", "has size " + theta.length + ", the "
                    + field.flow() + " field needs " + field.dimension());
        }
        double[] next = new double[theta.length];
        MinibatchMoments batch = views == null ? null : new MinibatchMoments(field.configuration().n());
        SplittableRandom random = new SplittableRandom(seed);
        long every = Math.max(1, settings.maxSteps() / (settings.maxRecords() - 1));
        List<double[]> states = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        states.add(theta.clone());
        times.add(0.0);
        Outcome outcome = Outcome.HORIZON_REACHED;
        String reason = "";
        long k = 0;
        long evaluations = 0;
        while (true) {
            double norm = Matrices.norm(theta);
            if (!Double.isFinite(norm) || norm > settings.divergenceLimit()) {
                outcome = Outcome.DIVERGED;
                reason = String.format(Locale.ROOT, "‖θ‖ = %.3g after %d steps", norm, k);
                break;
            }
            if (k >= settings.maxSteps()) {
                reason = "step budget " + settings.maxSteps() + " spent";
                break;
            }
            if (settings.wallClockMillis() > 0 && (k & 255) == 0
                    && (System.nanoTime() - start) / 1_000_000L > settings.wallClockMillis()) {
                outcome = Outcome.TIMED_OUT;
                reason = "wall-clock cap of " + settings.wallClockMillis() + " ms after " + k + " steps";
                break;
            }
            if (batch != null && (k == 0 || rule != TrainingRule.FROZEN_BATCH)) {
                batch.draw(views, random, settings.batch());
                moments.useMoments(batch.cxx(), batch.cxy(), batch.cyy());
            }
            step.apply(theta, next);
            evaluations++;
            k++;
            double moved = 0;
            for (int i = 0; i < theta.length; i++) {
                double d = next[i] - theta[i];
                moved += d * d;
            }
            double[] swap = theta;
            theta = next;
            next = swap;
            boolean converged = settings.convergenceTolerance() > 0
                    && Math.sqrt(moved) / eta <= settings.convergenceTolerance() * (1 + norm);
            if (converged) {
                outcome = Outcome.CONVERGED;
                reason = String.format(Locale.ROOT, "step/η = %.3g ≤ tol (1 + ‖θ‖) after %d steps",
                        Math.sqrt(moved) / eta, k);
            }
            if (converged || k % every == 0) {
                states.add(theta.clone());
                times.add(k * eta);
            }
            if (converged) {
                break;
            }
            if (progress != null && k % 10_000 == 0) {
                progress.accept(k);
            }
        }
        if (times.get(times.size() - 1) != k * eta) {
            states.add(theta.clone());
            times.add(k * eta);
        }
        double[] t = new double[times.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = times.get(i);
        }
        return Trajectory.ofSteps(field.flow(), field.configuration(), outcome, reason, t,
                states.toArray(new double[0][]), evaluations, (int) Math.min(Integer.MAX_VALUE, k),
                (System.nanoTime() - start) / 1_000_000L);
    }
}
