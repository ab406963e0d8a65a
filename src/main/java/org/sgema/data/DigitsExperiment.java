package org.sgema.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

import org.ejml.data.DMatrixRMaj;
import org.sgema.config.RunProfile;
import org.sgema.numerics.RankEstimate;
import org.sgema.flows.Flow;
import org.sgema.integration.FlowIntegrator;
import org.sgema.stability.LimitApproach;
import org.sgema.integration.IntegrationSettings;
import org.sgema.integration.Outcome;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.numerics.Matrices;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;
import org.sgema.numerics.Spectrum;

/**
 * The real-data experiment: GD, SG and EMA (several τ) on the exact moments of augmented
 * handwritten digits (n = 64), from fan-in initial states, for each m. A run that reaches its
 * horizon is continued (while its tail predicts the stop test, see LimitApproach#continueToLimit) and its limit decided from its tail ({@link LimitApproach}:
 * CONVERGED, EXPONENTIAL, ALGEBRAIC or UNRESOLVED); the limit (polished when decided by its
 * approach) is what the rank, the spectra and the probe use. Records the outcome, the limit,
 * time, ‖B‖, rank B, which eigenvalues of {@code Mᵀ = Cxx⁻¹Cxy} the limit's spec(A) matched
 * (1 = largest), and the held-out accuracy of a linear probe on {@code B s} along the
 * trajectory, against PCA to m dimensions and a random fan-in B.
 *
 * <p>Writes {@code reports/raw/digits-experiment.csv} (one row per run) and
 * {@code reports/raw/digits-accuracy.csv} (accuracy and ‖B‖ along each run).</p>
 *
 * @param views the augmentation pipeline
 * @param ms the representation dimensions
 * @param taus the EMA rates (GD and SG run once per m and seed)
 * @param seeds number of initial states per setting
 * @param horizon integration horizon
 */
public record DigitsExperiment(AugmentedViews views, List<Integer> ms, List<Double> taus, int seeds, double horizon) {

    /**
     * Longest continuation of a run. At m = 8 a run may pass near saddles until t ≈ 10⁷ and then
     * converge (SG, seed 1: ‖F‖ ≈ 7e-8 with no decay on [5·10⁶, 10⁷], CONVERGED at 3.5·10⁷), so 10⁷
     * left it UNRESOLVED; at m = 16 even 10⁸ does not suffice (SG, seed 1: a further escape at
     * 1.4·10⁷, ‖F‖ = 5.5e-9 at 10⁸, 15 min on 2 cores).
     */
    public static final double MAX_HORIZON = 1e8;
    /** Wall-clock budget of a run, and once more of its continuations (m = 8, SG, seed 1 needs about 150 s of them). */
    public static final long WALL_CLOCK_MILLIS = 300_000;

    /** Header of the per-run CSV. */
    public static final String RUN_HEADER = "augmentation,m,flow,tau,seed,outcome,limit,t_end,B_norm,rank_B,matched,"
            + "accuracy,pca_accuracy,random_accuracy,wall_ms";
    /** Header of the accuracy-series CSV. */
    public static final String SERIES_HEADER = "augmentation,m,flow,tau,seed,t,B_norm,accuracy";

    /** The default pipeline: one-pixel translations, masking with q = 0.8, noise ν² = 0.01. */
    public static AugmentedViews defaultViews() {
        return new AugmentedViews(List.of(Augmentation.Translations.onePixel(), new Augmentation.Masking(0.8),
                new Augmentation.Noise(0.01)));
    }

    /** The experiment of a run profile: keys {@code digits.m}, {@code digits.taus}, {@code digits.seeds}, {@code digits.horizon}. */
    public static DigitsExperiment of(RunProfile p) {
        List<Integer> ms = new ArrayList<>();
        for (String s : p.get("digits.m", "4").split(",")) {
            ms.add(Integer.parseInt(s.trim()));
        }
        List<Double> taus = new ArrayList<>();
        for (String s : p.get("digits.taus", "0.1,1").split(",")) {
            taus.add(Double.parseDouble(s.trim()));
        }
        return new DigitsExperiment(defaultViews(), ms, taus, Integer.parseInt(p.get("digits.seeds", "2")),
                Double.parseDouble(p.get("digits.horizon", "30000")));
    }

    /** One run's result. */
    public record Run(int m, Flow flow, double tau, long seed, Outcome outcome, String limit, double tEnd,
                      double encoderNorm,
                      int rank, String matched, double accuracy, double pcaAccuracy, double randomAccuracy,
                      long wallMillis) {
    }

