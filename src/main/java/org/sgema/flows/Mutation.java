package org.sgema.flows;

import org.sgema.model.Configuration;

/**
 * Deliberately wrong dynamics for the mutation check: each changes one term of section 2 of
 * the theory notes, keeps its analytic Jacobian consistent with the change, and is otherwise
 * the exact field.
 */
public enum Mutation implements Dynamics {
    /** "SG" that keeps GD's target-branch term {@code −(B Cyy − A B Cxy)} (i.e. SG = GD). */
    SG_KEEPS_TARGET_BRANCH,
    /** EMA with {@code dB̄/dt = −τ(B − B̄)}: the target runs away from the encoder. */
    EMA_TAU_SIGN_FLIPPED,
    /** Every flow with {@code Cxy} and {@code Cyx} swapped (invisible when Cxy is symmetric). */
    CXY_TRANSPOSED;

    @Override
    public VectorField field(Flow flow, Configuration configuration) {
        return new LinearSslField(configuration, flow, this);
    }
}
