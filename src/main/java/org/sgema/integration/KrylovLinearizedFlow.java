package org.sgema.integration;

import org.sgema.flows.VectorField;
import org.sgema.numerics.DenseKernels;
import org.sgema.numerics.Matrices;

/**
 * The flow as a {@link LinearizedEquation} without forming J: {@code (σI − J) x = b} is solved
 * by restarted GMRES (Saad and Schultz 1986) with the analytic product J·v, which costs about
 * two field evaluations, O(m n²), instead of O(N²) memory and O(N³) time for a dense LU:
 * <pre>
 *   Arnoldi (modified Gram–Schmidt, its dot products on {@link DenseKernels#dot}) on K_k(σI − J, r₀), Givens rotations on the Hessenberg
 *   matrix, stop when ‖b − (σI − J)x‖ ≤ {@value #TOLERANCE}·‖b‖, restart every {@value #RESTART}
 *   iterations, give up after {@value #MAX_ITERATIONS} (the step is then retried smaller)
 * </pre>
 * Up to {@value #FALLBACK_LIMIT} unknowns a solve that GMRES does not finish falls back to a dense
 * LU of σI − J at the same point (J assembled once per step), instead of failing the step, and
 * that LU, frozen, then preconditions the following solves (right preconditioning,
 * {@code (σI − J)(σ₀I − J₀)⁻¹ u = b}, x = (σ₀I − J₀)⁻¹u), across steps, as long as GMRES so
 * preconditioned converges within {@value #PRECONDITIONED_ITERATIONS} iterations; when it does not,
 * a fresh LU at the current point replaces it (the LU reuse of LSODA's and BDF codes' modified
 * Newton iterations, here as a preconditioner so that every solve stays exact to the tolerance).
 * Unpreconditioned: the condition of σI − J is about 1 + hγρ(J), so the iterations grow with
 * the stiffness the step bridges (a block preconditioner from the Kronecker structure, exact on
 * the encoder block when Cxx and Cyx commute, was tried and measured slower on the long steps
 * that matter, σ ≤ 0.01). Products J·v at the step's point use {@link VectorField#linearizeAt}
 * (θ's own products once per step). All workspaces are allocated once ({@code (RESTART + 1)·N}
 * doubles for the basis).
 */
final class KrylovLinearizedFlow extends FlowEquation implements LinearizedEquation {
    static final int RESTART = 40;
    static final int MAX_ITERATIONS = 800;
    static final double TOLERANCE = 1e-11;
    /** Up to this many unknowns a solve GMRES cannot finish falls back to a dense LU. */
    static final int FALLBACK_LIMIT = 1500;
    /** A frozen LU that needs more iterations than this is replaced by a fresh one. */
    static final int PRECONDITIONED_ITERATIONS = 20;
    private final VectorField field;
    private final int n;
    /** the Gram–Schmidt dot products' kernels ({@link LinearizedEquation#kernelsOf}) */
    private final DenseKernels kernels;
    private final double[] point;
    private final double[][] basis;
    private final double[][] hessenberg;
    private final double[] cosines;
    private final double[] sines;
    private final double[] rhs;
    private final double[] coefficients;
    private final double[] work;
    private final double[] preconditioned;
    private final double[] update;
    private long preconditionerApplications;
    private DenseLinearizedFlow fallback; // allocated on first need: 2 N² doubles
    private boolean fallbackLinearized;
    private long fallbacks;
    private boolean cached;
    private long linearizations;
    private long solves;
    private long iterations;

    KrylovLinearizedFlow(VectorField field) {
        super(field);
        this.field = field;
        this.n = field.dimension();
        this.kernels = LinearizedEquation.kernelsOf(field);
        this.point = new double[n];
        this.basis = new double[RESTART + 1][n];
        this.hessenberg = new double[RESTART + 1][RESTART];
        this.cosines = new double[RESTART];
        this.sines = new double[RESTART];
        this.rhs = new double[RESTART + 1];
        this.coefficients = new double[RESTART];
        this.work = new double[n];
        this.preconditioned = new double[n];
        this.update = new double[n];
    }

