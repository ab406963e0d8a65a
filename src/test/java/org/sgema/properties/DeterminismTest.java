package org.sgema.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.sgema.claims.RawResults;
import org.sgema.reports.Report;
import org.sgema.testing.ScratchRoot;

/**
 * The same profile and seed give byte-identical raw rows and report tables, apart from the
 * timing columns, whatever the number of threads: two claims (one pointwise with its own
 * randomness, one integrating trajectories) are run through the test platform (as
 * {@code mvn verify} runs them) with 1 and then 2 threads, in a scratch project root.
 */
class DeterminismTest extends ScratchRoot {
    private String previousSeed;
    private String previousThreads;

    @BeforeEach
    void fixedSeedProfile() throws IOException {
        previousSeed = System.getProperty("sgema.seed");
        previousThreads = System.getProperty("sgema.threads");
        Files.createDirectories(root.resolve("properties"));
        Files.writeString(root.resolve("properties/determinism.properties"),
                Files.readString(project.resolve("properties/quick.properties")));
        System.setProperty("sgema.seed", "424242");
    }

    @AfterEach
    void restoreSeed() {
        restore("sgema.seed", previousSeed);
        restore("sgema.threads", previousThreads);
    }

    /** @return the raw rows of a claim without the wall-time column */
    private String runAndRead(String className, String method, String claim, int threads) throws IOException {
        System.setProperty("sgema.threads", Integer.toString(threads));
        String previousProfile = System.getProperty("sgema.profile");
        System.setProperty("sgema.profile", "determinism");
        try {
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectMethod(className + "#" + method)).build(), listener);
            assertEquals(0, listener.getSummary().getTotalFailureCount(), "the claim itself failed");
            assertTrue(listener.getSummary().getTestsSucceededCount() > 0, "nothing ran");
        } finally {
            restore("sgema.profile", previousProfile);
        }
        List<String> lines = Files.readAllLines(RawResults.folder().resolve(claim + ".csv"), StandardCharsets.UTF_8);
        return lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).collect(Collectors.joining("\n"));
    }

    @Test
    void sameProfileAndSeedGiveIdenticalRawRowsAndReportTables() throws IOException {
        String[][] claims = {
            {T2NotAGradientFlowProperties.class.getName(), "noConstantBlockMetricSymmetrizesTheSgOrEmaJacobian", "T2-asymmetry"},
            {T3GdCollapseProperties.class.getName(), "gdTrajectoriesStayBelowTheExponentialBoundAndCollapse", "T3-bound"},
        };
        for (String[] c : claims) {
            String first = runAndRead(c[0], c[1], c[2], 1);
            String second = runAndRead(c[0], c[1], c[2], 2);
            assertTrue(first.lines().count() > 2, "too few rows: " + first);
            assertEquals(first, second, c[2] + ": raw rows differ between 1 and 2 threads with the same seed");
            assertTrue(first.contains(",target,"), c[2] + ": no targeted try in " + first);
        }
        Report.build();
        String summary1 = withoutTiming(Files.readString(root.resolve("reports/summary.csv")));
        Report.build();
        String summary2 = withoutTiming(Files.readString(root.resolve("reports/summary.csv")));
        assertEquals(summary1, summary2);
    }

    /** Drops the slowest_ms column of the summary. */
    private static String withoutTiming(String csv) {
        List<String> lines = csv.lines().toList();
        int col = List.of(lines.get(0).split(",")).indexOf("slowest_ms");
        return lines.stream().map(l -> {
            String[] f = l.split(",", -1);
            f[col] = "";
            return String.join(",", f);
        }).collect(Collectors.joining("\n"));
    }
}
