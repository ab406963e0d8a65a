package org.sgema.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sgema.claims.CaseFiles;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;

/**
 * Relative periodic orbits found by shooting, on fields whose orbits are closed forms, and on an
 * SG trajectory of the ci run cross-checked against an independent SciPy computation:
 * <pre>
 *   Stuart–Landau ż = (1 + i)z − z|z|², ẇ = −w   cycle |z| = 1, T = 2π, moduli 1, e^{−T}, e^{−2T}: ATTRACTING
 *   the same with time reversed in r              cycle |z| = 1, modulus e^{2T} &gt; 1:             UNDECIDED
 *   rotation ż = iz, ẇ = 0                        every orbit periodic, three moduli 1:          UNDECIDED
 *   decay θ̇ = −θ                                  no return:                                     NOT_FOUND
 * </pre>
 */
class RelativePeriodicOrbitTest {

    /** A three-dimensional field (x, y, w) with z = x + iy. */
    private abstract static class Planar implements VectorField {
        @Override
        public Flow flow() {
            return Flow.GD;
        }

        @Override
        public Configuration configuration() {
            throw new UnsupportedOperationException("a planar test field has no configuration");
        }

        @Override
        public int dimension() {
            return 3;
        }

        @Override
        public VectorField copy() {
            return this;
        }

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
                new double[] {0.99, 0.01, 0.01}, 20);
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

    /** A centre: every orbit is periodic and nothing attracts. Mutant: without the neutral count it is ATTRACTING. */
    @Test
    void aNeutralCentreIsNotAttracting() {
        RelativePeriodicOrbit o = RelativePeriodicOrbit.near(stuartLandau(0, 0), Symmetry.NONE, 0,
                new double[] {0.5, -0.3, 0.2}, 20);
        assertEquals(RelativePeriodicOrbit.Status.UNDECIDED, o.status(), o::toString);
        assertTrue(o.evidence().contains("not normally attracting"), o::toString);
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
}
