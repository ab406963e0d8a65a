package org.sgema.equilibria;

import org.sgema.numerics.RankEstimate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;
import org.sgema.numerics.Matrices;
import org.sgema.model.Objective;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;
import org.sgema.stability.Linearization;
import org.sgema.numerics.Spectrum;

/** [T5] parameterized points and [T6] the reduced spectrum, on random configurations. */
class VarietyTest {

    static Configuration config(Random rnd, int n, int m, boolean symmetric) {
        return symmetric
                ? RandomConfigurations.symmetric(RandomConfigurations.logSpaced(n, 2.0, 20.0),
                        RandomConfigurations.logSpaced(n, 0.6, 4.0), m, rnd)
                : RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(2 * n, 3.0, 30.0), m, rnd);
    }

    @Test
    void parameterizedPointsAreEquilibriaWithExactlyMSquaredZeroEigenvalues() {
        Random rnd = new Random(21);
        double worstResidual = 0;
        for (int trial = 0; trial < 12; trial++) {
            int n = 2 + rnd.nextInt(6);
            int m = 1 + rnd.nextInt(Math.min(3, n));
            Configuration c = config(rnd, n, m, trial % 2 == 0);
            List<EigenBlock> blocks = EquilibriumVariety.blocks(c);
            DMatrixRMaj g = Matrices.gaussian(m, m, 1.0, rnd);
            State p = EquilibriumVariety.point(c, blocks, EquilibriumVariety.leadingBlocks(blocks, m), g);
            double r = Matrices.norm(Objective.residual(c, p)) / (1 + Matrices.norm(p.encoder()));
            worstResidual = Math.max(worstResidual, r);
            assertTrue(r < 1e-10, "residual " + r);
            VectorField f = Flow.SG.field(c);
            assertTrue(Matrices.norm(f.evaluate(p)) < 1e-10 * (1 + Matrices.norm(p.toArray())));
            DMatrixRMaj j = f.jacobian(p.toArray());
            RankEstimate rank = RankEstimate.of(j);
            assertEquals(m * m, rank.nullity(), "local dimension at n=" + n + ", m=" + m + ": " + rank);
        }
        System.out.printf("[foundation] max relative residual of parameterized points = %.3g%n", worstResidual);
    }

    /**
     * {@link EquilibriumVariety#randomPoint} (eigenvectors only for the blocks it chose) is the point
     * that all the blocks would give with the same draws, to the bit, where complex pairs and real
     * eigenvalues mix (asymmetric views) and where they are real (symmetric). The blocks themselves,
     * which both sides share, are checked against their definition: decreasing real part, and
     * {@code Mᵀ [u v] = [u v] [[re, im], [−im, re]]} (real: {@code Mᵀ u = re u}, im exactly 0).
     * Mutants: the vectors of the k-th block instead of the k-th chosen one; the blocks in
     * increasing order; u and v swapped.
     */
    @Test
    void aRandomPointIsTheOneAllTheBlocksGive() {
        Random rnd = new Random(23);
        int points = 0;
        for (int trial = 0; trial < 16; trial++) {
            int n = 2 + rnd.nextInt(12);
            int m = 1 + rnd.nextInt(Math.min(5, n));
            Configuration c = config(rnd, n, m, trial % 2 == 0);
            long seed = rnd.nextLong();
            Random eager = new Random(seed);
            List<EigenBlock> blocks = EquilibriumVariety.blocks(c);
            DMatrixRMaj mt = c.mTranspose();
            double scale = Matrices.norm(mt);
            for (int k = 0; k < blocks.size(); k++) {
                EigenBlock b = blocks.get(k);
                assertTrue(k == 0 || blocks.get(k - 1).re() >= b.re(), "order at " + k);
                double[] u = b.u();
                double[] v = b.dimension() == 2 ? b.v() : new double[n];
                assertTrue(b.dimension() == 2 ? b.im() > 0 : b.im() == 0.0, "im " + b.im());
                double worst = 0;
                for (int i = 0; i < n; i++) {
                    double mu = 0;
                    double mv = 0;
                    for (int q = 0; q < n; q++) {
                        mu += mt.get(i, q) * u[q];
                        mv += mt.get(i, q) * v[q];
                    }
                    worst = Math.max(worst, Math.abs(mu - (b.re() * u[i] - b.im() * v[i])));
                    worst = Math.max(worst, Math.abs(mv - (b.im() * u[i] + b.re() * v[i])));
                }
                assertTrue(worst < 1e-9 * (1 + scale), "block " + b + ": residual " + worst);
            }
            int[] chosen = EquilibriumVariety.randomBlocks(blocks, m, eager);
            State expected = chosen == null ? null
                    : EquilibriumVariety.point(c, blocks, chosen, EquilibriumVariety.randomG(m, eager));
            State p = EquilibriumVariety.randomPoint(c, new Random(seed));
            if (expected == null) {
                assertEquals(null, p, "n=" + n + ", m=" + m);
                continue;
            }
            points++;
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected.toArray(), p.toArray(), 0.0,
                    "n=" + n + ", m=" + m);
        }
        assertTrue(points >= 12, "only " + points + " points");
    }

    @Test
    void fullJacobianSpectrumIsReducedSpectrumPlusMSquaredZeros() {
        Random rnd = new Random(22);
        double worst = 0;
        for (int trial = 0; trial < 12; trial++) {
            int n = 2 + rnd.nextInt(6);
            int m = 1 + rnd.nextInt(Math.min(3, n));
            Configuration c = config(rnd, n, m, true).withAlpha(0.5 + rnd.nextDouble() * 2);
            List<EigenBlock> blocks = EquilibriumVariety.blocks(c);
            int[] chosen = randomRealChoice(blocks, m, rnd);
            State p = EquilibriumVariety.point(c, blocks, chosen, Matrices.gaussian(m, m, 1.0, rnd));
            Spectrum full = Spectrum.of(Flow.SG.field(c).jacobian(p.toArray()));
            Spectrum reduced = Spectrum.of(Linearization.reduced(c, p));
            double scale = Math.max(1, full.sortedModuli()[full.size() - 1]);
            double d = full.withoutSmallest(m * m).distanceTo(reduced) / scale;
            worst = Math.max(worst, d);
            assertTrue(d < 1e-8, "spectra differ by " + d + "\nfull " + full + "\nreduced " + reduced);
            double[] moduli = full.sortedModuli();
            assertTrue(moduli[m * m - 1] < 1e-9 * scale, "the m² smallest eigenvalues are not 0");
        }
        System.out.printf("[foundation] max relative distance spec(J) \\ {0}^m² vs spec(L) = %.3g%n", worst);
    }

    /** m real blocks chosen at random (any component of V, not only the leading one). */
    static int[] randomRealChoice(List<EigenBlock> blocks, int m, Random rnd) {
        List<Integer> real = new java.util.ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).dimension() == 1) {
                real.add(i);
            }
        }
        java.util.Collections.shuffle(real, rnd);
        return real.subList(0, m).stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    @Test
    void glTangentDirectionsLieInTheKernelOfTheJacobian() {
        Random rnd = new Random(23);
        Configuration c = config(rnd, 6, 3, true);
        State p = EquilibriumVariety.leadingPoint(c, Matrices.gaussian(3, 3, 1.0, rnd));
        DMatrixRMaj j = Flow.SG.field(c).jacobian(p.toArray());
        DMatrixRMaj a = p.predictor();
        DMatrixRMaj b = p.encoder();
        for (int t = 0; t < 5; t++) {
            DMatrixRMaj x = Matrices.gaussian(3, 3, 1.0, rnd);
            DMatrixRMaj da = new DMatrixRMaj(3, 3);
            CommonOps_DDRM.mult(x, a, da);
            CommonOps_DDRM.multAdd(-1.0, a, x, da); // [X, A] = XA − AX
            DMatrixRMaj db = new DMatrixRMaj(3, 6);
            CommonOps_DDRM.mult(x, b, db);
            DMatrixRMaj v = DMatrixRMaj.wrap(p.size(), 1, State.of(da, db).toArray());
            DMatrixRMaj jv = new DMatrixRMaj(p.size(), 1);
            CommonOps_DDRM.mult(j, v, jv);
            assertTrue(Matrices.norm(jv) < 1e-10 * Matrices.norm(v) * Math.max(1, Matrices.norm(j)));
        }
    }

    @Test
    void projectionFromANearbyPointLandsOnTheVariety() {
        Random rnd = new Random(24);
        Configuration c = config(rnd, 5, 2, true);
        State p = EquilibriumVariety.leadingPoint(c, Matrices.gaussian(2, 2, 1.0, rnd));
        double[] theta = p.toArray();
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 1e-3 * rnd.nextGaussian();
        }
        VectorField f = Flow.SG.field(c);
        EquilibriumProjector.Projection proj = new EquilibriumProjector().project(f, State.fromArray(2, 5, false, theta));
        assertTrue(proj.converged(), "projection did not converge: " + proj);
        assertTrue(Matrices.norm(Objective.residual(c, proj.state())) < 1e-12, "R ≠ 0 after projection");
        assertTrue(proj.distance() < 1e-2);
    }

    /**
     * The same at N = m² + mn = 320 (n = 32, m = 8), where the projector's SVD goes to the system's
     * LAPACK when there is one: a step assembled from wrongly paired factors would not converge.
     */
    @Test
    void projectionAtLargeOrderLandsOnTheVariety() {
        Random rnd = new Random(26);
        int n = 32;
        int m = 8;
        Configuration c = config(rnd, n, m, true);
        State p = EquilibriumVariety.leadingPoint(c, Matrices.gaussian(m, m, 1.0, rnd));
        double[] theta = p.toArray();
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 1e-4 * rnd.nextGaussian();
        }
        VectorField f = Flow.SG.field(c);
        EquilibriumProjector.Projection proj = new EquilibriumProjector().project(f, State.fromArray(m, n, false, theta));
        assertTrue(proj.converged(), "projection did not converge: " + proj.residual() + " after " + proj.iterations());
        assertTrue(Matrices.norm(Objective.residual(c, proj.state())) < 1e-10, "R ≠ 0 after projection");
        assertTrue(proj.distance() < 1e-2, "moved " + proj.distance());
    }

    @Test
    void symmetricModelLeadingComponentHasTheTopGeneralizedEigenvalues() {
        Random rnd = new Random(25);
        Configuration c = config(rnd, 6, 2, true);
        double[] mu = c.generalizedEigenvalues();
        for (double x : mu) {
            assertTrue(x >= -1e-12 && x < 1, "μ out of [0,1): " + x);
        }
        State p = EquilibriumVariety.leadingPoint(c, Matrices.gaussian(2, 2, 1.0, rnd));
        Spectrum specA = Spectrum.of(p.predictor());
        Spectrum expected = Spectrum.of(new double[] {mu[5], mu[4]}, new double[2]);
        assertTrue(specA.distanceTo(expected) < 1e-9, specA + " vs " + expected);
    }
}
