package org.sgema.sweeps.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sgema.sweeps.LocalExecutor;
import org.sgema.sweeps.Sweep;
import org.sgema.sweeps.SweepSpec;

/**
 * The ci sweep run embedded and on Apache Spark ({@code local[2]}) gives byte-identical
 * {@code cells.csv}. Runs with the Maven profile spark ({@code mvn -Pspark test -Dtest=SparkSweepTest}).
 */
class SparkSweepTest {

    @Test
    void sparkLocalGivesTheSameCellsAsTheEmbeddedRun() {
        SweepSpec spec = SweepSpec.read(Path.of("properties/sweeps/ci.json"));
        Sweep.Result embedded = Sweep.run(spec, new LocalExecutor(2), System.err);
        Sweep.Result spark = Sweep.run(spec, new SparkExecutor("local[2]"), System.err);
        assertTrue(spark.executor().startsWith("Apache Spark 4."), spark.executor());
        assertEquals(Sweep.cellsCsv(embedded), Sweep.cellsCsv(spark));
        assertEquals(embedded.results().size(), spark.results().size());
        for (int i = 0; i < embedded.results().size(); i++) {
            var a = embedded.results().get(i);
            var b = spark.results().get(i);
            assertEquals(a.collapse(), b.collapse(), "try " + i);
            assertEquals(a.evaluations(), b.evaluations(), "try " + i + ": the same run, step for step");
        }
    }
}
