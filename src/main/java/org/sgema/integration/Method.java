package org.sgema.integration;

/** Which integrator runs a trajectory. */
public enum Method {
    /** Dormand–Prince 8(5,3), explicit: for non-stiff flows. */
    EXPLICIT,
    /**
     * RODAS, a Rosenbrock method of order 4 with the analytic Jacobian: for stiff flows (dense LU
     * up to N = 60, matrix-free GMRES beyond).
     */
    STIFF,
    /**
     * Starts explicit and switches to the stiff method once the step is limited by stability:
     * {@code h·ρ(J) ≥ 3} at two consecutive checks, ρ estimated by power iteration with the
     * analytic Jacobian–vector product (as LSODA switches from Adams to BDF). The stiff method
     * solves its linear systems with a dense LU up to N = 60 unknowns, by GMRES beyond.
     */
    AUTO;

    /**
     * @param name auto, explicit or stiff, any case
     * @return the method
     * @throws org.sgema.model.InvalidInputException naming the choices, for any other name
     */
    public static Method parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new org.sgema.model.InvalidInputException("method", "'" + name + "': use auto, explicit or stiff");
        }
    }
}
