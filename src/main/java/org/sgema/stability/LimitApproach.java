package org.sgema.stability;

import java.util.Locale;

import org.sgema.equilibria.EquilibriumProjector;
import org.sgema.flows.VectorField;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Outcome;
import org.sgema.integration.Trajectory;
import org.sgema.model.State;
import org.sgema.numerics.Matrices;

/**
 * How a trajectory that stopped at its horizon (or its wall-clock cap, a horizon set by the
 * machine) approaches its limit, decided from its own tail and the equilibrium it points to,
 * instead of "not converged". With {@code g(t) = ‖F(θ(t))‖} on the tail (T the time reached):
 * <pre>
 *   exponential   ln g = a − μ t      on [T/2, T]     remaining path ∫_T^∞ ‖θ̇‖ ≈ g(T)/μ
 *   algebraic     ln g = b − p ln t   on [T/10, T]    remaining path ≈ g(T)·T/(p − 1)   (p &gt; 1)
 * </pre>
 * Each is fitted by least squares on its window (an algebraic law falls only 2^p× on [T/2, T],
 * so it needs the longer one); a law counts if g fell by at least {@value #MIN_DECAY}× on its
 * window and its RMS residual in ln g is at most {@value #MAX_FIT_RMS}; the exponential law
 * wins when both count and it fits better. The end state is then polished onto F = 0
 * ({@link EquilibriumProjector}); the approach is decided if the polishing converged and moved
 * the point no further than twice the remaining path (the path is estimated from the fit, not
 * bounded), and the polished point is not classified UNSTABLE (a tail falling toward a saddle
 * cannot tell a run that stays from one that only passes: UNRESOLVED): the limit {@code θ_∞} lies
 * within {@code distance + remaining} of the polished point,
 * which the claims use as the limit, with that error ({@link #limitError()}).
 *
 * <p>A tail that fits neither law is STEADY (still undecided, but told apart from a run that
 * merely stopped early) when the run keeps moving through a bounded region without slowing down.
 * On [T/2, T], with the path length {@code ℓ = ∫ g dt}, the diameter bound
 * {@code D = 2 max_i ‖θ_i − θ̄‖} of the recorded states (θ̄ their mean) and the averages
 * {@code Ā_1..Ā_4} of g over four equal windows (trapezoid rule over the recorded points):
 * <pre>
 *   ℓ ≥ {@value #WINDING}·D,   max_w |Ā_w − Ā| ≤ {@value #AVERAGE_SPREAD}·Ā,   min g ≥ {@value #FLOOR_FACTOR}·tol(1 + ‖θ(T)‖)
 * </pre>
 * (tol the run's stop tolerance). This is not evidence that there is no limit point: a limit
 * cycle, a focus with Re λ ≈ −1e-6, a spiral with ‖F‖ ~ t^{−0.1} and the ghost of a
 * saddle-node of cycles all look like this on a finite tail (an adversarial review found each),
 * so the claims keep STEADY runs INCONCLUSIVE, with this evidence. A STEADY run is then searched
 * for a relative periodic orbit through its end state ({@link RelativePeriodicOrbit}: first return
 * modulo O(m) within the time it takes to travel {@value #SCAN_DIAMETERS} diameters, shooting, Floquet
 * multipliers decided beyond their error bound); when that orbit is normally attracting and F does
 * not vanish on it, the run has no limit point, decided: CYCLE, with the orbit's evidence (an
 * orbit that passes every test but lies too far from the end to govern it is followed: the run
 * is continued toward it by the periods its contraction predicts and searched again,
 * {@link #approachOrbit}). The
 * counter-examples above fail it: a ghost of a saddle-node of cycles has a multiplier near 1 (one
 * neutral modulus too many); a slow focus or spiral has no periodic orbit but its equilibrium,
 * where F vanishes; a centre's orbits are neutral (UNDECIDED, and the run stays STEADY).</p>
 *
 * <p>{@link #continueToLimit} first tries the strongest evidence, convergence: the run is
 * continued (the stiff method makes long horizons cheap) and ends CONVERGED or not on its
 * own stop test.</p>
 *
 * @param kind CONVERGED (the run met its stop test), EXPONENTIAL, ALGEBRAIC, STEADY, CYCLE or UNRESOLVED
 * @param rate fitted μ of the exponential law (NaN otherwise)
 * @param exponent fitted p of the algebraic law (NaN otherwise)
 * @param fitRms RMS residual of the chosen fit in ln g (NaN if none was chosen)
 * @param limit the polished limit (the run's final state when CONVERGED, STEADY or UNRESOLVED; CYCLE:
 *              the state the orbit was decided from, the run's end or where its approach got to)
 * @param distance how far polishing moved the final state (CYCLE: how far shooting moved {@link #limit()},
 *                 the state the orbit was decided from, onto the orbit)
 * @param remaining the estimate of the path still to travel, from the fitted law (0 when CONVERGED)
 * @param evidence one line with the numbers behind the decision
 */
