// Build equilibria from the variety V ([T5]), classify them ([T7]), perturb them and watch:
// attracting points pull the trajectory back within a few ε, unstable ones let it go.
var c = symmetric(6, 2, 3);
System.out.println("generalized eigenvalues μ: " + show(c.generalizedEigenvalues()));
for (long seed = 1; seed <= 6; seed++) {
    var p = seed <= 3 ? topEquilibrium(c, seed) : equilibrium(c, seed);   // B = G Wᵀ, A = G Λᵀ G⁻¹
    var st = classify(c, SG, p);
    var q = perturb(p, 1e-4, seed);
    var t = run(c, SG, q, 5000);
    double eps = distance(p, q);
    System.out.printf("%s component, spec(A) = %s: %s%n   perturbed by %.2e -> %s at %.1f ε from the start point%n",
            seed <= 3 ? "top" : "random", spectrum(p.predictor()), st.verdict(), eps, t.outcome(),
            distance(t.finalState(), p) / eps);
}
