package org.sgema.claims;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sgema.flows.Flow;

/** Scores grow towards violation, branch by branch. */
class ClaimScoreTest {

    @Test
    void e5ScoresTheControlAndTheMeasuredFlowsInOppositeDirections() {
        Evaluation tiny = Evaluation.holds("min_singular_ratio", 1e-14);
        Evaluation large = Evaluation.holds("min_singular_ratio", 1e-3);
        // SG: a metric exists when the ratio is tiny, so tiny is closer to violation
        assertTrue(Claim.E5.score(Flow.SG, tiny) > Claim.E5.score(Flow.SG, large));
        // GD: the control fails when no metric exists, so large is closer to violation
        assertTrue(Claim.E5.score(Flow.GD, large) > Claim.E5.score(Flow.GD, tiny));
    }
}
