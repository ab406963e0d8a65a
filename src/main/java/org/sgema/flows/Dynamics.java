package org.sgema.flows;

import org.sgema.model.Configuration;

/**
 * Where the vector fields come from: the exact dynamics of the theory notes, or a deliberately
 * broken {@link Mutation} used to show that the theorem checks catch wrong dynamics.
 */
@FunctionalInterface
public interface Dynamics {
    /** The exact GD, SG and EMA fields. */
    Dynamics EXACT = (flow, configuration) -> flow.field(configuration);

    /** @return the field of {@code flow} for {@code configuration} */
    VectorField field(Flow flow, Configuration configuration);
}
