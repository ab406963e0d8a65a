package org.sgema.testing;

import org.ejml.dense.row.CommonOps_DDRM;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;

/** A test field on the three-component state θ = (a, b₁, b₂) of GD at (n, m) = (2, 1): closed-form dynamics. */
public abstract class ThreeStateField implements VectorField {
    /** The (n, m) = (2, 1) shape the state belongs to. */
    public static final Configuration SHAPE = Configuration.views(CommonOps_DDRM.identity(2), CommonOps_DDRM.identity(2),
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

    /** @return the linear field θ̇ = Lθ for a 3×3 matrix L (rows), whose Jacobian is L everywhere */
    public static ThreeStateField linear(double[][] l) {
        return new ThreeStateField() {
            @Override
            public void evaluate(double[] x, double[] out) {
                jacobianTimes(x, x, out);
            }

            @Override
            public void jacobianTimes(double[] x, double[] v, double[] out) {
                for (int i = 0; i < 3; i++) {
                    out[i] = l[i][0] * v[0] + l[i][1] * v[1] + l[i][2] * v[2];
                }
            }
        };
    }
}
