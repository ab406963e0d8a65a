package org.sgema.properties;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import org.sgema.claims.Claim;
import org.sgema.flows.Flow;

/**
 * [T3], [T4], [T5], [T7] and [E1] on real second moments: exact moments of augmented
 * handwritten digits (n = 64). Recorded as {@code CLAIM@digits}.
 */
@AddLifecycleHook(value = ClaimHook.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class RealDataProperties {

    @Property
    @ChecksClaim(value = Claim.T3_BOUND, source = ChecksClaim.DIGITS)
    void gdCollapsesOnDigitsWithinTheExponentialBound(@ForAll("gd") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(value = Claim.T4_INVARIANT, source = ChecksClaim.DIGITS)
    void theSgInvariantHoldsOnDigits(@ForAll("sg") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(value = Claim.T5_LIMIT_POINTS, source = ChecksClaim.DIGITS)
    void digitsLimitPointsLieOnTheVariety(@ForAll("sgEmaZeroDecay") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(value = Claim.T7_PERTURBATION, source = ChecksClaim.DIGITS)
    void digitsEquilibriaAttractOrRepelAsClassified(@ForAll("sgEmaZeroDecay") Scenario s) {
        Ledger.check(s);
    }

    @Property
    @ChecksClaim(value = Claim.E1, source = ChecksClaim.DIGITS)
    void digitsLimitPointsAreNormallyAttracting(@ForAll("sgEma") Scenario s) {
        Ledger.check(s);
    }

    @Provide
    Arbitrary<Scenario> gd() {
        return Generators.all().withFlows(Flow.GD).digits();
    }

    @Provide
    Arbitrary<Scenario> sg() {
        return Generators.all().withFlows(Flow.SG).digits();
    }

    @Provide
    Arbitrary<Scenario> sgEmaZeroDecay() {
        return Generators.all().withFlows(Flow.SG, Flow.EMA).withLambdas(0.0).digits();
    }

    @Provide
    Arbitrary<Scenario> sgEma() {
        return Generators.all().withFlows(Flow.SG, Flow.EMA).digits();
    }
}
