package org.sgema.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sgema.testing.ThreeStateField;
import org.sgema.claims.CaseFiles;
import org.sgema.flows.VectorField;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Trajectory;

/**
 * Relative periodic orbits found by shooting, on fields whose orbits are closed forms, and on an
 * SG trajectory of the ci run cross-checked against an independent SciPy computation:
 * <pre>
 *   Stuart–Landau ż = (1 + i)z − z|z|², ẇ = −w   cycle |z| = 1, T = 2π, moduli 1, e^{−T}, e^{−2T}: ATTRACTING
 *   the same with time reversed in r              cycle |z| = 1, modulus e^{2T} &gt; 1:             UNDECIDED
 *   rotation ż = iz, ẇ = 0                        every orbit periodic, three moduli 1:          UNDECIDED
 *   decay θ̇ = −θ                                  no return:                                     NOT_FOUND
 *   Stuart–Landau with ẇ = −10⁻⁶w                   a modulus 1 − 6e-6, within its bound of 1:     UNDECIDED
 *   Stuart–Landau with a modulus 0.99                 still decided:                                 ATTRACTING
 *   a ring of equilibria, spiralled into             shooting finds an equilibrium, F = 0:          UNDECIDED
 *   a focus inside an attracting cycle, slow          shooting jumps to the far cycle:               FAR
 *   the same, the run followed toward it              it winds into the focus instead:              UNDECIDED
 *   a slowly attracting cycle, from 0.05 off it       FAR; followed 22 periods, 1.8e-4 off it:       ATTRACTING
 *   a cycle whose basin is thinner than the gate      the run from the start leaves it:             UNDECIDED
 *   EMA with τ = 100 (ci), from a state on its orbit   stiff: found with RODAS, SciPy's numbers:     ATTRACTING
 * </pre>
 */
class RelativePeriodicOrbitTest {

    /** A three-dimensional field (x, y, w) with z = x + iy, its J·v by central differences. */
    private abstract static class Planar extends ThreeStateField {
        @Override
        public void jacobianTimes(double[] theta, double[] v, double[] out) {
            // central differences of a cubic field: exact up to rounding and h² times its third derivative
            double h = 1e-6;
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            for (int i = 0; i < 3; i++) {
                plus[i] += h * v[i];
                minus[i] -= h * v[i];
            }
            double[] fp = evaluate(plus);
            double[] fm = evaluate(minus);
            for (int i = 0; i < 3; i++) {
                out[i] = (fp[i] - fm[i]) / (2 * h);
            }
        }
    }

    /** {@code ż = s(1 − |z|²)z + iz, ẇ = −w}: s = 1 attracts to |z| = 1, s = −1 repels, s = 0 rotates. */
    private static Planar stuartLandau(double s, double wRate) {
        return new Planar() {
            @Override
            public void evaluate(double[] p, double[] out) {
                double g = s * (1 - p[0] * p[0] - p[1] * p[1]);
                out[0] = g * p[0] - p[1];
                out[1] = g * p[1] + p[0];
                out[2] = -wRate * p[2];
            }
        };
    }

    @Test
    void theStuartLandauCycleIsAttractingWithItsClosedFormMultipliers() {
        RelativePeriodicOrbit o = RelativePeriodicOrbit.near(stuartLandau(1, 1), Symmetry.NONE, 0,
                new double[] {1 + 1e-7, 1e-7, 1e-7}, 20);
        assertEquals(RelativePeriodicOrbit.Status.ATTRACTING, o.status(), o::toString);
        assertEquals(2 * Math.PI, o.period(), 1e-8, o::toString);
        // radial rate −2 (linearize r(1 − r²) at r = 1) and w's rate −1 over one period
        assertEquals(1, o.moduli()[0], 1e-7, o::toString);
        assertEquals(Math.exp(-2 * Math.PI), o.moduli()[1], 1e-7, o::toString);
        assertEquals(Math.exp(-4 * Math.PI), o.moduli()[2], 1e-7, o::toString);
        assertEquals(1, Math.hypot(o.point()[0], o.point()[1]), 1e-9, o::toString);
        assertEquals(0, o.point()[2], 1e-9, o::toString);
    }

