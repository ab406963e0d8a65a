package org.sgema.model;

import org.sgema.numerics.Matrices;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * An immutable linear non-contrastive SSL configuration (theory notes, section 1): the two
 * views' second moments, the representation dimension and the hyper-parameters.
 *
 * <pre>
 *   Cxx = E[x xᵀ],  Cyy = E[y yᵀ],  Cxy = E[x yᵀ],  Cyx = Cxyᵀ          (n×n)
 *   Σz  = [[Cxx, Cxy], [Cyx, Cyy]]  symmetric PSD                       (2n×2n)
 *   predictor A (m×m), encoder B (m×n), target B̄ (m×n)
 *   λ ≥ 0 weight decay,  α &gt; 0 predictor rate ratio,  τ &gt; 0 EMA rate
 * </pre>
 *
 * <p>Every matrix is copied on the way in and out. Validation happens at construction and
 * raises {@link InvalidInputException} naming the matrix and the problem.</p>
 */
public final class Configuration {
    /** Relative tolerance of the symmetry and PSD checks. */
    public static final double MOMENT_TOLERANCE = 1e-10;

    private final int n;
    private final int m;
    private final DMatrixRMaj cxx;
    private final DMatrixRMaj cxy;
    private final DMatrixRMaj cyy;
    private final DMatrixRMaj signal;
    private final DMatrixRMaj noise;
    private final double lambda;
    private final double alpha;
    private final double tau;

    private Configuration(int m, DMatrixRMaj cxx, DMatrixRMaj cxy, DMatrixRMaj cyy,
                          DMatrixRMaj signal, DMatrixRMaj noise,
                          double lambda, double alpha, double tau) {
        if (cxx == null) {
            throw new InvalidInputException("Cxx", "is missing");
        }
        this.n = cxx.numRows;
        if (n < 1) {
            throw new InvalidInputException("n", "must be at least 1, got " + n);
        }
        if (m < 1) {
            throw new InvalidInputException("m", "must be at least 1, got " + m);
        }
        this.m = m;
        Validation.requireShape("Cxx", cxx, n, n);
        Validation.requireShape("Cxy", cxy, n, n);
        Validation.requireShape("Cyy", cyy, n, n);
        Validation.requireFinite("Cxx", cxx);
        Validation.requireFinite("Cxy", cxy);
        Validation.requireFinite("Cyy", cyy);
        Validation.requireSymmetric("Cxx", cxx, MOMENT_TOLERANCE);
        Validation.requireSymmetric("Cyy", cyy, MOMENT_TOLERANCE);
        requireHyper("lambda", lambda, lambda >= 0, "must be ≥ 0");
        requireHyper("alpha", alpha, alpha > 0, "must be > 0");
        requireHyper("tau", tau, tau > 0, "must be > 0");
        this.cxx = Matrices.symmetricPart(cxx);
        this.cxy = cxy.copy();
        this.cyy = Matrices.symmetricPart(cyy);
        this.signal = signal == null ? null : signal.copy();
        this.noise = noise == null ? null : noise.copy();
        this.lambda = lambda;
        this.alpha = alpha;
        this.tau = tau;
        Validation.requirePsd("Sigma_z", jointMoment(), MOMENT_TOLERANCE);
    }

    /**
     * A copy with other hyper-parameters: the moments, validated when {@code base} was made, are
     * shared (they are never modified or handed out), so only the hyper-parameters are checked,
     * without the eigenvalues of the 2n×2n joint moment again.
     */
    private Configuration(Configuration base, double lambda, double alpha, double tau) {
        requireHyper("lambda", lambda, lambda >= 0, "must be ≥ 0");
        requireHyper("alpha", alpha, alpha > 0, "must be > 0");
        requireHyper("tau", tau, tau > 0, "must be > 0");
        this.n = base.n;
        this.m = base.m;
        this.cxx = base.cxx;
        this.cxy = base.cxy;
        this.cyy = base.cyy;
        this.signal = base.signal;
        this.noise = base.noise;
        this.lambda = lambda;
        this.alpha = alpha;
        this.tau = tau;
    }

