package org.sgema.stability;

import org.sgema.numerics.Spectrum;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.sgema.numerics.RankEstimate;
import org.sgema.flows.VectorField;
import org.sgema.numerics.Matrices;
import org.sgema.model.InvalidInputException;
import org.sgema.model.State;

/**
 * Classifies an equilibrium θ* by the spectrum of its Jacobian [T7]:
 * <pre>
 *   scale = ‖J‖₂,  d = N − rank J                 (rank from SVD, relative threshold rankTol)
 *   zero cluster  = { z : |z| ≤ zeroTol·scale }   must have exactly d members (0 semisimple)
 *   NORMALLY_ATTRACTING  if #zero = d, max Re(rest) &lt; −zeroTol·scale, gap ≥ minGap
 *   UNSTABLE             if some Re z &gt; zeroTol·scale outside the zero cluster
 *   INCONCLUSIVE         otherwise (the gap, or the count mismatch, is reported)
 * </pre>
 * Defaults: rankTol = 1e-8, zeroTol = 1e-7, minGap = 100. A non-semisimple zero (a Jordan
 * block) shows as more near-zero eigenvalues (of size ~√ε) than the nullity, and independently
 * as {@code nullity(J²) > nullity(J)}: either makes the point INCONCLUSIVE.
 */
public final class StabilityClassifier {
    private final double rankTolerance;
    private final double zeroTolerance;
    private final double minGap;

    /**
     * Immutable, validated settings of the classifier; configure with the {@code withX} copies.
     *
     * @param rankTolerance relative SVD threshold of the rank of J, in (0, 1)
     * @param zeroTolerance relative threshold of the zero eigenvalue cluster, in (0, 1)
     * @param minGap smallest acceptable ratio between the non-zero and zero clusters, at least 1
     */
    public record Settings(double rankTolerance, double zeroTolerance, double minGap) {
        /** Validates every field, naming the offending one. */
        public Settings {
            if (!(rankTolerance > 0 && rankTolerance < 1)) {
                throw new InvalidInputException("rankTolerance", "must be in (0, 1), got " + rankTolerance);
            }
            if (!(zeroTolerance > 0 && zeroTolerance < 1)) {
                throw new InvalidInputException("zeroTolerance", "must be in (0, 1), got " + zeroTolerance);
            }
            if (!(minGap >= 1) || Double.isInfinite(minGap)) {
                throw new InvalidInputException("minGap", "must be a finite number ≥ 1, got " + minGap);
            }
        }

        /** @return rankTol = 1e-8, zeroTol = 1e-7, minGap = 100 */
        public static Settings defaults() {
            return new Settings(1e-8, 1e-7, 100);
        }

        /** @return a copy with another rank tolerance */
        public Settings withRankTolerance(double t) {
            return new Settings(t, zeroTolerance, minGap);
        }

        /** @return a copy with another zero tolerance */
        public Settings withZeroTolerance(double t) {
            return new Settings(rankTolerance, t, minGap);
        }

        /** @return a copy with another minimal gap */
        public Settings withMinGap(double g) {
            return new Settings(rankTolerance, zeroTolerance, g);
        }
    }

    /** The classifier with {@link Settings#defaults()}. */
    public StabilityClassifier() {
        this(Settings.defaults());
    }

    /** @param settings validated settings */
    public StabilityClassifier(Settings settings) {
        this.rankTolerance = settings.rankTolerance();
        this.zeroTolerance = settings.zeroTolerance();
        this.minGap = settings.minGap();
    }

    /** @return the classification of the equilibrium {@code point} of {@code field} */
    public Stability classify(VectorField field, State point) {
        double[] theta = point.toArray();
        double residual = Matrices.norm(field.evaluate(theta));
        return classify(field.jacobian(theta), residual);
    }

    /**
     * @param jacobian J(θ*) (not modified)
     * @param residual {@code ‖F(θ*)‖}, reported only
     */
    public Stability classify(DMatrixRMaj jacobian, double residual) {
        int n = jacobian.numRows;
        double scale = Math.max(NormOps_DDRM.normP2(jacobian), Double.MIN_NORMAL);
        RankEstimate rank = RankEstimate.of(jacobian, rankTolerance);
        int d = rank.nullity();
        Spectrum spectrum = Spectrum.of(jacobian);
        double zeroTol = zeroTolerance * scale;
        int zeros = 0;
        double maxZero = 0;
        double minNonZero = Double.POSITIVE_INFINITY;
        double maxRe = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double abs = spectrum.abs(k);
            if (abs <= zeroTol) {
                zeros++;
                maxZero = Math.max(maxZero, abs);
            } else {
                minNonZero = Math.min(minNonZero, abs);
                maxRe = Math.max(maxRe, spectrum.re(k));
            }
        }
        double gap = maxZero == 0 ? Double.POSITIVE_INFINITY : minNonZero / maxZero;
        StabilityVerdict verdict;
        String reason;
        if (maxRe > zeroTol) {
            verdict = StabilityVerdict.UNSTABLE;
            reason = String.format(Locale.ROOT, "eigenvalue with real part %.4g > 0", maxRe);
        } else if (zeros != d) {
            verdict = StabilityVerdict.INCONCLUSIVE;
            reason = String.format(Locale.ROOT,
                    "%d eigenvalues near 0 but nullity %d (0 not semisimple, or ambiguous rank; SVD gap %.3g)",
                    zeros, d, rank.gap());
        } else if (rank.gap() < minGap || gap < minGap) {
            verdict = StabilityVerdict.INCONCLUSIVE;
            reason = String.format(Locale.ROOT, "spectral gap too small (eigenvalue gap %.3g, SVD gap %.3g)",
                    gap, rank.gap());
        } else if (maxRe < -zeroTol || zeros == n) {
            verdict = zeros == n ? StabilityVerdict.INCONCLUSIVE : StabilityVerdict.NORMALLY_ATTRACTING;
            reason = zeros == n ? "J is numerically zero" : "";
            if (verdict == StabilityVerdict.NORMALLY_ATTRACTING && d > 0 && !semisimpleZero(jacobian, d)) {
                verdict = StabilityVerdict.INCONCLUSIVE;
                reason = "0 is not semisimple: nullity(J²) > nullity(J)";
            }
        } else {
            verdict = StabilityVerdict.INCONCLUSIVE;
            reason = String.format(Locale.ROOT, "eigenvalue on the imaginary axis (max real part %.4g)", maxRe);
        }
        return new Stability(verdict, reason, residual, d, rank, zeros, zeroTol,
                maxRe, gap, spectrum);
    }

    /**
     * A second, independent test that 0 is a semisimple eigenvalue of multiplicity d (no Jordan
     * block): {@code nullity(J²) = nullity(J) = d}, by SVD of J² with the same relative tolerance
     * squared.
     *
     * @param jacobian J (not modified)
     * @return whether J² has the same nullity d
     */
    boolean semisimpleZero(DMatrixRMaj jacobian, int d) {
        DMatrixRMaj square = new DMatrixRMaj(jacobian.numRows, jacobian.numCols);
        org.ejml.dense.row.CommonOps_DDRM.mult(jacobian, jacobian, square);
        return RankEstimate.of(square, Math.min(rankTolerance * rankTolerance * 1e4, rankTolerance)).nullity() == d;
    }
}