    @Override
    public void linearize(double[] y) {
        System.arraycopy(y, 0, point, 0, n);
        cached = field.linearizeAt(point);
        fallbackLinearized = false;
        linearizations++;
    }

    /** {@code out = (σI − J) v}. */
    private void apply(double sigma, double[] v, double[] out) {
        if (cached) {
            field.jacobianTimesAtLinearization(v, out);
        } else {
            field.jacobianTimes(point, v, out);
        }
        for (int i = 0; i < n; i++) {
            out[i] = sigma * v[i] - out[i];
        }
    }

    @Override
    public boolean solve(double sigma, double[] b, double[] x) {
        if (fallbackLinearized && fallback.factored()) {
            // this step already has its own LU: exact, no iterations
            fallbacks++;
            return fallback.solve(sigma, b, x);
        }
        boolean frozen = fallback != null && fallback.factored();
        if (frozen) {
            if (gmres(sigma, b, x, true, PRECONDITIONED_ITERATIONS)) {
                return true;
            }
        } else if (gmres(sigma, b, x, false, MAX_ITERATIONS)) {
            return true;
        }
        if (n > FALLBACK_LIMIT) {
            return false;
        }
        if (fallback == null) {
            fallback = new DenseLinearizedFlow(field);
        }
        // GMRES did not converge (long steps: σ ≪ ρ(J)): the dense LU at this point, once per step
        if (!fallbackLinearized) {
            fallback.linearize(point);
            fallbackLinearized = true;
        }
        fallbacks++;
        return fallback.solve(sigma, b, x);
    }

    /** @return how many solves fell back to the dense LU */
    long fallbacks() {
        return fallbacks;
    }

    /**
     * Restarted GMRES for {@code (σI − J) x = b}, right-preconditioned by the frozen LU when
     * {@code frozen}, giving up after {@code maxIterations}.
     */
    private boolean gmres(double sigma, double[] b, double[] x, boolean frozen, int maxIterations) {
        solves++;
        java.util.Arrays.fill(x, 0.0);
        double bNorm = Matrices.norm(b);
        if (bNorm == 0) {
            return true;
        }
        double target = TOLERANCE * bNorm;
        int total = 0;
        while (true) {
            // r = b − (σI − J) x
            apply(sigma, x, work);
            double[] v0 = basis[0];
            for (int i = 0; i < n; i++) {
                v0[i] = b[i] - work[i];
            }
            double beta = Matrices.norm(v0);
            if (beta <= target) {
                return true;
            }
            if (total >= maxIterations || !Double.isFinite(beta)) {
                return false;
            }
            divide(v0, beta, n);
            java.util.Arrays.fill(rhs, 0.0);
            rhs[0] = beta;
            int k = 0;
            boolean done = false;
            for (int j = 0; j < RESTART && total < maxIterations; j++) {
                double[] w = basis[j + 1];
                if (frozen) {
                    if (!fallback.solveFactored(basis[j], preconditioned)) {
                        return false;
                    }
                    preconditionerApplications++;
                    apply(sigma, preconditioned, w);
                } else {
                    apply(sigma, basis[j], w);
                }
                for (int i = 0; i <= j; i++) {
                    double h = kernels.dot(w, 0, basis[i], 0, n);
                    hessenberg[i][j] = h;
                    subtractScaled(w, h, basis[i], n);
                }
                double next = norm(kernels, w);
                hessenberg[j + 1][j] = next;
                if (next > 0) {
                    divide(w, next, n);
                }
                for (int i = 0; i < j; i++) {
                    double a = hessenberg[i][j];
                    double c = hessenberg[i + 1][j];
                    hessenberg[i][j] = cosines[i] * a + sines[i] * c;
                    hessenberg[i + 1][j] = -sines[i] * a + cosines[i] * c;
                }
                double a = hessenberg[j][j];
                double c = hessenberg[j + 1][j];
                double r = Math.hypot(a, c);
                cosines[j] = r == 0 ? 1 : a / r;
                sines[j] = r == 0 ? 0 : c / r;
                hessenberg[j][j] = r;
                hessenberg[j + 1][j] = 0;
                rhs[j + 1] = -sines[j] * rhs[j];
                rhs[j] = cosines[j] * rhs[j];
                total++;
                iterations++;
                k = j + 1;
                if (Math.abs(rhs[j + 1]) <= target || next == 0) {
                    done = true;
                    break;
                }
            }
            // x += V_k y,  H_k y = g_k (upper triangular)
            for (int i = k - 1; i >= 0; i--) {
                double s = rhs[i];
                for (int q = i + 1; q < k; q++) {
                    s -= hessenberg[i][q] * coefficients[q];
                }
                coefficients[i] = hessenberg[i][i] == 0 ? 0 : s / hessenberg[i][i];
            }
            // x += M⁻¹ V_k y (M = I without the frozen LU)
            java.util.Arrays.fill(update, 0.0);
            for (int i = 0; i < k; i++) {
                double yi = coefficients[i];
                double[] vi = basis[i];
                for (int q = 0; q < n; q++) {
                    update[q] += yi * vi[q];
                }
            }
            if (frozen) {
                if (!fallback.solveFactored(update, preconditioned)) {
                    return false;
                }
                preconditionerApplications++;
                System.arraycopy(preconditioned, 0, update, 0, n);
            }
            for (int q = 0; q < n; q++) {
                x[q] += update[q];
            }
            if (done) {
                for (double e : x) {
                    if (!Double.isFinite(e)) {
                        return false;
                    }
                }
                return true;
            }
        }
    }

