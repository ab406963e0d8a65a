package org.sgema.flows;

import org.sgema.numerics.DenseKernels;

import org.sgema.model.Configuration;

/**
 * The three training dynamics of the theory notes, section 2.
 * <pre>
 *   GD : Ȧ = −α R Bᵀ − λA,  Ḃ = −AᵀR − (B Cyy − A B Cxy) − λB,   R = A B Cxx − B Cyx
 *   SG : Ȧ = −α R Bᵀ − λA,  Ḃ = −AᵀR − λB,                       R = A B Cxx − B Cyx
 *   EMA: Ȧ = −α R Bᵀ − λA,  Ḃ = −AᵀR − λB,  dB̄/dt = τ(B − B̄),   R = A B Cxx − B̄ Cyx
 * </pre>
 */
public enum Flow {
    /** Plain gradient flow of Eλ in the metric diag(αI, I). */
    GD,
    /** Stop-gradient: the target branch of ∇_B E0 is dropped. */
    SG,
    /** Exponential-moving-average target B̄ with rate τ. */
    EMA;

    /** @return true if the state carries a target encoder B̄ */
    public boolean hasTarget() {
        return this == EMA;
    }

    /** @return the state size N for dimensions m, n */
    public int stateSize(int m, int n) {
        return m * m + (hasTarget() ? 2 : 1) * m * n;
    }

    /** @return a new vector field of this flow for the configuration */
    public MomentField field(Configuration configuration) {
        return new LinearSslField(configuration, this);
    }

    /**
     * @param kernels the dense kernels of its products, e.g. {@link DenseKernels#parallel()} for a
     *     single large run on two cores (copies and rotated fields keep them)
     * @return a new vector field of this flow for the configuration
     */
    public MomentField field(Configuration configuration, DenseKernels kernels) {
        return new LinearSslField(configuration, this, null, kernels);
    }

    /**
     * @param name {@code gd}, {@code sg} or {@code ema}, any case
     * @return the flow
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Flow parse(String name) {
        for (Flow f : values()) {
            if (f.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("flow: expected gd, sg or ema, got '" + name + "'");
    }
}