public record LimitApproach(Kind kind, double rate, double exponent, double fitRms, State limit, double distance,
                            double remaining, String evidence) {

    /** Largest RMS residual of ln g a fitted law may leave. */
    public static final double MAX_FIT_RMS = 0.2;
    /** Smallest factor by which g must fall over the tail. */
    public static final double MIN_DECAY = 10.0;

    /** Smallest ratio of the tail's path length to its diameter for STEADY. */
    public static final double WINDING = 100;
    /** Largest relative spread of the window averages of ‖F‖ for STEADY. */
    public static final double AVERAGE_SPREAD = 0.05;
    /** ‖F‖ must stay this many times above the stop test for STEADY. */
    public static final double FLOOR_FACTOR = 1000;
    /** A STEADY run is scanned for a relative periodic orbit over the time it takes to travel this many diameters. */
    public static final double SCAN_DIAMETERS = 40;
    /** Fewest recorded points on [T/2, T] for STEADY (ten per window). */
    public static final int MIN_TAIL_POINTS = 40;

    /**
     * How the limit is approached: CONVERGED, EXPONENTIAL or ALGEBRAIC (a limit, decided);
     * CYCLE (no limit point, decided: the run, or the run followed further toward the orbit, ends
     * near a normally attracting relative periodic orbit, within the distance its linearization
     * is trusted at);
     * STEADY (no law, and the run keeps moving through a bounded region at a steady speed: no decay
     * resolvable on its tail, undecided); UNRESOLVED (anything else undecided).
     */
    public enum Kind { CONVERGED, EXPONENTIAL, ALGEBRAIC, STEADY, CYCLE, UNRESOLVED }

    /** @return whether the limit is decided (converged, or an approach law with a consistent limit) */
    public boolean decided() {
        return kind != Kind.UNRESOLVED && kind != Kind.STEADY && kind != Kind.CYCLE;
    }

    /**
     * @return whether the run has no limit point, decided: it ends, or followed further reaches
     *     {@link #limit()}, within {@link #distance()} of a normally attracting relative periodic
     *     orbit on which F does not vanish (CYCLE)
     */
    public boolean noLimitPoint() {
        return kind == Kind.CYCLE;
    }

    /**
     * @return c, the conserved quantities whose levels a family of relative periodic orbits spans:
     *     m for SG and EMA at λ = 0 (the O(m) invariants of Δ = AᵀA − αBBᵀ, conserved along both,
     *     [T4] and T4-ema-invariant), else 0 (GD conserves no Δ)
     */
    public static int conservedQuantities(VectorField field) {
        return field.flow() != org.sgema.flows.Flow.GD && field.configuration().lambda() == 0
                ? field.configuration().m() : 0;
    }

    /** @return whether the run keeps moving at a steady speed with no decay resolvable (STEADY, undecided) */
    public boolean steady() {
        return kind == Kind.STEADY;
    }

    /** @return {@code distance + remaining}: how far the true limit may be from {@link #limit()} */
    public double limitError() {
        return kind == Kind.CONVERGED ? 0 : distance + remaining;
    }

    /**
     * Largest state size polished onto F = 0 (the projection takes dense SVDs of J, O(N³) each);
     * beyond, a fitted law is reported but the limit stays UNRESOLVED.
     */
    public static final int POLISH_LIMIT = 600;

    /**
     * A run that reached its horizon is continued for at least this many horizons, and no
     * continuation goes beyond this many times the time reached (a far prediction is approached
     * in steps, each re-predicted from its own tail).
     */
    public static final double CONTINUATION = 20;

    /** Most continuations of one run (the first always, the later ones on a predicted stop or in transit). */
    public static final int MAX_CONTINUATIONS = 5;

    /** Most legs of a STEADY run's approach to an orbit found FAR from its end ({@link #approachOrbit}). */
    public static final int MAX_APPROACHES = 3;

    /** One leg of an approach follows the run at most this many periods. */
    public static final int MAX_APPROACH_PERIODS = 10_000;

    /** A leg is made in at most this many runs, each within the run's evaluation budget. */
    public static final int MAX_PIECES = 10;

    /** A run in transit (see {@link #continueToLimit}) is continued to this many times the time it reached. */
    public static final double TRANSIT = 10;

    /**
     * Continues a run that reached its horizon: first for {@value #CONTINUATION} horizons, or,
     * when its tail decays at rate μ &gt; 0 (least-squares fit of ln ‖F‖ on [T/2, T]) and the stop
     * test is predicted within reach, {@code T* = ln(g(T)/(tol(1 + ‖θ‖)))/μ ≤ maxHorizon}, to
     * {@code T + 2T*}; then, up to {@value #MAX_CONTINUATIONS} continuations in all, again to
     * {@code T + 2T*} from the end of the last one whenever its own tail predicts the stop test
     * within maxHorizon (a flow whose rate slows down is mispredicted by its early tail), or, when
     * it predicts nothing and the run is in transit, to {@value #TRANSIT}·T: its tail has too few
     * points to tell, or fits no law and travels less than {@value #WINDING} diameters of the region
     * it stays in (a run still on its way, e.g. along a slow direction where ‖F‖ holds or rises
     * before it decays, as when rowspace(B) turns between two eigenvectors of Mᵀ whose eigenvalues
     * are 1e-6 apart; a run that winds through its region is not continued); never beyond
     * maxHorizon, nor beyond {@value #CONTINUATION}·T. All continuations together get the run's wall-clock budget once (each the
     * part the earlier ones left), so a run with its continuations takes at most twice its budget
     * (and {@link #of} may add an orbit search, with the approach to a FAR orbit, of at most
     * {@link RelativePeriodicOrbit#MAX_SEARCH_MILLIS} together, up to a step's or a search stage's overrun).
     * Continuing decides nothing by itself: the continuation ends CONVERGED or not on its own stop
     * test, and one that ends with nothing to say ({@link #usable}: failed on its evaluation
     * budget, or cut short by the wall clock soon after it started) is dropped, the last run
     * before it standing for the whole. Each continuation keeps the run's clock (it starts at the time reached), so a law in t
     * fitted on it is the run's law, and it is returned joined to the runs before it
     * ({@link Trajectory#followedBy}) from the last recorded point before T/10 on
     * ({@link Trajectory#since}): a continuation to a predicted horizon may end before twice the
     * time it started at, and the laws are fitted on [T/2, T] and [T/10, T] of the whole run.
     *
     * @param integrator the integrator of the run (its settings give tol and the horizon)
     * @param field the field of the run
     * @param t the run
     * @param maxHorizon the longest continuation allowed
     * @return the run joined to its usable continuations (from the last point before T/10), or {@code t}
     */
    public static Trajectory continueToLimit(FlowIntegrator integrator, VectorField field, Trajectory t,
                                             double maxHorizon) {
        Trajectory current = t;
        long left = integrator.settings().wallClockMillis();
        for (int k = 0; k < MAX_CONTINUATIONS && current.outcome() == Outcome.HORIZON_REACHED && left > 0; k++) {
            Trajectory next = continueOnce(integrator, field, current, maxHorizon, k == 0, left);
            if (next == current) {
                break;
            }
            left -= next.wallMillis();
            if (!usable(next)) {
                break; // the continuation says nothing: the last run that does is analysed
            }
            // joined, and kept from T/10 on: the laws' windows, not every point of every leg
            current = current.followedBy(next).since(next.finalTime() / 10);
        }
        return current;
    }

    /**
     * @return whether a continuation can stand for the run: it converged, diverged, reached its
     *     horizon, or stopped on the wall clock with its points covering [T/2, T]; not one that
     *     failed (e.g. on its evaluation budget, spent on a continuation whose horizon a tail's
     *     prediction set far off) or was cut short soon after it started
     */
    static boolean usable(Trajectory t) {
        return switch (t.outcome()) {
            case CONVERGED, DIVERGED, HORIZON_REACHED -> true;
            case TIMED_OUT -> coversLastHalf(t);
            default -> false;
        };
    }

    /** @return whether the run's recorded points start by T/2, so its tail [T/2, T] is all its own */
    private static boolean coversLastHalf(Trajectory t) {
        return t.time(0) <= t.finalTime() / 2;
    }

    /** One continuation (see {@link #continueToLimit}); @return {@code t} itself when there is none to make */
    private static Trajectory continueOnce(FlowIntegrator integrator, VectorField field, Trajectory t,
                                           double maxHorizon, boolean first, long wallClockMillis) {
        Tail tail = Tail.of(field, t);
        IntegrationSettings s = integrator.settings();
        double tEnd = t.finalTime();
        double horizon = first ? Math.min(maxHorizon, CONTINUATION * s.horizon()) : Double.NaN;
        double mu = tail.halfSize() >= 6 ? -tail.exponentialFit()[0] : Double.NaN;
        double scale = 1 + Matrices.norm(t.finalState().toArray());
        if (mu > 0) {
            double needed = Math.log(tail.last() / (s.convergenceTolerance() * scale)) / mu;
            if (needed <= maxHorizon) {
                double predicted = Math.min(maxHorizon, tEnd + 2 * needed);
                horizon = first ? Math.max(horizon, predicted) : predicted;
            }
        }
        if (!first && Double.isNaN(horizon) && tail.inTransit(t, s.convergenceTolerance() * scale)) {
            horizon = Math.min(maxHorizon, TRANSIT * tEnd);
        }
        // at most CONTINUATION times the time reached: a far prediction is approached in steps, each
        // re-predicted from its own tail, not staked on one run's budget
        horizon = Math.min(horizon, CONTINUATION * tEnd);
        if (!(horizon > tEnd)) {
            return t;
        }
        return integrator.withSettings(s.withHorizon(horizon).withWallClockMillis(wallClockMillis))
                .integrate(field, t.finalState(), tEnd);
    }

    /**
     * The tail of a run: {@code (t_i, ln t_i, ln ‖F(θ(t_i))‖)} for the recorded points with
     * {@code t_i ≥ T/10} (finite, non-zero ‖F‖ only); {@code half} indexes the first with
     * {@code t_i ≥ T/2} (−1 if none).
     */
    private record Tail(double[] t, double[] lnT, double[] lnG, int size, int half, double first, double end) {
        static Tail of(VectorField field, Trajectory run) {
            double tEnd = run.finalTime();
            int n = run.size();
            double[] xs = new double[n];
            double[] ls = new double[n];
            double[] ys = new double[n];
            int k = 0;
            int half = -1;
            double[] theta = new double[field.dimension()];
            double[] f = new double[field.dimension()];
            for (int i = 0; i < n; i++) {
                double ti = run.time(i);
                if (ti < tEnd / 10 || ti <= 0) {
                    continue;
                }
                run.copyState(i, theta);
                field.evaluate(theta, f);
                double g = Matrices.norm(f);
                if (!(g > 0) || !Double.isFinite(g)) {
                    continue;
                }
                if (half < 0 && ti >= tEnd / 2) {
                    half = k;
                }
                xs[k] = ti;
                ls[k] = Math.log(ti);
                ys[k] = Math.log(g);
                k++;
            }
            return new Tail(xs, ls, ys, k, half, run.time(0), tEnd);
        }

        /** @return points on [T/2, T] */
        int halfSize() {
            return half < 0 ? 0 : size - half;
        }

        /** @return {slope, RMS residual} of ln ‖F‖ against t on [T/2, T] */
        double[] exponentialFit() {
            return fit(java.util.Arrays.copyOfRange(t, half, size), java.util.Arrays.copyOfRange(lnG, half, size),
                    size - half);
        }

        /** @return {slope, RMS residual} of ln ‖F‖ against ln t on [T/10, T] */
        double[] algebraicFit() {
            return fit(lnT, lnG, size);
        }

        /** @return ‖F‖ at the last point */
        double last() {
            return Math.exp(lnG[size - 1]);
        }

        /** @return g(T/2)/g(T) */
        double decayHalf() {
            return Math.exp(lnG[half] - lnG[size - 1]);
        }

        /** @return g(T/10)/g(T) */
        double decayTenth() {
            return Math.exp(lnG[0] - lnG[size - 1]);
        }

        /**
         * @return whether the exponential law counts: the run's points start by T/2 (its window is the
         *     run's own, not a continuation's shorter one), ≥ {@value #MIN_DECAY}× decay on [T/2, T], rms ≤
         *     {@value #MAX_FIT_RMS}, μ &gt; 0, and it fits better than the algebraic law (or that has p ≤ 1)
         */
        boolean exponentialCounts(double[] exp, double[] alg) {
            return first <= end / 2 && decayHalf() >= MIN_DECAY && exp[1] <= MAX_FIT_RMS && -exp[0] > 0
                    && (exp[1] <= alg[1] || !(-alg[0] > 1));
        }

        /**
         * @return whether the algebraic law counts: the run's points start by T/10 (on a shorter window
         *     a 10× decay forces a large fitted p, and p &gt; 1 means nothing), ≥ {@value #MIN_DECAY}× decay on [T/10, T],
         *     rms ≤ {@value #MAX_FIT_RMS}, p &gt; 1
         */
        boolean algebraicCounts(double[] alg) {
            return first <= end / 10 && decayTenth() >= MIN_DECAY && alg[1] <= MAX_FIT_RMS && -alg[0] > 1;
        }

        /**
         * @param floor the stop test's level {@code tol(1 + ‖θ(T)‖)}
         * @return whether the run is in transit: too few points on [T/2, T] to fit a law or to tell a
         *     recurrence, or no law counts and the run does not wind through its region (path on
         *     [T/2, T] below {@value #WINDING} diameters: it is on its way somewhere, not circling)
         */
        boolean inTransit(Trajectory run, double floor) {
            if (halfSize() < 6) {
                return true;
            }
            double[] exp = exponentialFit();
            double[] alg = algebraicFit();
            if (exponentialCounts(exp, alg) || algebraicCounts(alg)) {
                return false;
            }
            Recurrence r = Recurrence.of(run, this, floor);
            return !(r.windings() >= WINDING);
        }
    }

    /**
     * @param field the field of the run
     * @param t a run; CONVERGED runs are returned as such, HORIZON_REACHED runs are analysed, and so
     *          are TIMED_OUT runs whose recorded points cover [T/2, T] (the wall clock may stop a
     *          continuation at any time after it started, however short its tail; a horizon is set
     *          by the continuation rules from the tail), any other outcome is UNRESOLVED; a STEADY
     *          run's orbit search and its approach ({@link #approachOrbit}) get
     *          {@link RelativePeriodicOrbit#MAX_SEARCH_MILLIS} together
     * @return the approach
     */
    public static LimitApproach of(VectorField field, Trajectory t) {
        return of(field, t, RelativePeriodicOrbit.MAX_SEARCH_MILLIS);
    }

    /**
     * {@link #of(VectorField, Trajectory)} with the time a STEADY run's orbit search, with the
     * approach to a FAR orbit, may take (the command line's {@code integrate --orbit-search}); 0 or
     * less: no search, the run stays STEADY.
     *
     * @param field the field of the run
     * @param t a run
     * @param searchMillis the time budget of the orbit search and its approach
     * @return the approach
     */
    public static LimitApproach of(VectorField field, Trajectory t, long searchMillis) {
        State end = t.finalState();
        if (t.outcome() == Outcome.CONVERGED) {
            return new LimitApproach(Kind.CONVERGED, Double.NaN, Double.NaN, Double.NaN, end, 0, 0, "converged");
        }
        if (!t.outcome().stoppedOnTime()) {
            return unresolved(end, "run ended " + t.outcome());
        }
        if (t.outcome() == Outcome.TIMED_OUT && !coversLastHalf(t)) {
            return unresolved(end, String.format(Locale.ROOT, "run ended TIMED_OUT at T = %.3g, %.3g after it started:"
                    + " its points do not cover [T/2, T]", t.finalTime(), t.finalTime() - t.time(0)));
        }
        double tEnd = t.finalTime();
        Tail tail = Tail.of(field, t);
        if (tail.halfSize() < 6) {
            return unresolved(end, "only " + tail.halfSize() + " recorded points on the tail [T/2, T]"
                    + " (steps too long to fit a law)");
        }
        double gEnd = tail.last();
        // exponential on [T/2, T]; algebraic on [T/10, T], where ln t spans ln 10
        double[] exp = tail.exponentialFit();
        double[] alg = tail.algebraicFit();
        double mu = -exp[0];
        double p = -alg[0];
        double decayHalf = tail.decayHalf();
        double decayTenth = tail.decayTenth();
        String fits = String.format(Locale.ROOT,
                "‖F‖ fell to %.3g at T = %.3g: %.3g× on [T/2, T], fit e^{−μt} μ = %.3g (rms %.3g); %.3g× on [T/10, T],"
                        + " fit t^{−p} p = %.3g (rms %.3g)", gEnd, tEnd, decayHalf, mu, exp[1], decayTenth, p, alg[1]);
        boolean exponential = tail.exponentialCounts(exp, alg);
        boolean algebraic = !exponential && tail.algebraicCounts(alg);
        if (!exponential && !algebraic) {
            String noLaw = fits + ": no law fits (needs ≥ " + MIN_DECAY + "× decay, rms ≤ " + MAX_FIT_RMS
                    + ", p > 1 for the algebraic law, and the window recorded: points from T/2, T/10)"
                    + (t.time(0) > tEnd / 10 ? String.format(Locale.ROOT, "; the record starts at t = %.3g",
                    t.time(0)) : "");
            double tol = t.settings() == null ? Double.NaN : t.settings().convergenceTolerance();
            Recurrence r = Recurrence.of(t, tail, tol * (1 + Matrices.norm(end.toArray())));
            if (!r.steady()) {
                return unresolved(end, noLaw + "; " + r.evidence());
            }
            if (field.flow() == org.sgema.flows.Flow.GD) { // GD decreases E_λ: no periodic orbit to search
                return new LimitApproach(Kind.STEADY, Double.NaN, Double.NaN, Double.NaN, end, 0, Double.NaN,
                        noLaw + "; " + r.evidence());
            }
            if (searchMillis <= 0) {
                return new LimitApproach(Kind.STEADY, Double.NaN, Double.NaN, Double.NaN, end, 0, Double.NaN,
                        noLaw + "; " + r.evidence() + "; no search for a periodic orbit (no time given to it)");
            }
            long deadline = RelativePeriodicOrbit.deadline(searchMillis);
            Symmetry symmetry = Symmetry.of(field);
            int conserved = conservedQuantities(field);
            RelativePeriodicOrbit orbit = RelativePeriodicOrbit.near(field, symmetry, conserved, end.toArray(),
                    r.scanTime(), searchMillis);
            OrbitApproach a = orbit.status() == RelativePeriodicOrbit.Status.FAR && t.settings() != null
                    ? approachOrbit(field, symmetry, conserved, t.settings(), end, tEnd, orbit, r.scanTime(), deadline)
                    : new OrbitApproach(orbit, end, tEnd, "");
            return a.orbit().attracting()
                    ? new LimitApproach(Kind.CYCLE, Double.NaN, Double.NaN, Double.NaN, a.state(), a.orbit().distance(),
                            Double.NaN, noLaw + "; " + r.evidence() + "; " + a.legs() + a.orbit().evidence())
                    : new LimitApproach(Kind.STEADY, Double.NaN, Double.NaN, Double.NaN, end, 0, Double.NaN,
                            noLaw + "; " + r.evidence() + "; " + a.legs() + a.orbit());
        }
        double rms = exponential ? exp[1] : alg[1];
        double remaining = exponential ? gEnd / mu : gEnd * tEnd / (p - 1);
        if (field.dimension() > POLISH_LIMIT) {
            return unresolved(end, fits + String.format(Locale.ROOT, "; remaining path ≈ %.3g; not polished: N = %d"
                    + " > %d (dense SVDs)", remaining, field.dimension(), POLISH_LIMIT));
        }
        EquilibriumProjector.Projection polished = new EquilibriumProjector().project(field, end);
        double scale = 1 + Matrices.norm(polished.state().toArray());
        String evidence = fits + String.format(Locale.ROOT, "; remaining path ≈ %.3g, polishing moved %.3g"
                + " (residual %.3g)", remaining, polished.distance(), polished.residual());
        if (!polished.converged()) {
            return unresolved(end, evidence + ": polishing did not reach F = 0");
        }
        if (!(polished.distance() <= 2 * remaining + 1e-12 * scale)) {
            return unresolved(end, evidence + ": the nearest equilibrium is farther than the remaining path");
        }
        // a tail that falls toward a saddle says nothing about whether the run stays: it may be
        // passing (a plateau, then an escape along the slow unstable direction the tail has not seen)
        Stability there = new StabilityClassifier().classify(field, polished.state());
        if (there.verdict() == StabilityVerdict.UNSTABLE) {
            return unresolved(end, evidence + ": the polished point is unstable (" + there.reason() + "), a saddle"
                    + " the run may only be passing; its tail cannot tell whether it stays");
        }
        return new LimitApproach(exponential ? Kind.EXPONENTIAL : Kind.ALGEBRAIC, exponential ? mu : Double.NaN,
                exponential ? Double.NaN : p, rms, polished.state(), polished.distance(), remaining, evidence);
    }

    /**
     * A run followed toward a relative periodic orbit (see {@link #approachOrbit}).
     *
     * @param orbit the last search
     * @param state the state it started from
     * @param time the run's time there
     * @param legs the legs' evidence ("" when the run was not followed)
     */
    record OrbitApproach(RelativePeriodicOrbit orbit, State state, double time, String legs) {
    }

    /**
     * Follows a STEADY run toward a relative periodic orbit found FAR from its end x₀: normally
     * attracting with contraction ρ per period, no equilibrium on it, the group acting freely, but
     * x₀ at a distance d beyond {@code δ = }{@link RelativePeriodicOrbit#trustedDistance}, where its
     * linearization is not trusted to govern x₀. In the orbit's basin the distance shrinks by about
     * ρ per period, so the run is continued from x₀, with its own settings, by
     * <pre>
     *   K = ⌈ln(δ/(2d)) / ln ρ⌉ periods      (at most {@value #MAX_APPROACH_PERIODS})
     * </pre>
     * and the orbit is searched again from where it got to, with every test of the search; up to
     * {@value #MAX_APPROACHES} legs, each predicted from the last search's d, δ and ρ (a nonlinear
     * approach may be slower than ρ). A leg is integrated in pieces, each within the run's
     * evaluation budget (a piece that fails having got on, to a later time and a finite state, is
     * continued from there, up to {@value #MAX_PIECES} pieces); the legs and searches share the
     * search's deadline. The
     * ω-limit set of a trajectory is that of any of its later points, so an orbit decided
     * ATTRACTING from the last leg's end decides the run: no limit point. Nothing is loosened: a
     * start that is not in the orbit's basin drifts elsewhere (the search from there finds no
     * orbit, an undecided one, e.g. a focus, or one still FAR), and a leg that ends other than at
     * its horizon ends the approach undecided, also one that meets its stop test (CONVERGED: the
     * run does converge, but that continuation is not the run the claims judge; it stays STEADY,
     * with the leg's outcome in the evidence). Each leg's evidence gives the distances before and
     * after, the contraction they show per period and both periods (the orbit searched again
     * need not be the first one: a later point's orbit decides the run just as well).
     *
     * @param field the field of the run
     * @param symmetry its group
     * @param conserved its conserved quantities ({@link #conservedQuantities})
     * @param settings the run's settings (tolerances, stop test, evaluation budget)
     * @param from x₀, the run's end
     * @param t0 the run's time at x₀
     * @param far the search from x₀, FAR
     * @param scanTime the scan time of each search
     * @param deadline {@link System#nanoTime()} by which everything ends
     * @return the last search, with the state it started from: the end of the last leg that reached
     *     its horizon (x₀ itself when none did)
     */
    static OrbitApproach approachOrbit(VectorField field, Symmetry symmetry, int conserved, IntegrationSettings settings,
                                       State from, double t0, RelativePeriodicOrbit far, double scanTime, long deadline) {
        RelativePeriodicOrbit orbit = far;
        State state = from;
        double time = t0;
        StringBuilder legs = new StringBuilder();
        for (int leg = 0; leg < MAX_APPROACHES && orbit.status() == RelativePeriodicOrbit.Status.FAR; leg++) {
            double rho = orbit.contraction();
            double trusted = RelativePeriodicOrbit.trustedDistance(rho, state.toArray());
            // at least one period (ρ = 0 would say none)
            double periods = Math.max(1, Math.ceil(Math.log(trusted / (2 * orbit.distance())) / Math.log(rho)));
            long left = RelativePeriodicOrbit.millisLeft(deadline);
            if (!(periods <= MAX_APPROACH_PERIODS) || left <= 0) {
                legs.append(String.format(Locale.ROOT, "not followed: %s; ", left <= 0 ? "no time left"
                        : String.format(Locale.ROOT, "%.3g periods to within %.3g of the orbit (at most %d)",
                        periods, trusted, MAX_APPROACH_PERIODS)));
                break;
            }
            double horizon = time + periods * orbit.period();
            // in pieces of the run's evaluation budget each, while they get on; kept only if the leg
            // reaches its horizon
            Trajectory piece = new FlowIntegrator(settings.withHorizon(horizon).withWallClockMillis(left))
                    .integrate(field, state, time);
            for (int k = 1; k < MAX_PIECES && gotOn(piece); k++) {
                left = RelativePeriodicOrbit.millisLeft(deadline);
                if (left <= 0) {
                    break;
                }
                piece = new FlowIntegrator(settings.withHorizon(horizon).withWallClockMillis(left))
                        .integrate(field, piece.finalState(), piece.finalTime());
            }
            if (piece.outcome() != Outcome.HORIZON_REACHED) {
                legs.append(String.format(Locale.ROOT, "followed toward the orbit at distance %.3g for %.0f periods"
                        + " from t = %.4g: ended %s at t = %.4g (%s); ", orbit.distance(), periods, time,
                        piece.outcome(), piece.finalTime(), piece.reason()));
                break;
            }
            RelativePeriodicOrbit before = orbit;
            state = piece.finalState();
            time = piece.finalTime();
            orbit = RelativePeriodicOrbit.near(field, symmetry, conserved, state.toArray(), scanTime,
                    Math.max(0, RelativePeriodicOrbit.millisLeft(deadline)));
            legs.append(String.format(Locale.ROOT, "followed %.0f periods of %.8g (ρ = %.6g, to t = %.4g) from %.3g"
                            + " off the orbit, trusted within %.3g: %s at distance %.3g (%.6g per period)%s; ",
                    periods, before.period(), rho, time, before.distance(), trusted, orbit.status(), orbit.distance(),
                    Math.pow(orbit.distance() / before.distance(), 1 / periods),
                    Double.isNaN(orbit.period()) ? "" : String.format(Locale.ROOT, ", period %.8g", orbit.period())));
        }
        return new OrbitApproach(orbit, state, time, legs.toString());
    }

    /** @return whether a piece of a leg failed having got on (its budget spent at a later time, a finite state) */
    private static boolean gotOn(Trajectory piece) {
        return piece.outcome() == Outcome.INTEGRATOR_FAILED && piece.finalTime() > piece.time(0)
                && Double.isFinite(Matrices.norm(piece.finalState().toArray()));
    }

    /**
     * The STEADY test on [T/2, T] (see the class comment): path length, diameter bound and window
     * averages of g.
     *
     * @param floor the stop test's level {@code tol(1 + ‖θ(T)‖)} (NaN: unknown, never steady)
     */
    record Recurrence(boolean steady, String evidence, double scanTime, double windings) {
        static Recurrence of(Trajectory run, Tail tail, double floor) {
            int from = tail.half();
            int to = tail.size();
            if (to - from < MIN_TAIL_POINTS) {
                return new Recurrence(false, (to - from) + " recorded points on [T/2, T] (a recurrence"
                        + " needs ≥ " + MIN_TAIL_POINTS + ")", Double.NaN, Double.NaN);
            }
            double[] t = tail.t();
            double tStart = t[from];
            double tEnd = t[to - 1];
            double[] windowIntegral = new double[4];
            double[] windowLength = new double[4];
            double path = 0;
            double min = Math.exp(tail.lnG()[from]);
            for (int i = from + 1; i < to; i++) {
                double g0 = Math.exp(tail.lnG()[i - 1]);
                double g1 = Math.exp(tail.lnG()[i]);
                min = Math.min(min, g1);
                double dt = t[i] - t[i - 1];
                double piece = 0.5 * (g0 + g1) * dt;
                path += piece;
                int w = Math.min(3, (int) (4 * (0.5 * (t[i] + t[i - 1]) - tStart) / (tEnd - tStart)));
                windowIntegral[w] += piece;
                windowLength[w] += dt;
            }
            double mean = path / (tEnd - tStart);
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            double spread = 0;
            for (int w = 0; w < 4; w++) {
                double a = windowIntegral[w] / windowLength[w];
                lo = Math.min(lo, a);
                hi = Math.max(hi, a);
                spread = Math.max(spread, Math.abs(a - mean) / mean);
            }
            // the diameter bound of the states the run visited on [T/2, T]
            int size = run.state(0).size();
            double[] centre = new double[size];
            int counted = 0;
            for (int i = 0; i < run.size(); i++) {
                if (run.time(i) >= tStart) {
                    double[] x = run.state(i).toArray();
                    for (int j = 0; j < size; j++) {
                        centre[j] += x[j];
                    }
                    counted++;
                }
            }
            for (int j = 0; j < size; j++) {
                centre[j] /= counted;
            }
            double radius = 0;
            for (int i = 0; i < run.size(); i++) {
                if (run.time(i) >= tStart) {
                    radius = Math.max(radius, Matrices.distance(run.state(i).toArray(), centre));
                }
            }
            double diameter = 2 * radius;
            boolean emptyWindow = windowLength[0] == 0 || windowLength[1] == 0 || windowLength[2] == 0
                    || windowLength[3] == 0;
            String numbers = String.format(Locale.ROOT, "on [T/2, T] the run travels a path %.3g = %.3g × the"
                    + " diameter %.3g of the region it stays in; window averages of ‖F‖ %.4g .. %.4g (spread %.2g);"
                    + " min ‖F‖ = %.3g = %.3g × the stop test", path, path / diameter, diameter, lo, hi, spread, min,
                    min / floor);
            boolean steady = !emptyWindow && path >= WINDING * diameter && spread <= AVERAGE_SPREAD
                    && min >= FLOOR_FACTOR * floor;
            // time to travel SCAN_DIAMETERS diameters at the tail's mean speed, at most the tail's length
            double scanTime = Math.min(tEnd - tStart, SCAN_DIAMETERS * diameter / mean);
            return new Recurrence(steady, steady ? numbers + ": steady motion, no decay resolvable on the tail (a limit"
                    + " cycle, or a limit approached more slowly than the tail can show)"
                    : numbers + (emptyWindow ? ": a window without recorded steps" : "") + ": not steady motion (needs"
                    + " path ≥ " + WINDING + " × diameter, spread ≤ " + AVERAGE_SPREAD + ", min ‖F‖ ≥ " + FLOOR_FACTOR
                    + " × the stop test)", scanTime, path / diameter);
        }
    }

    private static LimitApproach unresolved(State end, String why) {
        return new LimitApproach(Kind.UNRESOLVED, Double.NaN, Double.NaN, Double.NaN, end, 0, Double.NaN, why);
    }

    /** Least squares {@code y = c + s·x}: returns {slope s, RMS residual}. */
    static double[] fit(double[] x, double[] y, int k) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < k; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= k;
        my /= k;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < k; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double ss = 0;
        for (int i = 0; i < k; i++) {
            double r = y[i] - my - slope * (x[i] - mx);
            ss += r * r;
        }
        return new double[] {slope, Math.sqrt(ss / k)};
    }

    @Override
    public String toString() {
        return kind + ": " + evidence;
    }
}
