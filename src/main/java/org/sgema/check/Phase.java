package org.sgema.check;

import java.util.Locale;

/** The phases of a search, in the order they run under one budget. */
public enum Phase {
    /** stored examples (earlier failures and witnesses) replayed first */
    EXAMPLE,
    /** new cases drawn at random */
    GENERATE,
    /** hill climbing on the score by mutating the choices of the best cases */
    TARGET,
    /** shrinking the first failure to a simplest one of the same origin */
    SHRINK;

    /** @return the label used in raw rows: {@code example}, {@code try}, {@code target}, {@code shrink} */
    public String label() {
        return this == GENERATE ? "try" : name().toLowerCase(Locale.ROOT);
    }
}
