package org.sgema.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The kernel projector against its closed form S diag(1, 1, 0, 0) S⁻¹ for J = S diag(0, 0, −1, −2) S⁻¹. */
class SpectralProjectorTest {

    @Test
    void matchesTheClosedFormOfANonNormalMatrix() {
        DMatrixRMaj s = new DMatrixRMaj(new double[][] {{1, 2, 0, 1}, {0, 1, 3, 0}, {1, 0, 1, 2}, {0, 1, 0, 1}});
        DMatrixRMaj sInv = new DMatrixRMaj(4, 4);
        assertTrue(CommonOps_DDRM.invert(s, sInv));
        DMatrixRMaj d = CommonOps_DDRM.diag(0, 0, -1, -2);
        DMatrixRMaj j = new DMatrixRMaj(4, 4);
        DMatrixRMaj tmp = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(s, d, tmp);
        CommonOps_DDRM.mult(tmp, sInv, j);
        DMatrixRMaj expected = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(s, CommonOps_DDRM.diag(1, 1, 0, 0), tmp);
        CommonOps_DDRM.mult(tmp, sInv, expected);
        DMatrixRMaj p = SpectralProjector.kernel(j, 2);
        CommonOps_DDRM.subtractEquals(p, expected);
        assertTrue(Matrices.norm(p) < 1e-10, "‖Π₀ − S E S⁻¹‖ = " + Matrices.norm(p));
    }

    @Test
    void aJordanBlockAtZeroHasNone() {
        DMatrixRMaj j = new DMatrixRMaj(new double[][] {{0, 1, 0}, {0, 0, 0}, {0, 0, -1}});
        // nullity 1 but 0 has algebraic multiplicity 2: Wᵀ V = 0
        assertNull(SpectralProjector.kernel(j, 1));
    }

    /**
     * Null vectors from an SVD that claims more than it has (its last right singular vector turned
     * by 1e-6 towards the first, as a wrong {@code dgesdd} result with {@code info = 0} would be)
     * are not used: the guard rejects it and EJML's SVD gives null vectors with ‖J V‖ at rounding
     * level. The same SVD uncorrupted passes, and one whose last left vector is turned fails.
     * So does a null vector 1e-6 too long, which only the Gram test sees. Mutants: nullVectors
     * without the trustworthy check returns ‖J V‖ ≈ 1e-6 s₁; the check without its
     * ‖Jᵀ u_k − s_k v_k‖ bound passes the turned left vector; without its Gram test, the long one.
     */
    @Test
    void aWrongSvdIsNotTrusted() {
        int n = 40;
        int d = 3;
        DMatrixRMaj j = SimilarMatrix.draw(n, d, 0, new Random(21)).matrix();
        Svd right = Svd.byEjml(j);
        DMatrixRMaj u = right.u();
        double[] values = right.s();
        assertTrue(SpectralProjector.trustworthy(j, d, right), "a correct SVD");

        DMatrixRMaj turned = right.vt().copy();
        double angle = 1e-6;
        for (int c = 0; c < n; c++) {
            turned.set(n - 1, c, Math.cos(angle) * right.vt().get(n - 1, c) + Math.sin(angle) * right.vt().get(0, c));
        }
        Svd wrong = new Svd(u, values, turned);
        assertFalse(SpectralProjector.trustworthy(j, d, wrong), "a vector turned by 1e-6");
        DMatrixRMaj turnedLeft = u.copy();
        for (int r = 0; r < n; r++) {
            turnedLeft.set(r, n - 1, Math.cos(angle) * u.get(r, n - 1) + Math.sin(angle) * u.get(r, 0));
        }
        assertFalse(SpectralProjector.trustworthy(j, d, new Svd(turnedLeft, values, right.vt())),
                "a left vector turned by 1e-6");
        DMatrixRMaj longer = right.vt().copy();
        for (int c = 0; c < n; c++) {
            longer.set(n - 1, c, (1 + 1e-6) * right.vt().get(n - 1, c));
        }
        assertFalse(SpectralProjector.trustworthy(j, d, new Svd(u, values, longer)), "a null vector of length 1 + 1e-6");

        SpectralProjector.NullVectors nv = SpectralProjector.nullVectors(j, d, wrong);
        assertNotNull(nv);
        DMatrixRMaj jv = new DMatrixRMaj(n, d);
        CommonOps_DDRM.mult(j, nv.right(), jv);
        assertTrue(Matrices.norm(jv) < 1e-12 * Matrices.norm(j), "‖J V‖ = " + Matrices.norm(jv));
    }

