package org.sgema.claims;

import org.sgema.flows.Flow;
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
 */
public record Case(Configuration configuration, State initial, Flow flow, long seed) {

    /** @return a short description for logs */
    public String describe() {
        return flow + " on " + configuration + ", seed " + seed;
    }
}
