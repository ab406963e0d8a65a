package org.sgema.flows;

import org.ejml.data.DMatrixRMaj;
import org.sgema.numerics.DenseKernels;

/**
 * A vector field whose second moments can be replaced in place, e.g. by the sample moments of
 * a minibatch: {@code F(θ; Ĉxx, Ĉxy, Ĉyy)} with the formulas of {@link Flow}. The configuration's
 * own moments are the initial ones; {@link #useMoments} copies (no allocation), so one instance
 * serves every step of a minibatch run.
 */
public interface MomentField extends VectorField {

    /**
     * Replaces the moments the field uses ({@code Cyx = Ĉxyᵀ} is derived).
     *
     * @param cxx n×n (not modified, not retained)
     * @param cxy n×n (not modified, not retained)
     * @param cyy n×n (not modified, not retained)
     */
    void useMoments(DMatrixRMaj cxx, DMatrixRMaj cxy, DMatrixRMaj cyy);

    /**
     * @param other a configuration of the same (n, m), e.g. the field's own in another basis
     *     ({@link Eigenbasis#rotated()})
     * @return the same kind of field (flow, and mutation if any) on {@code other}
     */
    MomentField on(org.sgema.model.Configuration other);

    /** @return the dense kernels of its products (shared by the fields {@link #on} derives) */
    DenseKernels kernels();

    /** @return whether the field still uses its configuration's own moments (no {@link #useMoments} since) */
    boolean usesConfigurationMoments();

    /** @return a new field of the same kind, with the configuration's moments and its own workspaces */
    @Override
    MomentField copy();
}
