package org.sgema.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

import org.sgema.integration.IntegrationSettings;
import org.sgema.model.InvalidInputException;

/**
 * A run profile of the theorem checks ({@code quick}, {@code ci}, {@code deep}), read from
 * {@code properties/NAME.properties}: tries per claim, dimension ranges, horizons and caps.
 * Chosen with {@code -Dprofile=NAME} (Maven) or the system property {@code sgema.profile}.
 *
 * <p>Keys: {@code seed} ({@code random} or a number), {@code n.max}, {@code m.max},
 * {@code horizon}, {@code wallclock.ms} (the wall-clock cap of one integration run; a try's
 * continuations of a run that reached its horizon get a clock of their own, so an undecided try
 * can take about 2.5 times it), {@code inconclusive.max} (default bound of
 * the INCONCLUSIVE rate of a theorem), {@code tries.default} and {@code tries.CLAIM-ID},
 * {@code target.fraction} (share of the tries spent on targeted search, default 0.25),
 * {@code shrink.steps} (most executions spent shrinking a failure, default 200) and
 * {@code threads} (default: every core; system property {@code sgema.threads} wins) and
 * {@code decided.min} (the fewest decided tries a theorem needs to pass); {@code horizon.RUN}
 * and {@code wallclock.ms.RUN} override the horizon and the wall-clock cap of one claim's run.</p>
 */
public final class RunProfile {
    private final String name;
    private final Properties properties;

    private RunProfile(String name, Properties properties) {
        this.name = name;
        this.properties = properties;
    }

    /** @return the project root: system property {@code sgema.root}, else the working directory */
    public static Path root() {
        String r = System.getProperty("sgema.root");
        return Path.of(r == null || r.isBlank() ? "." : r).toAbsolutePath().normalize();
    }

    /** @return the profile named by {@code sgema.profile} (default {@code ci}) */
    public static RunProfile current() {
        String n = System.getProperty("sgema.profile");
        return load(n == null || n.isBlank() ? "ci" : n.trim());
    }

    /**
     * @param name profile name
     * @throws InvalidInputException if the file is missing or unreadable
     */
    public static RunProfile load(String name) {
        Path file = root().resolve("properties").resolve(name + ".properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new InvalidInputException("profile", "cannot read " + file + " (" + e.getMessage()
                    + "); known profiles are the files properties/*.properties");
        }
        return new RunProfile(name, p);
    }

    /** @return the profile name */
    public String name() {
        return name;
    }

    /** @return the seed setting: {@code random} or a number (system property {@code sgema.seed} wins) */
    public String seed() {
        String s = System.getProperty("sgema.seed");
        return s != null && !s.isBlank() ? s.trim() : properties.getProperty("seed", "random").trim();
    }

    /** @return largest input dimension n */
    public int nMax() {
        return intValue("n.max", 12);
    }

    /** @return largest representation dimension m */
    public int mMax() {
        return intValue("m.max", 4);
    }

