package org.sgema.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sgema.io.JsonFiles;
import org.sgema.claims.CaseFiles;
import org.sgema.claims.ClaimRun;
import org.sgema.claims.Evaluation;
import org.sgema.config.RunProfile;
import org.sgema.claims.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sgema replay CASE.json}: re-check a failure's or a finding's case. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a case file from reports/failures/ or reports/findings/; exit 1 if VIOLATED.")
final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "the case file")
    Path file;

    @Override
    public Integer call() {
        CaseFiles.CaseFile f = CaseFiles.readCase(file);
        Evaluation e = f.claim().check(f.reproduction(), RunProfile.load(f.profile()).integrationFor(ClaimRun.runId(f.claim(), f.source())));
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("claim", f.claim().id());
        o.put("verdict", e.verdict().name());
        o.put("metricName", e.metricName());
        o.put("metric", e.metric());
        o.put("reason", e.reason());
        System.out.println(JsonFiles.compact(o));
        return e.verdict() == Verdict.VIOLATED ? 1 : 0;
    }
}
