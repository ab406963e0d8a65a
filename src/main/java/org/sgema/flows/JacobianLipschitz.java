package org.sgema.flows;

import org.sgema.model.Configuration;
import org.sgema.numerics.Matrices;

/**
 * A bound on how fast the Jacobian of the GD, SG and EMA fields can change, from the
 * configuration alone (no evaluation of the field):
 * <pre>
 *   ‖J(θ) − J(θ')‖ ≤ L(r) ‖θ − θ'‖    for ‖θ‖, ‖θ'‖ ≤ r,
 *   L(r) = 6 (|α| + 1) c r + 2 (|α| + 2) ‖Cxy‖_F,    c = max(‖Cxx‖_F, ‖Cyy‖_F)
 * </pre>
 * Why: the field is a sum of linear terms (no second derivative), bilinear terms
 * {@code T Cyx Bᵀ}, {@code Aᵀ T Cyx}, {@code A B Cxy} and trilinear terms {@code A B Cxx Bᵀ},
 * {@code Aᵀ A B Cxx}, weighted by α in the predictor's equation and by 1 in the encoder's. For a trilinear term with {@code ‖T(x, y, z)‖ ≤ K‖x‖‖y‖‖z‖} the second
 * derivative {@code D²T(ξ)[u, v]} is a sum of 3! = 6 terms, each at most {@code K‖ξ‖‖u‖‖v‖};
 * for a bilinear term it is 2 terms, each at most {@code K‖u‖‖v‖}. With Frobenius norms
 * (which bound the spectral ones) and the mean-value theorem along the segment, which stays in
 * the ball of radius r, the sum of these is L(r). The constant covers the mutants too (α moved
 * between the equations, Cxx and Cyy swapped, Cxy transposed, the GD target branch).
 */
public final class JacobianLipschitz {
    private JacobianLipschitz() {
    }

    /**
     * @param configuration the configuration
     * @param radius a bound on {@code ‖θ‖} along the segment
     * @return L(radius) as above
     */
    public static double of(Configuration configuration, double radius) {
        double alpha = Math.abs(configuration.alpha());
        double c = Math.max(Matrices.norm(configuration.cxx()), Matrices.norm(configuration.cyy()));
        return 6 * (alpha + 1) * c * radius + 2 * (alpha + 2) * Matrices.norm(configuration.cxy());
    }
}
