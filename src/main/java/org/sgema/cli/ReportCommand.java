package org.sgema.cli;

import java.util.concurrent.Callable;

import org.sgema.reports.Report;
import picocli.CommandLine.Command;

/** {@code sgema report}: rebuild the report from reports/raw/. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Rebuild reports/ from reports/raw/.")
final class ReportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.println("{\"index\":\"" + Report.build().toString().replace("\\", "\\\\") + "\"}");
        return 0;
    }
}
