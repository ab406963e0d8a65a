package org.sgema.stability;

import org.sgema.numerics.SpectralProjector;
import org.sgema.numerics.Spectrum;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.sgema.numerics.RankEstimate;
import org.sgema.equilibria.EquilibriumProjector;
import org.sgema.flows.JacobianLipschitz;
import org.sgema.flows.VectorField;
import org.sgema.numerics.Matrices;
import org.sgema.model.InvalidInputException;
import org.sgema.model.State;

/**
 * Classifies an equilibrium θ* by the spectrum of its Jacobian [T7], deciding nothing that its
 * numbers do not support:
 * <pre>
 *   polish:  θ_p = Levenberg–Marquardt / Gauss–Newton projection of θ onto F = 0 (when ‖F(θ)‖ is
 *            above rounding); the distance moved ‖θ_p − θ‖ is reported
 *   δ       = 2 ‖F(θ_p)‖ / s_r          distance from θ_p to the equilibrium set, s_r the smallest
 *            singular value of J with s_r² &gt; 2 L ‖F(θ_p)‖ (Kantorovich h = L‖F‖/s_r² &lt; 1/2; smaller
 *            ones cannot be told from zero ones moved by Lδ)
 *   β       = zeroTol·‖J‖₂ + L(‖θ_p‖ + δ)·δ    L from {@link JacobianLipschitz}: ‖J(θ_p) − J(θ*)‖ ≤ Lδ
 *   rank J  = #{ s_i &gt; max(rankTol·s_1, Lδ) }, d = N − rank    (Weyl: singular values move ≤ Lδ)
 *   zero cluster  = { z : |z| ≤ β }   must have exactly d members (0 semisimple)
 *   NORMALLY_ATTRACTING  if #zero = d, max Re(rest) &lt; −β, gaps ≥ minGap
 *   UNSTABLE             if some Re z &gt; β outside the zero cluster
 *   INCONCLUSIVE         otherwise, with the number that decided it
 * </pre>
 * The eigenvalue bound β treats the perturbation {@code J(θ_p) − J(θ*)} as it treats rounding:
 * an eigenvalue moves by about the norm of the perturbation (Weyl/Bauer–Fike with a
 * well-conditioned eigenbasis); an ill-conditioned eigenbasis shows as a Jordan-like cluster and
 * is caught by the count and semisimplicity tests. Defaults: rankTol = 1e-8, zeroTol = 1e-7,
 * minGap = 100, polishing on. A non-semisimple zero (a Jordan block) shows as more near-zero
 * eigenvalues (of size ~√ε) than the nullity, and independently as left and right null vectors
 * that are not told apart from orthogonal ({@code σ_min(WᵀV)} within its error bound, see
 * {@link #semisimpleZero}): either makes the point INCONCLUSIVE. Numerical failures of
 * the SVD or the eigensolver are INCONCLUSIVE with their message, never an exception.
 */
public final class StabilityClassifier {
    private final double rankTolerance;
    private final double zeroTolerance;
    private final double minGap;
    private final boolean polish;

    /**
     * Immutable, validated settings of the classifier; configure with the {@code withX} copies.
     *
     * @param rankTolerance relative SVD threshold of the rank of J, in (0, 1)
     * @param zeroTolerance relative threshold of the zero eigenvalue cluster, in (0, 1)
     * @param minGap smallest acceptable ratio between the non-zero and zero clusters, at least 1
     * @param polish whether {@link #classify(VectorField, State)} first projects the point onto F = 0
     */
    public record Settings(double rankTolerance, double zeroTolerance, double minGap, boolean polish) {
        /** Settings with polishing on. */
        public Settings(double rankTolerance, double zeroTolerance, double minGap) {
            this(rankTolerance, zeroTolerance, minGap, true);
        }

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

        /** @return rankTol = 1e-8, zeroTol = 1e-7, minGap = 100, polishing on */
        public static Settings defaults() {
            return new Settings(1e-8, 1e-7, 100);
        }

        /** @return a copy with another rank tolerance */
        public Settings withRankTolerance(double t) {
            return new Settings(t, zeroTolerance, minGap, polish);
        }

        /** @return a copy with another zero tolerance */
        public Settings withZeroTolerance(double t) {
            return new Settings(rankTolerance, t, minGap, polish);
        }

