package org.sgema.training;

/**
 * How one training step applies the field. {@link #EULER} is the exact discrete dynamics of the
 * theory notes ([D]): every block moves from the same iterate,
 * <pre>
 *   A ← A + η F_A(θ),   B ← B + η F_B(θ),   B̄ ← β B̄ + (1 − β) B   (β = 1 − ητ, EMA only)
 * </pre>
 * which is the Euler step {@code θ ← θ + ηF(θ)} of the flow. The other constants are deliberate
 * errors that a practitioner's training loop can make; each keeps the map well defined and is
 * caught by at least one of the discrete-time claims (the mutation tests say which).
 */
public enum TrainingRule {
    /** The exact map: {@code θ ← θ + ηF(θ)}, the target updated as a momentum average of the old B. */
    EULER,
    /** The target is updated first and the online step uses the new target (same fixed points). */
    TARGET_BEFORE_ONLINE,
    /** β and 1 − β swapped in the target update: {@code B̄ ← (1 − β)B̄ + βB}. */
    MOMENTUM_SWAPPED,
    /** Weight decay not scaled by the learning rate: {@code θ ← θ + η(F + λθ) − λθ}. */
    DECAY_NOT_SCALED_BY_RATE,
    /** The predictor's rate ratio applied on top of a field that has it: {@code A ← A + ηαF_A}. */
    ALPHA_APPLIED_TWICE,
    /** Minibatch training that draws its batch once and reuses it at every step. */
    FROZEN_BATCH;

    /** @return the rule with this name, any case */
    public static TrainingRule parse(String name) {
        for (TrainingRule r : values()) {
            if (r.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return r;
            }
        }
        throw new org.sgema.model.InvalidInputException("rule", "expected one of "
                + java.util.Arrays.toString(values()) + ", got '" + name + "'");
    }
}