    /** Runs every setting, writing both CSV files as it goes; returns the runs. */
    public List<Run> run() {
        Digits digits = Digits.load();
        LinearProbe probe = new LinearProbe(digits, 0.7, 2026);
        Path dir = RunProfile.root().resolve("reports").resolve("raw");
        List<Run> runs = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("digits-experiment.csv"), StandardCharsets.UTF_8);
                 BufferedWriter series = Files.newBufferedWriter(dir.resolve("digits-accuracy.csv"), StandardCharsets.UTF_8)) {
                out.write(RUN_HEADER + "\n");
                series.write(SERIES_HEADER + "\n");
                for (int m : ms) {
                    Configuration base = views.configuration(m);
                    Spectrum specM = Spectrum.of(base.mTranspose());
                    double pca = probe.accuracy(probe.pca(m));
                    double random = 0;
                    for (long s = 1; s <= seeds; s++) {
                        random += probe.accuracy(RandomConfigurations.fanInState(m, 64, false, 1.0,
                                new Random(1000 + s)).encoder()) / seeds;
                    }
                    List<Object[]> settings = new ArrayList<>();
                    settings.add(new Object[] {Flow.GD, Double.NaN});
                    settings.add(new Object[] {Flow.SG, Double.NaN});
                    for (double tau : taus) {
                        settings.add(new Object[] {Flow.EMA, tau});
                    }
                    for (Object[] st : settings) {
                        Flow flow = (Flow) st[0];
                        double tau = (Double) st[1];
                        Configuration c = flow == Flow.EMA ? base.withTau(tau) : base;
                        for (long seed = 1; seed <= seeds; seed++) {
                            Run r = runOne(c, flow, tau, seed, probe, specM, pca, random, series);
                            runs.add(r);
                            out.write(String.format(Locale.ROOT,
                                    "\"%s\",%d,%s,%s,%d,%s,%s,%.6g,%.6g,%d,%s,%.4f,%.4f,%.4f,%d%n",
                                    views, m, flow, Double.isNaN(tau) ? "" : Double.toString(tau), seed, r.outcome(),
                                    r.limit(), r.tEnd(), r.encoderNorm(), r.rank(), r.matched(), r.accuracy(), pca, random,
                                    r.wallMillis()));
                            out.flush();
                            System.err.printf(Locale.ROOT, "[digits] m=%d %-3s τ=%-4s seed %d: %s (limit %s) t=%.0f ‖B‖=%.3g"
                                            + " rank %d matched [%s] accuracy %.3f (PCA %.3f, random %.3f)%n", m, flow,
                                    Double.isNaN(tau) ? "-" : tau, seed, r.outcome(), r.limit(), r.tEnd(), r.encoderNorm(), r.rank(),
                                    r.matched(), r.accuracy(), pca, random);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runs;
    }

    private Run runOne(Configuration c, Flow flow, double tau, long seed, LinearProbe probe, Spectrum specM,
                       double pca, double random, BufferedWriter series) throws IOException {
        State init = RandomConfigurations.fanInState(c.m(), c.n(), flow.hasTarget(), 1.0, new Random(seed));
        FlowIntegrator integrator = new FlowIntegrator(IntegrationSettings.defaults().withHorizon(horizon)
                .withWallClockMillis(WALL_CLOCK_MILLIS));
        org.sgema.flows.VectorField field = flow.field(c);
        Trajectory t = integrator.integrate(field, init);
        // a run at its horizon is continued (up to three times), then its limit decided from its tail (or not)
        Trajectory last = LimitApproach.continueToLimit(integrator, field, t, MAX_HORIZON);
        LimitApproach approach = LimitApproach.of(field, last);
        double tEnd = last.finalTime(); // a continuation keeps the run's clock
        double[] nb = t.encoderNorms();
        int points = Math.min(16, t.size());
        for (int k = 0; k < points; k++) {
            int i = (int) Math.round((double) k * (t.size() - 1) / Math.max(1, points - 1));
            series.write(String.format(Locale.ROOT, "\"%s\",%d,%s,%s,%d,%.6g,%.6g,%.4f%n", views, c.m(), flow,
                    Double.isNaN(tau) ? "" : Double.toString(tau), seed, t.time(i), nb[i],
                    probe.accuracy(t.state(i).encoder())));
        }
        State end = approach.decided() && approach.kind() != LimitApproach.Kind.CONVERGED ? approach.limit()
                : last.finalState();
        DMatrixRMaj b = end.encoder();
        double ref = Matrices.norm(init.encoder());
        int rank = 0;
        for (double s : RankEstimate.singularValues(b)) {
            if (s > 1e-6 * ref) {
                rank++;
            }
        }
        String matched = "";
        if (rank == c.m()) {
            TreeSet<Integer> idx = new TreeSet<>();
            Spectrum specA = Spectrum.of(end.predictor());
            for (int k = 0; k < specA.size(); k++) {
                int best = 0;
                for (int l = 1; l < specM.size(); l++) {
                    if (Math.hypot(specA.re(k) - specM.re(l), specA.im(k) - specM.im(l))
                            < Math.hypot(specA.re(k) - specM.re(best), specA.im(k) - specM.im(best))) {
                        best = l;
                    }
                }
                idx.add(best + 1);
            }
            matched = String.join(" ", idx.stream().map(String::valueOf).toList());
        }
        return new Run(c.m(), flow, tau, seed, last.outcome(), approach.kind().name(), tEnd,
                Matrices.norm(b), rank, matched, probe.accuracy(b), pca, random,
                last.wallMillis());
    }
}
