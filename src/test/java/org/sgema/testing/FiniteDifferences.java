package org.sgema.testing;

import java.util.function.ToDoubleFunction;

import org.ejml.data.DMatrixRMaj;
import org.sgema.flows.VectorField;

/** Central finite differences: the independent second computation for analytic derivatives. */
public final class FiniteDifferences {
    private FiniteDifferences() {
    }

    /** @return {@code J_ij ≈ (F_i(θ + h e_j) − F_i(θ − h e_j)) / 2h}, h scaled to |θ_j| */
    public static DMatrixRMaj jacobian(VectorField field, double[] theta) {
        int n = theta.length;
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        double[] plus = new double[n];
        double[] minus = new double[n];
        double[] x = theta.clone();
        for (int c = 0; c < n; c++) {
            double h = 1e-5 * Math.max(1.0, Math.abs(theta[c]));
            x[c] = theta[c] + h;
            field.evaluate(x, plus);
            x[c] = theta[c] - h;
            field.evaluate(x, minus);
            x[c] = theta[c];
            for (int r = 0; r < n; r++) {
                j.set(r, c, (plus[r] - minus[r]) / (2 * h));
            }
        }
        return j;
    }

    /** @return the central-difference gradient of a scalar function */
    public static double[] gradient(ToDoubleFunction<double[]> f, double[] theta) {
        double[] g = new double[theta.length];
        double[] x = theta.clone();
        for (int c = 0; c < theta.length; c++) {
            double h = 1e-5 * Math.max(1.0, Math.abs(theta[c]));
            x[c] = theta[c] + h;
            double fp = f.applyAsDouble(x);
            x[c] = theta[c] - h;
            double fm = f.applyAsDouble(x);
            x[c] = theta[c];
            g[c] = (fp - fm) / (2 * h);
        }
        return g;
    }

    /** @return {@code max_ij |a_ij − b_ij| / max(1, max_ij |b_ij|)} */
    public static double relativeError(DMatrixRMaj a, DMatrixRMaj b) {
        double worst = 0;
        double scale = 1;
        for (int i = 0; i < a.data.length; i++) {
            worst = Math.max(worst, Math.abs(a.data[i] - b.data[i]));
            scale = Math.max(scale, Math.abs(b.data[i]));
        }
        return worst / scale;
    }
}
