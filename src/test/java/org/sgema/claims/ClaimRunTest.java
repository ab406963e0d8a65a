package org.sgema.claims;

import org.sgema.config.RunProfile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sgema.testing.ScratchRoot;

/**
 * A claim's run through the engine: witnesses are shrunk to the smallest dimensions, stored as
 * examples, and replayed first with the same verdict by the next run; a finding with no witness
 * fails; the shrunk case file replays to the same verdict outside the engine.
 */
class ClaimRunTest extends ScratchRoot {

    @BeforeEach
    void quickProfile() throws Exception {
        copyFromProject("properties/quick.properties");
    }

    private ClaimRun.Options options(int tries) {
        return ClaimRun.Options.of(RunProfile.load("quick")).withTries(tries).withSeed("7").withLog(null);
    }

    private List<Path> examples(String run) throws Exception {
        Path dir = root.resolve("properties/examples").resolve(run);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aWitnessIsShrunkStoredAndReplayedFirstWithTheSameVerdict() throws Exception {
        ClaimRun.Result first = ClaimRun.run(Claim.T2_POINTWISE, ClaimRun.SYNTHETIC, options(100));
        assertTrue(first.passed(), first.message());
        assertNotNull(first.caseFile());
        CaseFiles.CaseFile witness = CaseFiles.readCase(first.caseFile());
        assertEquals(1, witness.reproduction().configuration().n(), "the witness shrinks to n = 1");
        assertEquals(1, witness.reproduction().configuration().m(), "and m = 1");
        assertNotNull(witness.choices());
        assertEquals(1, examples("T2-pointwise").size());

        // outside the engine, the case file gives the same verdict
        Evaluation replayed = witness.claim().check(witness.reproduction(),
                RunProfile.load("quick").integration(witness.source()));
        assertEquals(Verdict.VIOLATED, replayed.verdict());

        // the next run replays the stored example first: a witness again, even with no new tries
        ClaimRun.Result again = ClaimRun.run(Claim.T2_POINTWISE, ClaimRun.SYNTHETIC, options(0));
        assertEquals(1, again.examples());
        assertEquals(1, again.exampleFailures());
        assertTrue(again.passed(), "a stored witness exhibits the finding: " + again.message());
        List<String> rows = Files.readAllLines(root.resolve("reports/raw/T2-pointwise.csv"));
        assertTrue(rows.get(1).contains(",example,"), rows.get(1));
    }

    /**
     * Each INCONCLUSIVE try's case is stored as {@code reports/inconclusive/RUN/try-N.json} and
     * replays to INCONCLUSIVE outside the engine; a later run of the claim replaces the folder's
     * cases with its own. (T3-bound at the quick profile, seed 7, 12 tries: try 6 reaches the horizon.)
     * Mutant: no storing (no file), or no clearing (try-6.json left after a run with no tries).
     */
    @Test
    void undecidedTriesAreStoredForReplay() throws Exception {
        ClaimRun.Result r = ClaimRun.run(Claim.T3_BOUND, ClaimRun.SYNTHETIC, options(12));
        assertTrue(r.count(Verdict.INCONCLUSIVE) > 0, r.summary());
        Path folder = root.resolve("reports/inconclusive/T3-bound");
        List<Path> stored;
        try (Stream<Path> files = Files.list(folder)) {
            stored = files.sorted().toList();
        }
        assertEquals(r.count(Verdict.INCONCLUSIVE), stored.size(), stored.toString());
        assertTrue(stored.contains(folder.resolve("try-6.json")), stored.toString());
        CaseFiles.CaseFile undecided = CaseFiles.readCase(folder.resolve("try-6.json"));
        Evaluation replayed = undecided.claim().check(undecided.reproduction(),
                RunProfile.load("quick").integration(undecided.source()));
        assertEquals(Verdict.INCONCLUSIVE, replayed.verdict(), replayed.toString());

        ClaimRun.run(Claim.T3_BOUND, ClaimRun.SYNTHETIC, options(0));
        assertFalse(Files.exists(folder.resolve("try-6.json")), "a later run's folder holds its own tries only");
    }

    @Test
    void aFindingWithoutAWitnessFails() {
        ClaimRun.Result r = ClaimRun.run(Claim.T2_POINTWISE, ClaimRun.SYNTHETIC, options(0));
        assertFalse(r.passed());
        assertTrue(r.message().contains("no witness in 0 tries"), r.message());
    }

    @Test
    void theCollapseWitnessShrinksToTheScalarCase() throws Exception {
        ClaimRun.Result r = ClaimRun.run(Claim.T4_SG_COLLAPSE, ClaimRun.SYNTHETIC, options(100));
        assertTrue(r.passed(), r.message());
        CaseFiles.CaseFile w = CaseFiles.readCase(r.caseFile());
        assertEquals(1, w.reproduction().configuration().n(), r.witness());
    }

    @Test
    void aTheoremRunHasItsTargetedTriesAndScores() {
        ClaimRun.Result r = ClaimRun.run(Claim.T4_INVARIANT, ClaimRun.SYNTHETIC, options(16));
        assertTrue(r.passed(), r.message());
        assertEquals(12, r.randomTries());
        assertEquals(4, r.targetedTries());
        assertTrue(Double.isFinite(r.bestRandomScore()) && Double.isFinite(r.bestTargetedScore()));
        assertEquals(16, r.statistics().get("flow").get("SG"));
    }
}
