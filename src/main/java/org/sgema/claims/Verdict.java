package org.sgema.claims;

/** The outcome of one try of a claim. */
public enum Verdict {
    /** The claim's statement was checked and holds within its tolerance. */
    HOLDS,
    /** The statement fails beyond numerical tolerance: a counterexample. */
    VIOLATED,
    /** The numbers cannot decide (not converged, gap too small, ...); the reason says which. */
    INCONCLUSIVE,
    /** The try does not satisfy the claim's hypotheses (e.g. σ = 0 for [T3]). */
    HYPOTHESIS_NOT_MET
}
