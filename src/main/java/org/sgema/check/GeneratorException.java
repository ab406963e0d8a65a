package org.sgema.check;

/**
 * A generator that cannot produce a case: a filter that rejects too many draws in a row, or a
 * generator that draws more choices than the limit (it does not terminate). These are mistakes
 * in the generator, not findings about the property, so they stop the search with a message
 * naming the generator.
 */
public final class GeneratorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, naming the generator */
    public GeneratorException(String message) {
        super(message);
    }
}
