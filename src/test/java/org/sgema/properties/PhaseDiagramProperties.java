package org.sgema.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sgema.config.RunProfile;
import org.sgema.flows.Flow;
import org.sgema.sweeps.CellSummary;
import org.sgema.sweeps.LocalExecutor;
import org.sgema.sweeps.Sweep;
import org.sgema.sweeps.SweepSpec;

/**
 * The ci-sized phase diagram ({@code properties/sweeps/ci.json}: λ × τ, GD, SG and EMA), written to
 * {@code reports/sweeps/ci/} for the report's "Phase diagrams" section. GD is the control: with
 * σ &gt; 0 every decided GD try must collapse completely ([T3]).
 */
class PhaseDiagramProperties {

    @Test
    void theCiSweepRunsAndGdCollapsesInEveryCell() {
        Path root = RunProfile.root();
        SweepSpec spec = SweepSpec.read(root.resolve("properties/sweeps/ci.json"));
        Sweep.Result r = Sweep.run(spec, new LocalExecutor(Runtime.getRuntime().availableProcessors()), System.err);
        Path dir = root.resolve("reports/sweeps/ci");
        Sweep.write(r, dir);
        assertTrue(Files.exists(dir.resolve("cells.csv")) && Files.exists(dir.resolve("heatmap-sg-lambda-tau.svg")));
        for (CellSummary c : r.cells()) {
            if (c.flow() == Flow.GD) {
                assertEquals(c.decided(), c.complete(), "GD must collapse completely: " + c.csvTail());
                assertTrue(c.decided() > 0, "GD decided in every cell: " + c.csvTail());
            }
        }
    }
}
