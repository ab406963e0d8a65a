package org.sgema.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.sgema.claims.CaseFiles;
import org.sgema.flows.VectorField;
import org.sgema.numerics.Matrices;

/**
 * The variational equation for the stiff method, on the EMA field of the ci case with τ = 100
 * ((n, m) = (11, 1), N = 23), against independent computations: its linear solves against the
 * augmented system's Jacobian by central differences of its right-hand side, and the Φ that
 * RODAS integrates against central differences of the flow map integrated by DOP853.
 */
class VariationalEquationTest {
    private static final VectorField FIELD = CaseFiles.readCase(
            Path.of("src/test/resources/cases/T5-limit-points-ema-stiff-cycle-orbit.json")).reproduction().field();

    private static double[] orbitState() {
        return CaseFiles.readCase(Path.of("src/test/resources/cases/T5-limit-points-ema-stiff-cycle-orbit.json"))
                .reproduction().initial().toArray();
    }

    /**
     * {@code (σI − ∂ż/∂z) x = b} at a random Φ: the residual with ∂ż/∂z·x taken by central
     * differences of ż (a cubic in z, so differences at ε = 1e-4 are good to about 1e-8) is at
     * rounding level against ‖b‖, also after a right-hand side at another state (RODAS evaluates its
     * stages between the solves). Mutants: the block D(u)Φ dropped (a W-method's Jacobian), or with
     * its sign flipped: relative residual about 1e-1; D(u)Φ taken at the last evaluated state instead
     * of the linearization point.
     */
    @Test
    void solvesWithTheAugmentedJacobian() {
        int n = FIELD.dimension();
        Random random = new Random(7);
        double[] z = VariationalEquation.initial(orbitState());
        for (int i = n; i < z.length; i++) {
            z[i] += 0.3 * random.nextGaussian();
        }
        double[] b = new double[z.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextGaussian();
        }
        VariationalEquation equation = new VariationalEquation(FIELD);
        double sigma = 2.0;
        equation.linearize(z);
        // as between RODAS's solves: a right-hand side at another state must not move the linearization
        double[] stage = z.clone();
        for (int i = 0; i < stage.length; i++) {
            stage[i] += 0.1 * random.nextGaussian();
        }
        equation.computeDerivatives(0, stage);
        double[] x = new double[z.length];
        assertTrue(equation.solve(sigma, b, x));
        double eps = 1e-4 * (1 + Matrices.norm(z)) / Matrices.norm(x);
        double[] plus = z.clone();
        double[] minus = z.clone();
        for (int i = 0; i < z.length; i++) {
            plus[i] += eps * x[i];
            minus[i] -= eps * x[i];
        }
        double[] fp = new VariationalEquation(FIELD).computeDerivatives(0, plus);
        double[] fm = new VariationalEquation(FIELD).computeDerivatives(0, minus);
        double[] residual = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            residual[i] = sigma * x[i] - (fp[i] - fm[i]) / (2 * eps) - b[i];
        }
        double rel = Matrices.norm(residual) / Matrices.norm(b);
        assertTrue(rel < 1e-6, "relative residual " + rel);
    }

    /**
     * Φ = ∂φ_t/∂y₀ over t = 50 by RODAS at rtol 1e-10 against central differences of φ_t by DOP853
     * at rtol 1e-12 (h = 1e-5 along each unit vector): agreement to 1e-5 relative, and the end states
     * to 1e-8.
     */
    @Test
    void rodasIntegratesTheDerivativeOfTheFlowMap() {
        int n = FIELD.dimension();
        double[] y0 = orbitState();
        double span = 50;
        RosenbrockIntegrator rodas = new RosenbrockIntegrator(1e-10, span, 1e-12, 1e-10);
        double[] z = rodas.integrate(new VariationalEquation(FIELD), new ODEState(0, VariationalEquation.initial(y0)),
                span).getPrimaryState();
        double[] phiByDifferences = new double[n * n];
        double h = 1e-5;
        for (int c = 0; c < n; c++) {
            double[] plus = y0.clone();
            double[] minus = y0.clone();
            plus[c] += h;
            minus[c] -= h;
            double[] yp = flow(plus, span);
            double[] ym = flow(minus, span);
            for (int r = 0; r < n; r++) {
                phiByDifferences[r * n + c] = (yp[r] - ym[r]) / (2 * h);
            }
        }
        double[] phi = java.util.Arrays.copyOfRange(z, n, n + n * n);
        double rel = Matrices.distance(phi, phiByDifferences) / Matrices.norm(phiByDifferences);
        assertTrue(rel < 1e-5, "Φ: relative deviation " + rel);
        double[] end = java.util.Arrays.copyOf(z, n);
        double endRel = Matrices.distance(end, flow(y0, span)) / Matrices.norm(end);
        assertTrue(endRel < 1e-8, "φ_t: relative deviation " + endRel);
    }

    private static double[] flow(double[] y0, double span) {
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-10, span, 1e-14, 1e-12);
        dp.setMaxEvaluations(10_000_000);
        return dp.integrate(new FlowEquation(FIELD), new ODEState(0, y0.clone()), span).getPrimaryState();
    }
}
