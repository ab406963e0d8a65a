// Discrete training ([D]): the learning rate at which an equilibrium stops attracting training.
// η* = min 2|Re μ|/|μ|² over the non-zero eigenvalues μ of J at the equilibrium.
var c = symmetric(6, 2, 3);
var star = topEquilibrium(c, 4);
double etaStar = criticalRate(c, SG, star);
System.out.printf("predicted critical learning rate η* = %.4f%n", etaStar);
var start = perturb(star, 1e-6, 5);
for (double r : new double[] {0.7, 0.95, 1.05, 1.3}) {
    var t = train(c, SG, start, r * etaStar, 20000);
    System.out.printf("η = %.2f η*: %s after %d steps, distance to θ* %.2e%n", r, t.outcome(), t.steps(),
            distance(t.finalState(), star));
}
// an EMA momentum β at learning rate η is the EMA flow's τ = (1 − β)/η
System.out.printf("β = 0.99 at η = 0.05 is τ = %.3f%n", tauOf(0.05, 0.99));