        /** @return a copy with another minimal gap */
        public Settings withMinGap(double g) {
            return new Settings(rankTolerance, zeroTolerance, g, polish);
        }

        /** @return a copy that classifies the point as given, with the bound from its own residual */
        public Settings withoutPolishing() {
            return new Settings(rankTolerance, zeroTolerance, minGap, false);
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
        this.polish = settings.polish();
    }

    /**
     * Polishes {@code point} onto F = 0 (unless disabled), then classifies the polished point with
     * the bound β of the class comment.
     *
     * @return the classification of the equilibrium near {@code point} of {@code field}
     */
    public Stability classify(VectorField field, State point) {
        double[] theta = point.toArray();
        double residual = Matrices.norm(field.evaluate(theta));
        double[] at = theta;
        double moved = 0;
        if (polish && Double.isFinite(residual)) {
            try {
                EquilibriumProjector.Projection p = new EquilibriumProjector().project(field, point);
                if (p.residual() < residual) {
                    at = p.state().toArray();
                    moved = p.distance();
                }
            } catch (RuntimeException e) {
                // the projection's SVD failed: classify the point as given, with its own residual
            }
        }
        double polishedResidual = at == theta ? residual : Matrices.norm(field.evaluate(at));
        if (!Double.isFinite(polishedResidual)) {
            return failed("the field is not finite at the point", residual, polishedResidual, moved, null, null);
        }
        double lipschitz = JacobianLipschitz.of(field.configuration(), Matrices.norm(at) + 1.0);
        return classify(field.jacobian(at), residual, polishedResidual, moved, lipschitz, null, null, true);
    }

    /**
     * Classifies an exact Jacobian: the bound is rounding only ({@code zeroTol·‖J‖₂}).
     *
     * @param jacobian J(θ*) (not modified)
     * @param residual {@code ‖F(θ*)‖}, reported only
     */
    public Stability classify(DMatrixRMaj jacobian, double residual) {
        return classify(jacobian, residual, 0.0, 0.0, 0.0, null, null, true);
    }

    /**
     * As {@link #classify(DMatrixRMaj, double)}, with J's singular values and spectrum already
     * computed by the caller, by the routines this class uses ({@link RankEstimate#singularValues}
     * and {@link Spectrum#of}): the same classification, without computing them again (the
     * semisimplicity test still takes J's null vectors).
     *
     * @param jacobian J(θ*) (not modified)
     * @param residual {@code ‖F(θ*)‖}, reported only
     * @param singular {@code RankEstimate.singularValues(jacobian)}
     * @param spectrum {@code Spectrum.of(jacobian)}
     */
    public Stability classify(DMatrixRMaj jacobian, double residual, double[] singular, Spectrum spectrum) {
        return classify(jacobian, residual, 0.0, 0.0, 0.0, singular, spectrum, true);
    }

    /**
     * As {@link #classify(DMatrixRMaj, double, double[], Spectrum)}, but without the semisimplicity
     * test of 0 (one SVD with vectors, the costliest decomposition of a classification): a point
     * that passes every other test of NORMALLY_ATTRACTING is INCONCLUSIVE, with that reason. Every
     * other verdict is the full classification's, since that test only ever turns
     * NORMALLY_ATTRACTING into INCONCLUSIVE; for callers that need no more than "UNSTABLE or not".
     *
     * @param jacobian J(θ*) (not modified)
     * @param residual {@code ‖F(θ*)‖}, reported only
     * @param singular {@code RankEstimate.singularValues(jacobian)}
     * @param spectrum {@code Spectrum.of(jacobian)}
     */
    public Stability classifyUpToSemisimplicity(DMatrixRMaj jacobian, double residual, double[] singular,
                                                Spectrum spectrum) {
        return classify(jacobian, residual, 0.0, 0.0, 0.0, singular, spectrum, false);
    }

