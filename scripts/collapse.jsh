// GD collapses while SG and EMA do not: the same configuration, the same initial state.
var c = symmetric(8, 2, 1).withTau(0.5);
System.out.println(c);
for (Flow f : Flow.values()) {
    var t = run(c, f, init(c, f, 7), 2000);
    var end = t.finalState();
    System.out.printf("%-3s %-15s t=%8.1f  ‖B(0)‖=%.3f  ‖B(end)‖=%.3e  singular values of B: %s%n",
            f, t.outcome(), t.finalTime(), t.encoderNorms()[0], t.encoderNorms()[t.size() - 1],
            show(singularValues(end.encoder())));
}
// [T3]: with σ > 0, GD's ‖B(t)‖ ≤ e^{−(σ+λ)t}‖B(0)‖, so GD ends at B ≈ 0
var gd = run(c, GD, init(c, GD, 7), 2000);
if (gd.encoderNorms()[gd.size() - 1] > 1e-6) throw new AssertionError("GD did not collapse");
System.out.println("chart: " + chart("target/collapse.svg", gd, run(c, SG, init(c, SG, 7), 2000), run(c, EMA, init(c, EMA, 7), 2000)));