    /** Mutant: without the test of moduli outside the unit circle and the neutral count, this cycle is ATTRACTING. */
    @Test
    void aRepellingCycleIsNotAttracting() {
        RelativePeriodicOrbit o = RelativePeriodicOrbit.near(stuartLandau(-1, 1), Symmetry.NONE, 0,
                new double[] {1, 0, 0}, 10);
        assertEquals(RelativePeriodicOrbit.Status.UNDECIDED, o.status(), o::toString);
        assertEquals(2 * Math.PI, o.period(), 1e-6, o::toString);
        assertTrue(o.evidence().contains("outside the unit circle"), o::toString);
    }

    /**
     * A centre: every orbit is periodic and nothing attracts (three moduli 1). Mutant: without the
     * neutral count it is still UNDECIDED, but from the speed floor (1 − ρ = 0), so the reason is asserted.
     */
    @Test
    void aNeutralCentreIsNotAttracting() {
        RelativePeriodicOrbit o = RelativePeriodicOrbit.near(stuartLandau(0, 0), Symmetry.NONE, 0,
                new double[] {0.5, -0.3, 0.2}, 20);
        assertEquals(RelativePeriodicOrbit.Status.UNDECIDED, o.status(), o::toString);
        assertTrue(o.evidence().contains("not normally attracting"), o::toString);
    }

    /** Mutant: β without its √ (10ε) calls the 1 − 6e-6 modulus attracting. */
    @Test
    void aModulusWithinItsBoundOfOneIsNotDecided() {
        RelativePeriodicOrbit slow = RelativePeriodicOrbit.near(stuartLandau(1, 1e-6), Symmetry.NONE, 0,
                new double[] {1, 0, 1e-7}, 20);
        assertEquals(RelativePeriodicOrbit.Status.UNDECIDED, slow.status(), slow::toString);
        assertTrue(slow.evidence().contains("not normally attracting"), slow::toString);
        double rate = -Math.log(0.99) / (2 * Math.PI);
        RelativePeriodicOrbit decided = RelativePeriodicOrbit.near(stuartLandau(1, rate), Symmetry.NONE, 0,
                new double[] {1, 0, 1e-9}, 20);
        assertEquals(RelativePeriodicOrbit.Status.ATTRACTING, decided.status(), decided::toString);
        assertEquals(0.99, decided.contraction(), 1e-6, decided::toString);
    }

    /**
     * A ring of equilibria r = 1 that trajectories spiral into (ṙ = −μ(r − 1) − ωw, ẇ = ω(r − 1) − μw,
     * μ = 1e-3, ω = 1): the spiral returns after 2π, shooting converges onto an equilibrium of the ring
     * with the count of a normally attracting orbit, and min ‖F‖ tells. Mutant: without the speed
     * floor the distance gate decides instead (the reason changes).
     */
    @Test
    void aRingOfEquilibriaIsNotAnOrbit() {
        Planar ring = new Planar() {
            @Override
            public void evaluate(double[] p, double[] out) {
                double r = Math.hypot(p[0], p[1]);
                double dr = -1e-3 * (r - 1) - p[2];
                out[0] = dr * p[0] / r;
                out[1] = dr * p[1] / r;
                out[2] = (r - 1) - 1e-3 * p[2];
            }
        };
        RelativePeriodicOrbit o = RelativePeriodicOrbit.near(ring, Symmetry.NONE, 0, new double[] {1.001, 0, 0}, 20);
        assertEquals(RelativePeriodicOrbit.Status.UNDECIDED, o.status(), o::toString);
        // the distance gate would reject it too (the start is 1e-3 off the ring): the reason shows which test decided
        assertTrue(o.evidence().endsWith("F may vanish on the orbit"), o::toString);
    }

