package org.sgema.stability;

import java.util.Arrays;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.ode.AbstractIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.sgema.flows.VectorField;
import org.sgema.integration.LinearizedEquation;
import org.sgema.integration.RosenbrockIntegrator;
import org.sgema.integration.StiffnessMonitor;
import org.sgema.integration.VariationalEquation;
import org.sgema.numerics.Matrices;
import org.sgema.numerics.Spectrum;

/**
 * A relative periodic orbit near a state, found by shooting, and whether it attracts. With φ_t the
 * flow of F and g the action of a {@link Symmetry}, a relative periodic orbit through x* is
 * <pre>
 *   G(x*, T, Q) = g(Q)ᵀ φ_T(x*) − x* = 0        (T &gt; 0 the period, Q ∈ O(m) the drift per period)
 * </pre>
 * Its group orbit {g(Q)φ_t(x*)} is compact and invariant. The search:
 * <ol>
 * <li><b>return</b>: from x₀ the flow is sampled on (0, t_scan] and
 *   {@code d(t) = ‖g(Q_t)ᵀ φ_t(x₀) − x₀‖} (Q_t by {@link Symmetry#align}) is scanned for its first
 *   local minimum below {@value #RETURN_FRACTION} × its running maximum: the guess (T, Q);</li>
 * <li><b>shooting</b>: Gauss–Newton with minimal-norm steps on the N equations G = 0 in the
 *   N + 1 + dim so(m) unknowns (x, T, ω), {@code Q ← Q cay(Σ ω_j E_j)}, with
 *   {@code ∂G/∂x = g(Q)ᵀΦ − I}, {@code ∂G/∂T = g(Q)ᵀF(φ_T(x))}, {@code ∂G/∂ω_j = −ξ_{E_j}(g(Q)ᵀφ_T(x))},
 *   Φ = ∂φ_T/∂x from the variational equation {@code Φ̇ = J(φ_t(x))Φ} (analytic J·v,
 *   {@link VariationalEquation}), integrated by DOP853 at rtol {@value #RTOL}; minimal-norm steps need no phase conditions (the flow and
 *   group directions, and families of orbits, are null directions of the system). The first
 *   steps change T and ω only, while that halves ‖G‖: a guessed period's error would otherwise
 *   be shared with x, moving it to a neighbouring orbit of a family;</li>
 * <li><b>multipliers</b>: the eigenvalues μ of the monodromy {@code M = g(Q)ᵀΦ}. M is computed a
 *   second time at rtol {@value #RTOL_CHECK}; with {@code ε = ‖M − M'‖_F}, moduli are decided
 *   only beyond {@code β = 10√ε + 1e-9} (the √ covers the 2×2 Jordan block a family of orbits
 *   puts at μ = 1). Exactly {@code k₀ = 1 + dim so(m) + c} moduli must lie within β of 1 (the
 *   flow, the group and c conserved quantities; c = m for SG and EMA at λ = 0, whose
 *   conserved Δ = AᵀA − αBBᵀ has m invariants under O(m), [T4]); every other modulus must be below 1 − β.
 *   Then the orbit is normally attracting (linearly, per period, by the largest other modulus
 *   ρ). β also covers x*'s own error: {@code β = 10√(ε + ‖M‖ r/(1 + ‖x‖)) + 1e-9}, r the residual ‖G‖;</li>
 * <li><b>no equilibrium on it</b>: min ‖F‖ over one period (sampled at {@value #SPEED_SAMPLES}
 *   points, more when the dip term below exceeds a tenth of the minimum) must exceed
 *   {@code 10 L r/(1 − ρ) + A dt}, L the largest ‖J‖_F and A the largest {@code ‖ẍ‖ = ‖J F‖}
 *   sampled on the orbit: the true orbit is within about r/(1 − ρ) of the computed one, where F
 *   moves by at most L times that, and since {@code |d‖F‖/dt| ≤ ‖ẍ‖}, between samples dt apart
 *   ‖F‖ dips by at most A dt/2, here with a factor 2 for ‖ẍ‖ between samples (before, the dip was
 *   bounded by L max‖F‖ dt/2, ‖J F‖ ≤ ‖J‖‖F‖; on a stiff orbit ‖J‖ is that of the fast modes,
 *   which the motion along the orbit does not excite: at EMA τ = 100, L = 469, max‖F‖ = 0.045,
 *   and that floor stayed above the minimum speed 0.0049 at 10⁵ samples);</li>
 * <li><b>the count applies</b>: the group acts freely on the orbit, {@code s_min/s_max} of
 *   [F, ξ_1, …] above {@value #FREEDOM} (else the neutral directions are others, e.g. at a
 *   collapsed B);</li>
 * <li><b>the start is governed by it</b>: x₀ lies within {@value #MAX_DISTANCE}(1 − ρ)(1 + ‖x‖)
 *   of x* ({@link #trustedDistance}; shooting from a start far from the orbit may converge to another,
 *   attracting one: an orbit that passes every other test but this one is FAR, and
 *   {@link LimitApproach} may follow the run toward it and search again), and
 *   the run from x₀ over K = ⌈ln 1e-3/ln ρ⌉ periods (at most {@value #MAX_PERSISTENCE_PERIODS})
 *   keeps ‖F‖ above half the orbit's minimum (integrated at rtol {@value #RTOL_CHECK}).</li>
 * </ol>
 * The integrations are DOP853's until one exceeds its evaluation cap with its step held by
 * stability ({@code h·ρ(J) ≥ }{@value StiffnessMonitor#LIMIT}, e.g. EMA with a fast target, τ = 100);
 * that one and every later one are then made by RODAS ({@link RosenbrockIntegrator}), the
 * variational equation with its exact block Jacobian ({@link VariationalEquation}), and the
 * evidence says from where. A cap exceeded where the flow is not stiff, or the search's time
 * budget spent, ends the search NOT_FOUND.
 * ATTRACTING then says: x₀ lies within {@link #distance()} of a normally attracting relative
 * periodic orbit on which F does not vanish, so a trajectory through x₀ that stays in its
 * linear basin has no limit point (its ω-limit set is the orbit's group orbit). That the basin
 * contains x₀ is read from the linearization (distance small against the orbit's scale), not
 * proved: this is numerical evidence at the level of the equilibrium classification, not a
 * computer-assisted proof.
 *
 * @param status ATTRACTING (decided), FAR (an orbit that passes every test but the start's distance:
 *               normally attracting, F not vanishing on it, the group acting freely, but x₀ beyond
 *               {@link #trustedDistance}, so undecided for x₀), UNDECIDED (an orbit found, its
 *               attraction not decided) or NOT_FOUND
 * @param point x* (null when not found)
 * @param period T (NaN when not found)
 * @param drift Q (null when not found)
 * @param residual ‖G(x*, T, Q)‖
 * @param distance ‖x* − x₀‖
 * @param moduli the multipliers' moduli, largest first (empty when not computed)
 * @param neutral k₀, the number of moduli that must be 1
 * @param bound β
 * @param contraction ρ, the largest modulus after the k₀ neutral ones (NaN when not computed)
 * @param minSpeed min ‖F‖ over one period (NaN when not computed)
 * @param evidence one line with the numbers behind the status
 */
