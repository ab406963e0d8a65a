package org.sgema.check;

import java.util.Objects;

/**
 * What one executed case means to the search (Hypothesis' statuses):
 * <ul>
 *   <li>{@code VALID}: the property held, or could not be decided;</li>
 *   <li>{@code INVALID}: the case did not meet the property's hypothesis;</li>
 *   <li>{@code INTERESTING}: a failure (a counterexample, or a finding's witness), identified by
 *       its {@code origin}; the shrinker keeps only simpler cases of the same origin.</li>
 * </ul>
 *
 * @param status the status
 * @param origin what failed (empty unless INTERESTING)
 * @param score how close the case came to failing, higher is closer; NaN if the property has
 *     no score for it. Targeted search climbs it.
 */
public record Outcome(Status status, String origin, double score) {

    /** The status of an executed case. */
    public enum Status { VALID, INVALID, INTERESTING }

    public Outcome {
        Objects.requireNonNull(status);
        Objects.requireNonNull(origin);
    }

    /** @return a valid case with a score (NaN for none) */
    public static Outcome valid(double score) {
        return new Outcome(Status.VALID, "", score);
    }

    /** @return a case that did not meet the hypothesis */
    public static Outcome invalid() {
        return new Outcome(Status.INVALID, "", Double.NaN);
    }

    /** @return a failure of the given origin */
    public static Outcome interesting(String origin, double score) {
        return new Outcome(Status.INTERESTING, origin, score);
    }

    /** @return whether this is a failure */
    public boolean isInteresting() {
        return status == Status.INTERESTING;
    }
}
