// A trajectory that never converges: SG at (n, m) = (9, 2) with asymmetric views (ci run, seed
// 20261127, T5-limit-points try 22). It ends on a normally attracting relative periodic orbit:
// φ_T(x) = (QAQᵀ, QB) with T ≈ 24.83 and Q a reflection, so it has no limit point.
var w = org.sgema.claims.CaseFiles.readCase(java.nio.file.Path.of("src/test/resources/cases/T5-limit-points-sg-steady.json"));
var c = w.reproduction().configuration();
var t = run(c, SG, w.reproduction().initial(), 2e4);
var a = approach(c, SG, t);
System.out.println(a.kind() + " at t = " + t.finalTime() + ", ‖F‖ = " + org.sgema.numerics.Matrices.norm(SG.field(c).evaluate(t.finalState().toArray())));
var o = orbit(c, SG, t.finalState(), 200);
System.out.println(o);
if (!a.noLimitPoint() || !o.attracting() || Math.abs(o.period() - 24.8304) > 1e-3)
    throw new AssertionError("expected the attracting relative periodic orbit with T ≈ 24.83");