public record RelativePeriodicOrbit(Status status, double[] point, double period, DMatrixRMaj drift, double residual,
                                    double distance, double[] moduli, int neutral, double bound, double contraction,
                                    double minSpeed, String evidence) {

    /** ATTRACTING (decided), FAR (attracting, but the start beyond the trusted distance: undecided), UNDECIDED, NOT_FOUND. */
    public enum Status { ATTRACTING, FAR, UNDECIDED, NOT_FOUND }

    /** Tolerance of the shooting integrations. */
    public static final double RTOL = 1e-11;
    /** Tolerance of the second monodromy, whose difference bounds the multipliers' error. */
    public static final double RTOL_CHECK = 1e-9;
    /** A return counts below this fraction of the running maximum of d(t). */
    public static final double RETURN_FRACTION = 0.05;
    /** Samples of d(t) on the scan. */
    public static final int SCAN_SAMPLES = 20_000;
    /** Samples of ‖F‖ over one period (more, up to {@value #MAX_SPEED_SAMPLES}, when the dip between them could matter). */
    public static final int SPEED_SAMPLES = 400;
    /** Most samples of ‖F‖ over one period. */
    public static final int MAX_SPEED_SAMPLES = 100_000;
    /** Shooting stops when ‖G‖ ≤ this × (1 + ‖x‖). */
    public static final double RESIDUAL_TOLERANCE = 1e-9;
    /** Most Gauss–Newton iterations. */
    public static final int MAX_ITERATIONS = 12;
    /** The start may lie at most this × (1 − ρ)(1 + ‖x‖) from the orbit (where its linearization is trusted). */
    public static final double MAX_DISTANCE = 1e-3;
    /** Smallest {@code s_min/s_max} of [F, ξ_1, …] for the group to act freely on the orbit. */
    public static final double FREEDOM = 1e-6;
    /** Most periods the run from the start is followed. */
    public static final int MAX_PERSISTENCE_PERIODS = 200;
    /** Work cap of one variational integration, in field evaluations (each right-hand side costs N + 1). */
    public static final long MAX_WORK = 20_000_000L;
    /** Largest state size searched (the variational equation has N(N + 1) components). */
    public static final int SIZE_LIMIT = 160;
    /** Evaluation cap of each integration. */
    public static final int MAX_EVALUATIONS = 2_000_000;
    /** Default wall-clock budget of one search. */
    public static final long MAX_SEARCH_MILLIS = 120_000;

    /** @return whether the orbit was found and decided attracting */
    public boolean attracting() {
        return status == Status.ATTRACTING;
    }

    /**
     * @return {@code δ = }{@value #MAX_DISTANCE}{@code (1 − ρ)(1 + ‖x₀‖)}: the farthest a start x₀
     *     may lie from an orbit of contraction ρ per period for the orbit's linearization to govern it
     *     (0 when ρ ≥ 1)
     */
    public static double trustedDistance(double contraction, double[] x0) {
        return MAX_DISTANCE * Math.max(0, 1 - contraction) * (1 + Matrices.norm(x0));
    }

    /**
     * Searches for a relative periodic orbit through (or near) x₀ (see the class comment).
     *
     * @param field the field (used on this thread only)
     * @param symmetry the group the field is equivariant under
     * @param conserved c, the number of conserved quantities whose level sets the orbit's family spans
     * @param x0 the state to start from, e.g. the end of a trajectory moving steadily (not modified)
     * @param scanTime how long to scan for the first return, positive
     * @return the orbit with its status
     */
    public static RelativePeriodicOrbit near(VectorField field, Symmetry symmetry, int conserved, double[] x0,
                                             double scanTime) {
        return near(field, symmetry, conserved, x0, scanTime, MAX_SEARCH_MILLIS);
    }

    /**
     * As {@link #near(VectorField, Symmetry, int, double[], double)}, within a time budget: a search
     * still running after {@code budgetMillis} ends NOT_FOUND (a statement about the search, not the flow).
     *
     * @param budgetMillis wall-clock budget of the search (0: ends at the first step)
     * @return the orbit with its status
     */
    public static RelativePeriodicOrbit near(VectorField field, Symmetry symmetry, int conserved, double[] x0,
                                             double scanTime, long budgetMillis) {
        int n = x0.length;
        if (n > SIZE_LIMIT) {
            return notFound("not searched: N = " + n + " > " + SIZE_LIMIT + " (the variational equation has N(N + 1)"
                    + " components)");
        }
        if (!(scanTime > 0) || Double.isInfinite(scanTime)) {
            return notFound("not searched: scan time " + scanTime);
        }
        Methods methods = new Methods(field, budgetMillis);
        try {
            return shoot(field, symmetry, conserved, x0, scanTime, methods);
        } catch (OutOfTime e) {
            return notFound("not decided within the search's time budget of " + budgetMillis + " ms" + methods.note());
        } catch (MathRuntimeException | ArithmeticException e) {
            return notFound("integration failed" + methods.note() + ": " + e.getMessage());
        }
    }

    /**
     * The integrations of one search: DOP853 until one exceeds its evaluation cap with its last step
     * held by stability ({@code h·ρ(J) ≥ }{@value StiffnessMonitor#LIMIT}, as {@link StiffnessMonitor}
     * decides it), then that one and every later one by RODAS ({@link RosenbrockIntegrator}, the
     * variational equation by {@link VariationalEquation}); a cap exceeded on a flow that is not
     * stiff there ends the search. Every integration also stops the search at its deadline.
     */
    private static final class Methods {
        private final VectorField field;
        private final long deadline;
        private String stiffFrom;
        private double stiffness = Double.NaN;
        private boolean stiff;
        private double lastStep = Double.NaN;
        private double[] lastState;

        Methods(VectorField field, long budgetMillis) {
            this.field = field;
            this.deadline = deadline(budgetMillis);
        }

        /** @return the integration's result, by DOP853 or, from the first stiff cap exceeded on, RODAS */
        <T> T run(String stage, java.util.function.Supplier<T> integration) {
            if (!stiff) {
                try {
                    return integration.get();
                } catch (MathIllegalStateException e) {
                    if (e.getSpecifier() != LocalizedCoreFormats.MAX_COUNT_EXCEEDED || lastState == null) {
                        throw e;
                    }
                    stiffness = StiffnessMonitor.stiffness(field, lastState, lastStep);
                    if (!(stiffness >= StiffnessMonitor.LIMIT)) {
                        throw e;
                    }
                    stiff = true;
                    stiffFrom = stage;
                }
            }
            return integration.get();
        }

        boolean stiff() {
            return stiff;
        }

        /** @return DOP853, or RODAS once stiff, on [0, span] at rtol, atol = 1e-2 rtol (1 + ‖x₀‖), with the deadline */
        AbstractIntegrator integrator(double scale, double rtol, double span) {
            AbstractIntegrator integrator = stiff
                    ? new RosenbrockIntegrator(1e-12 * span, span, rtol * scale * 1e-2, rtol)
                    : new DormandPrince853Integrator(1e-12 * span, span, rtol * scale * 1e-2, rtol);
            integrator.setMaxEvaluations(MAX_EVALUATIONS);
            lastState = null;
            lastStep = Double.NaN;
            integrator.addStepHandler(interpolator -> {
                if (System.nanoTime() - deadline > 0) {
                    throw new OutOfTime();
                }
                if (!stiff) {
                    // the state y (the first N components also of the variational equation's (y, Φ))
                    ODEStateAndDerivative end = interpolator.getCurrentState();
                    lastStep = end.getTime() - interpolator.getPreviousState().getTime();
                    lastState = Arrays.copyOf(end.getPrimaryState(), field.dimension());
                }
            });
            return integrator;
        }

        /** @return θ̇ = F(θ), with its dense Jacobian solves once stiff */
        OrdinaryDifferentialEquation equation() {
            return stiff ? LinearizedEquation.dense(field) : RelativePeriodicOrbit.equation(field);
        }

        String note() {
            return stiffFrom == null ? "" : String.format(Locale.ROOT, " (RODAS from the %s on: DOP853 exceeded its"
                    + " evaluations there, its step held by stability, h·ρ(J) = %.3g)", stiffFrom, stiffness);
        }
    }

    /** @return the {@link System#nanoTime()} {@code millis} from now (saturating: a budget of centuries is no budget) */
    static long deadline(long millis) {
        return System.nanoTime() + Math.min(millis, Long.MAX_VALUE / 4_000_000L) * 1_000_000L;
    }

    /** @return the milliseconds left until a {@link #deadline} (negative once past it) */
    static long millisLeft(long deadline) {
        return (deadline - System.nanoTime()) / 1_000_000L;
    }

    /** Ends a search past its deadline. */
    private static final class OutOfTime extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfTime() {
            super(null, null, false, false);
        }
    }

    /** The search (see the class comment). */
    private static RelativePeriodicOrbit shoot(VectorField field, Symmetry symmetry, int conserved, double[] x0,
                                               double scanTime, Methods methods) {
        int n = x0.length;
        int k = symmetry.generators();
        double scale = 1 + Matrices.norm(x0);
        // 1. first return
        double period = methods.run("scan", () -> firstReturn(field, symmetry, x0, scanTime, scale, methods));
        if (Double.isNaN(period)) {
            return notFound(String.format(Locale.ROOT, "no return of d(t) below %.2g × its maximum on (0, %.4g]",
                    RETURN_FRACTION, scanTime));
        }
        double guess = period;
        DMatrixRMaj q = symmetry.align(methods.run("shooting", () -> flow(x0, guess, scale, RTOL, methods)), x0);
        // 2. shooting
        double[] x = x0.clone();
        double residual = Double.NaN;
        double[][] variational = null;
        boolean phaseOnly = true;
        double previous = Double.POSITIVE_INFINITY;
        for (int it = 0; it <= MAX_ITERATIONS; it++) {
            // phase-only steps need no Φ: integrate the state alone
            variational = shot(methods, field, x, period, scale, RTOL, !phaseOnly);
            double[] y = variational[0];
            double[] g = symmetry.act(transpose(q), y);
            for (int i = 0; i < n; i++) {
                g[i] -= x[i];
            }
            residual = Matrices.norm(g);
            if (residual <= RESIDUAL_TOLERANCE * scale || it == MAX_ITERATIONS) {
                break;
            }
            // first correct T and Q alone, while that halves ‖G‖: x then moves only by the mismatch
            // that no period or drift explains (its distance to the orbit), not by a share of the
            // guess's phase error
            if (phaseOnly && !(residual < 0.5 * previous)) {
                phaseOnly = false;
                variational = shot(methods, field, x, period, scale, RTOL, true);
            }
            previous = residual;
            DMatrixRMaj jac = new DMatrixRMaj(n, n + 1 + k);
            if (!phaseOnly) {
                DMatrixRMaj monodromy = monodromy(symmetry, q, variational, n);
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < n; c++) {
                        jac.set(r, c, monodromy.get(r, c) - (r == c ? 1 : 0));
                    }
                }
            }
            double[] fy = symmetry.act(transpose(q), field.evaluate(y));
            double[] back = symmetry.act(transpose(q), y);
            for (int r = 0; r < n; r++) {
                jac.set(r, n, fy[r]);
            }
            for (int j = 0; j < k; j++) {
                double[] xi = symmetry.infinitesimal(symmetry.generator(j), back);
                for (int r = 0; r < n; r++) {
                    jac.set(r, n + 1 + j, -xi[r]);
                }
            }
            DMatrixRMaj pinv = new DMatrixRMaj(n + 1 + k, n);
            CommonOps_DDRM.pinv(jac, pinv);
            DMatrixRMaj step = new DMatrixRMaj(n + 1 + k, 1);
            CommonOps_DDRM.mult(pinv, DMatrixRMaj.wrap(n, 1, g), step);
            for (int i = 0; i < n; i++) {
                x[i] -= step.get(i);
            }
            period -= step.get(n);
            if (!(period > 0)) {
                return notFound("shooting drove the period to " + period);
            }
            if (k > 0) {
                DMatrixRMaj s = new DMatrixRMaj(symmetry.m(), symmetry.m());
                for (int j = 0; j < k; j++) {
                    CommonOps_DDRM.addEquals(s, -step.get(n + 1 + j), symmetry.generator(j));
                }
                q = mult(q, cayley(s));
            }
        }
        double distance = Matrices.distance(x, x0);
        if (!(residual <= RESIDUAL_TOLERANCE * scale)) {
            return new RelativePeriodicOrbit(Status.NOT_FOUND, null, Double.NaN, null, residual, distance, new double[0],
                    0, Double.NaN, Double.NaN, Double.NaN, String.format(Locale.ROOT, "shooting did not converge:"
                    + " ‖G‖ = %.3g after %d iterations (needs ≤ %.1g(1 + ‖x‖))", residual, MAX_ITERATIONS,
                    RESIDUAL_TOLERANCE));
        }
        // 3. multipliers, with the error of M from a second computation
        // the last shooting iteration integrated Φ at (x, T) already unless it corrected the phase alone
        DMatrixRMaj monodromy = monodromy(symmetry, q, variational[1] != null ? variational
                : shot(methods, field, x, period, scale, RTOL, true), n);
        DMatrixRMaj check = monodromy(symmetry, q, shot(methods, field, x, period, scale, RTOL_CHECK, true), n);
        CommonOps_DDRM.subtractEquals(check, monodromy);
        double error = Matrices.norm(check);
        // M is also computed at x*, which is a residual r off the true orbit: M moves by about ‖M‖ r/(1 + ‖x‖)
        double bound = 10 * Math.sqrt(error + Matrices.norm(monodromy) * residual / scale) + 1e-9;
        double[] moduli = moduli(monodromy);
        int neutral = 1 + k + conserved;
        int nearOne = 0;
        int outside = 0;
        for (double r : moduli) {
            if (r >= 1 - bound) {
                nearOne++;
            }
            if (r > 1 + bound) {
                outside++;
            }
        }
        double contraction = neutral < moduli.length ? moduli[neutral] : 0;
        // 4. min ‖F‖ over one period against the orbit's error and the gaps between samples
        double orbitPeriod = period;
        double[] speed = methods.run("speed samples",
                () -> speedOverPeriod(field, x, orbitPeriod, scale, SPEED_SAMPLES, methods));
        double gapTerm = speed[3] * period / SPEED_SAMPLES;
        int samples = SPEED_SAMPLES;
        if (gapTerm > 0.1 * speed[0]) {
            // resample so that the dip between samples is at most a tenth of the minimum
            samples = (int) Math.min(MAX_SPEED_SAMPLES, Math.ceil(SPEED_SAMPLES * gapTerm / (0.1 * speed[0])));
            int resampled = samples;
            speed = methods.run("speed samples",
                    () -> speedOverPeriod(field, x, orbitPeriod, scale, resampled, methods));
            gapTerm = speed[3] * period / samples;
        }
        double minSpeed = speed[0];
        double lipschitz = speed[2];
        double speedFloor = 10 * lipschitz * residual / Math.max(1e-300, 1 - contraction) + gapTerm;
        // the group must act freely along the orbit: F and the ξ_j independent (else the neutral count is other)
        double freedom = freedom(field, symmetry, x);
        // 5. the start lies where the linearization governs, and the run from it stays on the orbit
        double allowed = trustedDistance(contraction, x0);
        double persistence = distance <= allowed && nearOne == neutral && outside == 0
                ? methods.run("persistence run", () -> persistence(field, x0, orbitPeriod, contraction, scale, methods))
                : Double.NaN;
        String numbers = String.format(Locale.ROOT, "relative periodic orbit at distance %.3g: period T = %.8g,"
                        + " drift det Q = %+.0f, ‖G‖ = %.3g; multipliers |μ| %s (monodromy error %.2g, bound β = %.2g);"
                        + " %d within β of 1 (expected %d: flow, %d group, %d conserved); min ‖F‖ over a period %.3g"
                        + " (floor %.3g); s_min/s_max of [F, ξ] %.2g; min ‖F‖ over %s periods from the start %.3g",
                distance, period, symmetry.m() > 0 ? CommonOps_DDRM.det(q) : 1,
                residual, leading(moduli, neutral + 2), error, bound, nearOne, neutral, k, conserved, minSpeed,
                speedFloor, freedom, Double.isNaN(persistence) ? "no" : Integer.toString(periods(contraction)),
                persistence);
        Status status;
        String why;
        if (outside > 0) {
            status = Status.UNDECIDED;
            why = ": " + outside + " multipliers outside the unit circle (repelling)";
        } else if (nearOne != neutral) {
            status = Status.UNDECIDED;
            why = ": not normally attracting to its error (" + nearOne + " moduli within β of 1, not " + neutral + ")";
        } else if (!(minSpeed > speedFloor)) {
            status = Status.UNDECIDED;
            why = ": F may vanish on the orbit";
        } else if (!(freedom > FREEDOM)) {
            status = Status.UNDECIDED;
            why = ": the group does not act freely on the orbit (the neutral count would differ)";
        } else if (!(distance <= allowed)) {
            status = Status.FAR;
            why = String.format(Locale.ROOT, ": the start is %.3g from the orbit, beyond %.3g (1 − ρ)(1 + ‖x‖) where"
                    + " the linearization is trusted", distance, MAX_DISTANCE);
        } else if (!(persistence >= minSpeed / 2)) {
            status = Status.UNDECIDED;
            why = ": the run from the start slows below half the orbit's speed";
        } else {
            status = Status.ATTRACTING;
            why = String.format(Locale.ROOT, ": normally attracting, contraction ρ = %.3g per period, no equilibrium on"
                    + " it", contraction);
        }
        return new RelativePeriodicOrbit(status, x, period, q, residual, distance, moduli, neutral, bound, contraction,
                minSpeed, numbers + methods.note() + why);
    }

    /** @return T of the first local minimum of d(t) below RETURN_FRACTION × its running maximum, or NaN */
    private static double firstReturn(VectorField field, Symmetry symmetry, double[] x0, double scanTime,
                                        double scale, Methods methods) {
        AbstractIntegrator dp = methods.integrator(scale, RTOL, scanTime);
        double dt = scanTime / SCAN_SAMPLES;
        double[] d = new double[SCAN_SAMPLES + 1];
        dp.addStepHandler(interpolator -> {
            double t0 = interpolator.getPreviousState().getTime();
            double t1 = interpolator.getCurrentState().getTime();
            for (int i = (int) Math.ceil(t0 / dt); i <= SCAN_SAMPLES && i * dt <= t1; i++) {
                double[] y = interpolator.getInterpolatedState(i * dt).getPrimaryState();
                d[i] = Matrices.distance(symmetry.act(transpose(symmetry.align(y, x0)), y), x0);
            }
        });
        dp.integrate(methods.equation(), new ODEState(0, x0.clone()), scanTime);
        double max = 0;
        for (int i = 1; i < SCAN_SAMPLES; i++) {
            max = Math.max(max, d[i]);
            if (d[i] <= d[i - 1] && d[i] <= d[i + 1] && d[i] < RETURN_FRACTION * max) {
                return i * dt;
            }
        }
        return Double.NaN;
    }

    /** @return {φ_T(x), Φ} ({@link #variational}) when {@code withPhi}, else {φ_T(x), null} */
    private static double[][] shot(Methods methods, VectorField field, double[] x, double period, double scale,
                                   double rtol, boolean withPhi) {
        double[] from = x.clone();
        return methods.run("shooting", () -> withPhi ? variational(field, from, period, scale, rtol, methods)
                : new double[][] {flow(from, period, scale, rtol, methods), null});
    }

    /** @return {φ_T(x), columns of Φ = ∂φ_T/∂x} as {y, Φ row-major} */
    private static double[][] variational(VectorField field, double[] x, double period, double scale, double rtol,
                                          Methods methods) {
        int n = x.length;
        // per evaluation, RODAS also makes about 2N + 2 products J·v and N + 1 triangular solves (at N = 23
        // about 5 times DOP853's work per evaluation)
        AbstractIntegrator integrator = methods.integrator(scale, rtol, period);
        integrator.setMaxEvaluations((int) Math.min(MAX_EVALUATIONS, MAX_WORK / ((methods.stiff() ? 5 : 1) * (n + 1))));
        double[] z = integrator.integrate(new VariationalEquation(field), new ODEState(0, VariationalEquation.initial(x)),
                period).getPrimaryState();
        return new double[][] {Arrays.copyOf(z, n), Arrays.copyOfRange(z, n, n + n * n)};
    }

    /** @return {@code M = g(Q)ᵀ Φ} (the action is linear: applied to each column) */
    private static DMatrixRMaj monodromy(Symmetry symmetry, DMatrixRMaj q, double[][] variational, int n) {
        DMatrixRMaj phi = DMatrixRMaj.wrap(n, n, variational[1]);
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        DMatrixRMaj qt = transpose(q);
        double[] column = new double[n];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < n; r++) {
                column[r] = phi.get(r, c);
            }
            double[] moved = symmetry.act(qt, column);
            for (int r = 0; r < n; r++) {
                m.set(r, c, moved[r]);
            }
        }
        return m;
    }

    private static double[] flow(double[] x, double t, double scale, double rtol, Methods methods) {
        return methods.integrator(scale, rtol, t).integrate(methods.equation(), new ODEState(0, x.clone()), t)
                .getPrimaryState();
    }

    /**
     * @return {min ‖F‖, max ‖F‖, max ‖J‖_F, max ‖J F‖} at {@code samples} equally spaced times of one
     *     period (‖J‖_F at about 40 of them, at least every tenth; {@code ‖J F‖ = ‖ẍ‖} at every one):
     *     since {@code |d‖F‖/dt| ≤ ‖ẍ‖}, between samples dt apart ‖F‖ dips below the smaller end by at
     *     most {@code max ‖ẍ‖ · dt/2}
     */
    private static double[] speedOverPeriod(VectorField field, double[] x, double period, double scale,
                                            int samples, Methods methods) {
        AbstractIntegrator dp = methods.integrator(scale, RTOL, period);
        double dt = period / samples;
        double[] out = {Double.POSITIVE_INFINITY, 0, 0, 0};
        double[] f = new double[x.length];
        double[] acceleration = new double[x.length];
        dp.addStepHandler(interpolator -> {
            double t0 = interpolator.getPreviousState().getTime();
            double t1 = interpolator.getCurrentState().getTime();
            for (int i = (int) Math.ceil(t0 / dt); i <= samples && i * dt <= t1; i++) {
                double[] y = interpolator.getInterpolatedState(i * dt).getPrimaryState();
                field.evaluate(y, f);
                double g = Matrices.norm(f);
                out[0] = Math.min(out[0], g);
                out[1] = Math.max(out[1], g);
                field.jacobianTimes(y, f, acceleration);
                out[3] = Math.max(out[3], Matrices.norm(acceleration));
                if (i % Math.max(10, samples / 40) == 0) {
                    out[2] = Math.max(out[2], jacobianNorm(field, y));
                }
            }
        });
        dp.integrate(methods.equation(), new ODEState(0, x.clone()), period);
        return out;
    }

    /** @return {@code s_min/s_max} of the N × (1 + dim so(m)) matrix [F(x), ξ_1(x), …] (1 when it has one column) */
    private static double freedom(VectorField field, Symmetry symmetry, double[] x) {
        int n = x.length;
        int k = symmetry.generators();
        DMatrixRMaj a = new DMatrixRMaj(n, 1 + k);
        double[] f = field.evaluate(x);
        for (int r = 0; r < n; r++) {
            a.set(r, 0, f[r]);
        }
        for (int j = 0; j < k; j++) {
            double[] xi = symmetry.infinitesimal(symmetry.generator(j), x);
            for (int r = 0; r < n; r++) {
                a.set(r, 1 + j, xi[r]);
            }
        }
        double[] sv = org.sgema.numerics.RankEstimate.singularValues(a);
        return sv[0] > 0 ? sv[sv.length - 1] / sv[0] : 0;
    }

    /** @return K = ⌈ln 1e-3 / ln ρ⌉ periods, between 1 and {@value #MAX_PERSISTENCE_PERIODS}: the start's offset shrinks 1000× */
    private static int periods(double contraction) {
        if (!(contraction > 0)) {
            return 1;
        }
        return (int) Math.max(1, Math.min(MAX_PERSISTENCE_PERIODS, Math.ceil(Math.log(1e-3) / Math.log(contraction))));
    }

    /**
     * @return min ‖F‖ at the step ends of the run from x₀ over {@link #periods} periods, integrated
     *     at rtol {@value #RTOL_CHECK}: the run is compared with half the orbit's minimum speed, a
     *     margin many orders above that error, and spans up to {@value #MAX_PERSISTENCE_PERIODS}
     *     periods (at rtol {@value #RTOL}, the 71 periods of a stiff EMA orbit, T = 844, took RODAS
     *     2.8·10⁶ evaluations, beyond the cap; at {@value #RTOL_CHECK}, 7.6·10⁵)
     */
    private static double persistence(VectorField field, double[] x0, double period, double contraction,
                                      double scale, Methods methods) {
        double span = periods(contraction) * period;
        AbstractIntegrator dp = methods.integrator(scale, RTOL_CHECK, span);
        double[] min = {Matrices.norm(field.evaluate(x0))};
        dp.addStepHandler(interpolator -> min[0] = Math.min(min[0],
                Matrices.norm(field.evaluate(interpolator.getCurrentState().getPrimaryState()))));
        dp.integrate(methods.equation(), new ODEState(0, x0.clone()), span);
        return min[0];
    }

    /** @return ‖J(x)‖_F from N products J e_j */
    private static double jacobianNorm(VectorField field, double[] x) {
        int n = x.length;
        double[] e = new double[n];
        double[] out = new double[n];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            field.jacobianTimes(x, e, out);
            e[j] = 0;
            double norm = Matrices.norm(out);
            sum += norm * norm;
        }
        return Math.sqrt(sum);
    }

    /**
     * @return the moduli {@code sqrt(re² + im²)} of the monodromy's eigenvalues, descending
     *     ({@link Spectrum#of}: EJML with its shifted retry, LAPACK from order 256), or none if
     *     the eigenvalues could not be computed
     */
    private static double[] moduli(DMatrixRMaj monodromy) {
        int n = monodromy.numRows;
        Spectrum spectrum;
        try {
            spectrum = Spectrum.of(monodromy);
        } catch (ArithmeticException e) {
            return new double[0];
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = Math.sqrt(spectrum.re(i) * spectrum.re(i) + spectrum.im(i) * spectrum.im(i));
        }
        Arrays.sort(r);
        for (int i = 0; i < n / 2; i++) {
            double t = r[i];
            r[i] = r[n - 1 - i];
            r[n - 1 - i] = t;
        }
        return r;
    }

    private static String leading(double[] moduli, int count) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < Math.min(count, moduli.length); i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.7g", moduli[i]));
        }
        return s.append(moduli.length > count ? ", …]" : "]").toString();
    }

    /** @return θ̇ = F(θ) */
    private static OrdinaryDifferentialEquation equation(VectorField field) {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return field.dimension();
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return field.evaluate(y);
            }
        };
    }


    /** Cayley transform {@code (I − S/2)⁻¹(I + S/2)}: orthogonal for skew S, e^S to second order. */
    private static DMatrixRMaj cayley(DMatrixRMaj s) {
        int m = s.numRows;
        DMatrixRMaj minus = CommonOps_DDRM.identity(m);
        DMatrixRMaj plus = CommonOps_DDRM.identity(m);
        CommonOps_DDRM.addEquals(minus, -0.5, s);
        CommonOps_DDRM.addEquals(plus, 0.5, s);
        DMatrixRMaj out = new DMatrixRMaj(m, m);
        CommonOps_DDRM.solve(minus, plus, out);
        return out;
    }

    private static DMatrixRMaj mult(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        CommonOps_DDRM.mult(a, b, c);
        return c;
    }

    private static DMatrixRMaj transpose(DMatrixRMaj q) {
        return CommonOps_DDRM.transpose(q, null);
    }

    private static RelativePeriodicOrbit notFound(String why) {
        return new RelativePeriodicOrbit(Status.NOT_FOUND, null, Double.NaN, null, Double.NaN, Double.NaN,
                new double[0], 0, Double.NaN, Double.NaN, Double.NaN, why);
    }

    @Override
    public String toString() {
        return status + ": " + evidence;
    }
}