    /**
     * A slow focus at 0 inside a repelling cycle r = 1 and an attracting one r = 2
     * (ż = −κ(|z|² − 1)(|z|² − 4)z + iz, ẇ = −w, κ = 1e-5): from (0.6, 0, 0) the run winds into the
     * focus, but shooting jumps to the cycle r = 2, which is normally attracting (an adversarial
     * review's counter-example): FAR, not decided. Mutant: without the distance gate it is ATTRACTING.
     */
    @Test
    void anOrbitFarFromTheStartDoesNotCount() {
        RelativePeriodicOrbit o = RelativePeriodicOrbit.near(bistable(), Symmetry.NONE, 0, new double[] {0.6, 0, 0}, 20);
        assertEquals(RelativePeriodicOrbit.Status.FAR, o.status(), o::toString);
        assertTrue(!o.attracting(), o::toString);
        assertEquals(2, Math.hypot(o.point()[0], o.point()[1]), 1e-6, o::toString);
        assertTrue(o.evidence().contains("from the orbit, beyond"), o::toString);
    }

    /** {@code ż = −κ(|z|² − 1)(|z|² − 4)z + iz, ẇ = −w}, κ = 1e-5. */
    private static Planar bistable() {
        return new Planar() {
            @Override
            public void evaluate(double[] p, double[] out) {
                double r2 = p[0] * p[0] + p[1] * p[1];
                double g = -1e-5 * (r2 - 1) * (r2 - 4);
                out[0] = g * p[0] - p[1];
                out[1] = g * p[1] + p[0];
                out[2] = -p[2];
            }
        };
    }

    private static final IntegrationSettings FOLLOW = IntegrationSettings.defaults().withConvergenceTolerance(1e-30)
            .withTolerances(1e-11, 1e-14);

    /**
     * A slowly attracting cycle ({@code ż = s(1 − |z|²)z + iz, ẇ = −w}, s = 0.02: radial rate −2s,
     * ρ = e^{−4πs} = 0.778 per period 2π) from |z| = 1.05: 0.05 from the orbit, beyond the trusted
     * δ = 1e-3 (1 − ρ)(1 + ‖x₀‖) ≈ 4.6e-4, so FAR. Followed by the periods ρ predicts, the run is
     * within δ of the orbit and the orbit is decided ATTRACTING from there. The leg's end is checked
     * against the radial equation's closed form {@code r(t)² = 1/(1 + (1/r₀² − 1)e^{−2st})}.
     * The same within an evaluation budget of 4,000, a fraction of what the leg takes: made in
     * pieces, it ends at the same time and radius.
     * Mutants: a leg that does not move the state (searched again from x₀) stays FAR; a leg not
     * continued after a piece spends its budget ends INTEGRATOR_FAILED, undecided.
     */
    @Test
    void anAttractingOrbitFarFromTheStartIsFollowedAndDecidedFromWhereTheRunGets() {
        double s = 0.02;
        Planar field = stuartLandau(s, 1);
        double[] x0 = {1.05, 0, 0};
        RelativePeriodicOrbit far = RelativePeriodicOrbit.near(field, Symmetry.NONE, 0, x0, 20);
        assertEquals(RelativePeriodicOrbit.Status.FAR, far.status(), far::toString);
        assertEquals(0.05, far.distance(), 1e-3, far::toString);
        assertEquals(Math.exp(-4 * Math.PI * s), far.contraction(), 1e-6, far::toString);
        LimitApproach.OrbitApproach a = LimitApproach.approachOrbit(field, Symmetry.NONE, 0, FOLLOW,
                org.sgema.model.State.fromArray(1, 2, false, x0), 0, far, 20, System.nanoTime() + 60_000_000_000L);
        assertEquals(RelativePeriodicOrbit.Status.ATTRACTING, a.orbit().status(), a::toString);
        double periods = a.time() / (2 * Math.PI);
        // δ/(2d) ≈ 4.6e-3 reached at about ln(4.6e-3)/ln ρ ≈ 21.4 periods: a whole number of them (each
        // period found by shooting to about 1e-9)
        assertEquals(Math.rint(periods), periods, 1e-6, a::toString);
        assertTrue(periods >= 20 && periods <= 24, a::toString);
        double[] end = a.state().toArray();
        double r = Math.hypot(end[0], end[1]);
        double closedForm = 1 / Math.sqrt(1 + (1 / (1.05 * 1.05) - 1) * Math.exp(-2 * s * a.time()));
        assertEquals(closedForm, r, 1e-8, a::toString);
        assertEquals(r - 1, a.orbit().distance(), 1e-6, a::toString);
        assertTrue(a.orbit().distance() <= RelativePeriodicOrbit.trustedDistance(a.orbit().contraction(), end),
                a::toString);
        assertTrue(a.legs().startsWith("followed"), a::toString);
        // the same leg within a small evaluation budget: made in pieces, each continued from where the
        // last one spent its budget, to the same horizon and the same closed-form radius
        LimitApproach.OrbitApproach pieces = LimitApproach.approachOrbit(field, Symmetry.NONE, 0,
                FOLLOW.withMaxEvaluations(4000), org.sgema.model.State.fromArray(1, 2, false, x0), 0, far, 20,
                System.nanoTime() + 60_000_000_000L);
        assertEquals(RelativePeriodicOrbit.Status.ATTRACTING, pieces.orbit().status(), pieces::toString);
        assertEquals(a.time(), pieces.time(), 1e-12 * a.time(), pieces::toString);
        double[] inPieces = pieces.state().toArray();
        assertEquals(closedForm, Math.hypot(inPieces[0], inPieces[1]), 1e-8, pieces::toString);
    }

