package org.sgema.claims;

import org.sgema.config.RunProfile;
import java.util.List;
import java.util.Map;

import org.sgema.check.Gen;
import org.sgema.data.DigitsSpec;
import org.sgema.flows.Flow;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.ConfigurationSpec.Spectra;
import org.sgema.model.ConfigurationSpec.Views;

/**
 * The generators of the theorem checks, composed from {@link Gen}'s primitives, so every case
 * is drawn from one recorded choice sequence and shrinks without a hand-written shrinker.
 * Every part shrinks towards its simplest value: n, m → their minimum, views → SYMMETRIC,
 * spectra → WELL, λ → the first listed (0), α → 1, τ → 1, seeds → 0, init scale → 1,
 * tilt → NONE, flow → the first listed. Dimensions come from the run profile. Configure with
 * the {@code withX} methods, each returning a new generator; {@link #forClaim} says which
 * generator checks which claim.
 */
public final class ScenarioGenerators {
    private final List<Views> views;
    private final List<Spectra> spectra;
    private final List<Double> lambdas;
    private final List<Flow> flows;
    private final boolean genericPoint;
    private final int nMin;
    private final int nMax;
    private final int mMin;
    private final int mMax;
    private final int digitsMMax;

    private ScenarioGenerators(List<Views> views, List<Spectra> spectra, List<Double> lambdas, List<Flow> flows,
                               boolean genericPoint, int nMin, int nMax, int mMin, int mMax, int digitsMMax) {
        this.views = List.copyOf(views);
        this.spectra = List.copyOf(spectra);
        this.lambdas = List.copyOf(lambdas);
        this.flows = List.copyOf(flows);
        this.genericPoint = genericPoint;
        this.nMin = Math.min(nMin, nMax);
        this.nMax = nMax;
        this.mMin = Math.min(mMin, mMax);
        this.mMax = mMax;
        this.digitsMMax = digitsMMax;
    }

    /** Every regime, dimensions from the profile ({@code n.min}, {@code n.max}, ...), SG, fan-in initial states. */
    public static ScenarioGenerators all(RunProfile p) {
        return new ScenarioGenerators(List.of(Views.SYMMETRIC, Views.ASYMMETRIC, Views.IDENTICAL),
                List.of(Spectra.WELL, Spectra.ILL, Spectra.TINY_GAP), List.of(0.0, 0.01, 0.1, 0.5), List.of(Flow.SG),
                false, Integer.parseInt(p.get("n.min", "1")), p.nMax(), Integer.parseInt(p.get("m.min", "1")), p.mMax(),
                Integer.parseInt(p.get("digits.m.max", "4")));
    }

