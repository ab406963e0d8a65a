package org.sgema.reports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.sgema.equilibria.EquilibriumProjector;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Outcome;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;
import org.sgema.stability.Stability;
import org.sgema.stability.StabilityClassifier;

/**
 * The report's worked example: GD, SG and EMA from the same fan-in initial state on one fixed
 * configuration (symmetric views, n = 8, m = 2, λ = 0, α = 1, τ = 0.5), plus the Jacobian
 * spectra at the SG and EMA limits of a few more initial states. Deterministic.
 */
final class Showcase {
    /** The showcase configuration. */
    static final ConfigurationSpec SPEC = new ConfigurationSpec(8, 2, ConfigurationSpec.Views.SYMMETRIC,
            ConfigurationSpec.Spectra.WELL, 0.0, 1.0, 0.5, 3);

    private final Configuration configuration;
    private final Map<Flow, Trajectory> trajectories = new EnumMap<>(Flow.class);
    private final List<LimitSpectrum> spectra = new ArrayList<>();

    /** A classified limit point: the flow, the seed of its initial state and its stability. */
    record LimitSpectrum(Flow flow, long seed, Stability stability) {
    }

    private Showcase(Configuration configuration) {
        this.configuration = configuration;
    }

    static Showcase compute() {
        Showcase s = new Showcase(SPEC.toConfiguration());
        IntegrationSettings settings = IntegrationSettings.defaults().withHorizon(400);
        FlowIntegrator integrator = new FlowIntegrator(settings);
        for (Flow f : Flow.values()) {
            State init = RandomConfigurations.fanInState(2, 8, f.hasTarget(), 1.0, new Random(1));
            s.trajectories.put(f, integrator.integrate(f.field(s.configuration), init));
        }
        FlowIntegrator longer = new FlowIntegrator(IntegrationSettings.defaults().withHorizon(5000));
        for (Flow f : new Flow[] {Flow.SG, Flow.EMA}) {
            for (long seed = 1; seed <= 4; seed++) {
                VectorField field = f.field(s.configuration);
                State init = RandomConfigurations.fanInState(2, 8, f.hasTarget(), 1.0, new Random(seed));
                Trajectory t = longer.integrate(field, init);
                if (t.outcome() == Outcome.CONVERGED) {
                    var proj = new EquilibriumProjector().project(field, t.finalState());
                    s.spectra.add(new LimitSpectrum(f, seed, new StabilityClassifier().classify(field,
                            proj.converged() ? proj.state() : t.finalState())));
                }
            }
        }
        return s;
    }

    Configuration configuration() {
        return configuration;
    }

    Trajectory trajectory(Flow f) {
        return trajectories.get(f);
    }

    List<LimitSpectrum> spectra() {
        return spectra;
    }
}
