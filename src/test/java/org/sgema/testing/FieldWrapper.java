package org.sgema.testing;

import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;

/**
 * A vector field that delegates to another: tests override {@link #evaluate} or
 * {@link #jacobianTimes} to build a deliberately broken field (a Jacobian that is not the
 * derivative, a field that is not equivariant, ...) and show that a check catches it.
 */
public abstract class FieldWrapper implements VectorField {
    /** The wrapped field. */
    protected final VectorField inner;

    /** @param inner the field to delegate to */
    protected FieldWrapper(VectorField inner) {
        this.inner = inner;
    }

    @Override
    public Flow flow() {
        return inner.flow();
    }

    @Override
    public Configuration configuration() {
        return inner.configuration();
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public void evaluate(double[] theta, double[] out) {
        inner.evaluate(theta, out);
    }

    @Override
    public void jacobianTimes(double[] theta, double[] v, double[] out) {
        inner.jacobianTimes(theta, v, out);
    }

    @Override
    public VectorField copy() {
        return this;
    }
}
