package org.sgema.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sgema.config.RunProfile;
import org.sgema.flows.Flow;
import org.sgema.integration.Outcome;

/**
 * Runs the real-data experiment of the current profile (m = 4 in ci) and checks what must hold
 * whatever the numbers: GD collapses completely ([T3], σ &gt; 0 with noise) and its probe falls
 * to chance; PCA is well above chance; every run produced a row.
 */
class DigitsExperimentTest {

    @Test
    void digitsExperimentRunsAndGdCollapsesToChance() {
        DigitsExperiment experiment = DigitsExperiment.of(RunProfile.current());
        List<DigitsExperiment.Run> runs = experiment.run();
        int perM = (2 + experiment.taus().size()) * experiment.seeds();
        assertEquals(experiment.ms().size() * perM, runs.size());
        for (DigitsExperiment.Run r : runs) {
            assertTrue(r.accuracy() >= 0 && r.accuracy() <= 1);
            assertTrue(r.pcaAccuracy() > 0.4, "PCA probe accuracy " + r.pcaAccuracy());
            if (r.flow() == Flow.GD) {
                assertEquals(Outcome.CONVERGED, r.outcome());
                assertEquals(0, r.rank(), "GD must collapse completely");
                assertTrue(r.accuracy() < 0.2, "collapsed GD representation scored " + r.accuracy());
            }
        }
    }
}
