package org.sgema.cli;

import org.sgema.claims.CaseFiles;
import org.sgema.claims.ClaimRun;
import org.sgema.claims.Verdict;
import org.sgema.claims.Evaluation;
import org.sgema.config.RunProfile;
import java.nio.file.Path;

import org.sgema.model.InvalidInputException;

/**
 * Replays one reproduction case written by a failing theorem check:
 * <pre>  java -cp … org.sgema.cli.Replay reports/failures/CLAIM-….json</pre>
 * Prints the case and its evaluation. Exit code 0 if the verdict is not VIOLATED, 1 if it is,
 * 2 on bad input.
 */
public final class Replay {
    private Replay() {
    }

    /** @param args one path to a case file */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: Replay CASE.json");
            System.exit(2);
        }
        try {
            CaseFiles.CaseFile f = CaseFiles.readCase(Path.of(args[0]));
            RunProfile profile = RunProfile.load(f.profile());
            Evaluation e = f.claim().check(f.reproduction(), profile.integrationFor(ClaimRun.runId(f.claim(), f.source())));
            System.out.println("claim   " + f.claim().id() + " (" + f.claim().kind() + "): " + f.claim().statement());
            System.out.println("case    " + f.reproduction().describe());
            System.out.println("state   " + f.reproduction().initial());
            System.out.println("verdict " + e);
            System.exit(e.verdict() == Verdict.VIOLATED ? 1 : 0);
        } catch (InvalidInputException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }
}
