package org.sgema.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** decided.min under the smoke-run override keeps its share of the profile's tries. */
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
}
