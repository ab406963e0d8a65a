package org.sgema.cli;

import java.util.concurrent.Callable;

import org.sgema.reports.Report;
import picocli.CommandLine.Command;

/**
 * {@code sgema report}: rebuild the report from reports/raw/, first merging the shards of any
 * sweep under reports/sweeps/ whose shards are all there.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Rebuild reports/ from reports/raw/ (merging complete sets of sweep shards first).")
final class ReportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        java.nio.file.Path sweeps = org.sgema.config.RunProfile.root().resolve("reports").resolve("sweeps");
        if (java.nio.file.Files.isDirectory(sweeps)) {
            try (var dirs = java.nio.file.Files.list(sweeps)) {
                for (java.nio.file.Path d : dirs.filter(java.nio.file.Files::isDirectory).sorted().toList()) {
                    if (org.sgema.sweeps.Sweep.merge(d) != null) {
                        System.err.println("[report] merged the shards of " + d.getFileName());
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot list " + sweeps, e);
            }
        }
        System.out.println("{\"index\":\"" + Report.build().toString().replace("\\", "\\\\") + "\"}");
        return 0;
    }
}