    /**
     * The bistable field's FAR orbit r = 2 followed from (0.6, 0, 0): the run winds into the focus
     * instead (to |z| ≈ 0.08 after one leg of the predicted 9,261 periods, where the search finds
     * the focus, two moduli near 1: UNDECIDED), away from the orbit, and nothing is decided.
     * Mutants: an approach that decides from the first search once the run was followed (no
     * search again from where it got to) calls it ATTRACTING; one that never searches again stays FAR.
     */
    @Test
    void aFarOrbitTheRunDoesNotApproachStaysUndecided() {
        Planar field = bistable();
        double[] x0 = {0.6, 0, 0};
        RelativePeriodicOrbit far = RelativePeriodicOrbit.near(field, Symmetry.NONE, 0, x0, 20);
        assertEquals(RelativePeriodicOrbit.Status.FAR, far.status(), far::toString);
        LimitApproach.OrbitApproach a = LimitApproach.approachOrbit(field, Symmetry.NONE, 0, FOLLOW,
                org.sgema.model.State.fromArray(1, 2, false, x0), 0, far, 20, System.nanoTime() + 60_000_000_000L);
        assertEquals(RelativePeriodicOrbit.Status.UNDECIDED, a.orbit().status(), a::toString);
        assertTrue(a.orbit().evidence().contains("not normally attracting"), a::toString);
        // the leg the cycle r = 2 predicts: radial rate −24κ there, ρ = e^{−48πκ}, δ = 1e-3 (1 − ρ)(1 + 0.6),
        // d = 1.4, K = ⌈ln(δ/2d)/ln ρ⌉ periods of 2π; made in full, once
        double rho = Math.exp(-48 * Math.PI * 1e-5);
        double k = Math.ceil(Math.log(1e-3 * (1 - rho) * 1.6 / 2.8) / Math.log(rho));
        assertEquals(k * 2 * Math.PI, a.time(), 1e-6 * a.time(), a::toString);
        assertTrue(a.legs().startsWith("followed " + (long) k + " periods") && !a.legs().contains("ended"),
                a::toString);
        double[] end = a.state().toArray();
        assertTrue(Math.hypot(end[0], end[1]) < 0.6, a::toString); // wound inward, toward the focus
    }

