package org.sgema.integration;

import org.hipparchus.ode.events.Action;
import org.hipparchus.ode.events.ODEEventHandler;

/**
 * Which event stopped a run: every stopping detector gets a handler from here that returns
 * {@link Action#STOP} and names its {@link Outcome}; the first one to fire is kept.
 */
final class FirstStop {
    private Outcome outcome;

    /** @return a handler that stops the run with {@code o} */
    ODEEventHandler handler(Outcome o) {
        return (state, detector, increasing) -> {
            if (outcome == null) {
                outcome = o;
            }
            return Action.STOP;
        };
    }

    /** @return the outcome of the first event that stopped the run, or {@code otherwise} if none did */
    Outcome outcomeOr(Outcome otherwise) {
        return outcome == null ? otherwise : outcome;
    }
}
