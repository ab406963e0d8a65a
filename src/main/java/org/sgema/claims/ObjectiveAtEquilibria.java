package org.sgema.claims;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.sgema.equilibria.EquilibriumVariety;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.numerics.Matrices;
import org.sgema.model.Objective;
import org.sgema.model.State;

/**
 * [T2] "SG does not optimize E": at equilibria of V (λ = 0) the objective's gradient does not
 * vanish, and E0 rises along some SG trajectories.
 * <pre>
 *   at R = 0:  A B = B Cyx Cxx⁻¹,  so  ∇_B E0 = B Cyy − A B Cxy = B K,
 *              K = Cyy − Cyx Cxx⁻¹ Cxy   (Schur complement of Cxx in Σz, ≻ 0 when σ &gt; 0)
 *   hence      ‖∇_B E0‖ ≥ λ_min(K) ‖B‖ &gt; 0 at every non-collapsed point of V.
 *   dE0/dt along SG = ⟨∇_A E0, Ȧ⟩ + ⟨∇_B E0, Ḃ⟩
 * </pre>
 * The theory notes state the symmetric case ({@code K = C − S C⁻¹ S}); the identity above is
 * the same argument for general views.
 */
public final class ObjectiveAtEquilibria {
    private ObjectiveAtEquilibria() {
    }

    /** @return the Schur complement {@code K = Cyy − Cyx Cxx⁻¹ Cxy} */
    static DMatrixRMaj schurComplement(Configuration c) {
        DMatrixRMaj k = c.cyy();
        DMatrixRMaj tmp = new DMatrixRMaj(c.n(), c.n());
        CommonOps_DDRM.mult(c.cyx(), c.mTranspose(), tmp);
        CommonOps_DDRM.subtractEquals(k, tmp);
        return Matrices.symmetricPart(k);
    }

    /**
     * At a random point of V: {@code ∇_B E0 = B K} (relative error) and
     * {@code ‖∇_B E0‖ ≥ λ_min(K)‖B‖}. Metric: {@code ‖∇_B E0‖ / (λ_min(K)‖B‖)} (≥ 1).
     */
    public static Evaluation gradientAtEquilibria(Case c) {
        Configuration cfg = c.configuration();
        if (cfg.lambda() != 0) {
            return Evaluation.hypothesisNotMet(Cause.WEIGHT_DECAY_NONZERO, "λ > 0 (the claim is about R = 0 equilibria, λ = 0)");
        }
        if (cfg.sigma() <= 1e-12) {
            return Evaluation.hypothesisNotMet(Cause.SIGMA_ZERO, "σ = 0");
        }
        State p = EquilibriumVariety.randomPoint(cfg, new Random(c.seed()));
        if (p == null) {
            return Evaluation.hypothesisNotMet(Cause.NO_INVARIANT_SUBSPACE, "no full-rank component of V for m = " + cfg.m());
        }
        DMatrixRMaj k = schurComplement(cfg);
        double kMin = Matrices.symmetricEigenvalues(k)[0];
        DMatrixRMaj grad = Objective.gradientEncoder(cfg, p);
        DMatrixRMaj bk = new DMatrixRMaj(cfg.m(), cfg.n());
        CommonOps_DDRM.mult(p.encoder(), k, bk);
        double nb = Matrices.norm(p.encoder());
        double scale = Matrices.norm(bk) + nb * Matrices.norm(cfg.cyy());
        DMatrixRMaj diff = grad.copy();
        CommonOps_DDRM.subtractEquals(diff, bk);
        Evaluation identity = Evaluation.judge("gradient_ratio", Matrices.norm(diff) / scale, 1e-9, 1e-6,
                "‖∇_B E0 − B K‖ relative");
        double ratio = Matrices.norm(grad) / (kMin * nb);
        Evaluation bound = ratio >= 1 - 1e-9 ? Evaluation.holds("gradient_ratio", ratio)
                : Evaluation.violated(Cause.GRADIENT_BELOW_BOUND, "gradient_ratio", ratio, "‖∇_B E0‖ < λ_min(K)‖B‖");
        return identity.verdict() == org.sgema.claims.Verdict.HOLDS ? bound : identity.and(bound);
    }

    /**
     * FINDING: E0 rises along SG near an equilibrium. At a point of V perturbed by 1e-3 relative,
     * {@code dE0/dt > 0} (clearly above round-off) and E0 indeed increases over a short SG run.
     * Returns VIOLATED (a witness of the finding) when E0 rises; HOLDS when it does not.
     */
    public static Evaluation energyRises(Case c) {
        Configuration cfg = c.configuration();
        Random rnd = new Random(c.seed());
        State p = EquilibriumVariety.randomPoint(cfg.withLambda(0), rnd);
        if (p == null) {
            return Evaluation.hypothesisNotMet(Cause.NO_INVARIANT_SUBSPACE, "no full-rank component of V for m = " + cfg.m());
        }
        double[] theta = p.toArray();
        double eps = 1e-3 * (1 + Matrices.norm(theta));
        for (int i = 0; i < theta.length; i++) {
            theta[i] += eps * rnd.nextGaussian() / Math.sqrt(theta.length);
        }
        State q = State.fromArray(cfg.m(), cfg.n(), false, theta);
        VectorField f = c.field(Flow.SG);
        double[] fq = f.evaluate(q);
        double[] grad = State.of(Objective.gradientPredictor(cfg, q), Objective.gradientEncoder(cfg, q)).toArray();
        double rate = 0;
        for (int i = 0; i < fq.length; i++) {
            rate += grad[i] * fq[i];
        }
        double scale = Matrices.norm(grad) * Matrices.norm(fq);
        if (rate <= 1e-9 * scale) {
            return Evaluation.holds("dE0_dt_relative", rate / scale);
        }
        double dt = 0.1 / Math.max(1e-12, Matrices.norm(f.jacobian(theta)));
        Trajectory t = new FlowIntegrator(IntegrationSettings.defaults().withHorizon(dt)
                .withConvergenceTolerance(1e-300)).integrate(f, q);
        double rise = Objective.e0(cfg, t.finalState()) - Objective.e0(cfg, q);
        // the observed rise must be the predicted one, ΔE0 ≈ (dE0/dt)·Δt, to first order in Δt
        double predicted = rate * t.finalTime();
        if (rise > 0 && Math.abs(rise - predicted) <= 0.5 * predicted) {
            return Evaluation.violated(Cause.ENERGY_RISES, "dE0_dt_relative", rate / scale,
                    String.format(java.util.Locale.ROOT, "E0 rises along SG: dE0/dt = %.3g, ΔE0 = %.3g over t = %.3g "
                            + "(predicted %.3g)", rate, rise, t.finalTime(), predicted));
        }
        return Evaluation.inconclusive(Cause.NO_RISE, "dE0_dt_relative", rate / scale, String.format(
                java.util.Locale.ROOT, "dE0/dt > 0 but ΔE0 = %.3g over the run is not the predicted %.3g", rise,
                predicted));
    }
}
