package org.sgema.claims;

/** How a claim is judged over many tries. */
public enum ClaimKind {
    /** Proved: a single VIOLATED try fails the claim; the INCONCLUSIVE rate is bounded. */
    THEOREM,
    /** Holds "in general": a rate with a 95 % Wilson interval, judged against a threshold. */
    EMPIRICAL,
    /** An existence statement: the search must exhibit a witness. */
    FINDING
}
