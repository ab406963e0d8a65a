package org.sgema.stability;

import org.ejml.dense.row.CommonOps_DDRM;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;

/** A test field on the three-component state θ = (a, b₁, b₂) of GD at (n, m) = (2, 1): closed-form dynamics. */
abstract class ThreeStateField implements VectorField {
    /** The (n, m) = (2, 1) shape the state belongs to. */
    static final Configuration SHAPE = Configuration.views(CommonOps_DDRM.identity(2), CommonOps_DDRM.identity(2),
            CommonOps_DDRM.identity(2), 1);

    @Override
    public Flow flow() {
        return Flow.GD;
    }

    @Override
    public Configuration configuration() {
        return SHAPE;
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public VectorField copy() {
        return this;
    }
}
