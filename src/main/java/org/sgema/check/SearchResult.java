package org.sgema.check;

/**
 * What a search found.
 *
 * @param examples stored examples replayed
 * @param generated random cases executed (up to the first failure, if the search stops there)
 * @param targeted targeted cases executed
 * @param failure the first failure (from the examples, else from the search), or null
 * @param shrunk the simplest failure of the same origin found by shrinking (the failure itself
 *     if it came from a stored example, or nothing simpler was found); null if none
 * @param shrinkSteps executions spent shrinking
 * @param bestGeneratedScore the highest score of a random case (NaN if none had one)
 * @param bestTargetedScore the highest score of a targeted case (NaN if none had one)
 * @param <T> the generated type
 * @param <R> the property's result type
 */
public record SearchResult<T, R>(int examples, int generated, int targeted, Execution<T, R> failure,
                                 Execution<T, R> shrunk, int shrinkSteps, double bestGeneratedScore,
                                 double bestTargetedScore) {

    /** @return whether any case failed */
    public boolean failed() {
        return failure != null;
    }
}
