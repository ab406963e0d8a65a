package org.sgema.claims;

import org.sgema.config.RunProfile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Appends one CSV row per try to {@code reports/raw/CLAIM-ID.csv}. The file is truncated when a
 * claim's run starts and every row is flushed as soon as the try ends, so an interrupted run
 * keeps the rows written so far.
 */
public final class RawResults implements AutoCloseable {
    /** Column names, in order. */
    public static final String HEADER = "claim,kind,profile,seed,try,phase,source,n,m,views,spectrum,lambda,alpha,tau,"
            + "flow,init_scale,init_tilt,metric_name,metric,verdict,cause,reason,wall_ms";

    private final BufferedWriter out;
    private final Path file;

    private RawResults(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** @return the raw-results folder {@code reports/raw} under the project root */
    public static Path folder() {
        return RunProfile.root().resolve("reports").resolve("raw");
    }

    /** Starts the file of a claim's run afresh (header only); {@code runId} is the claim ID or {@code ID@source}. */
    public static RawResults start(String claimId) {
        return start(folder(), claimId);
    }

    /** Starts the file {@code dir/runId.csv} afresh (header only). */
    public static RawResults start(Path dir, String claimId) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(claimId + ".csv");
            BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            w.write(HEADER);
            w.newLine();
            w.flush();
            return new RawResults(file, w);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write raw results for " + claimId, e);
        }
    }

    /** @return the file written */
    public Path file() {
        return file;
    }

    /** Appends and flushes one row. */
    public void append(Row row) {
        try {
            out.write(row.toCsv());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One raw row.
     *
     * @param claim claim ID
     * @param kind claim kind
     * @param profile profile name
     * @param seed the seed of the run
     * @param tryIndex 1-based try index within the run
     * @param phase {@code try} (random), {@code target} (targeted search), {@code example} (a stored
     *     example replayed first) or {@code shrink} (executions while a failure is shrunk)
     * @param source where the configuration comes from ({@code synthetic} or {@code digits})
     * @param n input dimension
     * @param m representation dimension
     * @param views views kind
     * @param spectrum spectra kind
     * @param lambda weight decay
     * @param alpha predictor rate ratio
     * @param tau EMA rate
     * @param flow flow under test
     * @param initScale scale of the initial state
     * @param initTilt tilt of the initial state
     * @param evaluation the try's evaluation
     * @param wallMillis wall time of the try
     */
    public record Row(String claim, ClaimKind kind, String profile, String seed, int tryIndex, String phase,
                      String source, int n, int m, String views, String spectrum, double lambda, double alpha, double tau,
                      String flow, double initScale, String initTilt, Evaluation evaluation, long wallMillis) {

        String toCsv() {
            return String.join(",", claim, kind.name(), profile, seed, Integer.toString(tryIndex), phase, source,
                    Integer.toString(n), Integer.toString(m), views, spectrum, num(lambda), num(alpha), num(tau), flow,
                    num(initScale), initTilt,
                    quote(evaluation.metricName()), num(evaluation.metric()), evaluation.verdict().name(),
                    evaluation.cause().name(), quote(evaluation.reason()), Long.toString(wallMillis));
        }

        private static String num(double v) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
        }

        private static String quote(String s) {
            if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
                return s;
            }
            return '"' + s.replace("\"", "\"\"").replace('\n', ' ') + '"';
        }
    }
}
