package org.sgema.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Base of tests that write reports, raw rows or case files: each test runs with the project
 * root ({@code sgema.root}) pointed at a fresh temporary folder, restored afterwards, so the
 * real {@code reports/} is never touched. Such tests change system properties that every claim
 * run reads, so they run in isolation (test classes otherwise run two at a time).
 */
@Isolated
public abstract class ScratchRoot {
    /** The scratch project root of the current test. */
    @TempDir
    protected Path root;

    /** The real project root (where {@code properties/} and {@code data/} are). */
    protected Path project;

    private String previousRoot;

    @BeforeEach
    void pointTheRootAtAScratchFolder() {
        previousRoot = System.getProperty("sgema.root");
        project = Path.of(previousRoot == null ? "." : previousRoot).toAbsolutePath();
        System.setProperty("sgema.root", root.toString());
    }

    @AfterEach
    void restoreTheRoot() {
        restore("sgema.root", previousRoot);
    }

    /** Restores a system property to a saved value (clears it if the value is null). */
    protected static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    /** Copies a file of the real project into the scratch root, at the same relative path. */
    protected void copyFromProject(String relative) throws IOException {
        Path target = root.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.copy(project.resolve(relative), target);
    }
}
