package org.sgema.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.sgema.flows.Flow;
import org.sgema.flows.JacobianLipschitz;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;
import org.sgema.model.State;
import org.sgema.numerics.Matrices;

/**
 * Verdicts no stronger than their numbers: near a known equilibrium of the scalar SG flow
 * (n = m = 1, Cxx = 1, Cxy = s = 1, λ = 0), classified as given (no polishing) at distance
 * 1e-3, 1e-6 and 1e-9, the sign of a small eigenvalue is decided only once the bound β allows it.
 * <pre>
 *   on the line A = s/c:   J = [[−α c B², 0], [−A B c, 0]]   eigenvalues −α c B², 0   (attracting)
 *   on the line B = 0:     J = diag(0, A (s − A c))            eigenvalues 0, A (s − A c) (saddle for 0 &lt; A &lt; s/c)
 * </pre>
 */
class BoundedClassificationTest {
    private static final Configuration SCALAR = Configuration.views(one(1), one(1), one(1), 1);
    private static final StabilityClassifier AS_GIVEN =
            new StabilityClassifier(StabilityClassifier.Settings.defaults().withoutPolishing());

    private static DMatrixRMaj one(double v) {
        return new DMatrixRMaj(new double[][] {{v}});
    }

    private static State sg(double a, double b) {
        return State.of(one(a), one(b));
    }

    /** Attracting point (1, 0.003): rate α c B² = 9e-6. */
    @Test
    void theAttractingSignIsDecidedOnlyWhenTheBoundAllows() {
        VectorField f = Flow.SG.field(SCALAR);
        assertEquals(StabilityVerdict.NORMALLY_ATTRACTING, AS_GIVEN.classify(f, sg(1, 0.003)).verdict(),
                "exact equilibrium");
        for (double distance : new double[] {1e-3, 1e-6}) {
            Stability st = AS_GIVEN.classify(f, sg(1 + distance, 0.003));
            assertEquals(StabilityVerdict.INCONCLUSIVE, st.verdict(), distance + ": " + st);
        }
        Stability close = AS_GIVEN.classify(f, sg(1 + 1e-9, 0.003));
        assertEquals(StabilityVerdict.NORMALLY_ATTRACTING, close.verdict(), close.toString());
        assertTrue(close.bound() < 9e-6 && close.bound() > 0, close.toString());
    }

    /** Saddle on the collapsed line (1e-5, 0): growth rate A(s − A) ≈ 1e-5. */
    @Test
    void theUnstableSignIsDecidedOnlyWhenTheBoundAllows() {
        VectorField f = Flow.SG.field(SCALAR);
        assertEquals(StabilityVerdict.UNSTABLE, AS_GIVEN.classify(f, sg(1e-5, 0)).verdict());
        for (double distance : new double[] {1e-3, 1e-6}) {
            Stability st = AS_GIVEN.classify(f, sg(1e-5, distance));
            assertEquals(StabilityVerdict.INCONCLUSIVE, st.verdict(), distance + ": " + st);
        }
        Stability close = AS_GIVEN.classify(f, sg(1e-5, 1e-9));
        assertEquals(StabilityVerdict.UNSTABLE, close.verdict(), close.toString());
        assertTrue(close.maxRealNonZero() > close.bound(), close.toString());
    }

    /** Polishing moves the point back onto F = 0 by about the distance it was off, and decides. */
    @Test
    void polishingDecidesAndReportsTheDistanceMoved() {
        VectorField f = Flow.SG.field(SCALAR);
        StabilityClassifier polished = new StabilityClassifier();
        for (double distance : new double[] {1e-3, 1e-6, 1e-9}) {
            Stability st = polished.classify(f, sg(1 + distance, 0.003));
            assertEquals(StabilityVerdict.NORMALLY_ATTRACTING, st.verdict(), distance + ": " + st);
            assertTrue(st.distanceMoved() > 0.5 * distance && st.distanceMoved() < 2 * distance, st.toString());
            assertTrue(st.polishedResidual() < 1e-13, st.toString());
            assertTrue(st.polishedResidual() < st.residual(), st.toString());
        }
    }

    /** A far-off point is INCONCLUSIVE by the Kantorovich condition, not by a sign. */
    @Test
    void aPointFarFromTheEquilibriumSetIsNotClassified() {
        Stability st = AS_GIVEN.classify(Flow.SG.field(SCALAR), sg(0.3, 0.5));
        assertEquals(StabilityVerdict.INCONCLUSIVE, st.verdict(), st.toString());
        assertTrue(st.reason().contains("Kantorovich"), st.reason());
        // it decides nothing, and still carries what was computed: readers need no null checks
        assertEquals(2, st.spectrum().size(), st.toString());
        assertTrue(Double.isInfinite(st.bound()) && Double.isInfinite(st.zeroTolerance()), st.toString());
    }

    /** The Lipschitz constant bounds the change of the assembled Jacobian, all flows, random pairs. */
    @Test
    void theJacobianChangesNoFasterThanItsLipschitzBound() {
        Random random = new Random(7);
        for (Flow flow : Flow.values()) {
            for (int trial = 0; trial < 40; trial++) {
                int n = 1 + random.nextInt(4);
                int m = 1 + random.nextInt(n);
                DMatrixRMaj g = Matrices.gaussian(n, n, 1, random);
                DMatrixRMaj cxx = org.ejml.dense.row.CommonOps_DDRM.identity(n);
                org.ejml.dense.row.CommonOps_DDRM.multAddTransB(g, g, cxx);
                DMatrixRMaj cxy = Matrices.gaussian(n, n, 0.1, random);
                Configuration c = Configuration.views(cxx, cxy, cxx, m).withAlpha(0.5 + random.nextDouble());
                VectorField f = flow.field(c);
                double[] x = new double[f.dimension()];
                double[] y = new double[f.dimension()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = random.nextGaussian();
                    y[i] = x[i] + 0.5 * random.nextGaussian();
                }
                DMatrixRMaj dj = f.jacobian(x);
                org.ejml.dense.row.CommonOps_DDRM.subtractEquals(dj, f.jacobian(y));
                double change = org.ejml.dense.row.NormOps_DDRM.normP2(dj);
                double r = Math.max(Matrices.norm(x), Matrices.norm(y));
                assertTrue(change <= JacobianLipschitz.of(c, r) * Matrices.distance(x, y),
                        flow + " trial " + trial + ": " + change);
            }
        }
    }
}
