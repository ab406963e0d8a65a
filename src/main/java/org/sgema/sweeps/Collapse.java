package org.sgema.sweeps;

/** How one run of a sweep ended, as a collapse class. */
public enum Collapse {
    /** the run converged with B = 0 (every singular value below 1e-6‖B(0)‖, with a 10³ gap) */
    COMPLETE,
    /** the run converged with 0 &lt; rank B &lt; m */
    DIMENSIONAL,
    /** the run converged with rank B = m */
    NONE,
    /** not decided: the run did not converge, or the rank straddles the cut */
    UNDECIDED
}
