package org.sgema.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sgema.flows.Flow;
import org.sgema.flows.MomentField;
import org.sgema.model.Configuration;
import org.sgema.model.RandomConfigurations;
import org.sgema.numerics.DenseKernels;
import org.sgema.numerics.Matrices;
import org.sgema.numerics.PackedMatrix;

/**
 * The stiff method's solves (dense LU up to {@link DenseLinearizedFlow#DENSE_LIMIT} unknowns, GMRES
 * beyond) take their dot products on the field's own kernels: a short command's plain loops
 * until they switch, a claim's Vector API kernels. Checked with kernels that count the dot
 * products they are asked for, and the solves checked against {@code (σI − J)x = b}.
 */
class LinearSolveKernelsTest {
    /** The best kernels, counting the dot products asked of them. */
    private static final class Counting implements DenseKernels {
        private final DenseKernels inner = DenseKernels.best();
        long dots;

        @Override
        public void mult(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
            inner.mult(a, b, c, m, k, n, accumulate);
        }

        @Override
        public void multTransA(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
            inner.multTransA(a, b, c, m, k, n, accumulate);
        }

        @Override
        public void multTransB(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
            inner.multTransB(a, b, c, m, k, n, accumulate);
        }

        @Override
        public void multPacked(double[] a, PackedMatrix p, double[] c, int m) {
            inner.multPacked(a, p, c, m);
        }

        @Override
        public void multPackedColumns(double[] a, PackedMatrix p, double[] c, int m, int j0, int j1) {
            inner.multPackedColumns(a, p, c, m, j0, j1);
        }

        @Override
        public double dot(double[] a, int ai, double[] b, int bi, int k) {
            dots++;
            return inner.dot(a, ai, b, bi, k);
        }

        @Override
        public PackedMatrix pack(int k, int n) {
            return inner.pack(k, n);
        }

        @Override
        public String name() {
            return "counting " + inner.name();
        }
    }

    @Test
    void theSolvesTakeTheirDotProductsOnTheFieldsKernels() {
        // EMA (4, 2): N = 20, dense LU; EMA (12, 3): N = 81, GMRES
        for (int[] nm : new int[][] {{4, 2}, {12, 3}}) {
            Configuration c = RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(2 * nm[0], 0.5, 3), nm[1],
                    new Random(11));
            Counting kernels = new Counting();
            MomentField field = Flow.EMA.field(c, kernels);
            LinearizedEquation equation = FlowIntegrator.linearized(field);
            boolean krylov = nm[0] == 12;
            assertTrue(krylov == (equation instanceof KrylovLinearizedFlow), "N = 20 dense, N = 81 GMRES");
            Random rnd = new Random(3);
            double[] y = new double[field.dimension()];
            double[] b = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = 0.3 * rnd.nextGaussian();
                b[i] = rnd.nextGaussian();
            }
            equation.linearize(y);
            long before = kernels.dots;
            double sigma = 0.5;
            double[] x = new double[y.length];
            assertTrue(equation.solve(sigma, b, x));
            long dots = kernels.dots - before;
            if (krylov) {
                // GMRES itself, not the dense LU it falls back on when it does not converge
                assertTrue(((KrylovLinearizedFlow) equation).fallbacks() == 0, "GMRES converged");
            }
            assertTrue(dots > 0, () -> "N = " + y.length + ": no dot product on the field's kernels");
            // (σI − J)x = b, J x by the analytic product
            double[] jx = new double[y.length];
            field.jacobianTimes(y, x, jx);
            double[] residual = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                residual[i] = sigma * x[i] - jx[i] - b[i];
            }
            assertTrue(Matrices.norm(residual) <= 1e-9 * Matrices.norm(b),
                    () -> "residual " + Matrices.norm(residual));
        }
    }
}
