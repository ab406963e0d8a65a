package org.sgema.properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.sgema.claims.Claim;
import org.sgema.claims.ClaimRun;
import org.sgema.config.RunProfile;

/**
 * Runs a claim through the property engine under the current run profile
 * ({@code -Dprofile=…}, {@code -Dsgema.seed=…}, {@code -Dsgema.tries=…}, {@code -Dsgema.threads=…})
 * and fails the test with the run's message (seed, case file, replay command) if the claim
 * fails its judgement.
 */
final class ClaimChecks {
    private ClaimChecks() {
    }

    /** Checks a claim on synthetic configurations. */
    static ClaimRun.Result check(Claim claim) {
        return check(claim, ClaimRun.SYNTHETIC);
    }

    /** Checks a claim on a configuration source. */
    static ClaimRun.Result check(Claim claim, String source) {
        ClaimRun.Result r = ClaimRun.run(claim, source, ClaimRun.Options.of(RunProfile.current()));
        assertTrue(r.passed(), r::message);
        return r;
    }
}
