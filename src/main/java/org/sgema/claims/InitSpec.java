package org.sgema.claims;

import java.util.Locale;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.sgema.numerics.Matrices;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;

/**
 * A recipe for an initial state: fan-in scaling ({@code A_ij ~ N(0, s²/m)}, {@code B_ij ~ N(0, s²/n)})
 * times a scale, optionally tilted so that the predictor or the encoder dominates (which sets the
 * sign of the SG invariant Δ(0) = AᵀA − αBBᵀ). {@code B̄(0) = B(0)} for EMA.
 *
 * @param scale overall scale s
 * @param tilt {@code PREDICTOR}: A×3, B×0.1 (Δ(0) ≻ 0 likely); {@code ENCODER}: A×0.1, B×3; {@code NONE};
 *     {@code GENERIC}: a generic point with i.i.d. N(0, scale²) entries (for pointwise identities)
 * @param seed seed of the Gaussian draws
 */
public record InitSpec(double scale, Tilt tilt, long seed) {

    public enum Tilt { NONE, PREDICTOR, ENCODER, GENERIC }

    public State state(int m, int n, boolean withTarget) {
        if (tilt == Tilt.GENERIC) {
            return RandomConfigurations.gaussianState(m, n, withTarget, scale, new Random(seed));
        }
        Random rnd = new Random(seed);
        double sa = tilt == Tilt.PREDICTOR ? 3 : tilt == Tilt.ENCODER ? 0.1 : 1;
        double sb = tilt == Tilt.PREDICTOR ? 0.1 : tilt == Tilt.ENCODER ? 3 : 1;
        DMatrixRMaj a = Matrices.gaussian(m, m, scale * sa / Math.sqrt(m), rnd);
        DMatrixRMaj b = Matrices.gaussian(m, n, scale * sb / Math.sqrt(n), rnd);
        return withTarget ? State.of(a, b, b) : State.of(a, b);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Init[scale=%s, tilt=%s, seed=%d]", scale, tilt, seed);
    }
}
