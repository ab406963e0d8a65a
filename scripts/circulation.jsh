// The circulation of the metric-normalized field around a small loop ([T2]): zero for GD
// (a gradient flow), non-zero for SG; quadrature and Stokes (Jacobian) agree.
var c = asymmetric(5, 2, 4).withAlpha(1.7);
var point = init(c, SG, 2);
for (Flow f : Flow.values()) {
    var v = circulation(c, f, point, 11);
    System.out.printf("%-3s quadrature %+.6e   Stokes %+.6e   relative to πr²‖J'‖: %.3e%n",
            f, v.quadrature(), v.stokes(), Math.abs(v.quadrature()) / v.scale());
}
if (Math.abs(circulation(c, GD, point, 11).quadrature()) > 1e-8 * circulation(c, GD, point, 11).scale())
    throw new AssertionError("GD circulation should vanish");
