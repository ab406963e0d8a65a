package org.sgema.claims;

import org.sgema.flows.Flow;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationRecipe;
import org.sgema.model.State;

/**
 * One generated try: a configuration recipe, an initial-state recipe, a flow and the seed of
 * the check's own randomness. Built from shrinkable parts, printed compactly, turned into the
 * {@link Case} the claim checks take.
 *
 * @param spec configuration recipe (synthetic spectra or real digits moments)
 * @param init initial-state recipe
 * @param flow flow under test
 * @param seed seed of the check's own random choices
 */
public record Scenario(ConfigurationRecipe spec, InitSpec init, Flow flow, long seed) {

    public Case toCase() {
        Configuration c = spec.toConfiguration();
        State s = init.state(c.m(), c.n(), flow.hasTarget());
        return new Case(c, s, flow, seed);
    }

    @Override
    public String toString() {
        return flow + " " + spec + " " + init + " seed=" + seed;
    }
}