    /**
     * {@code w ← w − h v}, elementwise as written (no fused multiply-add, so the same bits at any
     * level of compilation): a method of its own, so that the JIT compiles this, the Arnoldi
     * step's hot loop, as soon as it is hot, not only once the whole of {@link #gmres} is.
     */
    private static void subtractScaled(double[] w, double h, double[] v, int n) {
        for (int q = 0; q < n; q++) {
            w[q] -= h * v[q];
        }
    }

    /** {@code w ← w / d}, elementwise (see {@link #subtractScaled}). */
    private static void divide(double[] w, double d, int n) {
        for (int q = 0; q < n; q++) {
            w[q] /= d;
        }
    }

    /**
     * {@code ‖w‖} as {@link #gmres} takes it: {@code √(w·w)} on the dot-product kernel where the sum
     * of squares is in (1e-290, 1e290), else {@link Matrices#norm} (scaled, two passes), where the
     * sum would overflow or underflow.
     */
    static double norm(DenseKernels kernels, double[] w) {
        double squares = kernels.dot(w, 0, w, 0, w.length);
        return squares > 1e-290 && squares < 1e290 ? Math.sqrt(squares) : Matrices.norm(w);
    }


    @Override
    public long linearizations() {
        return linearizations;
    }

    /** @return linear solves made (there is no factorization; each solve builds its own subspace) */
    @Override
    public long factorizations() {
        return solves;
    }

    /** @return GMRES iterations (products J·v) over all solves */
    long iterations() {
        return iterations;
    }

    /**
     * {@code iterations · (P + 2(RESTART/2 + 2)N)} (a product J·v, P =
     * {@link VectorField#flopsPerJacobianProduct()}, about twice an evaluation of F, and on average
     * half a restart cycle of Gram–Schmidt) plus the dense fallback's own.
     */
    @Override
    public double linearAlgebraFlops() {
        double perIteration = field.flopsPerJacobianProduct() + 2.0 * (RESTART / 2 + 2) * n;
        return iterations * perIteration + (fallback == null ? 0 : fallback.linearAlgebraFlops());
        // (the frozen LU's applications are counted as the fallback's solves, 2N² each)
    }
}
