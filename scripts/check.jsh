// The property engine at the prompt: run a claim with a small budget and read the result.
// [T2] pointwise reading: a single SG Jacobian that a block metric symmetrizes (a FINDING).
var r = check("T2-pointwise", 20);
System.out.println(r.summary());
if (!r.passed()) throw new AssertionError(r.message());
// [T4] the SG invariant, 8 tries: a THEOREM, so every decided try must hold.
var inv = check(Claim.T4_INVARIANT, 8);
if (!inv.passed() || inv.count(Verdict.VIOLATED) != 0) throw new AssertionError(inv.message());