    /**
     * An orbit whose basin is thin: the cycle |z| = 1 attracts, and w → 0 at rate γ = 0.1 only
     * while |w| &lt; ε = 1e-5 (beyond, w grows at rate γ); z slows down by 1/(1 + (w/1e-2)²). From
     * w = 5ε shooting lands on the orbit 5ε away (the distance gate passes), but the run from the
     * start leaves it and slows below half the orbit's speed within K periods. Mutant: without
     * the persistence test it is ATTRACTING.
     */
    @Test
    void aStartOutsideTheOrbitsBasinIsCaughtByTheRunFromIt() {
        double eps = 1e-5;
        double gamma = 0.1;
        Planar thin = new Planar() {
            @Override
            public void evaluate(double[] p, double[] out) {
                double u = p[2] * p[2] / (eps * eps);
                double h = 1 / (1 + (p[2] / 1e-2) * (p[2] / 1e-2));
                double g = 1 - p[0] * p[0] - p[1] * p[1];
                out[0] = h * (g * p[0] - p[1]);
                out[1] = h * (g * p[1] + p[0]);
                out[2] = gamma * p[2] * (-1 + 2 * u / (1 + u));
            }
        };
        RelativePeriodicOrbit o = RelativePeriodicOrbit.near(thin, Symmetry.NONE, 0, new double[] {1, 0, 5 * eps}, 20);
        assertEquals(RelativePeriodicOrbit.Status.UNDECIDED, o.status(), o::toString);
        assertTrue(o.evidence().contains("slows below half"), o::toString);
    }

    @Test
    void aDecayHasNoReturn() {
        Planar decay = new Planar() {
            @Override
            public void evaluate(double[] p, double[] out) {
                for (int i = 0; i < 3; i++) {
                    out[i] = -p[i];
                }
            }
        };
        RelativePeriodicOrbit o = RelativePeriodicOrbit.near(decay, Symmetry.NONE, 0, new double[] {0.5, -0.3, 0.2}, 20);
        assertEquals(RelativePeriodicOrbit.Status.NOT_FOUND, o.status(), o::toString);
    }

    /**
     * The SG trajectory of the ci run (seed 20261127, T5-limit-points try 22, (n, m) = (9, 2),
     * asymmetric views) that keeps moving with ‖F‖ ≈ 0.16: from its state at t = 2·10⁴ it lies on a
     * relative periodic orbit whose drift is a reflection. An independent computation (SciPy DOP853
     * at rtol 1e-12 to t = 2·10⁴, then Gauss–Newton in (T, Q) alone at that state, residual 3e-14)
     * gave the period 24.830396844413 and det Q = −1; a SciPy shooting with a finite-difference
     * variational equation gave four moduli 1 (flow, group, two invariants of Δ) and then 0.16674.
     */
    @Test
    void theSteadySgWitnessLiesOnAnAttractingRelativePeriodicOrbit() {
        CaseFiles.CaseFile f = CaseFiles.readCase(Path.of("src/test/resources/cases/T5-limit-points-sg-steady.json"));
        VectorField field = f.reproduction().field();
        IntegrationSettings s = IntegrationSettings.defaults().withHorizon(2e4).withConvergenceTolerance(1e-14)
                .withTolerances(1e-11, 1e-13);
        Trajectory t = new FlowIntegrator(s).integrate(field, f.reproduction().initial());
        RelativePeriodicOrbit o = RelativePeriodicOrbit.near(field, Symmetry.of(field), 2, t.finalState().toArray(),
                200);
        assertEquals(RelativePeriodicOrbit.Status.ATTRACTING, o.status(), o::toString);
        assertEquals(24.830396844413, o.period(), 1e-8, o::toString);
        assertEquals(-1, org.ejml.dense.row.CommonOps_DDRM.det(o.drift()), 1e-9, o::toString);
        assertEquals(4, o.neutral());
        assertEquals(0.16674, o.contraction(), 1e-4, o::toString);
    }