    /**
     * @param jacobian J at the classified point (not modified)
     * @param residual {@code ‖F‖} at the point given by the caller
     * @param polishedResidual {@code ‖F‖} at the classified point
     * @param moved distance between the two points
     * @param lipschitz L, a bound on the change of J per unit distance near the classified point
     * @param knownSingular J's singular values, or null to compute them
     * @param knownSpectrum J's spectrum, or null to compute it
     * @param semisimplicity whether to test 0 for semisimplicity (false: a point that passes every
     *     other test of NORMALLY_ATTRACTING is INCONCLUSIVE)
     */
    private Stability classify(DMatrixRMaj jacobian, double residual, double polishedResidual, double moved,
                               double lipschitz, double[] knownSingular, Spectrum knownSpectrum,
                               boolean semisimplicity) {
        int n = jacobian.numRows;
        double scale;
        double[] singular;
        Spectrum spectrum;
        try {
            singular = knownSingular != null ? knownSingular : RankEstimate.singularValues(jacobian);
            scale = Math.max(singular.length == 0 ? 0 : singular[0], Double.MIN_NORMAL);
            spectrum = knownSpectrum != null ? knownSpectrum : Spectrum.of(jacobian);
        } catch (RuntimeException e) {
            return failed("decomposition failed: " + e.getMessage(), residual, polishedResidual, moved, null, null);
        }
        // distance to the equilibrium set and the Jacobian's possible change over it: singular
        // values with s² ≤ 2 L ‖F‖ cannot be told from zero ones moved by the perturbation, so the
        // Gauss–Newton distance uses the smallest one above (Kantorovich h = L‖F‖/s² < 1/2)
        double smallestNonZero = 0;
        for (double sv : singular) {
            if (sv > rankTolerance * scale && sv * sv > 2 * lipschitz * polishedResidual) {
                smallestNonZero = sv;
            }
        }
        double drift = 0;
        if (polishedResidual > 0) {
            if (smallestNonZero == 0) {
                return failed(String.format(Locale.ROOT,
                        "too far from the equilibrium set for a bound: residual %.3g, largest singular value %.3g,"
                                + " L = %.3g (Kantorovich h = L‖F‖/s² > 1/2 for every singular value)",
                        polishedResidual, scale, lipschitz), residual, polishedResidual, moved,
                        RankEstimate.of(singular, n, rankTolerance), spectrum);
            }
            double distance = 2 * polishedResidual / smallestNonZero;
            drift = lipschitz * distance;
        }
        double bound = zeroTolerance * scale + drift;
        double rankLevel = Math.max(rankTolerance, Math.min(drift / scale, 0.5));
        RankEstimate rank = RankEstimate.of(singular, n, rankLevel);
        int d = rank.nullity();
        int zeros = 0;
        double maxZero = 0;
        double minNonZero = Double.POSITIVE_INFINITY;
        double maxRe = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            double abs = spectrum.abs(k);
            if (abs <= bound) {
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
        if (maxRe > bound) {
            verdict = StabilityVerdict.UNSTABLE;
            reason = String.format(Locale.ROOT, "eigenvalue with real part %.4g > bound %.3g", maxRe, bound);
        } else if (bound * minGap > scale) {
            verdict = StabilityVerdict.INCONCLUSIVE;
            reason = String.format(Locale.ROOT, "bound %.3g is not small against ‖J‖ = %.3g", bound, scale);
        } else if (zeros != d) {
            verdict = StabilityVerdict.INCONCLUSIVE;
            reason = String.format(Locale.ROOT,
                    "%d eigenvalues within the bound %.3g of 0 but nullity %d (0 not semisimple, or ambiguous"
                            + " rank; SVD gap %.3g)", zeros, bound, d, rank.gap());
        } else if (rank.gap() < minGap || gap < minGap) {
            verdict = StabilityVerdict.INCONCLUSIVE;
            reason = String.format(Locale.ROOT, "spectral gap too small (eigenvalue gap %.3g, SVD gap %.3g)",
                    gap, rank.gap());
        } else if (maxRe < -bound || zeros == n) {
            verdict = zeros == n ? StabilityVerdict.INCONCLUSIVE : StabilityVerdict.NORMALLY_ATTRACTING;
            reason = zeros == n ? "J is numerically zero" : "";
            if (verdict == StabilityVerdict.NORMALLY_ATTRACTING && d > 0 && !semisimplicity) {
                verdict = StabilityVerdict.INCONCLUSIVE;
                reason = "attracting up to the semisimplicity of 0, which was not tested";
            } else if (verdict == StabilityVerdict.NORMALLY_ATTRACTING && d > 0
                    && !semisimpleZero(jacobian, d, rankLevel * scale)) {
                verdict = StabilityVerdict.INCONCLUSIVE;
                reason = "0 is not decided semisimple: ker J and range J are not told apart beyond their error"
                        + " (σ_min(WᵀV) ≤ 2ε/(s_{N−d} − ε))";
            }
        } else {
            verdict = StabilityVerdict.INCONCLUSIVE;
            reason = String.format(Locale.ROOT, "an eigenvalue's real part %.4g is within the bound %.3g of 0",
                    maxRe, bound);
        }
        return new Stability(verdict, reason, residual, d, rank, zeros, bound,
                maxRe, gap, spectrum, bound, polishedResidual, moved);
    }

    /**
     * An INCONCLUSIVE classification that decides nothing: the bound (and so the zero cluster) is
     * infinite; the spectrum and rank are kept when they were computed, the spectrum is empty
     * otherwise (never null, so callers that read it need no special case).
     */
    private static Stability failed(String reason, double residual, double polishedResidual, double moved,
                                    RankEstimate rank, Spectrum spectrum) {
        Spectrum s = spectrum == null ? Spectrum.of(new double[0], new double[0]) : spectrum;
        return new Stability(StabilityVerdict.INCONCLUSIVE, reason, residual, rank == null ? 0 : rank.nullity(),
                rank, 0, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, s, Double.POSITIVE_INFINITY,
                polishedResidual, moved);
    }

    /**
     * A second, independent test that 0 is a semisimple eigenvalue of multiplicity d (no Jordan
     * block): {@code ker J ∩ range J = {0}}, i.e. {@code WᵀV} invertible, with V and W the right and
     * left null vectors (the last d columns of V and U in {@code J = U S Vᵀ}). J is known to ε (the
     * level the rank treats as zero); each null space then lies within an angle
     * {@code ε/(s_{N−d} − ε)} of the exact one (Wedin), so the test is decided only beyond that:
     * <pre>
     *   semisimple  iff  s_{N−d} &gt; 2ε  and  σ_min(WᵀV) &gt; 2ε/(s_{N−d} − ε)
     * </pre>
     * (false otherwise: a Jordan block, or not decided). Unlike a rank test of J², which would
     * need a threshold of its own, a tiny genuine eigenvalue does not pass for a second zero. It
     * takes the nullity d as the rank decided it: a Jordan coupling below ε, as in
     * {@code [[0, 1e-9], [0, 0]]} with ε = 1e-8, is within ε of a double semisimple zero and is
     * counted as one (as the rank test of J² counted it).
     *
     * For a limit known only to a distance δ, ε carries L·δ (L a Lipschitz constant of J).
     *
     * @param field the field; J is its Jacobian at {@code at}
     * @param at the point
     * @param d the nullity of J
     * @param epsilon ε, how far J may be from the exact Jacobian (at the exact point)
     * @return whether 0 is decided semisimple
     */
    public boolean semisimpleZero(VectorField field, State at, int d, double epsilon) {
        return semisimpleZero(field.jacobian(at.toArray()), d, epsilon);
    }

    /**
     * As {@link #semisimpleZero(VectorField, State, int, double)}, on a given Jacobian.
     *
     * @param jacobian J (not modified)
     * @param d the nullity of J
     * @param epsilon ε, how far J may be from the exact Jacobian
     * @return whether 0 is decided semisimple
     */
    boolean semisimpleZero(DMatrixRMaj jacobian, int d, double epsilon) {
        if (d <= 0 || d >= jacobian.numRows) {
            return false;
        }
        return semisimpleZero(SpectralProjector.nullVectors(jacobian, d), epsilon);
    }

    /**
     * As {@link #semisimpleZero(VectorField, State, int, double)}, on null vectors already taken
     * (d their number, 0 &lt; d &lt; N).
     *
     * @param nv the null vectors of J (null: the SVD failed, not decided)
     * @param epsilon ε, how far J may be from the exact Jacobian
     * @return whether 0 is decided semisimple
     */
    public boolean semisimpleZero(SpectralProjector.NullVectors nv, double epsilon) {
        if (nv == null || nv.right().numCols <= 0 || nv.right().numCols >= nv.right().numRows) {
            return false;
        }
        int d = nv.right().numCols;
        if (!(nv.smallestNonZero() > 2 * epsilon)) {
            return false;
        }
        double[] sv = RankEstimate.singularValues(nv.pairing());
        return sv[d - 1] > 2 * epsilon / (nv.smallestNonZero() - epsilon);
    }
}
