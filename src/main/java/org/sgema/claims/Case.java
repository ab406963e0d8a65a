package org.sgema.claims;

import org.sgema.flows.Dynamics;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;
import org.sgema.model.State;

/**
 * Everything one try of a claim needs, and so everything a reproduction file stores: the
 * configuration, the initial state or point (flattened per {@link State}), the flow, and the
 * seed of any further randomness inside the check (directions, perturbations, G).
 *
 * @param configuration the configuration
 * @param initial initial state or evaluation point (its target, if any, matches the flow)
 * @param flow the flow under test
 * @param seed seed of the check's own random choices
 * @param dynamics where the checks take their vector fields from (exact, or a mutation)
 */
public record Case(Configuration configuration, State initial, Flow flow, long seed, Dynamics dynamics) {

    /** A case of the exact dynamics. */
    public Case(Configuration configuration, State initial, Flow flow, long seed) {
        this(configuration, initial, flow, seed, Dynamics.EXACT);
    }

    /** @return the same case under other dynamics */
    public Case withDynamics(Dynamics other) {
        return new Case(configuration, initial, flow, seed, other);
    }

    /** @return the field of the case's flow */
    public VectorField field() {
        return field(flow);
    }

    /** @return the field of another flow, from the same dynamics */
    public VectorField field(Flow other) {
        return dynamics.field(other, configuration);
    }

    /** @return a short description for logs */
    public String describe() {
        return flow + " on " + configuration + ", seed " + seed;
    }
}
