package org.sgema.claims;

import java.util.Locale;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;
import org.sgema.numerics.Matrices;

/**
 * [T2](ii)-(iii): the circulation of the metric-normalized field around a small circle,
 * <pre>
 *   γ(s) = θ0 + r (cos s·u + sin s·v),   C = ∮ P⁻¹F(γ)·dγ = ∫₀^{2π} ⟨P⁻¹F(γ(s)), γ'(s)⟩ ds
 *   Stokes, to leading order:  C ≈ π r² (vᵀJ'u − uᵀJ'v),   J' = P⁻¹J
 * </pre>
 * with the natural metric {@code P = diag(αI, I[, I])}, a random orthonormal 2-plane (u, v)
 * and 64-point Gauss–Legendre quadrature (Hipparchus). The error of the leading-order formula is
 * O(r⁴) (the quadratic part of F contributes nothing by symmetry), so at r = 1e-3 both
 * computations agree to ~1e-6 relative. GD (the control) has C = 0 in this metric.
 */
public final class Circulation {
    /** Radius of the loop. */
    static final double RADIUS = 1e-3;

    private Circulation() {
    }

    /**
     * The circulation around one loop.
     *
     * @param quadrature {@code ∮ P⁻¹F·dγ} by Gauss–Legendre quadrature
     * @param stokes the leading-order value {@code π r² (vᵀJ'u − uᵀJ'v)}
     * @param scale {@code π r² ‖J'‖}, the natural size of either
     */
    public record Values(double quadrature, double stokes, double scale) {
    }

    /**
     * @return the circulation of the case's flow around a random loop (seeded by the case) of
     *     radius 1e-3 at the case's point
     */
    public static Values compute(Case c) {
        Configuration cfg = c.configuration();
        double[] metric = new double[c.field().dimension()];
        for (int i = 0; i < metric.length; i++) {
            metric[i] = i < cfg.m() * cfg.m() ? cfg.alpha() : 1.0;
        }
        return compute(c, metric);
    }

    /**
     * @param metric the diagonal of P, one weight per state coordinate (not modified)
     * @return the circulation of {@code P⁻¹F} around the case's random loop
     */
    static Values compute(Case c, double[] metric) {
        VectorField f = c.field();
        double[] theta0 = c.initial().toArray();
        int n = theta0.length;
        Random rnd = new Random(c.seed());
        double[] u = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = rnd.nextGaussian();
            v[i] = rnd.nextGaussian();
        }
        scale(u, 1 / Matrices.norm(u));
        double uv = dot(u, v);
        for (int i = 0; i < n; i++) {
            v[i] -= uv * u[i];
        }
        scale(v, 1 / Matrices.norm(v));
        double[] x = new double[n];
        double[] fx = new double[n];
        GaussIntegrator gl = new GaussIntegratorFactory().legendre(64, 0, 2 * Math.PI);
        double quadrature = gl.integrate(s -> {
            double cs = Math.cos(s);
            double sn = Math.sin(s);
            for (int i = 0; i < n; i++) {
                x[i] = theta0[i] + RADIUS * (cs * u[i] + sn * v[i]);
            }
            f.evaluate(x, fx);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += fx[i] / metric[i] * RADIUS * (-sn * u[i] + cs * v[i]);
            }
            return sum;
        });
        DMatrixRMaj j = f.jacobian(theta0);
        for (int r = 0; r < n; r++) {
            for (int col = 0; col < n; col++) {
                j.data[r * n + col] /= metric[r];
            }
        }
        double vJu = 0;
        double uJv = 0;
        for (int r = 0; r < n; r++) {
            for (int col = 0; col < n; col++) {
                vJu += v[r] * j.data[r * n + col] * u[col];
                uJv += u[r] * j.data[r * n + col] * v[col];
            }
        }
        double stokes = Math.PI * RADIUS * RADIUS * (vJu - uJv);
        double scale = Math.PI * RADIUS * RADIUS * Matrices.norm(j);
        return new Values(quadrature, stokes, scale);
    }

    /**
     * Stokes agreement of the two computations (true for any smooth field: it cross-checks the
     * quadrature against the Jacobian), and the statement itself: for GD (the control) a zero
     * circulation in the natural metric; for SG and EMA a circulation that is non-zero beyond its
     * error bound in the constant block metric that best symmetrizes J (at this and further
     * points, as [T2]-asymmetry), since a gradient field has zero circulation in its metric:
     * <pre>
     *   bound = |C_quad − C_Stokes| + 1e-12 π r² ‖J'‖
     *   |C_Stokes| ≤ bound  VIOLATED,   ≤ 10·bound  INCONCLUSIVE,   else HOLDS
     * </pre>
     * Metric: {@code |C_quad − C_Stokes| / (π r² ‖J'‖)}.
     */
    public static Evaluation stokes(Case c) {
        Values v = compute(c);
        double err = Math.abs(v.quadrature() - v.stokes()) / v.scale();
        Evaluation e = Evaluation.judge("stokes_relative_error", err, 1e-4, 1e-2,
                "|C_quadrature − C_Stokes| / (π r² ‖J'‖)");
        if (c.flow() == Flow.GD) {
            double zero = Math.abs(v.quadrature()) / v.scale();
            return e.and(Evaluation.judge("stokes_relative_error", zero, 1e-8, 1e-4,
                    "GD circulation / (π r² ‖J'‖) in the natural metric"));
        }
        if (Matrices.norm(c.configuration().cxy()) == 0.0) {
            return e;
        }
        MetricSymmetry.Minimum best = MetricSymmetry.bestMetric(c);
        double[] p = MetricSymmetry.weights(best.logRatios());
        int[] blockOf = MetricSymmetry.blocksOf(c.configuration(), c.flow());
        double[] metric = new double[blockOf.length];
        for (int i = 0; i < metric.length; i++) {
            metric[i] = p[blockOf[i]];
        }
        Values w = compute(c, metric);
        double bound = Math.abs(w.quadrature() - w.stokes()) + 1e-12 * w.scale();
        double size = Math.abs(w.stokes());
        if (size <= bound) {
            return e.and(Evaluation.violated(Cause.ZERO_CIRCULATION, "stokes_relative_error", err, String.format(
                    Locale.ROOT, "circulation %.3g within its error bound %.3g in the best block metric (asymmetry %.3g)",
                    size, bound, best.value())));
        }
        if (size <= 10 * bound) {
            return e.and(Evaluation.inconclusive(Cause.BETWEEN_THRESHOLDS, "stokes_relative_error", err, String.format(
                    Locale.ROOT, "circulation %.3g only %.3g× its error bound in the best block metric", size,
                    size / bound)));
        }
        return e;
    }

    private static void scale(double[] x, double s) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= s;
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
