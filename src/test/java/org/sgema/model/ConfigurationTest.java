package org.sgema.model;

import org.sgema.numerics.Matrices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** Validation messages name the matrix and the problem; derived quantities match closed forms. */
class ConfigurationTest {
    static DMatrixRMaj eye(int n) {
        return CommonOps_DDRM.identity(n);
    }

    static String message(Runnable r) {
        return assertThrows(InvalidInputException.class, r::run).getMessage();
    }

    @Test
    void rejectsBadInputWithAMessageNamingTheProblem() {
        DMatrixRMaj asym = new DMatrixRMaj(new double[][] {{1, 0.5}, {0.2, 1}});
        assertTrue(message(() -> Configuration.views(asym, eye(2), eye(2), 1)).matches(
                "Cxx: not symmetric: entry \\(0,1\\) = 0\\.5.*\\(1,0\\) = 0\\.2.*differing by 0\\.3.*"));
        DMatrixRMaj indefinite = new DMatrixRMaj(new double[][] {{1, 0}, {0, -2}});
        assertTrue(message(() -> Configuration.symmetric(eye(2), indefinite, 1))
                .startsWith("N: not positive semi-definite: most negative eigenvalue -2"));
        DMatrixRMaj nan = eye(2);
        nan.set(1, 0, Double.NaN);
        assertEquals("Cxy: entry (1,0) is NaN", message(() -> Configuration.views(eye(2), nan, eye(2), 1)));
        assertEquals("Cyy: has shape 3×3, expected 2×2", message(() -> Configuration.views(eye(2), eye(2), eye(3), 1)));
        assertEquals("m: must be at least 1, got 0", message(() -> Configuration.views(eye(2), eye(2), eye(2), 0)));
        Configuration ok = Configuration.symmetric(eye(2), eye(2), 1);
        assertEquals("lambda: must be ≥ 0, got -0.1", message(() -> ok.withLambda(-0.1)));
        assertEquals("alpha: must be > 0, got 0.0", message(() -> ok.withAlpha(0)));
        assertEquals("tau: must be > 0, got -1.0", message(() -> ok.withTau(-1)));
        assertEquals("tau: must be > 0, got NaN", message(() -> ok.withTau(Double.NaN)));
        // Cxy too large for the views: Σz is not PSD
        DMatrixRMaj big = eye(2);
        CommonOps_DDRM.scale(2, big);
        assertTrue(message(() -> Configuration.views(eye(2), big, eye(2), 1)).startsWith("Sigma_z: not positive semi-definite"));
    }

    @Test
    void aCopyWithOtherHyperParametersKeepsTheValidatedMomentsBitForBit() {
        Random rnd = new Random(3);
        Configuration c = RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(14, 0.2, 3), 2, rnd);
        Configuration d = c.withLambda(0.25).withAlpha(0.5).withTau(3.0);
        assertEquals(0.25, d.lambda());
        assertEquals(0.5, d.alpha());
        assertEquals(3.0, d.tau());
        assertEquals(c.lambda(), c.withTau(2.0).lambda());
        for (DMatrixRMaj[] pair : new DMatrixRMaj[][] {{c.cxx(), d.cxx()}, {c.cxy(), d.cxy()}, {c.cyy(), d.cyy()}}) {
            assertTrue(java.util.Arrays.equals(pair[0].data, pair[1].data), "moments copied as they are");
        }
        DMatrixRMaj signal = new DMatrixRMaj(new double[][] {{2, 0.5, 0}, {0.5, 1, 0}, {0, 0, 0.3}});
        DMatrixRMaj noise = new DMatrixRMaj(new double[][] {{0.2, 0, 0}, {0, 0.4, 0.1}, {0, 0.1, 0.6}});
        Configuration s = Configuration.symmetric(signal, noise, 1);
        Configuration t = s.withTau(0.5); // one copy: two would undo a swap of signal and noise
        assertTrue(t.isSymmetricModel(), "the symmetric model stays one");
        assertTrue(java.util.Arrays.equals(signal.data, t.signal().data) && java.util.Arrays.equals(noise.data,
                t.noise().data), "signal and noise kept apart");
        assertEquals(s.sigma(), t.sigma());
        assertEquals(Matrices.symmetricEigenvalues(noise)[0], t.sigma(), 1e-15);
    }

    @Test
    void sigmaOfTheSymmetricModelIsTheSmallestNoiseEigenvalue() {
        Random rnd = new Random(41);
        Configuration c = RandomConfigurations.symmetric(new double[] {3, 2, 1, 0.5},
                new double[] {0.9, 0.7, 0.4, 0.25}, 2, rnd);
        assertEquals(0.25, c.sigma(), 1e-12);
        Configuration a = RandomConfigurations.asymmetric(new double[] {5, 4, 3, 2, 1, 0.125}, 2, rnd);
        assertEquals(0.125, a.sigma(), 1e-12);
    }

    @Test
    void mTransposeSolvesCxxTimesMtEqualsCxy() {
        Configuration c = RandomConfigurations.asymmetric(RandomConfigurations.logSpaced(8, 2, 10), 2, new Random(42));
        DMatrixRMaj prod = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(c.cxx(), c.mTranspose(), prod);
        CommonOps_DDRM.subtractEquals(prod, c.cxy());
        assertTrue(Matrices.norm(prod) < 1e-12);
    }

    @Test
    void accessorsReturnCopies() {
        Configuration c = Configuration.symmetric(eye(2), eye(2), 1);
        c.cxx().set(0, 0, 99);
        assertEquals(2.0, c.cxx().get(0, 0));
    }
}