    /**
     * @param runId a claim ID, or {@code ID@source} for another configuration source
     * @return tries: the system property {@code sgema.tries} (a smoke-run override), else
     *     {@code tries.RUN}, else {@code tries.SOURCE.default} (other sources), else {@code tries.default}
     */
    public int tries(String runId) {
        String override = System.getProperty("sgema.tries");
        if (override != null && !override.isBlank()) {
            try {
                return Integer.parseInt(override.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("sgema.tries", "is not an integer: '" + override + "'");
            }
        }
        return intValue("tries." + runId, intValue("tries." + source(runId) + ".default", intValue("tries.default", 50)));
    }

    /**
     * @return bound of the INCONCLUSIVE rate: {@code inconclusive.max.RUN}, else
     *     {@code inconclusive.max.SOURCE}, else {@code inconclusive.max}
     */
    public double inconclusiveMax(String runId) {
        return doubleValue("inconclusive.max." + runId, doubleValue("inconclusive.max." + source(runId),
                doubleValue("inconclusive.max", 0.25)));
    }

    private static String source(String runId) {
        int at = runId.indexOf('@');
        return at < 0 ? "synthetic" : runId.substring(at + 1);
    }

    /** @return threads for the tries: system property {@code sgema.threads}, else {@code threads}, else every core */
    public int threads() {
        String override = System.getProperty("sgema.threads");
        int t;
        if (override != null && !override.isBlank()) {
            try {
                t = Integer.parseInt(override.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("sgema.threads", "is not an integer: '" + override + "'");
            }
        } else {
            t = intValue("threads", Runtime.getRuntime().availableProcessors());
        }
        if (t < 1) {
            throw new InvalidInputException("threads", "must be at least 1, got " + t);
        }
        return t;
    }

    /** @return the share of each claim's tries spent on targeted search ({@code target.fraction}, default 0.25) */
    public double targetFraction() {
        double f = doubleValue("target.fraction", 0.25);
        if (!(f >= 0 && f <= 1)) {
            throw new InvalidInputException("target.fraction", "in profile " + name + " must be in [0, 1], got " + f);
        }
        return f;
    }

    /** @return the most executions spent shrinking one failure ({@code shrink.steps}, default 200) */
    public int shrinkSteps() {
        return Math.max(0, intValue("shrink.steps", 200));
    }

    /**
     * @return the fewest decided (HOLDS or VIOLATED) tries a THEOREM or EMPIRICAL run needs to pass:
     *     {@code decided.min.RUN}, else {@code decided.min.SOURCE}, else {@code decided.min} (default 1).
     *     Under the smoke-run override {@code sgema.tries} it keeps its share of the profile's tries,
     *     {@code ⌈decided.min · override / tries.RUN⌉} (at least 1, at most decided.min): the same
     *     fraction of decided tries, for a run the profile did not size
     */
    public int decidedMin(String runId) {
        int configured = intValue("decided.min." + runId, intValue("decided.min." + source(runId),
                intValue("decided.min", 1)));
        String override = System.getProperty("sgema.tries");
        if (override == null || override.isBlank()) {
            return configured;
        }
        int profileTries = intValue("tries." + runId, intValue("tries." + source(runId) + ".default",
                intValue("tries.default", 50)));
        long scaled = (long) Math.ceil((double) configured * tries(runId) / Math.max(1, profileTries));
        return (int) Math.max(1, Math.min(configured, scaled));
    }

    /** @return integration settings of this profile (horizon, wall-clock cap per try) */
    public IntegrationSettings integration() {
        return integration("synthetic");
    }

    /**
     * @param source a configuration source; {@code SOURCE.horizon} and {@code SOURCE.wallclock.ms}
     *     override the defaults (real data converges more slowly)
     * @return integration settings for that source
     */
    public IntegrationSettings integration(String source) {
        return IntegrationSettings.defaults()
                .withHorizon(doubleValue(source + ".horizon", doubleValue("horizon", 5000)))
                .withWallClockMillis(intValue(source + ".wallclock.ms", intValue("wallclock.ms", 30_000)));
    }

    /**
     * @param runId a claim ID, or {@code ID@source}
     * @return integration settings for one claim's run: {@code horizon.RUN} overrides the
     *     source's horizon (claims whose trajectories must reach their limit get more time) and
     *     {@code wallclock.ms.RUN} its wall-clock cap
     */
    public IntegrationSettings integrationFor(String runId) {
        IntegrationSettings s = integration(source(runId));
        return s.withHorizon(doubleValue("horizon." + runId, s.horizon()))
                .withWallClockMillis(intValue("wallclock.ms." + runId, (int) s.wallClockMillis()));
    }

    /** @return a raw value, or the default */
    public String get(String key, String fallback) {
        return properties.getProperty(key, fallback).trim();
    }

    private int intValue(String key, int fallback) {
        String v = properties.getProperty(key);
        try {
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(key, "in profile " + name + " is not an integer: '" + v + "'");
        }
    }

    private double doubleValue(String key, double fallback) {
        String v = properties.getProperty(key);
        try {
            return v == null ? fallback : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(key, "in profile " + name + " is not a number: '" + v + "'");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "profile %s (n ≤ %d, m ≤ %d, seed %s)", name, nMax(), mMax(), seed());
    }
}
