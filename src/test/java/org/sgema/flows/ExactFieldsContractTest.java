package org.sgema.flows;

import java.util.Arrays;
import java.util.List;

import org.sgema.model.Configuration;

/** GD, SG and EMA of the theory notes fulfil the {@link VectorField} contract. */
class ExactFieldsContractTest extends VectorFieldContract {
    @Override
    protected List<VectorField> fields(Configuration c) {
        return Arrays.stream(Flow.values()).map(f -> Dynamics.EXACT.field(f, c)).toList();
    }
}
