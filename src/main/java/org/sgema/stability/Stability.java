package org.sgema.stability;

import org.sgema.numerics.Spectrum;
import java.util.Locale;

import org.sgema.numerics.RankEstimate;

/**
 * The immutable result of classifying an equilibrium.
 *
 * @param verdict the classification
 * @param reason why (names the number behind an INCONCLUSIVE or UNSTABLE verdict)
 * @param residual {@code ‖F(θ*)‖}
 * @param localDimension {@code d = N − rank J}
 * @param rank the rank estimate of J with its singular-value gap
 * @param zeroEigenvalues number of eigenvalues with {@code |z| ≤ zeroTolerance}
 * @param zeroTolerance the scale-aware threshold used
 * @param maxRealNonZero largest real part among the other eigenvalues
 * @param gap {@code min |z| over the non-zero cluster / max |z| over the zero cluster}
 * @param spectrum eigenvalues of J
 */
public record Stability(StabilityVerdict verdict, String reason, double residual, int localDimension,
                        RankEstimate rank, int zeroEigenvalues, double zeroTolerance,
                        double maxRealNonZero, double gap, Spectrum spectrum) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "%s (d=%d, zeros=%d, max Re of the rest=%.4g, gap=%.3g, residual=%.3g)%s",
                verdict, localDimension, zeroEigenvalues, maxRealNonZero, gap, residual,
                reason.isEmpty() ? "" : ": " + reason);
    }
}
