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
 * @param bound β: no eigenvalue's sign (and no singular value's zeroness) closer to 0 than
 *        this counts (see {@link StabilityClassifier}); {@code zeroTolerance ≥ bound}
 * @param polishedResidual {@code ‖F‖} at the point actually classified (after polishing)
 * @param distanceMoved how far polishing moved the point, {@code ‖θ_p − θ‖} (0 if not polished)
 */
public record Stability(StabilityVerdict verdict, String reason, double residual, int localDimension,
                        RankEstimate rank, int zeroEigenvalues, double zeroTolerance,
                        double maxRealNonZero, double gap, Spectrum spectrum,
                        double bound, double polishedResidual, double distanceMoved) {

    /** A classification of an exact Jacobian: the bound is the zero tolerance, nothing polished. */
    public Stability(StabilityVerdict verdict, String reason, double residual, int localDimension,
                     RankEstimate rank, int zeroEigenvalues, double zeroTolerance,
                     double maxRealNonZero, double gap, Spectrum spectrum) {
        this(verdict, reason, residual, localDimension, rank, zeroEigenvalues, zeroTolerance, maxRealNonZero,
                gap, spectrum, zeroTolerance, residual, 0.0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "%s (d=%d, zeros=%d, max Re of the rest=%.4g, bound=%.3g, gap=%.3g, residual=%.3g,"
                        + " polished residual=%.3g, moved %.3g)%s",
                verdict, localDimension, zeroEigenvalues, maxRealNonZero, bound, gap, residual,
                polishedResidual, distanceMoved,
                reason.isEmpty() ? "" : ": " + reason);
    }
}