    private static void requireHyper(String name, double value, boolean ok, String rule) {
        if (!Double.isFinite(value) || !ok) {
            throw new InvalidInputException(name, rule + ", got " + value);
        }
    }

    /**
     * General (possibly asymmetric) views.
     *
     * @param cxx {@code E[x xᵀ]}, n×n symmetric (not modified)
     * @param cxy {@code E[x yᵀ]}, n×n (not modified)
     * @param cyy {@code E[y yᵀ]}, n×n symmetric (not modified)
     * @param m representation dimension
     */
    public static Configuration views(DMatrixRMaj cxx, DMatrixRMaj cxy, DMatrixRMaj cyy, int m) {
        return new Configuration(m, cxx, cxy, cyy, null, null, 0.0, 1.0, 1.0);
    }

    /**
     * Symmetric augmentation model {@code x = s + ε, y = s + ε'}:
     * <pre>Cxx = Cyy = S + N,  Cxy = S,  σ = λ_min(N)</pre>
     *
     * @param signal signal second moment S, n×n symmetric PSD (not modified)
     * @param noise augmentation-noise covariance N, n×n symmetric PSD (not modified)
     * @param m representation dimension
     */
    public static Configuration symmetric(DMatrixRMaj signal, DMatrixRMaj noise, int m) {
        if (signal == null) {
            throw new InvalidInputException("S", "is missing");
        }
        Validation.requireShape("N", noise, signal.numRows, signal.numCols);
        Validation.requireShape("S", signal, signal.numRows, signal.numRows);
        Validation.requireFinite("S", signal);
        Validation.requireFinite("N", noise);
        Validation.requireSymmetric("S", signal, MOMENT_TOLERANCE);
        Validation.requireSymmetric("N", noise, MOMENT_TOLERANCE);
        Validation.requirePsd("S", signal, MOMENT_TOLERANCE);
        Validation.requirePsd("N", noise, MOMENT_TOLERANCE);
        DMatrixRMaj c = new DMatrixRMaj(signal.numRows, signal.numCols);
        CommonOps_DDRM.add(signal, noise, c);
        return new Configuration(m, c, Matrices.symmetricPart(signal), c, signal, noise, 0.0, 1.0, 1.0);
    }

    /** @return a copy with weight decay λ */
    public Configuration withLambda(double lambda) {
        return new Configuration(this, lambda, alpha, tau);
    }

    /** @return a copy with predictor learning-rate ratio α */
    public Configuration withAlpha(double alpha) {
        return new Configuration(this, lambda, alpha, tau);
    }

    /** @return a copy with EMA rate τ */
    public Configuration withTau(double tau) {
        return new Configuration(this, lambda, alpha, tau);
    }

    /** @return input dimension n */
    public int n() {
        return n;
    }

    /** @return representation dimension m */
    public int m() {
        return m;
    }

    /** @return a copy of {@code Cxx} */
    public DMatrixRMaj cxx() {
        return cxx.copy();
    }

    /** @return a copy of {@code Cxy} */
    public DMatrixRMaj cxy() {
        return cxy.copy();
    }

    /** @return a copy of {@code Cyx = Cxyᵀ} */
    public DMatrixRMaj cyx() {
        return CommonOps_DDRM.transpose(cxy, null);
    }

    /** @return a copy of {@code Cyy} */
    public DMatrixRMaj cyy() {
        return cyy.copy();
    }

    /** @return weight decay λ */
    public double lambda() {
        return lambda;
    }

    /** @return predictor learning-rate ratio α */
    public double alpha() {
        return alpha;
    }

    /** @return EMA rate τ */
    public double tau() {
        return tau;
    }

    /** @return true if built by {@link #symmetric}, so that S and N are known */
    public boolean isSymmetricModel() {
        return signal != null;
    }

    /** @return a copy of the signal moment S, or null for general views */
    public DMatrixRMaj signal() {
        return signal == null ? null : signal.copy();
    }

