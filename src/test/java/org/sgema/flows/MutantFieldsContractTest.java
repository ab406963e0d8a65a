package org.sgema.flows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sgema.model.Configuration;
import org.sgema.testing.FieldWrapper;

/**
 * Every {@link Mutation}, on every flow, fulfils the {@link VectorField} contract: its Jacobian
 * is consistent with its field, so only the theorem checks can catch it. And the contract does
 * catch a field whose Jacobian is not its derivative.
 */
class MutantFieldsContractTest extends VectorFieldContract {
    @Override
    protected List<VectorField> fields(Configuration c) {
        List<VectorField> out = new ArrayList<>();
        for (Mutation mu : Mutation.values()) {
            for (Flow f : Flow.values()) {
                out.add(mu.field(f, c));
            }
        }
        return out;
    }

    /** SG whose Jacobian forgets the predictor's weight decay: field and Jacobian disagree. */
    private static final class InconsistentJacobian extends FieldWrapper {
        InconsistentJacobian(Configuration c) {
            super(Flow.SG.field(c));
        }

        @Override
        public void jacobianTimes(double[] theta, double[] v, double[] out) {
            inner.jacobianTimes(theta, v, out);
            int m = configuration().m();
            for (int i = 0; i < m * m; i++) {
                out[i] += configuration().lambda() * v[i];   // drops −λ·v_A
            }
        }
    }

    @Test
    void theContractCatchesAJacobianThatIsNotTheFieldsDerivative() {
        for (Configuration c : configurations()) {
            if (c.lambda() > 0) {
                double err = jacobianError(new InconsistentJacobian(c));
                assertTrue(err > 1e-3, "the inconsistent Jacobian passed the contract: error " + err);
            }
        }
    }
}
