package org.sgema.sweeps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sgema.flows.Flow;
import org.sgema.model.InvalidInputException;

/** Sweeps: spec validation, deterministic cells for any thread count, the collapse classes, the heatmap. */
class SweepTest {
    private static final String SMALL = """
            {"flows": ["gd", "sg"], "n": 4, "m": 2, "views": "symmetric", "tries": 2, "seed": 5,
             "grid": {"lambda": [0.0, 0.3], "initScale": [1.0, 0.1]}, "horizon": 3000}
            """;

    static SweepSpec spec(String json) throws Exception {
        return SweepSpec.parse(new ObjectMapper().readTree(json));
    }

    @Test
    void cellsDoNotDependOnTheThreadCountAndGdCollapses() throws Exception {
        SweepSpec s = spec(SMALL);
        Sweep.Result one = Sweep.run(s, new LocalExecutor(1), null);
        Sweep.Result two = Sweep.run(s, new LocalExecutor(2), null);
        assertEquals(Sweep.cellsCsv(one), Sweep.cellsCsv(two));
        assertEquals(4 * 2, one.cells().size(), "4 cells × 2 flows");
        assertEquals(4 * 2 * 2, one.results().size());
        // [T3]: GD with σ > 0 collapses completely in every decided try; an independent check of the classes
        for (CellSummary c : one.cells()) {
            if (c.flow() == Flow.GD) {
                assertEquals(c.decided(), c.complete(), "GD " + c.csvTail());
            }
            assertEquals(c.tries(), c.complete() + c.dimensional() + c.none() + c.undecided());
        }
        // paired design: replicate k has the same moments and initial state in every cell
        SweepTry a = new SweepTry(0, 0, Flow.SG, 1);
        SweepTry b = new SweepTry(9, 3, Flow.SG, 1);
        assertEquals(SweepRunner.configuration(s, a).cxy().toString(), SweepRunner.configuration(s, b).cxy().toString());
        String csv = Sweep.cellsCsv(one);
        assertTrue(csv.startsWith("flow,lambda,initScale,tries,complete,dimensional,none,undecided,complete_rate,"
                + "wilson_low,wilson_high,mean_rank,ranks,undecided_reasons\n"), csv);
    }

    @Test
    void shardsMergeIntoTheSameCells(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        SweepSpec s = spec(SMALL);
        Sweep.Result whole = Sweep.run(s, new LocalExecutor(2), null);
        org.junit.jupiter.api.Assertions.assertNull(Sweep.merge(dir), "nothing to merge yet");
        for (int i = 0; i < 3; i++) {
            Sweep.writeShard(Sweep.run(s, new LocalExecutor(1), null, i, 3), dir, i, 3);
            if (i < 2) {
                org.junit.jupiter.api.Assertions.assertNull(Sweep.merge(dir), "shard " + (i + 1) + " of 3 is missing");
            }
        }
        Sweep.Result merged = Sweep.merge(dir);
        assertEquals(Sweep.cellsCsv(whole), Sweep.cellsCsv(merged));
        assertEquals(Sweep.cellsCsv(whole), java.nio.file.Files.readString(dir.resolve("cells.csv")));
        assertTrue(merged.executor().contains("3 shards"));
        assertThrows(InvalidInputException.class, () -> Sweep.run(s, new LocalExecutor(1), null, 3, 3));
    }

    @Test
    void undecidedCellsAreMarkedInTheHeatmap() throws Exception {
        // a horizon far too short: every try is undecided (HORIZON_REACHED)
        SweepSpec s = spec(SMALL.replace("\"horizon\": 3000", "\"horizon\": 0.01"));
        Sweep.Result r = Sweep.run(s, new LocalExecutor(2), null);
        assertTrue(r.cells().stream().allMatch(c -> c.undecided() == c.tries()));
        assertTrue(r.cells().get(0).undecidedReasons().containsKey("HORIZON_REACHED"));
        String svg = Sweep.heatmaps(r).get("heatmap-sg-lambda-initScale.svg");
        assertEquals(4, svg.split("class=\"undecided\"", -1).length - 1, "four undecided cells marked");
        assertTrue(svg.contains("undecided</text>"), "a legend entry");
        assertTrue(Sweep.cellsCsv(r).contains(",2,0,0,0,2,,,,,,HORIZON_REACHED:2"), Sweep.cellsCsv(r));
    }

    @Test
    void aBadSpecNamesItsField() {
        String[][] bad = {
                {"\"tries\": 2", "\"tries\": 0", "tries"},
                {"\"lambda\": [0.0, 0.3]", "\"lambda\": [-1]", "grid.lambda"},
                {"\"initScale\"", "\"beta\"", "grid.beta"},
                {"[\"gd\", \"sg\"]", "[\"adam\"]", "flows"},
                {"\"views\": \"symmetric\"", "\"views\": \"cubic\"", "views"},
                {"\"horizon\": 3000", "\"horizon\": 3000, \"colour\": 1", "colour"},
                {"\"m\": 2", "\"m\": 9", "m"}};
        for (String[] b : bad) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> spec(SMALL.replace(b[0], b[1])),
                    b[1]);
            assertEquals(b[2], e.field(), e.getMessage());
        }
    }

    @Test
    void cellsEnumerateTheGridFirstAxisSlowest() throws Exception {
        SweepSpec s = spec(SMALL);
        assertEquals(List.of("lambda", "initScale"), s.axes());
        assertEquals(0.0, s.cellValues(1)[0]);
        assertEquals(0.1, s.cellValues(1)[1]);
        assertEquals(0.3, s.cellValues(2)[0]);
        assertEquals(2, s.value(0, "m"));
        assertEquals(1.0, s.value(0, "tau"));
    }
}
