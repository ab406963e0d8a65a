package org.sgema.claims;

import java.util.Locale;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.sgema.equilibria.EquilibriumVariety;
import org.sgema.flows.Flow;
import org.sgema.model.Configuration;
import org.sgema.numerics.Matrices;
import org.sgema.numerics.RankEstimate;
import org.sgema.model.State;
import org.sgema.stability.Linearization;
import org.sgema.numerics.Spectrum;
import org.sgema.stability.Stability;
import org.sgema.stability.StabilityClassifier;
import org.sgema.stability.StabilityVerdict;

/**
 * [T6] The SG linearization (λ = 0) reduces to an mn×mn matrix:
 * <pre>
 *   at R = 0:   spec J = spec L ∪ {0}^{m²},  L = −α (I ⊗ Cxx BᵀB) − (AAᵀ ⊗ Cxx) + (Aᵀ ⊗ Cxy)
 *   at (A, 0):  spec J = spec N_A ∪ {0}^{m²}, N_A = −(AᵀA ⊗ Cxx) + (Aᵀ ⊗ Cxy)
 * </pre>
 * and stability decided from the reduced matrix matches the full Jacobian's classification.
 */
public final class ReducedSpectrumChecks {
    private ReducedSpectrumChecks() {
    }

    /**
     * Both identities at a random point of V and at a random collapsed point (A, 0); metric: the
     * larger relative spectral distance.
     */
    public static Evaluation spectrum(Case c) {
        Configuration cfg = c.configuration();
        if (cfg.lambda() != 0) {
            return Evaluation.hypothesisNotMet(Cause.WEIGHT_DECAY_NONZERO, "λ > 0: the reduction is stated for λ = 0");
        }
        Random rnd = new Random(c.seed());
        int m2 = cfg.m() * cfg.m();
        State collapsed = State.of(Matrices.gaussian(cfg.m(), cfg.m(), 1.0, rnd), new DMatrixRMaj(cfg.m(), cfg.n()));
        Evaluation e = compare("collapsed point (A, 0)", c.field(Flow.SG).jacobian(collapsed.toArray()),
                Linearization.collapsed(cfg, collapsed.predictor()), m2);
        State p = EquilibriumVariety.randomPoint(cfg, rnd);
        if (p != null) {
            e = e.and(compare("point of V", c.field(Flow.SG).jacobian(p.toArray()), Linearization.reduced(cfg, p), m2));
        }
        return e;
    }

    private static Evaluation compare(String where, DMatrixRMaj j, DMatrixRMaj reduced, int zeros) {
        // J's singular values and spectrum once, for the scale and the classification both (below
        // order 256 the scale is still EJML's normP2, as RankEstimate.norm2 takes it)
        double[] singular = RankEstimate.singularValues(j);
        Spectrum full = Spectrum.of(j);
        Spectrum red = Spectrum.of(reduced);
        double scale = Math.max(1e-300, RankEstimate.norm2(j, singular));
        double d = full.withoutSmallest(zeros).distanceTo(red) / scale;
        double[] moduli = full.sortedModuli();
        double zeroPart = zeros == 0 ? 0 : moduli[zeros - 1] / scale;
        Evaluation e = Evaluation.judge("relative_spectral_distance", Math.max(d, zeroPart), 1e-7, 1e-4,
                where + ": spectral distance spec J vs spec L ∪ {0}");
        StabilityVerdict fromL = hurwitz(red, scale);
        if (e.verdict() != Verdict.HOLDS || fromL == StabilityVerdict.INCONCLUSIVE) {
            return e; // no mismatch to decide
        }
        // Against an attracting L only an UNSTABLE J is a mismatch, and the semisimplicity test of 0
        // only ever turns NORMALLY_ATTRACTING into INCONCLUSIVE: J is classified up to it there (same
        // verdict on the check, one SVD with vectors less); against an UNSTABLE L, in full
        StabilityClassifier classifier = new StabilityClassifier();
        Stability fromJ = fromL == StabilityVerdict.UNSTABLE ? classifier.classify(j, 0, singular, full)
                : classifier.classifyUpToSemisimplicity(j, 0, singular, full);
        if (fromJ.verdict() != StabilityVerdict.INCONCLUSIVE && fromJ.verdict() != fromL) {
            return Evaluation.violated(Cause.STABILITY_MISMATCH, "relative_spectral_distance", d, String.format(Locale.ROOT,
                    "%s: full J says %s, reduced matrix says %s", where, fromJ.verdict(), fromL));
        }
        return e;
    }

    /**
     * Stability from the reduced spectrum alone (0 counted from the m² known zeros): attracting
     * iff every eigenvalue of L has real part below {@code −1e-7·scale}.
     */
    static StabilityVerdict hurwitz(Spectrum reduced, double scale) {
        double maxRe = reduced.size() == 0 ? Double.NEGATIVE_INFINITY : reduced.re(0);
        double tol = 1e-7 * scale;
        if (maxRe > tol) {
            return StabilityVerdict.UNSTABLE;
        }
        return maxRe < -tol ? StabilityVerdict.NORMALLY_ATTRACTING : StabilityVerdict.INCONCLUSIVE;
    }
}
