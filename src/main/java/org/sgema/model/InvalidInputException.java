package org.sgema.model;

/**
 * A caller supplied input that the model cannot accept: a matrix of the wrong shape, a
 * non-finite entry, a moment matrix that is not symmetric or not positive semi-definite, or a
 * hyper-parameter out of range. The message names the offending field and the numbers.
 *
 * <p>Raised up front, at construction, never from inside an integration loop.</p>
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field name of the offending field, e.g. {@code "Cxx"} or {@code "alpha"}
     * @param problem what is wrong with it, with the numbers
     */
    public InvalidInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** @return the name of the offending field */
    public String field() {
        return field;
    }
}