    /**
     * J^D b against its closed form S diag(0, 0, −1, −1/2) S⁻¹ b for J = S diag(0, 0, −1, −2) S⁻¹
     * (non-normal S), and the plain solve for d = 0. Mutants: (I − Π₀) left out of the right-hand
     * side (x then has a kernel component); J solved by least squares without the shift.
     */
    @Test
    void theDrazinInverseMatchesItsClosedForm() {
        DMatrixRMaj s = new DMatrixRMaj(new double[][] {{1, 2, 0, 1}, {0, 1, 3, 0}, {1, 0, 1, 2}, {0, 1, 0, 1}});
        DMatrixRMaj sInv = new DMatrixRMaj(4, 4);
        assertTrue(CommonOps_DDRM.invert(s, sInv));
        DMatrixRMaj tmp = new DMatrixRMaj(4, 4);
        DMatrixRMaj j = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(s, CommonOps_DDRM.diag(0, 0, -1, -2), tmp);
        CommonOps_DDRM.mult(tmp, sInv, j);
        DMatrixRMaj drazin = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(s, CommonOps_DDRM.diag(0, 0, -1, -0.5), tmp);
        CommonOps_DDRM.mult(tmp, sInv, drazin);
        double[] b = {0.3, -1.2, 0.7, 2.0};
        DMatrixRMaj expected = new DMatrixRMaj(4, 1);
        CommonOps_DDRM.mult(drazin, DMatrixRMaj.wrap(4, 1, b.clone()), expected);
        double[] x = SpectralProjector.drazinApply(j, 2, b);
        assertNotNull(x);
        for (int i = 0; i < 4; i++) {
            assertEquals(expected.get(i, 0), x[i], 1e-12, "component " + i);
        }
        DMatrixRMaj invertible = new DMatrixRMaj(new double[][] {{2, 1}, {0, -3}});
        double[] y = SpectralProjector.drazinApply(invertible, 0, new double[] {1, 3});
        assertEquals(1, y[0], 1e-15);
        assertEquals(-1, y[1], 1e-15);
        // a Jordan block at 0 has no Π₀, so no Drazin inverse of index 1
        assertNull(SpectralProjector.drazinApply(new DMatrixRMaj(new double[][] {{0, 1, 0}, {0, 0, 0}, {0, 0, -1}}), 1,
                new double[] {1, 1, 1}));
    }

    /**
     * 0 nearly a Jordan block: J = [[0, 1e5, 0], [0, −1, 1e4], [0, 0, −1]] has kernel e₁ and left
     * null vector w ∝ (1, 1e5, 1e9), so σ(WᵀV) ≈ 1e-9, and J^D b = (1e5 b₂ + 2e9 b₃, −b₂ − 1e4 b₃, −b₃)
     * (back substitution in (J + Π₀) x = (I − Π₀) b with Π₀ = e₁ (1, 1e5, 1e9)): b = (0, 0, 1e-10)
     * moves by 0.2. Mutant: a threshold 1e-8 on σ(WᵀV) (null: the displacement is lost).
     */
    @Test
    void aNearlyDefectiveZeroGivesALongDisplacement() {
        DMatrixRMaj j = new DMatrixRMaj(new double[][] {{0, 1e5, 0}, {0, -1, 1e4}, {0, 0, -1}});
        double[] x = SpectralProjector.drazinApply(j, 1, new double[] {0, 0, 1e-10});
        assertNotNull(x);
        assertEquals(0.2, x[0], 1e-9);
        assertEquals(-1e-6, x[1], 1e-15);
        assertEquals(-1e-10, x[2], 1e-19);
    }

