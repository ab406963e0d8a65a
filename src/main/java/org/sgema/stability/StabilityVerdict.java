package org.sgema.stability;

/** The classification of an equilibrium [T7]. */
public enum StabilityVerdict {
    /**
     * The equilibrium set near θ* is a manifold of dimension d = N − rank J, 0 is a semisimple
     * eigenvalue of J of multiplicity exactly d, and every other eigenvalue has negative real
     * part (manifold-of-equilibria theorem, Aulbach 1984).
     */
    NORMALLY_ATTRACTING,
    /** Some eigenvalue has clearly positive real part. */
    UNSTABLE,
    /** The spectral gaps do not separate zero from non-zero eigenvalues reliably. */
    INCONCLUSIVE
}