    /**
     * The generator of a claim's cases, as the claim's statement needs them.
     *
     * @param claim the claim
     * @param source {@code synthetic} or {@code digits}
     * @param p the run profile
     * @return the scenarios
     * @throws org.sgema.model.InvalidInputException if the claim is not checked on that source
     */
    public static Gen<Scenario> forClaim(Claim claim, String source, RunProfile p) {
        ScenarioGenerators g = all(p);
        ScenarioGenerators noisy = g.withViews(Views.SYMMETRIC, Views.ASYMMETRIC);
        if (source.equals(ClaimRun.DIGITS)) {
            return switch (claim) {
                case T3_BOUND -> g.withFlows(Flow.GD).digits();
                case T4_INVARIANT -> g.withFlows(Flow.SG).digits();
                case T5_LIMIT_POINTS, T7_PERTURBATION -> g.withFlows(Flow.SG, Flow.EMA).withLambdas(0.0).digits();
                case E1 -> g.withFlows(Flow.SG, Flow.EMA).digits();
                case D_CRITICAL_RATE -> g.withFlows(Flow.SG, Flow.EMA).withLambdas(0.0).digits();
                default -> throw new org.sgema.model.InvalidInputException("source",
                        claim.id() + " is not checked on the digits (only T3-bound, T4-invariant, T5-limit-points, "
                                + "T7-perturbation, E1 and D-critical-rate are)");
            };
        }
        if (!source.equals(ClaimRun.SYNTHETIC)) {
            throw new org.sgema.model.InvalidInputException("source", "unknown source '" + source
                    + "' (synthetic or digits)");
        }
        return switch (claim) {
            case T1, T3_IDENTITY -> g.withFlows(Flow.GD).atGenericPoints().scenarios();
            case T2_ASYMMETRY -> g.withFlows(Flow.SG, Flow.EMA).atGenericPoints().scenarios();
            case T2_POINTWISE -> g.withFlows(Flow.SG).atGenericPoints().scenarios();
            case T2_STOKES -> g.withFlows(Flow.GD, Flow.SG, Flow.EMA).atGenericPoints().scenarios();
            case T2_GRADIENT, T2_ENERGY_RISES, T5_PARAMETERIZATION, T5_LOCAL_DIMENSION, T5_GL_TANGENT, T6_SPECTRUM,
                 T5_COMPONENTS ->
                    noisy.withLambdas(0.0).scenarios();
            case T3_BOUND -> noisy.withFlows(Flow.GD).scenarios();
            case T3_SIGMA_ZERO -> g.withFlows(Flow.GD).withViews(Views.IDENTICAL).scenarios();
            case T4_INVARIANT, T4_RANK_BOUND, T4_SG_COLLAPSE -> g.withFlows(Flow.SG).scenarios();
            case T5_LIMIT_POINTS, T7_PERTURBATION -> noisy.withLambdas(0.0).withFlows(Flow.SG, Flow.EMA).scenarios();
            case T5_WEIGHT_DECAY -> g.withLambdas(0.01, 0.1, 0.5).withFlows(Flow.SG).scenarios();
            case T7_SCALAR -> noisy.scalar().withLambdas(0.0).atGenericPoints().withFlows(Flow.EMA).scenarios();
            case E1 -> noisy.withFlows(Flow.SG, Flow.EMA).scenarios();
            case E2 -> noisy.withFlows(Flow.GD, Flow.SG, Flow.EMA).scenarios();
            case T4_EMA_INVARIANT -> g.withFlows(Flow.EMA).scenarios();
            case T5_EQUIVARIANCE -> g.withFlows(Flow.GD, Flow.SG, Flow.EMA).atGenericPoints().scenarios();
            case T7_COLLAPSED_ATTRACTING -> noisy.withLambdas(0.0).withFlows(Flow.SG).atGenericPoints().scenarios();
            case E3 -> noisy.withLambdas(0.0).withFlows(Flow.SG).scenarios();
            case T2_NON_REAL -> noisy.withLambdas(0.0).withFlows(Flow.SG, Flow.EMA).scenarios();
            case SG_LIMIT_OF_EMA -> g.withFlows(Flow.SG).scenarios();
            case T7_ORBIT_VARIES, T7_ATTRACTING_OFF_TOP -> noisy.withLambdas(0.0).withFlows(Flow.SG).scenarios();
            case E4 -> g.withLambdas(0.01, 0.1, 0.5).withFlows(Flow.SG).scenarios();
            case E5 -> g.withFlows(Flow.GD, Flow.SG, Flow.EMA).atGenericPoints().withMaxDimensions(5, 2).scenarios();
            case D_FIXED_POINTS -> noisy.withFlows(Flow.SG, Flow.EMA).withMaxDimensions(8, 3).scenarios();
            case D_CRITICAL_RATE, D_SELF_STABILIZATION -> noisy.withLambdas(0.0).withFlows(Flow.SG, Flow.EMA)
                    .withMaxDimensions(8, 3).scenarios();
            case D_INVARIANT_DRIFT -> g.withFlows(Flow.SG).withMaxDimensions(8, 3).scenarios();
            case D_GD_COLLAPSE -> noisy.withFlows(Flow.GD).withMaxDimensions(8, 3).scenarios();
            case D_EMA_LIMIT -> g.withFlows(Flow.EMA).withMaxDimensions(8, 3).scenarios();
            case D_MINIBATCH_SPREAD -> noisy.withLambdas(0.0).withSpectra(Spectra.WELL).withFlows(Flow.SG)
                    .withMaxDimensions(6, 2).scenarios();
        };
    }

    /**
     * The regimes a claim's run must reach (label → values), checked when the run has at least
     * 100 tries: the generic pointwise identities must see every views kind, spectra kind and
     * dimension shape; [E2] must see every flow.
     *
     * @return label → required values (empty: nothing required)
     */
    public static Map<String, List<String>> coverage(Claim claim) {
        return switch (claim) {
            case T1, T3_IDENTITY -> Map.of("views", List.of("SYMMETRIC", "ASYMMETRIC", "IDENTICAL"),
                    "spectrum", List.of("WELL", "ILL", "TINY_GAP"), "shape", List.of("m=1", "m=n", "1<m<n"));
            case E2 -> Map.of("flow", List.of("GD", "SG", "EMA"));
            default -> Map.of();
        };
    }

    /** @return the regime of the dimensions: {@code m=1}, {@code m=n} or {@code 1<m<n} */
    public static String shape(int n, int m) {
        return m == 1 ? "m=1" : m == n ? "m=n" : "1<m<n";
    }

    /** @return a copy with these views kinds (the first is the simplest) */
    public ScenarioGenerators withViews(Views... v) {
        return new ScenarioGenerators(List.of(v), spectra, lambdas, flows, genericPoint, nMin, nMax, mMin, mMax,
                digitsMMax);
    }

    /** @return a copy with these spectra kinds */
    public ScenarioGenerators withSpectra(Spectra... s) {
        return new ScenarioGenerators(views, List.of(s), lambdas, flows, genericPoint, nMin, nMax, mMin, mMax,
                digitsMMax);
    }