    /**
     * A wrong leading triplet, which the null-vector guard does not look at (left vectors 0 and 1
     * turned into each other by 0.5 rad), makes J^D b wrong; the check of J x against (I − Π₀) b
     * rejects it (null). The true SVD passes. Mutant: no check (a wrong x is returned).
     */
    @Test
    void aWrongLeadingTripletFailsTheDrazinCheck() {
        int n = 40;
        int d = 3;
        Random rnd = new Random(22);
        DMatrixRMaj j = SimilarMatrix.draw(n, d, 0, rnd).matrix();
        Svd right = Svd.byEjml(j);
        DMatrixRMaj u = right.u();
        double[] values = right.s();
        double[] b = Matrices.gaussian(n, 1, 1.0, rnd).data;
        assertNotNull(SpectralProjector.nullVectors(j, d, right).drazinApply(b), "the true SVD");
        DMatrixRMaj turned = u.copy();
        for (int r = 0; r < n; r++) {
            turned.set(r, 0, Math.cos(0.5) * u.get(r, 0) + Math.sin(0.5) * u.get(r, 1));
            turned.set(r, 1, -Math.sin(0.5) * u.get(r, 0) + Math.cos(0.5) * u.get(r, 1));
        }
        Svd wrong = new Svd(turned, values, right.vt());
        assertTrue(SpectralProjector.trustworthy(j, d, wrong), "the guard looks at the last d triplets only");
        assertNull(SpectralProjector.nullVectors(j, d, wrong).drazinApply(b));
    }

    /**
     * A right-hand side almost entirely along the kernel, b = 1e6 S e₁ + (a unit vector): J^D b is
     * still right (against S diag(0, Λ⁻¹) S⁻¹ b), and its check accepts it. Mutant: the check's
     * rounding term with ‖c‖ for ‖b‖ + ‖b − c‖ (the rounding of c, of order u‖b‖, exceeds it: null).
     */
    @Test
    void aRightHandSideAlongTheKernelIsNotRejected() {
        int n = 60;
        Random rnd = new Random(23);
        SimilarMatrix similar = SimilarMatrix.draw(n, 1, 0, rnd);
        DMatrixRMaj j = similar.matrix();
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = 1e6 * similar.s().get(i, 0) + rnd.nextGaussian() / Math.sqrt(n);
        }
        // expected: S diag(0, 1/λ) S⁻¹ b
        DMatrixRMaj expected = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.mult(similar.apply(x -> x == 0 ? 0 : 1 / x), DMatrixRMaj.wrap(n, 1, b.clone()), expected);
        double[] x = SpectralProjector.nullVectors(j, 1, null).drazinApply(b);
        assertNotNull(x, "rejected");
        double miss = 0;
        for (int i = 0; i < n; i++) {
            miss = Math.max(miss, Math.abs(x[i] - expected.get(i, 0)));
        }
        assertTrue(miss < 1e-6 * Matrices.norm(expected), "‖x − J^D b‖∞ = " + miss + ", ‖J^D b‖ = " + Matrices.norm(expected));
    }

    /**
     * The check holds x to J_r (J without its d smallest singular values), not to J with an
     * allowance s_{N−d+1}‖x‖: where the "zero" eigenvalue is 0.01 (so s_{N−d+1} ≈ 1e-2), an SVD whose
     * smallest kept singular value is 0.3 % off (x then 0.3 % off) is rejected, and the true one is
     * accepted. Mutant: ‖J x − c‖ ≤ s_{N−d+1}‖x‖ + … (accepts it).
     */
    @Test
    void aSlightlyWrongKeptSingularValueFailsTheCheck() {
        int n = 40;
        int d = 1;
        Random rnd = new Random(24);
        DMatrixRMaj j = SimilarMatrix.draw(n, d, 0.01, rnd).matrix();
        Svd right = Svd.byEjml(j);
        double[] b = Matrices.gaussian(n, 1, 1.0, rnd).data;
        assertNotNull(SpectralProjector.nullVectors(j, d, right).drazinApply(b), "the true SVD");
        double[] off = right.s().clone();
        off[n - d - 1] *= 1.003;
        Svd wrong = new Svd(right.u(), off, right.vt());
        assertTrue(SpectralProjector.trustworthy(j, d, wrong), "the guard looks at the last d triplets only");
        assertNull(SpectralProjector.nullVectors(j, d, wrong).drazinApply(b));
    }
}
