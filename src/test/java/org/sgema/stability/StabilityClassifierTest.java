package org.sgema.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** The classifier's two independent tests of a semisimple zero, and its verdicts on closed forms. */
class StabilityClassifierTest {

    /**
     * Given J's singular values and spectrum, the classifier returns what it returns when it
     * computes them, field by field to the bit, on Jacobians at points of V (SG, symmetric views,
     * n = 6 to 20, m = 2; the leading component and random ones); and it uses what it is given: at an attracting point, the
     * spectrum of J + 10‖J‖I makes it UNSTABLE, and singular values 1e7 times J's put every
     * eigenvalue within the zero bound (not attracting then). Mutants: the given spectrum ignored; the given singular
     * values ignored.
     */
    @Test
    void givenDecompositionsClassifyAsComputedOnes() {
        java.util.Random rnd = new java.util.Random(31);
        StabilityClassifier c = new StabilityClassifier();
        int attracting = 0;
        for (int trial = 0; trial < 8; trial++) {
            int n = 6 + 2 * trial;
            // the leading component (attracting for symmetric views) and a random one, in turn
            DMatrixRMaj j = jacobianOnV(rnd, n, trial % 2 == 0);
            Stability computed = c.classify(j, 0);
            Stability given = c.classify(j, 0, org.sgema.numerics.RankEstimate.singularValues(j),
                    org.sgema.numerics.Spectrum.of(j));
            assertEquals(computed.verdict(), given.verdict(), "n = " + n);
            assertEquals(computed.reason(), given.reason(), "n = " + n);
            assertEquals(computed.localDimension(), given.localDimension(), "n = " + n);
            assertEquals(computed.zeroEigenvalues(), given.zeroEigenvalues(), "n = " + n);
            assertEquals(computed.zeroTolerance(), given.zeroTolerance(), 0.0, "n = " + n);
            assertEquals(computed.maxRealNonZero(), given.maxRealNonZero(), 0.0, "n = " + n);
            assertEquals(computed.gap(), given.gap(), 0.0, "n = " + n);
            assertEquals(computed.bound(), given.bound(), 0.0, "n = " + n);
            assertEquals(computed.rank().toString(), given.rank().toString(), "n = " + n);
            if (computed.verdict() == StabilityVerdict.NORMALLY_ATTRACTING) {
                attracting++;
                DMatrixRMaj shifted = j.copy();
                double shift = 10 * org.sgema.numerics.Matrices.norm(j);
                for (int i = 0; i < j.numRows; i++) {
                    shifted.add(i, i, shift);
                }
                assertEquals(StabilityVerdict.UNSTABLE, c.classify(j, 0, org.sgema.numerics.RankEstimate.singularValues(j),
                        org.sgema.numerics.Spectrum.of(shifted)).verdict(), "n = " + n);
                double[] inflated = org.sgema.numerics.RankEstimate.singularValues(j);
                for (int i = 0; i < inflated.length; i++) {
                    inflated[i] *= 1e7; // bound = zeroTol 1e-7 × 1e7 s₁ ≥ every |λ|
                }
                Stability wide = c.classify(j, 0, inflated, org.sgema.numerics.Spectrum.of(j));
                assertTrue(wide.verdict() != StabilityVerdict.NORMALLY_ATTRACTING, "n = " + n + ": " + wide);
            }
        }
        assertTrue(attracting >= 1, "no attracting point among the 8");
    }

    /**
     * Classified up to the semisimplicity of 0, every verdict is the full classification's except
     * NORMALLY_ATTRACTING, which is withheld (INCONCLUSIVE, with that reason), and the numbers are
     * the same: on the closed forms of {@link #aJordanBlockAtZeroIsNotSemisimple} (a Jordan block,
     * an attracting diagonal, a saddle) and on Jacobians at points of V (SG, symmetric views, as in
     * {@link #givenDecompositionsClassifyAsComputedOnes}). Mutant: the flag ignored (an attracting
     * point stays NORMALLY_ATTRACTING).
     */
    @Test
    void upToSemisimplicityOnlyAnAttractingVerdictIsWithheld() {
        StabilityClassifier c = new StabilityClassifier();
        java.util.List<DMatrixRMaj> js = new java.util.ArrayList<>(java.util.List.of(
                new DMatrixRMaj(new double[][] {{0, 1, 0}, {0, 0, 0}, {0, 0, -1}}),
                new DMatrixRMaj(new double[][] {{0, 0, 0}, {0, -2, 1}, {0, 0, -1}}),
                new DMatrixRMaj(new double[][] {{0, 0, 0}, {0, 2, 0}, {0, 0, -1}})));
        java.util.Random rnd = new java.util.Random(31);
        for (int trial = 0; trial < 6; trial++) {
            js.add(jacobianOnV(rnd, 6 + trial, trial % 2 == 0));
        }
        java.util.Set<StabilityVerdict> seen = java.util.EnumSet.noneOf(StabilityVerdict.class);
        for (DMatrixRMaj j : js) {
            double[] singular = org.sgema.numerics.RankEstimate.singularValues(j);
            org.sgema.numerics.Spectrum spectrum = org.sgema.numerics.Spectrum.of(j);
            Stability full = c.classify(j, 0, singular, spectrum);
            Stability upTo = c.classifyUpToSemisimplicity(j, 0, singular, spectrum);
            seen.add(full.verdict());
            if (full.verdict() == StabilityVerdict.NORMALLY_ATTRACTING
                    || full.reason().startsWith("0 is not decided semisimple")) {
                assertEquals(StabilityVerdict.INCONCLUSIVE, upTo.verdict(), upTo.toString());
                assertTrue(upTo.reason().contains("semisimplicity of 0, which was not tested"), upTo.reason());
            } else {
                assertEquals(full.verdict(), upTo.verdict(), full + " / " + upTo);
                assertEquals(full.reason(), upTo.reason());
            }
            assertEquals(full.maxRealNonZero(), upTo.maxRealNonZero(), 0.0);
            assertEquals(full.localDimension(), upTo.localDimension());
            assertEquals(full.bound(), upTo.bound(), 0.0);
        }
        assertEquals(java.util.EnumSet.allOf(StabilityVerdict.class), seen, "every verdict among the cases");
    }

