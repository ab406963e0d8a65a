package org.sgema.flows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.sgema.equilibria.EquilibriumVariety;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;
import org.sgema.numerics.Matrices;
import org.sgema.testing.FieldWrapper;

/**
 * {@link DisplacementField}: the {@link VectorField} contract (its Jacobian is J(θ* + δ), checked
 * against central differences of G); the two-point Gauss–Legendre rule is exact for every flow and every mutation
 * (all cubic), against the plain difference {@code F(θ* + δ) − F(θ*)} at large δ; at δ of size
 * 1e-13 its rounding is proportional to δ; a run of G moved back by θ* is the run of F.
 */
class DisplacementFieldTest extends VectorFieldContract {

    @Override
    protected List<VectorField> fields(Configuration c) {
        List<VectorField> out = new ArrayList<>();
        Random rnd = new Random(21);
        for (Flow f : Flow.values()) {
            VectorField field = f.field(c);
            out.add(new DisplacementField(field, point(field, rnd)));
        }
        return out;
    }

    /**
     * G(δ) against {@code F(θ* + δ) − F(θ*)} at δ as large as θ* (where the plain difference
     * rounds at 1e-15 relative). Mutant: a field with a
     * quintic term (below), for which the rule is not exact (it is up to degree 4).
     */
    @Test
    void theQuadratureIsExactForEveryFieldOfTheProject() {
        Random rnd = new Random(4);
        for (Configuration c : configurations()) {
            for (VectorField f : exactAndMutantFields(c)) {
                double[] origin = point(f, rnd);
                double[] delta = point(f, rnd);
                double[] moved = origin.clone();
                for (int i = 0; i < moved.length; i++) {
                    moved[i] += delta[i];
                }
                double[] fMoved = f.evaluate(moved);
                double[] difference = fMoved.clone();
                double[] fOrigin = f.evaluate(origin);
                for (int i = 0; i < difference.length; i++) {
                    difference[i] -= fOrigin[i];
                }
                double size = 1 + Matrices.norm(fMoved) + Matrices.norm(fOrigin);
                double[] g = new DisplacementField(f, origin).evaluate(delta);
                assertTrue(Matrices.distance(g, difference) < 1e-12 * size,
                        () -> f + ": the quadrature's G misses the difference by " + Matrices.distance(g, difference));
            }
        }
        // the mutant: a term of degree 5, and the rule misses
        VectorField quintic = new FieldWrapper(Flow.SG.field(configurations().get(0))) {
            @Override
            public void evaluate(double[] theta, double[] out) {
                inner.evaluate(theta, out);
                out[0] += Math.pow(theta[0], 5);
            }

            @Override
            public void jacobianTimes(double[] theta, double[] v, double[] out) {
                inner.jacobianTimes(theta, v, out);
                out[0] += 5 * Math.pow(theta[0], 4) * v[0];
            }
        };
        double[] origin = new double[quintic.dimension()];
        double[] delta = new double[quintic.dimension()];
        delta[0] = 1;
        double[] g = new DisplacementField(quintic, origin).evaluate(delta);
        double[] difference = quintic.evaluate(delta);
        double[] f0 = quintic.evaluate(origin);
        // the quintic's part: ∫₀¹ 5s⁴ ds = 1, the two-point rule (5 s₋⁴ + 5 s₊⁴)/2 = 1 − 1/36
        assertEquals(difference[0] - f0[0] - 1.0 / 36, g[0], 1e-12);
    }

    /**
     * At a point θ* of V and |δ| = 1e-13 (1 + ‖θ*‖), G(δ) agrees with J(θ*) δ (the dense Jacobian
     * times δ; the second-order term is 1e-13 relative) to 1e-6: its rounding scales with δ. The
     * plain difference rounds at about u times F's terms, which is 1e-3 relative here or worse.
     */
    @Test
    void roundingIsProportionalToTheDisplacement() {
        Random rnd = new Random(8);
        for (Configuration c : configurations()) {
            Configuration noDecay = c.withLambda(0);
            State star = EquilibriumVariety.randomPoint(noDecay, rnd);
            if (star == null) {
                continue;
            }
            for (Flow flow : new Flow[] {Flow.SG, Flow.EMA}) {
                State s = flow.hasTarget() ? star.withTargetEqualToEncoder() : star;
                VectorField f = flow.field(noDecay);
                double[] theta = s.toArray();
                double[] delta = RandomConfigurations.displacement(theta, 1e-13, rnd);
                DMatrixRMaj j = f.jacobian(theta);
                double[] linear = new double[theta.length];
                for (int r = 0; r < theta.length; r++) {
                    for (int k = 0; k < theta.length; k++) {
                        linear[r] += j.get(r, k) * delta[k];
                    }
                }
                double[] g = new DisplacementField(f, theta).evaluate(delta);
                double error = Matrices.distance(g, linear) / Matrices.norm(linear);
                assertTrue(error < 1e-6, () -> flow + " at (" + noDecay.n() + ", " + noDecay.m() + "): G(δ) vs J δ "
                        + error);
            }
        }
    }

    /**
     * A run of G from δ, moved back by θ*, against a run of {@code F − F(θ*)} (evaluated plainly)
     * from θ* + δ, at a generic θ* (not an equilibrium), both at rtol 1e-12 to t = 3.
     */
    @Test
    void aRunOfTheDisplacementFieldMovedBackIsTheRunOfTheField() {
        Configuration c = configurations().get(1);
        Random rnd = new Random(13);
        IntegrationSettings tight = IntegrationSettings.defaults().withTolerances(1e-12, 1e-14).withHorizon(3)
                .withConvergenceTolerance(1e-300);
        for (Flow flow : new Flow[] {Flow.SG, Flow.EMA}) {
            VectorField f = flow.field(c);
            double[] theta = point(f, rnd);
            double[] delta = RandomConfigurations.displacement(theta, 1e-2, rnd);
            double[] start = theta.clone();
            for (int i = 0; i < start.length; i++) {
                start[i] += delta[i];
            }
            boolean target = flow.hasTarget();
            double[] atOrigin = f.evaluate(theta);
            VectorField shifted = new FieldWrapper(f) {
                @Override
                public void evaluate(double[] x, double[] out) {
                    inner.evaluate(x, out);
                    for (int i = 0; i < out.length; i++) {
                        out[i] -= atOrigin[i];
                    }
                }
            };
            Trajectory direct = new FlowIntegrator(tight).integrate(shifted,
                    State.fromArray(c.m(), c.n(), target, start));
            Trajectory local = new FlowIntegrator(tight).integrate(new DisplacementField(f, theta),
                    State.fromArray(c.m(), c.n(), target, delta)).translated(theta);
            assertEquals(direct.finalTime(), local.finalTime(), 0.0);
            double[] a = direct.finalState().toArray();
            double[] b = local.finalState().toArray();
            assertTrue(Matrices.distance(a, b) < 1e-9 * (1 + Matrices.norm(a)),
                    () -> flow + ": end states " + Matrices.distance(a, b) + " apart");
            assertArrayEquals(local.state(0).toArray(), start, 1e-15 * (1 + Matrices.norm(start)));
        }
    }
}
