package org.sgema.shell;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.sgema.claims.Case;
import org.sgema.claims.Claim;
import org.sgema.claims.ClaimRun;
import org.sgema.config.RunProfile;
import org.sgema.claims.Circulation;
import org.sgema.equilibria.EquilibriumVariety;
import org.sgema.flows.Flow;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;
import org.sgema.numerics.Matrices;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.SgInvariant;
import org.sgema.model.State;
import org.sgema.reports.Plots;
import org.sgema.numerics.Spectrum;
import org.sgema.stability.Stability;
import org.sgema.stability.StabilityClassifier;
import org.sgema.training.CriticalRate;
import org.sgema.training.DiscreteTraining;
import org.sgema.training.GaussianViews;
import org.sgema.training.TrainingSettings;
import org.sgema.training.TrainingStep;

/**
 * Short helpers for interactive exploration ({@code scripts/jshell} imports them statically).
 * Sensible defaults everywhere, no checked exceptions, compact printing.
 * <pre>
 *   var c = symmetric(8, 2, 1);           // random symmetric-views configuration, seed 1
 *   var t = run(c, SG, init(c, SG, 1));   // integrate SG from a fan-in initial state
 *   classify(c, SG, t.finalState());      // NORMALLY_ATTRACTING / UNSTABLE / INCONCLUSIVE
 * </pre>
 */
public final class Explore {
    /** The flows, for {@code run(c, SG, ...)} at the prompt. */
    public static final Flow GD = Flow.GD;
    /** Stop-gradient. */
    public static final Flow SG = Flow.SG;
    /** EMA target. */
    public static final Flow EMA = Flow.EMA;

    private Explore() {
    }

    /** @return a symmetric-augmentation configuration (condition 10, σ = min noise eigenvalue) */
    public static Configuration symmetric(int n, int m, long seed) {
        return new ConfigurationSpec(n, m, ConfigurationSpec.Views.SYMMETRIC, ConfigurationSpec.Spectra.WELL,
                0, 1, 1, seed).toConfiguration();
    }

    /** @return an asymmetric-views configuration */
    public static Configuration asymmetric(int n, int m, long seed) {
        return new ConfigurationSpec(n, m, ConfigurationSpec.Views.ASYMMETRIC, ConfigurationSpec.Spectra.WELL,
                0, 1, 1, seed).toConfiguration();
    }

    /** @return the configuration with its augmentation noise scaled by {@code factor} (symmetric model) */
    public static Configuration scaleNoise(Configuration c, double factor) {
        DMatrixRMaj n = c.noise();
        org.ejml.dense.row.CommonOps_DDRM.scale(factor, n);
        return Configuration.symmetric(c.signal(), n, c.m()).withLambda(c.lambda()).withAlpha(c.alpha())
                .withTau(c.tau());
    }

    /** @return a fan-in initial state for the flow (B̄ = B for EMA) */
    public static State init(Configuration c, Flow f, long seed) {
        return RandomConfigurations.fanInState(c.m(), c.n(), f.hasTarget(), 1.0, new Random(seed));
    }

    /** @return the trajectory of the flow from the state (default settings, horizon 1e4) */
    public static Trajectory run(Configuration c, Flow f, State s) {
        return new FlowIntegrator().integrate(f.field(c), matching(s, f));
    }

    /** @return the trajectory with a given horizon */
    public static Trajectory run(Configuration c, Flow f, State s, double horizon) {
        return new FlowIntegrator(IntegrationSettings.defaults().withHorizon(horizon)).integrate(f.field(c),
                matching(s, f));
    }

    /**
     * @return how the run approaches its limit (CONVERGED, EXPONENTIAL with its rate, ALGEBRAIC
     *         with its exponent, CYCLE when it ends on an attracting relative periodic orbit, STEADY
     *         or UNRESOLVED), with the polished limit and the evidence
     */
    public static org.sgema.stability.LimitApproach approach(Configuration c, Flow f, Trajectory t) {
        return org.sgema.stability.LimitApproach.of(f.field(c), t);
    }

    /**
     * Searches for a relative periodic orbit through (or near) a state, e.g. the end of a run that
     * keeps moving: first return modulo O(m) within {@code scanTime}, shooting, Floquet moduli.
     *
     * @return the orbit: status ATTRACTING, FAR (attracting, but the state beyond the distance its
     *     linearization is trusted at; {@link #approach} follows a run toward it), UNDECIDED or
     *     NOT_FOUND, period, drift Q, moduli, evidence
     */
    public static org.sgema.stability.RelativePeriodicOrbit orbit(Configuration c, Flow f, State s, double scanTime) {
        org.sgema.flows.VectorField field = f.field(c);
        return org.sgema.stability.RelativePeriodicOrbit.near(field, org.sgema.stability.Symmetry.of(field),
                org.sgema.stability.LimitApproach.conservedQuantities(field), matching(s, f).toArray(), scanTime);
    }

    /**
     * The largest finite-time Lyapunov exponent from a state on windows doubling up to
     * {@code window} (six rungs, renormalized every 20 time units, a fixed random tangent vector):
     * levelling off at λ &gt; 0 is exponential separation, falling like ln W / W is growth like a
     * power of t (see {@link org.sgema.stability.LyapunovExponent}).
     */
    public static org.sgema.stability.LyapunovExponent lyapunov(Configuration c, Flow f, State s, double window) {
        org.sgema.flows.VectorField field = f.field(c);
        return org.sgema.stability.LyapunovExponent.along(field, matching(s, f).toArray(),
                org.sgema.stability.LyapunovExponent.randomDirection(field.dimension(), 1), window, 20, 6);
    }