    /**
     * @return the SG Jacobian (symmetric views, m = 2) at a point of V: of the leading component, or
     *     of a random one
     */
    private static DMatrixRMaj jacobianOnV(java.util.Random rnd, int n, boolean leading) {
        org.sgema.model.Configuration cfg = org.sgema.model.RandomConfigurations.symmetric(
                org.sgema.model.RandomConfigurations.logSpaced(n, 2.0, 20.0),
                org.sgema.model.RandomConfigurations.logSpaced(n, 0.6, 4.0), 2, rnd);
        org.sgema.model.State p = leading
                ? org.sgema.equilibria.EquilibriumVariety.leadingPoint(cfg, org.sgema.equilibria.EquilibriumVariety.randomG(2, rnd))
                : org.sgema.equilibria.EquilibriumVariety.randomPoint(cfg, rnd);
        return org.sgema.flows.Flow.SG.field(cfg).jacobian(p.toArray());
    }

    @Test
    void aJordanBlockAtZeroIsNotSemisimple() {
        StabilityClassifier c = new StabilityClassifier();
        DMatrixRMaj jordan = new DMatrixRMaj(new double[][] {{0, 1, 0}, {0, 0, 0}, {0, 0, -1}});
        assertFalse(c.semisimpleZero(jordan, 1, 1e-8), "WᵀV = 0: ker J = span e₁ lies in range J");
        assertEquals(StabilityVerdict.INCONCLUSIVE, c.classify(jordan, 0).verdict());
        DMatrixRMaj diagonal = new DMatrixRMaj(new double[][] {{0, 0, 0}, {0, -2, 1}, {0, 0, -1}});
        assertTrue(c.semisimpleZero(diagonal, 1, 1e-8));
        assertEquals(StabilityVerdict.NORMALLY_ATTRACTING, c.classify(diagonal, 0).verdict());
        DMatrixRMaj saddle = new DMatrixRMaj(new double[][] {{0, 0, 0}, {0, 2, 0}, {0, 0, -1}});
        assertEquals(StabilityVerdict.UNSTABLE, c.classify(saddle, 0).verdict());
    }

    /**
     * A genuine eigenvalue −5e-7, beyond the zero bound 1e-7‖J‖ but with a square below 1e-12‖J‖²:
     * 0 is semisimple (J is diagonal) and the point NORMALLY_ATTRACTING. Mutant: the former test
     * nullity(J²) = nullity(J) at relative tolerance 1e-12 counted it as a second zero of J² and
     * called 0 not semisimple (INCONCLUSIVE; the ci run's TINY_GAP SG limits at slowest rate 8.8e-7).
     */
    @Test
    void aTinyGenuineEigenvalueIsNotASecondZero() {
        StabilityClassifier c = new StabilityClassifier();
        DMatrixRMaj j = new DMatrixRMaj(new double[][] {{0, 0, 0}, {0, -5e-7, 0}, {0, 0, -1}});
        assertTrue(c.semisimpleZero(j, 1, 1e-8));
        Stability s = c.classify(j, 0);
        assertEquals(StabilityVerdict.NORMALLY_ATTRACTING, s.verdict(), s.reason());
    }

    /**
     * The error bound decides: a Jordan block perturbed to J = [[0, 1], [0, −δ]] has distinct
     * eigenvalues 0 and −δ, with left and right null vectors at σ(WᵀV) ≈ δ; with δ = 1e-3 that is
     * beyond 2ε/(s₁ − ε) for ε = 1e-8 (semisimple), with δ = 1e-9 it is not (not decided), and
     * neither is it when J is only known to ε = 1e-2.
     */
    @Test
    void nullVectorsAreToldApartOnlyBeyondTheirError() {
        StabilityClassifier c = new StabilityClassifier();
        DMatrixRMaj wide = new DMatrixRMaj(new double[][] {{0, 1}, {0, -1e-3}});
        DMatrixRMaj narrow = new DMatrixRMaj(new double[][] {{0, 1}, {0, -1e-9}});
        assertTrue(c.semisimpleZero(wide, 1, 1e-8));
        assertFalse(c.semisimpleZero(narrow, 1, 1e-8));
        assertFalse(c.semisimpleZero(wide, 1, 1e-2));
    }
}
