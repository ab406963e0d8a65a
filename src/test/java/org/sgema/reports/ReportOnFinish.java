package org.sgema.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.sgema.claims.RawResults;

/**
 * Builds the report when the test platform closes, i.e. after every property has run (also
 * when some failed, so the report shows the failures). Skipped when no claim ran in this session.
 */
public final class ReportOnFinish implements LauncherSessionListener {
    private long openedAt;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        openedAt = System.currentTimeMillis();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (!claimRanSince(openedAt)) {
            return;
        }
        try {
            Path index = Report.build();
            System.out.println("[report] " + index + " (" + Files.size(index) / 1024 + " KB)");
        } catch (RuntimeException | IOException e) {
            System.err.println("[report] could not build the report: " + e);
        }
    }

    private static boolean claimRanSince(long millis) {
        Path raw = RawResults.folder();
        if (!Files.isDirectory(raw)) {
            return false;
        }
        try (Stream<Path> files = Files.list(raw)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".meta.json")
                    && f.toFile().lastModified() >= millis);
        } catch (IOException e) {
            return false;
        }
    }
}
