package org.sgema.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sgema.claims.ClaimKind;
import org.sgema.claims.Evaluation;
import org.sgema.claims.RawResults;
import org.sgema.testing.ScratchRoot;

/** Raw rows are on disk as soon as a try ends, and a new run of a claim starts its file clean. */
class RawResultsTest extends ScratchRoot {

    private static RawResults.Row row(int k) {
        return new RawResults.Row("T1", ClaimKind.THEOREM, "ci", "1", k, "try", "synthetic", 2, 1, "SYMMETRIC", "WELL",
                0, 1, 1, "GD", 1, "NONE", Evaluation.holds("m", k), 3);
    }

    @Test
    void rowsAreFlushedAsTriesEndAndSurviveAnInterruptedRun() throws Exception {
        RawResults raw = RawResults.start("T1");
        raw.append(row(1));
        raw.append(row(2));
        // not closed: an interrupted run; another reader sees both rows already
        List<String> lines = Files.readAllLines(raw.file());
        assertEquals(3, lines.size());
        assertEquals(RawResults.HEADER, lines.get(0));
        assertTrue(lines.get(2).startsWith("T1,THEOREM,ci,1,2,try,synthetic,2,1,"));
        // the next run starts clean
        try (RawResults again = RawResults.start("T1")) {
            again.append(row(7));
        }
        List<String> after = Files.readAllLines(raw.file());
        assertEquals(2, after.size());
        assertTrue(after.get(1).contains(",7,try,"));
        raw.close();
    }
}
