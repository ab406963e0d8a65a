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
    CXY_TRANSPOSED,
    /** α moved from the predictor's equation to the encoder's: {@code Ȧ = −R Bᵀ − λA}, {@code Ḃ = −αAᵀR − λB}. */
    ALPHA_IN_ENCODER_EQUATION,
    /** Weight decay with the wrong sign: {@code +λA}, {@code +λB}. */
    LAMBDA_SIGN_FLIPPED,
    /** Weight decay missing on the predictor: {@code Ȧ = −α R Bᵀ}. */
    LAMBDA_MISSING_ON_PREDICTOR,
    /** {@code Cxx} and {@code Cyy} swapped (invisible when they are equal). */
    CXX_CYY_SWAPPED,
    /** EMA whose residual uses the online encoder: {@code R = AB Cxx − B Cyx} (EMA = SG plus a passive target). */
    EMA_RESIDUAL_WITH_ONLINE_ENCODER,
    /** {@code Ḃ = −A R − λB}: the predictor not transposed (invisible when m = 1). */
    PREDICTOR_NOT_TRANSPOSED,
    /** {@code R = AᵀB Cxx − T Cyx}: the predictor transposed inside the residual (invisible when m = 1). */
    PREDICTOR_TRANSPOSED_IN_RESIDUAL;

    @Override
    public MomentField field(Flow flow, Configuration configuration) {
        return new LinearSslField(configuration, flow, this);
    }
}