    /** @return a copy of the noise covariance N, or null for general views */
    public DMatrixRMaj noise() {
        return noise == null ? null : noise.copy();
    }

    /** @return the joint second moment {@code Σz = [[Cxx, Cxy], [Cyx, Cyy]]} (2n×2n) */
    public DMatrixRMaj jointMoment() {
        DMatrixRMaj z = new DMatrixRMaj(2 * n, 2 * n);
        CommonOps_DDRM.insert(cxx, z, 0, 0);
        CommonOps_DDRM.insert(cxy, z, 0, n);
        CommonOps_DDRM.insert(cyx(), z, n, 0);
        CommonOps_DDRM.insert(cyy, z, n, n);
        return z;
    }

    /**
     * {@code σ = λ_min(Σz)}; σ &gt; 0 means neither view is a linear function of the other. In the
     * symmetric model {@code spec Σz = spec(2S + N) ∪ spec(N)}, so there
     * {@code σ = min(λ_min(2S + N), λ_min(N))} from two n×n problems. Accuracy: absolute error of
     * order {@code ε·‖Σz‖₂} (a symmetric eigensolver's), so σ is meaningful only well above that.
     */
    public double sigma() {
        if (signal != null) {
            DMatrixRMaj twoSPlusN = noise.copy();
            CommonOps_DDRM.addEquals(twoSPlusN, 2.0, signal);
            return Math.min(Matrices.symmetricEigenvalues(twoSPlusN)[0], Matrices.symmetricEigenvalues(noise)[0]);
        }
        return Matrices.symmetricEigenvalues(jointMoment())[0];
    }

    /**
     * @return {@code Mᵀ = Cxx⁻¹ Cxy} (n×n), whose invariant subspaces parameterize the
     *     equilibrium variety [T5]
     * @throws ArithmeticException if Cxx is singular ({@code λ_min ≤ 1e-14 λ_max})
     */
    public DMatrixRMaj mTranspose() {
        double[] eig = Matrices.symmetricEigenvalues(cxx);
        if (!(eig[0] > 1e-14 * Math.max(eig[n - 1], Double.MIN_NORMAL))) {
            throw new ArithmeticException(String.format(java.util.Locale.ROOT,
                    "Cxx is singular (eigenvalues %.3g to %.3g)", eig[0], eig[n - 1]));
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(n);
        if (!solver.setA(cxx.copy())) {
            throw new ArithmeticException("LU of Cxx failed");
        }
        DMatrixRMaj x = new DMatrixRMaj(n, n);
        solver.solve(cxy.copy(), x);
        return x;
    }

    /**
     * Generalized eigenvalues of the symmetric model, {@code S w = μ C w} with {@code C = S + N},
     * ascending; real and in [0, 1) when N ≻ 0. Computed as the eigenvalues of
     * {@code L⁻¹ S L⁻ᵀ} with {@code C = L Lᵀ}.
     *
     * @throws IllegalStateException for general views (no S, N)
     * @throws ArithmeticException if C is not positive definite
     */
    public double[] generalizedEigenvalues() {
        if (signal == null) {
            throw new IllegalStateException("generalized eigenvalues need the symmetric model (S, N)");
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        DMatrixRMaj c = cxx.copy();
        if (!chol.decompose(c)) {
            throw new ArithmeticException("C = S + N is not positive definite");
        }
        DMatrixRMaj l = chol.getT(null);
        DMatrixRMaj lInv = new DMatrixRMaj(n, n);
        if (!CommonOps_DDRM.invert(l, lInv)) {
            throw new ArithmeticException("Cholesky factor of C is singular");
        }
        DMatrixRMaj tmp = new DMatrixRMaj(n, n);
        DMatrixRMaj w = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(lInv, signal, tmp);
        CommonOps_DDRM.multTransB(tmp, lInv, w);
        return Matrices.symmetricEigenvalues(w);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "Configuration[n=%d, m=%d, %s, λ=%.4g, α=%.4g, τ=%.4g, σ=%.4g]",
                n, m, signal != null ? "symmetric" : "asymmetric", lambda, alpha, tau, sigma());
    }
}
