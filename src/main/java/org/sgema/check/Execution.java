package org.sgema.check;

/**
 * One executed case, as the search hands it to its listener (in a fixed order, whatever the
 * number of threads).
 *
 * @param phase the phase it ran in
 * @param index 1-based index within the phase (within the whole budget for GENERATE and TARGET)
 * @param value the generated value
 * @param choices the choices it was generated from (replaying them rebuilds {@code value})
 * @param result what the property returned (null if it threw)
 * @param thrown what the property threw, or null
 * @param outcome the outcome
 * @param nanos wall time of the property, in nanoseconds
 * @param <T> the generated type
 * @param <R> the property's result type
 */
public record Execution<T, R>(Phase phase, int index, T value, Choices choices, R result, Throwable thrown,
                              Outcome outcome, long nanos) {
}
