package org.sgema.training;

import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;

/**
 * One step of discrete training, {@code θ_{k+1} = Φ_η(θ_k)}, written as a training loop writes
 * it: the online blocks move along the field, the EMA target is a momentum average,
 * <pre>
 *   A ← A + η F_A(θ),   B ← B + η F_B(θ),   B̄ ← β B̄ + (1 − β) B,   β = 1 − ητ
 * </pre>
 * so that (theory notes [D]) {@code Φ_η(θ) = θ + ηF(θ)}: the target update is the Euler step of
 * {@code dB̄/dt = τ(B − B̄)} exactly when {@code τ = (1 − β)/η}. The field's own target
 * component is not used for the target: the correspondence is tested, not assumed.
 * {@link TrainingRule} selects deliberate errors. {@link #apply} allocates nothing.
 */
public final class TrainingStep {
    private final VectorField field;
    private final TrainingRule rule;
    private final double eta;
    private final double beta;
    private final double lambda;
    private final double alpha;
    private final int offsetB;
    private final int offsetT;
    private final int size;
    private final boolean target;
    private final double[] f;
    private final double[] shifted;

    /**
     * @param field the field (its configuration gives λ, α and τ)
     * @param eta the learning rate η &gt; 0
     * @param rule the update rule ({@link TrainingRule#EULER} for the exact map)
     * @throws InvalidInputException if η ≤ 0, or for EMA if {@code β = 1 − ητ} is outside [0, 1)
     */
    public TrainingStep(VectorField field, double eta, TrainingRule rule) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new InvalidInputException("learning rate", "must be a finite number > 0, got " + eta);
        }
        Configuration c = field.configuration();
        this.field = field;
        this.rule = rule;
        this.eta = eta;
        this.target = field.flow().hasTarget();
        this.beta = 1 - eta * c.tau();
        if (target && !(beta >= 0 && beta < 1)) {
            throw new InvalidInputException("learning rate", String.format(java.util.Locale.ROOT,
                    "η = %.4g with τ = %.4g gives the momentum β = 1 − ητ = %.4g outside [0, 1): take η ≤ 1/τ",
                    eta, c.tau(), beta));
        }
        this.lambda = c.lambda();
        this.alpha = c.alpha();
        int m = c.m();
        int n = c.n();
        this.offsetB = m * m;
        this.offsetT = m * m + m * n;
        this.size = field.dimension();
        this.f = new double[size];
        this.shifted = new double[size];
    }

    /** @return the EMA momentum {@code β = 1 − ητ} of this step (its τ is the configuration's) */
    public static double momentum(double eta, double tau) {
        return 1 - eta * tau;
    }

    /** @return the EMA rate {@code τ = (1 − β)/η} that a momentum β at learning rate η corresponds to */
    public static double tau(double eta, double momentum) {
        return (1 - momentum) / eta;
    }

    /** @return η */
    public double learningRate() {
        return eta;
    }

    /** @return β (meaningful for EMA) */
    public double momentum() {
        return beta;
    }

    /** @return the field */
    public VectorField field() {
        return field;
    }

    /**
     * Writes {@code next = Φ_η(θ)}.
     *
     * @param theta the iterate, length N (not modified)
     * @param next the next iterate, length N (modified; must not be {@code theta})
     */
    public void apply(double[] theta, double[] next) {
        double[] at = theta;
        if (target && rule == TrainingRule.TARGET_BEFORE_ONLINE) {
            System.arraycopy(theta, 0, shifted, 0, size);
            for (int i = offsetT; i < size; i++) {
                shifted[i] = beta * theta[i] + (1 - beta) * theta[i - offsetT + offsetB];
            }
            at = shifted;
        }
        field.evaluate(at, f);
        int online = target ? offsetT : size;
        for (int i = 0; i < online; i++) {
            double step = eta * f[i];
            if (rule == TrainingRule.ALPHA_APPLIED_TWICE && i < offsetB) {
                step *= alpha;
            } else if (rule == TrainingRule.DECAY_NOT_SCALED_BY_RATE) {
                step += eta * lambda * theta[i] - lambda * theta[i];
            }
            next[i] = theta[i] + step;
        }
        if (target) {
            double keep = rule == TrainingRule.MOMENTUM_SWAPPED ? 1 - beta : beta;
            for (int i = offsetT; i < size; i++) {
                next[i] = rule == TrainingRule.TARGET_BEFORE_ONLINE ? at[i]
                        : keep * theta[i] + (1 - keep) * theta[i - offsetT + offsetB];
            }
        }
    }

    /** @return the flow of the field */
    public Flow flow() {
        return field.flow();
    }
}
