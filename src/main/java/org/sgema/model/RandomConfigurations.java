package org.sgema.model;

import org.sgema.numerics.Matrices;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Random configurations and states with controlled spectra (theory notes, section 4):
 * covariances are {@code Q diag(λ) Qᵀ} with Haar-random orthogonal Q and chosen eigenvalues,
 * so conditioning, σ and generalized-eigenvalue gaps are set, not left to chance.
 */
public final class RandomConfigurations {
    private RandomConfigurations() {
    }

    /**
     * Log-spaced eigenvalues from {@code top} down to {@code top / condition}.
     *
     * @return n values, descending
     */
    public static double[] logSpaced(int n, double top, double condition) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double f = n == 1 ? 0.0 : (double) i / (n - 1);
            v[i] = top * Math.pow(condition, -f);
        }
        return v;
    }

    /**
     * Symmetric augmentation model: {@code S = Q_S diag(signal) Q_Sᵀ},
     * {@code N = Q_N diag(noise) Q_Nᵀ} (σ = min noise).
     */
    public static Configuration symmetric(double[] signal, double[] noise, int m, Random random) {
        int n = signal.length;
        DMatrixRMaj s = Matrices.withSpectrum(Matrices.randomOrthogonal(n, random), signal);
        DMatrixRMaj nz = Matrices.withSpectrum(Matrices.randomOrthogonal(n, random), noise);
        return Configuration.symmetric(s, nz, m);
    }

    /**
     * Asymmetric views: the joint moment {@code Σz = Q diag(joint) Qᵀ} (2n×2n) is drawn with the
     * given spectrum and cut into {@code Cxx, Cxy, Cyy}; then {@code σ = min joint}.
     *
     * @param joint 2n eigenvalues of Σz, all ≥ 0
     */
    public static Configuration asymmetric(double[] joint, int m, Random random) {
        if (joint.length % 2 != 0) {
            throw new InvalidInputException("joint", "needs 2n eigenvalues, got " + joint.length);
        }
        int n = joint.length / 2;
        DMatrixRMaj z = Matrices.withSpectrum(Matrices.randomOrthogonal(2 * n, random), joint);
        DMatrixRMaj cxx = CommonOps_DDRM.extract(z, 0, n, 0, n);
        DMatrixRMaj cxy = CommonOps_DDRM.extract(z, 0, n, n, 2 * n);
        DMatrixRMaj cyy = CommonOps_DDRM.extract(z, n, 2 * n, n, 2 * n);
        return Configuration.views(cxx, cxy, cyy, m);
    }

    /**
     * A random initial state with Gaussian entries: {@code A_ij ~ N(0, (scale²)/m)},
     * {@code B_ij ~ N(0, scale²/n)} (fan-in scaling times {@code scale}); {@code B̄ = B} for EMA.
     */
    public static State fanInState(int m, int n, boolean withTarget, double scale, Random random) {
        DMatrixRMaj a = Matrices.gaussian(m, m, scale / Math.sqrt(m), random);
        DMatrixRMaj b = Matrices.gaussian(m, n, scale / Math.sqrt(n), random);
        return withTarget ? State.of(a, b, b) : State.of(a, b);
    }

    /**
     * @return {@code θ + ε(1 + ‖θ‖) ξ/‖ξ‖} with ξ standard Gaussian: a move of relative size ε
     *     in a random direction ({@code theta} not modified)
     */
    public static double[] perturbed(double[] theta, double relative, Random random) {
        double[] out = displacement(theta, relative, random);
        for (int i = 0; i < out.length; i++) {
            out[i] += theta[i];
        }
        return out;
    }

    /**
     * @return {@code δ = ε(1 + ‖θ‖) ξ/‖ξ‖} with ξ standard Gaussian, the move of
     *     {@link #perturbed} (same draws) on its own, without the rounding of adding it to θ
     */
    public static double[] displacement(double[] theta, double relative, Random random) {
        double[] xi = new double[theta.length];
        for (int i = 0; i < xi.length; i++) {
            xi[i] = random.nextGaussian();
        }
        double scale = relative * (1 + Matrices.norm(theta)) / Matrices.norm(xi);
        for (int i = 0; i < xi.length; i++) {
            xi[i] *= scale;
        }
        return xi;
    }

    /** @return a state with i.i.d. N(0, scale²) entries (a "generic point") */
    public static State gaussianState(int m, int n, boolean withTarget, double scale, Random random) {
        DMatrixRMaj a = Matrices.gaussian(m, m, scale, random);
        DMatrixRMaj b = Matrices.gaussian(m, n, scale, random);
        return withTarget ? State.of(a, b, Matrices.gaussian(m, n, scale, random)) : State.of(a, b);
    }
}
