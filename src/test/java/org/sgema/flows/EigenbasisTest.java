package org.sgema.flows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.numerics.DenseKernels;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;
import org.sgema.numerics.Matrices;

/**
 * The flows' equivariance under the eigenbasis of Cxx, {@code F'(θQ) = F(θ)Q}, checked by
 * evaluating each field (exact and every mutant) in both bases; the detection of commuting
 * moments; and whole runs in the eigenbasis against runs in the given basis.
 */
class EigenbasisTest {
    private static Configuration commuting(int n, int m, Random rnd) {
        // S with a random eigenbasis, N = 0.3 I: S and N commute, so Cyx = S is diagonal with Cxx = S + N
        DMatrixRMaj s = Matrices.withSpectrum(Matrices.randomOrthogonal(n, rnd), RandomConfigurations.logSpaced(n, 2, 40));
        DMatrixRMaj noise = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.scale(0.3, noise);
        return Configuration.symmetric(s, noise, m).withLambda(0.05).withAlpha(0.7).withTau(1.3);
    }

    private static List<Configuration> configurations() {
        Random rnd = new Random(5);
        List<Configuration> out = new ArrayList<>();
        out.add(commuting(17, 3, rnd));
        out.add(RandomConfigurations.symmetric(RandomConfigurations.logSpaced(18, 2, 30),
                RandomConfigurations.logSpaced(18, 0.5, 5), 4, rnd));
        out.add(RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(32, 3, 30), 2, rnd).withTau(0.4));
        return out;
    }

    @Test
    void everyFieldIsEquivariant() {
        Random rnd = new Random(8);
        for (Configuration c : configurations()) {
            Eigenbasis basis = Eigenbasis.of(c);
            assertNotNull(basis, "eigenbasis of " + c);
            for (MomentField f : VectorFieldContract.exactAndMutantFields(c)) {
                MomentField g = f.on(basis.rotated());
                boolean target = f.flow().hasTarget();
                double[] theta = new double[f.dimension()];
                double[] v = new double[f.dimension()];
                for (int i = 0; i < theta.length; i++) {
                    theta[i] = 0.6 * rnd.nextGaussian();
                    v[i] = rnd.nextGaussian();
                }
                double[] thetaQ = new double[theta.length];
                double[] vQ = new double[theta.length];
                basis.toBasis(theta, thetaQ, target, DenseKernels.best());
                basis.toBasis(v, vQ, target, DenseKernels.best());
                // F'(θQ) rotated back against F(θ), and J'(θQ)(vQ) against J(θ)v
                double[] back = new double[theta.length];
                basis.fromBasis(g.evaluate(thetaQ), back, target, DenseKernels.best());
                double[] direct = f.evaluate(theta);
                assertTrue(Matrices.distance(back, direct) <= 1e-12 * (1 + Matrices.norm(direct)),
                        () -> f + ": F deviates by " + Matrices.distance(back, direct));
                double[] jv = new double[theta.length];
                g.jacobianTimes(thetaQ, vQ, jv);
                double[] jvBack = new double[theta.length];
                basis.fromBasis(jv, jvBack, target, DenseKernels.best());
                double[] jvDirect = new double[theta.length];
                f.jacobianTimes(theta, v, jvDirect);
                assertTrue(Matrices.distance(jvBack, jvDirect) <= 1e-12 * (1 + Matrices.norm(jvDirect)),
                        () -> f + ": J·v deviates by " + Matrices.distance(jvBack, jvDirect));
            }
        }
    }

    @Test
    void commutingMomentsAreDiagonalTogether() {
        List<Configuration> cs = configurations();
        assertTrue(Eigenbasis.of(cs.get(0)).commuting(), "S and 0.3 I commute");
        assertFalse(Eigenbasis.of(cs.get(1)).commuting(), "S and N with independent eigenbases do not");
        assertFalse(Eigenbasis.of(cs.get(2)).commuting(), "an asymmetric joint moment does not");
        DMatrixRMaj cxx = Eigenbasis.of(cs.get(1)).rotated().cxx();
        for (int i = 0; i < cxx.numRows; i++) {
            for (int j = 0; j < cxx.numCols; j++) {
                assertTrue(i == j || cxx.get(i, j) == 0.0, "rotated Cxx is diagonal");
            }
        }
    }

    /**
     * With commuting moments both rotated moments are exactly diagonal, so in the eigenbasis
     * column j of B's derivative is {@code −Aᵀ(d_j A − s_j I) b_j} (SG; EMA likewise with b̄_j):
     * a column of size 1e-30 gets a derivative of size about 1e-30, its relative precision kept
     * (in the given basis such a component is below the rounding of ‖B‖). This is what makes the
     * synthetic (64, 16) run to t = 2·10⁴ computable (docs/THEORY.md, numerical practice).
     * Mutant: leaving the rotated Cyx's rounding-level off-diagonal entries in place (not zeroed)
     * feeds about 1e-16‖B‖ into the column.
     */
    @Test
    void aTinyColumnKeepsItsRelativePrecisionInTheEigenbasis() {
        Random rnd = new Random(11);
        Configuration c = commuting(17, 3, rnd);
        Eigenbasis basis = Eigenbasis.of(c);
        assertTrue(basis.commuting());
        int m = c.m();
        int n = c.n();
        int j = 6;
        for (Flow flow : new Flow[] {Flow.SG, Flow.EMA}) {
            MomentField g = flow.field(c).on(basis.rotated());
            double[] theta = new double[g.dimension()];
            for (int i = 0; i < theta.length; i++) {
                theta[i] = 0.6 * rnd.nextGaussian();
            }
            int blocks = flow.hasTarget() ? 2 : 1;
            for (int b = 0; b < blocks; b++) {
                for (int r = 0; r < m; r++) {
                    theta[m * m + b * m * n + r * n + j] *= 1e-30;
                }
            }
            double[] f = g.evaluate(theta);
            for (int b = 0; b < blocks; b++) {
                double column = 0;
                for (int r = 0; r < m; r++) {
                    column = Math.max(column, Math.abs(f[m * m + b * m * n + r * n + j]));
                }
                double size = column;
                assertTrue(column <= 1e-28, () -> flow + ": the 1e-30 column's derivative has size " + size);
            }
        }
    }

    @Test
    void aRunInTheEigenbasisEndsWhereTheRunInTheGivenBasisEnds() {
        for (Configuration c : configurations()) {
            for (Flow flow : Flow.values()) {
                State s0 = RandomConfigurations.fanInState(c.m(), c.n(), flow.hasTarget(), 0.5, new Random(2));
                IntegrationSettings s = IntegrationSettings.defaults().withHorizon(30).withConvergenceTolerance(1e-30);
                Trajectory rotated = new FlowIntegrator(s).integrate(flow.field(c), s0);
                Trajectory given = new FlowIntegrator(s.withEigenbasis(false)).integrate(flow.field(c), s0);
                double[] a = rotated.finalState().toArray();
                double[] b = given.finalState().toArray();
                assertTrue(Matrices.distance(a, b) <= 1e-7 * Matrices.norm(b),
                        () -> flow + " on " + c + ": relative deviation " + Matrices.distance(a, b) / Matrices.norm(b));
                assertTrue(rotated.configuration() == c && rotated.time(0) == 0.0, "the trajectory is in the given basis");
            }
        }
    }
}