    /**
     * @param method "auto" (the default of {@link #run}: explicit until the flow is stiff, then
     *        RODAS), "explicit" (DP8(5,3)) or "stiff" (RODAS throughout)
     * @return the trajectory with a given horizon and integrator
     */
    public static Trajectory run(Configuration c, Flow f, State s, double horizon, String method) {
        return new FlowIntegrator(IntegrationSettings.defaults().withHorizon(horizon)
                .withMethod(org.sgema.integration.Method.parse(method)))
                .integrate(f.field(c), matching(s, f));
    }

    /**
     * Discrete training {@code θ ← θ + ηF(θ)} (EMA: momentum β = 1 − ητ) with the exact moments,
     * until the step is below 1e-9 (1 + ‖θ‖) per unit η or {@code steps} are spent.
     */
    public static Trajectory train(Configuration c, Flow f, State s, double eta, long steps) {
        return new DiscreteTraining(TrainingSettings.defaults().withLearningRate(eta).withMaxSteps(steps))
                .train(f.field(c), matching(s, f));
    }

    /** Minibatch training: b Gaussian view pairs with the configuration's moments per step. */
    public static Trajectory train(Configuration c, Flow f, State s, double eta, long steps, int batch, long seed) {
        return new DiscreteTraining(TrainingSettings.defaults().withLearningRate(eta).withMaxSteps(steps)
                .withBatch(batch)).train(f.field(c), matching(s, f), new GaussianViews(c), seed);
    }

    /** @return {@code η* = min 2|Re μ|/|μ|²} at an equilibrium (NaN if it is not attracting) */
    public static double criticalRate(Configuration c, Flow f, State point) {
        return CriticalRate.predicted(classify(c, f, point));
    }

    /** @return the EMA rate τ = (1 − β)/η that a momentum β at learning rate η corresponds to */
    public static double tauOf(double eta, double momentum) {
        return TrainingStep.tau(eta, momentum);
    }

    /** Adds (B̄ = B) or drops the target so that the state fits the flow. */
    private static State matching(State s, Flow f) {
        if (s.hasTarget() == f.hasTarget()) {
            return s;
        }
        return f.hasTarget() ? s.withTargetEqualToEncoder() : s.withoutTarget();
    }

    /** @return a random full-rank point of the equilibrium variety (λ = 0), or null if none */
    public static State equilibrium(Configuration c, long seed) {
        return EquilibriumVariety.randomPoint(c, new Random(seed));
    }

    /** @return a random point of the leading component of V (the top eigenvalues of Mᵀ), random G */
    public static State topEquilibrium(Configuration c, long seed) {
        return EquilibriumVariety.leadingPoint(c, EquilibriumVariety.randomG(c.m(), new Random(seed)));
    }

    /** @return the [T7] classification of an equilibrium of the flow */
    public static Stability classify(Configuration c, Flow f, State point) {
        return new StabilityClassifier().classify(f.field(c), matching(point, f));
    }

    /** @return the state moved by {@code eps·(1 + ‖θ‖)} in a random direction */
    public static State perturb(State s, double eps, long seed) {
        return State.fromArray(s.m(), s.n(), s.hasTarget(), RandomConfigurations.perturbed(s.toArray(), eps,
                new Random(seed)));
    }

    /** @return {@code ‖θ_a − θ_b‖} */
    public static double distance(State a, State b) {
        return Matrices.distance(a.toArray(), b.toArray());
    }

    /** @return the circulation of the flow's field (natural metric) around a small random loop at a point */
    public static Circulation.Values circulation(Configuration c, Flow f, State point, long seed) {
        return Circulation.compute(new Case(c, matching(point, f), f, seed));
    }

    /** @return the SG invariant {@code Δ = AᵀA − αBBᵀ} */
    public static DMatrixRMaj invariant(Configuration c, State s) {
        return SgInvariant.delta(c.alpha(), s);
    }

    /** @return the eigenvalues of a square matrix, sorted by decreasing real part */
    public static Spectrum spectrum(DMatrixRMaj a) {
        return Spectrum.of(a);
    }

    /** @return the singular values of a matrix, descending */
    public static double[] singularValues(DMatrixRMaj a) {
        return org.sgema.numerics.RankEstimate.singularValues(a);
    }

    /** @return a matrix as one compact line */
    public static String show(DMatrixRMaj a) {
        return Matrices.compact(a);
    }

    /** @return numbers as one compact line */
    public static String show(double... v) {
        return Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.4g", x)).toList().toString();
    }

    /** Saves {@code ‖B(t)‖} of the trajectories as an SVG chart; returns the file. */
    public static Path chart(String file, Trajectory... trajectories) {
        return Plots.encoderNorms(Path.of(file), trajectories);
    }

    /**
     * Runs a claim through the property engine under the quick profile (its dimensions,
     * horizon and seed), with {@code tries} tries, on every core. Raw rows, meta and any
     * shrunk case go under {@code target/explore/}, so the project's report is not touched.
     *
     * @param claim a claim ID such as {@code "T4-invariant"} or {@code "E1@digits"}
     * @param tries the budget of tries
     * @return the judged result (print it, or ask {@code .passed()}, {@code .witness()}, ...)
     */
    public static ClaimRun.Result check(String claim, int tries) {
        var run = ClaimRun.parseRunId(claim);
        ClaimRun.Options o = ClaimRun.Options.of(RunProfile.load("quick")).withTries(tries)
                .withReports(RunProfile.root().resolve("target").resolve("explore"));
        return ClaimRun.run(run.getKey(), run.getValue(), o);
    }

    /** @see #check(String, int) */
    public static ClaimRun.Result check(Claim claim, int tries) {
        return check(claim.id(), tries);
    }
}
