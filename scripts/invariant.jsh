// The SG invariant Δ = AᵀA − αBBᵀ ([T4]) and the collapse lower bound it gives.
var c = symmetric(6, 3, 5);
var s0 = init(c, SG, 9);
var nu = Matrices.symmetricEigenvalues(invariant(c, s0));
System.out.println("eigenvalues of Δ(0): " + show(nu));
var t = run(c, SG, s0, 3000);
double worst = 0;
for (double d : t.invariantDrift()) worst = Math.max(worst, d);
System.out.printf("SG %s at t = %.1f; largest relative drift of Δ: %.2e%n", t.outcome(), t.finalTime(), worst);
var sv = singularValues(t.finalState().encoder());
for (int k = 0; k < nu.length && nu[k] < 0; k++)
    System.out.printf("k=%d: α s_k(B)² = %.4f ≥ |ν_k| = %.4f%n", k + 1, c.alpha() * sv[k] * sv[k], -nu[k]);
