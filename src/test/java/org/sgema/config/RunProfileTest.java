package org.sgema.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** decided.min under the smoke-run override keeps its share of the profile's tries; per-run integration keys. */
@Isolated
class RunProfileTest {

    @Test
    void aSmokeRunNeedsTheSameShareOfDecidedTries() {
        RunProfile ci = RunProfile.load("ci");
        String before = System.getProperty("sgema.tries");
        try {
            System.clearProperty("sgema.tries");
            assertEquals(10, ci.decidedMin("T4-invariant"), "ci: decided.min = 10 of 60 tries");
            System.setProperty("sgema.tries", "30");
            assertEquals(5, ci.decidedMin("T4-invariant"), "⌈10 · 30/60⌉");
            System.setProperty("sgema.tries", "1");
            assertEquals(1, ci.decidedMin("T4-invariant"), "at least 1");
            System.setProperty("sgema.tries", "600");
            assertEquals(10, ci.decidedMin("T4-invariant"), "never more than the profile's");
        } finally {
            if (before == null) {
                System.clearProperty("sgema.tries");
            } else {
                System.setProperty("sgema.tries", before);
            }
        }
    }

    /** {@code wallclock.ms.RUN} sets one run's cap; other runs keep {@code wallclock.ms} (mutant: the key ignored). */
    @Test
    void aRunsOwnWallClockCapOverridesTheProfiles() {
        RunProfile deep = RunProfile.load("deep");
        long own = Long.parseLong(deep.get("wallclock.ms.T5-limit-points", "0"));
        long all = Long.parseLong(deep.get("wallclock.ms", "0"));
        assertTrue(own > 0 && own != all, "deep sets its own cap for T5-limit-points: " + own + " against " + all);
        assertEquals(own, deep.integrationFor("T5-limit-points").wallClockMillis());
        assertEquals(all, deep.integrationFor("E4").wallClockMillis());
        assertEquals(deep.integration().horizon(), deep.integrationFor("T5-limit-points").horizon(),
                "the cap alone is overridden");
    }
}
