package org.sgema.flows;

import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;

/**
 * A field in displacement coordinates about a point θ*: the state is {@code δ = θ − θ*} and
 * <pre>
 *   G(δ) = F(θ* + δ) − F(θ*) = ∫₀¹ J(θ* + sδ) δ ds
 *        = [ J(θ* + s₋δ) δ + J(θ* + s₊δ) δ ] / 2,   s± = 1/2 ± 1/(2√3)   (two-point Gauss–Legendre)
 * </pre>
 * The two-point Gauss–Legendre rule is exact for polynomials of degree at most 3 in s, so for
 * fields of degree at most 4 in θ; every field of this project (SG, EMA, GD and the
 * {@link Mutation}s) is cubic. Each of the two products is linear in δ term by term, so rounding is
 * about {@code u ‖J‖ ‖δ‖}, where {@code F(θ* + δ)} evaluated directly rounds at about {@code u}
 * times the size of F's terms at θ*, whatever δ. Near an equilibrium that turns a floor fixed in
 * θ into one proportional to the displacement, which is what lets a perturbation of size ε be
 * followed to a small fraction of ε when the slowest decay is far below ‖J‖.
 * <p>
 * G leaves out the constant {@code F(θ*)}: θ* is an exact equilibrium of G, which differs from F
 * by that constant (at a point of V computed in floating point, round-off). The Jacobian is
 * {@code J(θ* + δ)}. Each evaluation costs two Jacobian–vector products of the
 * underlying field.
 * Allocates nothing per call; not thread-safe (use {@link #copy()}).
 */
public final class DisplacementField implements VectorField {
    /** The nodes of the two-point Gauss–Legendre rule on [0, 1]: 1/2 ∓ 1/(2√3). */
    static final double LOWER_NODE = 0.5 - 0.5 / Math.sqrt(3);
    static final double UPPER_NODE = 0.5 + 0.5 / Math.sqrt(3);
    private final VectorField field;
    private final double[] origin;
    private final double[] point;
    private final double[] product;

    /**
     * {@code G(δ) = F(θ* + δ) − F(θ*)}.
     *
     * @param field F, a polynomial field of degree at most 4 (each field of this project is cubic)
     * @param origin θ*, length N (copied)
     */
    public DisplacementField(VectorField field, double[] origin) {
        if (origin.length != field.dimension()) {
            throw new IllegalArgumentException("origin of length " + origin.length + " for a field of dimension "
                    + field.dimension());
        }
        this.field = field;
        this.origin = origin.clone();
        this.point = new double[origin.length];
        this.product = new double[origin.length];
    }

    /** @return θ* (a copy) */
    public double[] origin() {
        return origin.clone();
    }

    @Override
    public Flow flow() {
        return field.flow();
    }

    @Override
    public Configuration configuration() {
        return field.configuration();
    }

    @Override
    public int dimension() {
        return origin.length;
    }

    /** {@code out = G(δ)} by the two-point Gauss–Legendre rule on {@code J(θ* + sδ) δ}. */
    @Override
    public void evaluate(double[] delta, double[] out) {
        check(delta, out);
        at(delta, LOWER_NODE);
        field.jacobianTimes(point, delta, out);
        at(delta, UPPER_NODE);
        field.jacobianTimes(point, delta, product);
        for (int i = 0; i < out.length; i++) {
            out[i] = (out[i] + product[i]) / 2;
        }
    }

    /** {@code out = J(θ* + δ) v}, the Jacobian of G at δ. */
    @Override
    public void jacobianTimes(double[] delta, double[] v, double[] out) {
        check(delta, out);
        check(v, out);
        at(delta, 1.0);
        field.jacobianTimes(point, v, out);
    }

    /** Two Jacobian–vector products of the underlying field. */
    @Override
    public double flopsPerEvaluation() {
        return 2 * field.flopsPerJacobianProduct();
    }

    /** One Jacobian–vector product of the underlying field. */
    @Override
    public double flopsPerJacobianProduct() {
        return field.flopsPerJacobianProduct();
    }

    @Override
    public boolean linearizeAt(double[] delta) {
        at(delta, 1.0);
        return field.linearizeAt(point);
    }

    @Override
    public void jacobianTimesAtLinearization(double[] v, double[] out) {
        field.jacobianTimesAtLinearization(v, out);
    }

    @Override
    public DisplacementField copy() {
        return new DisplacementField(field.copy(), origin);
    }

    /** {@code point = θ* + s δ} */
    private void at(double[] delta, double s) {
        for (int i = 0; i < point.length; i++) {
            point[i] = origin[i] + s * delta[i];
        }
    }

    private void check(double[] delta, double[] out) {
        if (delta.length != origin.length || out.length != origin.length) {
            throw new InvalidInputException("state", "displacement and output of length " + origin.length
                    + " expected, got " + delta.length + " and " + out.length);
        }
    }

    @Override
    public String toString() {
        return "displacement field of " + field;
    }
}