    /** @return a copy with these weight decays */
    public ScenarioGenerators withLambdas(Double... l) {
        return new ScenarioGenerators(views, spectra, List.of(l), flows, genericPoint, nMin, nMax, mMin, mMax,
                digitsMMax);
    }

    /** @return a copy with these flows */
    public ScenarioGenerators withFlows(Flow... f) {
        return new ScenarioGenerators(views, spectra, lambdas, List.of(f), genericPoint, nMin, nMax, mMin, mMax,
                digitsMMax);
    }

    /** @return a copy with m = n = 1 only */
    public ScenarioGenerators scalar() {
        return new ScenarioGenerators(views, spectra, lambdas, flows, genericPoint, 1, 1, 1, 1, digitsMMax);
    }

    /** @return a copy that uses a generic N(0,1) point instead of a fan-in initial state */
    public ScenarioGenerators atGenericPoints() {
        return new ScenarioGenerators(views, spectra, lambdas, flows, true, nMin, nMax, mMin, mMax, digitsMMax);
    }

    /** @return a copy with dimensions capped (e.g. for claims that need a full Jacobian spectrum) */
    public ScenarioGenerators withMaxDimensions(int n, int m) {
        return new ScenarioGenerators(views, spectra, lambdas, flows, genericPoint, nMin, Math.min(nMax, n), mMin,
                Math.min(mMax, m), digitsMMax);
    }

    /** @return synthetic configuration recipes */
    public Gen<ConfigurationSpec> specs() {
        Gen<Integer> ns = Gen.integers(nMin, nMax);
        Gen<Integer> ms = Gen.integers(mMin, mMax);
        Gen<Views> vs = Gen.elements(views);
        Gen<Spectra> ss = Gen.elements(spectra);
        Gen<Double> ls = Gen.elements(lambdas);
        Gen<Double> alphas = Gen.elements(1.0, 0.3, 1.7, 4.0);
        Gen<Double> taus = Gen.elements(1.0, 0.01, 0.1, 10.0, 100.0);
        Gen<Long> seeds = Gen.longs(0, 1_000_000);
        return s -> {
            int n = ns.generate(s);
            int m = ms.generate(s);
            Views v = vs.generate(s);
            Spectra spec = ss.generate(s);
            Spectra used = spec == Spectra.TINY_GAP && v != Views.SYMMETRIC ? Spectra.WELL : spec;
            return new ConfigurationSpec(n, Math.min(m, n), v, used, ls.generate(s), alphas.generate(s),
                    taus.generate(s), seeds.generate(s));
        };
    }

    /** @return initial-state recipes (fan-in, or generic points) */
    public Gen<InitSpec> inits() {
        Gen<Double> scales = Gen.elements(1.0, 0.1, 3.0);
        Gen<InitSpec.Tilt> tilts = genericPoint ? Gen.constant(InitSpec.Tilt.GENERIC)
                : Gen.elements(InitSpec.Tilt.NONE, InitSpec.Tilt.PREDICTOR, InitSpec.Tilt.ENCODER);
        Gen<Long> seeds = Gen.longs(0, 1_000_000);
        return s -> new InitSpec(scales.generate(s), tilts.generate(s), seeds.generate(s));
    }

    /** @return synthetic scenarios: configuration, initial state, flow, seed of the check's randomness */
    public Gen<Scenario> scenarios() {
        return scenarios(specs());
    }

    /**
     * Real second moments: the digits (n = 64) under one of the augmentation pipelines, m up to
     * {@code digits.m.max} of the profile, with this generator's λ and flows.
     *
     * @return digits scenarios
     */
    public Gen<Scenario> digits() {
        Gen<Integer> ms = Gen.integers(1, digitsMMax);
        Gen<DigitsSpec.Pipeline> pipelines = Gen.enums(DigitsSpec.Pipeline.class);
        Gen<Double> ls = Gen.elements(lambdas);
        Gen<Double> alphas = Gen.elements(1.0, 0.3, 1.7);
        Gen<Double> taus = Gen.elements(1.0, 0.1, 10.0);
        Gen<DigitsSpec> specs = s -> new DigitsSpec(ms.generate(s), pipelines.generate(s), ls.generate(s),
                alphas.generate(s), taus.generate(s));
        return scenarios(specs);
    }

    private Gen<Scenario> scenarios(Gen<? extends org.sgema.model.ConfigurationRecipe> recipes) {
        Gen<InitSpec> inits = inits();
        Gen<Flow> fs = Gen.elements(flows);
        Gen<Long> seeds = Gen.longs(0, 1_000_000);
        return s -> new Scenario(recipes.generate(s), inits.generate(s), fs.generate(s), seeds.generate(s));
    }
}
