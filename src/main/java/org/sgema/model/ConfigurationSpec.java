package org.sgema.model;

import org.sgema.numerics.Matrices;
import java.util.Locale;
import java.util.Random;

/**
 * A small, readable recipe for a random configuration: every field is a simple value with an
 * obvious "simplest" choice, so property-based search can shrink a counterexample to something
 * a person can read, and {@link #toConfiguration()} rebuilds exactly the same matrices.
 *
 * <pre>
 *   SYMMETRIC  : S = Q_S diag(s) Q_Sᵀ, N = Q_N diag(ν) Q_Nᵀ;  Cxx = Cyy = S + N, Cxy = S;  σ = min ν
 *   ASYMMETRIC : Σz = Q diag(z) Qᵀ (2n×2n), cut into Cxx, Cxy, Cyy;                    σ = min z
 *   IDENTICAL  : x = y (no augmentation noise): Cxx = Cxy = Cyy = S;                      σ = 0
 *   spectra    : WELL (condition 10), ILL (condition 1e6),
 *                TINY_GAP (symmetric, S and N commuting, two generalized eigenvalues 1e-6 apart)
 * </pre>
 *
 * @param n input dimension
 * @param m representation dimension (≤ n)
 * @param views how the two views relate
 * @param spectrum how the spectra are chosen
 * @param lambda weight decay λ
 * @param alpha predictor rate ratio α
 * @param tau EMA rate τ
 * @param rotationSeed seed of the random rotations
 */
public record ConfigurationSpec(int n, int m, Views views, Spectra spectrum, double lambda, double alpha,
                                double tau, long rotationSeed) implements ConfigurationRecipe {

    /** How the two views relate. */
    public enum Views { SYMMETRIC, ASYMMETRIC, IDENTICAL }

    /** How the spectra are chosen. */
    public enum Spectra { WELL, ILL, TINY_GAP }

    /** Validates the dimensions up front. */
    public ConfigurationSpec {
        if (n < 1) {
            throw new InvalidInputException("n", "must be at least 1, got " + n);
        }
        if (m < 1 || m > n) {
            throw new InvalidInputException("m", "must be in [1, n=" + n + "], got " + m);
        }
    }

    @Override
    public String viewsLabel() {
        return views.name();
    }

    @Override
    public String spectrumLabel() {
        return spectrum.name();
    }

    /** @return the configuration this recipe describes (deterministic) */
    @Override
    public Configuration toConfiguration() {
        Random random = new Random(rotationSeed);
        double condition = spectrum == Spectra.ILL ? 1e6 : 10.0;
        Configuration c = switch (views) {
            case SYMMETRIC -> spectrum == Spectra.TINY_GAP ? tinyGap(random)
                    : RandomConfigurations.symmetric(RandomConfigurations.logSpaced(n, 1.0, condition),
                            RandomConfigurations.logSpaced(n, 0.5, Math.sqrt(condition)), m, random);
            case ASYMMETRIC -> RandomConfigurations.asymmetric(
                    RandomConfigurations.logSpaced(2 * n, 2.0, condition), m, random);
            case IDENTICAL -> {
                var s = Matrices.withSpectrum(Matrices.randomOrthogonal(n, random),
                        RandomConfigurations.logSpaced(n, 1.0, condition));
                yield Configuration.views(s, s, s, m);
            }
        };
        return c.withLambda(lambda).withAlpha(alpha).withTau(tau);
    }

    /**
     * S and N share eigenvectors, so {@code μ_i = s_i / (s_i + ν_i)}; the two leading μ are
     * 1e-6 apart and the rest log-spaced below.
     */
    private Configuration tinyGap(Random random) {
        double[] s = new double[n];
        double[] nu = new double[n];
        for (int i = 0; i < n; i++) {
            double mu = i == 0 ? 0.8 : i == 1 ? 0.8 - 1e-6 : 0.7 * Math.pow(0.5, i - 1);
            double c = 1.0 + 0.1 * i;
            s[i] = mu * c;
            nu[i] = (1 - mu) * c;
        }
        var q = Matrices.randomOrthogonal(n, random);
        return Configuration.symmetric(Matrices.withSpectrum(q, s), Matrices.withSpectrum(q, nu), m);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Spec[n=%d, m=%d, %s, %s, λ=%s, α=%s, τ=%s, seed=%d]",
                n, m, views, spectrum, lambda, alpha, tau, rotationSeed);
    }
}
