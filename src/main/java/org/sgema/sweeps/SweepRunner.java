package org.sgema.sweeps;

import java.util.Random;

import org.sgema.claims.CollapseRates;
import org.sgema.data.DigitsSpec;
import org.sgema.flows.Flow;
import org.sgema.integration.FlowIntegrator;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Outcome;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;
import org.sgema.numerics.Matrices;
import org.sgema.numerics.RankEstimate;

/**
 * Runs one try of a sweep: a pure function of the spec and the try (no shared state, no clock
 * in the result but the wall time), so any executor, in any order, on any machine, gives the
 * same results.
 */
public final class SweepRunner {
    /** no wall-clock cap: a cap would make the outcome depend on the machine's load */
    private static final long NO_CLOCK = Long.MAX_VALUE / 4;

    private SweepRunner() {
    }

    /** @return the configuration of a try: the cell's hyper-parameters on the replicate's moments */
    public static Configuration configuration(SweepSpec spec, SweepTry t) {
        int m = (int) spec.value(t.cell(), "m");
        double lambda = spec.value(t.cell(), "lambda");
        double alpha = spec.value(t.cell(), "alpha");
        double tau = spec.value(t.cell(), "tau");
        if (spec.digits() != null) {
            return new DigitsSpec(m, spec.digits(), lambda, alpha, tau).toConfiguration();
        }
        long momentsSeed = mix(spec.seed(), t.replicate(), 1);
        return new ConfigurationSpec(spec.n(), m, spec.views(), ConfigurationSpec.Spectra.WELL, lambda, alpha, tau,
                Math.floorMod(momentsSeed, 1_000_000_007L)).toConfiguration();
    }

    /** @return the initial state of a try: fan-in, scaled by the cell's initScale, seeded by the replicate */
    public static State initial(SweepSpec spec, SweepTry t, Configuration c) {
        return RandomConfigurations.fanInState(c.m(), c.n(), t.flow().hasTarget(), spec.value(t.cell(), "initScale"),
                new Random(mix(spec.seed(), t.replicate(), 2)));
    }

    /** Integrates the try and classifies its limit ({@link CollapseRates#collapseRank}). */
    public static TryResult run(SweepSpec spec, SweepTry t) {
        long start = System.nanoTime();
        Configuration c = configuration(spec, t);
        State s0 = initial(spec, t, c);
        IntegrationSettings settings = IntegrationSettings.defaults().withHorizon(spec.horizon())
                .withTolerances(spec.rtol(), spec.atol()).withConvergenceTolerance(spec.tol())
                .withMaxEvaluations(spec.maxEvaluations()).withWallClockMillis(NO_CLOCK);
        Trajectory tr = new FlowIntegrator(settings).integrate(t.flow().field(c), s0);
        Collapse collapse;
        int rank = -1;
        String reason = "";
        if (tr.outcome() != Outcome.CONVERGED) {
            collapse = Collapse.UNDECIDED;
            reason = tr.outcome().name();
        } else {
            double[] sv = RankEstimate.singularValues(tr.finalState().encoder());
            rank = CollapseRates.collapseRank(sv, Matrices.norm(s0.encoder()));
            if (rank < 0) {
                collapse = Collapse.UNDECIDED;
                reason = "SMALL_GAP";
            } else {
                collapse = rank == 0 ? Collapse.COMPLETE : rank < c.m() ? Collapse.DIMENSIONAL : Collapse.NONE;
            }
        }
        return new TryResult(t.index(), t.cell(), t.flow(), t.replicate(), collapse, rank, reason, tr.finalTime(),
                tr.rhsEvaluations(), (System.nanoTime() - start) / 1_000_000L);
    }

    /** @return a 64-bit mix of the seed and two numbers (SplitMix64 finalizer) */
    static long mix(long seed, long a, long b) {
        long z = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
