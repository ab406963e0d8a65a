package org.sgema.properties;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.sgema.claims.RunProfile;
import org.sgema.flows.Flow;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.ConfigurationSpec.Spectra;
import org.sgema.model.ConfigurationSpec.Views;

/**
 * The generators of the theorem checks, composed declaratively from shrinkable parts. Every part
 * shrinks towards its simplest value: n, m → 1, views → SYMMETRIC, spectra → WELL, λ → 0,
 * α → 1, τ → 1, seeds → 0, init scale → 1, tilt → NONE. Dimensions come from the run profile.
 * Configure with the {@code withX} methods, each returning a new generator.
 */
final class Generators {
    private final List<Views> views;
    private final List<Spectra> spectra;
    private final List<Double> lambdas;
    private final List<Flow> flows;
    private final boolean scalar;
    private final boolean genericPoint;
    private final int nMin;
    private final int nMax;
    private final int mMin;
    private final int mMax;

    private Generators(List<Views> views, List<Spectra> spectra, List<Double> lambdas, List<Flow> flows,
                       boolean scalar, boolean genericPoint, int nMax, int mMax) {
        this(views, spectra, lambdas, flows, scalar, genericPoint, scalar ? 1 : minimum("n.min", nMax), nMax,
                scalar ? 1 : minimum("m.min", mMax), mMax);
    }

    private Generators(List<Views> views, List<Spectra> spectra, List<Double> lambdas, List<Flow> flows,
                       boolean scalar, boolean genericPoint, int nMin, int nMax, int mMin, int mMax) {
        this.nMin = Math.min(nMin, nMax);
        this.mMin = Math.min(mMin, mMax);
        this.views = views;
        this.spectra = spectra;
        this.lambdas = lambdas;
        this.flows = flows;
        this.scalar = scalar;
        this.genericPoint = genericPoint;
        this.nMax = nMax;
        this.mMax = mMax;
    }

    /** @return the profile's lower bound of a dimension ({@code n.min}, {@code m.min}; default 1) */
    private static int minimum(String key, int max) {
        return Math.min(max, Integer.parseInt(RunProfile.current().get(key, "1")));
    }

    /** Every regime, dimensions from the current profile, fan-in initial states. */
    static Generators all() {
        RunProfile p = RunProfile.current();
        return new Generators(List.of(Views.SYMMETRIC, Views.ASYMMETRIC, Views.IDENTICAL),
                List.of(Spectra.WELL, Spectra.ILL, Spectra.TINY_GAP), List.of(0.0, 0.01, 0.1, 0.5),
                List.of(Flow.SG), false, false, p.nMax(), p.mMax());
    }

    Generators withViews(Views... v) {
        return new Generators(List.of(v), spectra, lambdas, flows, scalar, genericPoint, nMax, mMax);
    }

    Generators withSpectra(Spectra... s) {
        return new Generators(views, List.of(s), lambdas, flows, scalar, genericPoint, nMax, mMax);
    }

    Generators withLambdas(Double... l) {
        return new Generators(views, spectra, List.of(l), flows, scalar, genericPoint, nMax, mMax);
    }

    Generators withFlows(Flow... f) {
        return new Generators(views, spectra, lambdas, List.of(f), scalar, genericPoint, nMax, mMax);
    }

    /** m = n = 1 only. */
    Generators scalar() {
        return new Generators(views, spectra, lambdas, flows, true, genericPoint, 1, 1);
    }

    /** Use a generic N(0,1) point instead of a fan-in initial state. */
    Generators atGenericPoints() {
        return new Generators(views, spectra, lambdas, flows, scalar, true, nMax, mMax);
    }

    /** Caps the dimensions (e.g. for claims that need a full Jacobian spectrum). */
    Generators withMaxDimensions(int n, int m) {
        return new Generators(views, spectra, lambdas, flows, scalar, genericPoint, Math.min(nMax, n),
                Math.min(mMax, m));
    }

    Arbitrary<ConfigurationSpec> specs() {
        Arbitrary<Integer> ns = Arbitraries.integers().between(nMin, nMax).shrinkTowards(nMin);
        Arbitrary<Integer> ms = Arbitraries.integers().between(mMin, mMax).shrinkTowards(mMin);
        Arbitrary<Views> vs = Arbitraries.of(views);
        Arbitrary<Spectra> ss = Arbitraries.of(spectra);
        Arbitrary<Double> ls = Arbitraries.of(lambdas);
        Arbitrary<Double> alphas = Arbitraries.of(1.0, 0.3, 1.7, 4.0);
        Arbitrary<Double> taus = Arbitraries.of(1.0, 0.01, 0.1, 10.0, 100.0);
        Arbitrary<Long> seeds = Arbitraries.longs().between(0, 1_000_000).shrinkTowards(0);
        return Combinators.combine(ns, ms, vs, ss, ls, alphas, taus, seeds)
                .as((n, m, v, s, l, a, t, seed) -> {
                    Spectra spec = s == Spectra.TINY_GAP && v != Views.SYMMETRIC ? Spectra.WELL : s;
                    return new ConfigurationSpec(n, Math.min(m, n), v, spec, l, a, t, seed);
                });
    }

    /**
     * Real second moments: the digits (n = 64) under one of the augmentation pipelines, m up to
     * {@code digits.m.max} of the profile, with this generator's λ and flows.
     */
    Arbitrary<Scenario> digits() {
        int mMaxDigits = Integer.parseInt(RunProfile.current().get("digits.m.max", "4"));
        Arbitrary<org.sgema.data.DigitsSpec> specs = Combinators.combine(
                        Arbitraries.integers().between(1, mMaxDigits).shrinkTowards(1),
                        Arbitraries.of(org.sgema.data.DigitsSpec.Pipeline.class), Arbitraries.of(lambdas),
                        Arbitraries.of(1.0, 0.3, 1.7), Arbitraries.of(1.0, 0.1, 10.0))
                .as(org.sgema.data.DigitsSpec::new);
        return Combinators.combine(specs, inits(), Arbitraries.of(flows),
                        Arbitraries.longs().between(0, 1_000_000).shrinkTowards(0))
                .as(Scenario::new);
    }

    Arbitrary<InitSpec> inits() {
        Arbitrary<InitSpec.Tilt> tilts = genericPoint ? Arbitraries.just(InitSpec.Tilt.GENERIC)
                : Arbitraries.of(InitSpec.Tilt.NONE, InitSpec.Tilt.PREDICTOR, InitSpec.Tilt.ENCODER);
        return Combinators.combine(Arbitraries.of(1.0, 0.1, 3.0), tilts,
                        Arbitraries.longs().between(0, 1_000_000).shrinkTowards(0))
                .as(InitSpec::new);
    }

    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(specs(), inits(), Arbitraries.of(flows),
                        Arbitraries.longs().between(0, 1_000_000).shrinkTowards(0))
                .as(Scenario::new);
    }
}