    /** A search past its time budget ends NOT_FOUND and says so. Mutant: no deadline (ATTRACTING). */
    @Test
    void aSearchPastItsTimeBudgetIsNotFound() {
        RelativePeriodicOrbit o = RelativePeriodicOrbit.near(stuartLandau(1, 1), Symmetry.NONE, 0,
                new double[] {1 + 1e-7, 1e-7, 1e-7}, 20, 0);
        assertEquals(RelativePeriodicOrbit.Status.NOT_FOUND, o.status(), o::toString);
        assertTrue(o.evidence().contains("time budget of 0 ms"), o::toString);
        assertEquals(RelativePeriodicOrbit.Status.ATTRACTING, RelativePeriodicOrbit.near(stuartLandau(1, 1),
                Symmetry.NONE, 0, new double[] {1 + 1e-7, 1e-7, 1e-7}, 20, Long.MAX_VALUE).status());
    }

    /**
     * A scan over 10⁸ time units of the (non-stiff) Stuart–Landau cycle exceeds DOP853's
     * evaluation cap with its step held by accuracy, not stability (h·ρ(J) &lt; 3): the stiff method
     * would not help, so the search ends there. Mutant: switching to RODAS on any cap exceeded (the
     * evidence then names RODAS, after a far costlier second attempt).
     */
    @Test
    void aCapExceededOnAFlowThatIsNotStiffEndsTheSearch() {
        RelativePeriodicOrbit o = RelativePeriodicOrbit.near(stuartLandau(1, 1), Symmetry.NONE, 0,
                new double[] {1, 0, 0.5}, 1e8);
        assertEquals(RelativePeriodicOrbit.Status.NOT_FOUND, o.status(), o::toString);
        assertTrue(o.evidence().contains("maximal count") && !o.evidence().contains("RODAS"), o::toString);
    }

    /**
     * A stiff orbit: EMA with τ = 100 at (n, m) = (11, 1), the ci run's T5-limit-points try 23 (seed
     * 20261127), from the state it reaches at t = 2.58·10⁵, scanned over 1.8·10⁴ (40 diameters, as
     * the claim does). DOP853's step there is held by the τ mode (h·ρ(J) ≥ 3), so the scan exceeds
     * its evaluation cap and the whole search (shooting, both monodromies, the speed samples and the
     * run from the start over K = 72 periods of T = 843.6) is made by RODAS, the variational
     * equation with its block Jacobian. The dip between speed samples is bounded by max‖ẍ‖ dt/2: the
     * former bound L max‖F‖ dt/2 (L = 469, the fast mode's ‖J‖) left a floor of 0.088 at 10⁵
     * samples, above the minimum speed 0.0049 (UNDECIDED, "F may vanish on the orbit"). Mutants: the
     * former dip bound; no switch to RODAS (NOT_FOUND on the cap). An independent SciPy computation
     * (src/bench/python/stiff_orbit_check.py: Radau at rtol 1e-12, Newton on the period, monodromy
     * by central differences) gave T = 843.5864041748, q = −1 and the moduli 1, 1, 0.90789147,
     * 0.0941647.
     */
    @Test
    void aStiffEmaOrbitIsFoundWithTheStiffMethod() {
        CaseFiles.CaseFile f = CaseFiles.readCase(
                Path.of("src/test/resources/cases/T5-limit-points-ema-stiff-cycle-orbit.json"));
        VectorField field = f.reproduction().field();
        RelativePeriodicOrbit o = RelativePeriodicOrbit.near(field, Symmetry.of(field), 1,
                f.reproduction().initial().toArray(), 18_000);
        assertEquals(RelativePeriodicOrbit.Status.ATTRACTING, o.status(), o::toString);
        assertTrue(o.evidence().contains("RODAS from the scan on"), o::toString);
        assertEquals(843.5864041748, o.period(), 1e-8, o::toString);
        assertEquals(0.90789147, o.contraction(), 1e-6, o::toString);
        assertEquals(-1, org.ejml.dense.row.CommonOps_DDRM.det(o.drift()), 1e-9, o::toString);
        assertEquals(2, o.neutral());
    }
}
