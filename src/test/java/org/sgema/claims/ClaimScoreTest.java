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

    /**
     * T5-local-dimension: fewer zero singular values than m² violates, more is ambiguous
     * (INCONCLUSIVE, not a step towards a violation), so the order is violated > holds > ambiguous.
     * Mutant: |metric| (the ambiguous try scored above the one that holds).
     */
    @Test
    void localDimensionScoresMissingZerosAboveAmbiguousOnes() {
        Evaluation missing = Evaluation.violated(Cause.NULLITY_MISMATCH, "nullity_minus_m2", -1, "");
        Evaluation exact = Evaluation.holds("nullity_minus_m2", 0);
        Evaluation ambiguous = Evaluation.inconclusive(Cause.AMBIGUOUS_NULLITY, "nullity_minus_m2", 111, "");
        assertTrue(Claim.T5_LOCAL_DIMENSION.score(Flow.SG, missing) > Claim.T5_LOCAL_DIMENSION.score(Flow.SG, exact));
        assertTrue(Claim.T5_LOCAL_DIMENSION.score(Flow.SG, exact) > Claim.T5_LOCAL_DIMENSION.score(Flow.SG, ambiguous));
    }
}
