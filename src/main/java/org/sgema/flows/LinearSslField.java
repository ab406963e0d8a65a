package org.sgema.flows;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;
import org.sgema.numerics.DenseKernels;

/**
 * The GD, SG and EMA vector fields of the theory notes, section 2, with their analytic
 * directional derivatives.
 * <pre>
 *   R   = A B Cxx − T Cyx                    T = B (GD, SG),  T = B̄ (EMA)
 *   Ȧ   = −α R Bᵀ − λ A
 *   Ḃ   = −Aᵀ R − λ B  [ − (B Cyy − A B Cxy)  GD only ]
 *   dB̄  = τ (B − B̄)                          (EMA only)
 *
 *   δR  = (δA B + A δB) Cxx − δT Cyx
 *   δȦ  = −α (δR Bᵀ + R δBᵀ) − λ δA
 *   δḂ  = −(δAᵀ R + Aᵀ δR) − λ δB  [ − δB Cyy + (δA B + A δB) Cxy  GD only ]
 *   δB̄̇  = τ (δB − δB̄)
 * </pre>
 * The two n×n products of R are one, {@code R = [A B | T] · [Cxx; −Cyx]} with the stacked moments
 * packed once, or cheaper when moments are diagonal (as in the {@link Eigenbasis} of Cxx), see
 * {@link MomentProduct}; likewise GD's {@code B Cyy − A B Cxy}.
 * All products go through {@link DenseKernels#best()} on preallocated workspaces:
 * {@link #evaluate} and {@link #jacobianTimes} allocate nothing.
 */
final class LinearSslField implements MomentField {
    private final Configuration configuration;
    private final Flow flow;
    private final Mutation mutation;
    private final boolean targetBranch;
    private final int m;
    private final int n;
    private final int offsetB;
    private final int offsetT;
    private final int size;
    private final double lambdaA;
    private final double lambdaB;
    private final double alphaA;
    private final double alphaB;
    private final double tau;
    private final boolean residualWithOnlineEncoder;
    private final boolean predictorTransposedInResidual;
    private final boolean predictorNotTransposed;

    private final DMatrixRMaj cxx;
    private final DMatrixRMaj cxy;
    private final DMatrixRMaj cyx;
    private final DMatrixRMaj cyy;
    private final DenseKernels kernels;
    /** {@code R = (A B) Cxx − T Cyx} */
    private final MomentProduct residualMoments;
    /** {@code B Cyy − (A B) Cxy}, GD's target branch only (else null) */
    private final MomentProduct targetMoments;

    // workspaces: state blocks, direction blocks and intermediate products
    private final DMatrixRMaj a;
    private final DMatrixRMaj b;
    private final DMatrixRMaj t;
    private final DMatrixRMaj da;
    private final DMatrixRMaj db;
    private final DMatrixRMaj dt;
    private final DMatrixRMaj ab;
    private final DMatrixRMaj r;
    private final DMatrixRMaj dr;
    private final DMatrixRMaj work;
    private final DMatrixRMaj mm;
    private final DMatrixRMaj mn;
    private final DMatrixRMaj mn2;
    // the point fixed by linearizeAt: its blocks and products, kept apart from evaluate's workspaces
    private final DMatrixRMaj linA;
    private final DMatrixRMaj linB;
    private final DMatrixRMaj linT;
    private final DMatrixRMaj linAb;
    private final DMatrixRMaj linR;
    private boolean linearized;
    private boolean ownMoments;

    LinearSslField(Configuration configuration, Flow flow) {
        this(configuration, flow, null);
    }

    /** @param mutation a deliberate error for the mutation check, or null for the exact field */
    LinearSslField(Configuration configuration, Flow flow, Mutation mutation) {
        this(configuration, flow, mutation, DenseKernels.best());
    }

    /**
     * @param mutation a deliberate error for the mutation check, or null for the exact field
     * @param kernels the dense kernels of the products
     */
    LinearSslField(Configuration configuration, Flow flow, Mutation mutation, DenseKernels kernels) {
        this.kernels = kernels;
        if (configuration == null || flow == null) {
            throw new InvalidInputException(configuration == null ? "configuration" : "flow", "is missing");
        }
        this.configuration = configuration;
        this.flow = flow;
        this.mutation = mutation;
        this.targetBranch = flow == Flow.GD || (flow == Flow.SG && mutation == Mutation.SG_KEEPS_TARGET_BRANCH);
        this.m = configuration.m();
        this.n = configuration.n();
        this.offsetB = m * m;
        this.offsetT = m * m + m * n;
        this.size = flow.stateSize(m, n);
        double lambda = mutation == Mutation.LAMBDA_SIGN_FLIPPED ? -configuration.lambda() : configuration.lambda();
        this.lambdaA = mutation == Mutation.LAMBDA_MISSING_ON_PREDICTOR ? 0 : lambda;
        this.lambdaB = lambda;
        boolean alphaMoved = mutation == Mutation.ALPHA_IN_ENCODER_EQUATION;
        this.alphaA = alphaMoved ? 1 : configuration.alpha();
        this.alphaB = alphaMoved ? configuration.alpha() : 1;
        this.tau = mutation == Mutation.EMA_TAU_SIGN_FLIPPED ? -configuration.tau() : configuration.tau();
        this.residualWithOnlineEncoder = mutation == Mutation.EMA_RESIDUAL_WITH_ONLINE_ENCODER;
        this.predictorTransposedInResidual = mutation == Mutation.PREDICTOR_TRANSPOSED_IN_RESIDUAL;
        this.predictorNotTransposed = mutation == Mutation.PREDICTOR_NOT_TRANSPOSED;
        boolean swapMoments = mutation == Mutation.CXX_CYY_SWAPPED;
        this.cxx = swapMoments ? configuration.cyy() : configuration.cxx();
        boolean swap = mutation == Mutation.CXY_TRANSPOSED;
        this.cxy = swap ? configuration.cyx() : configuration.cxy();
        this.cyx = swap ? configuration.cxy() : configuration.cyx();
        this.cyy = swapMoments ? configuration.cxx() : configuration.cyy();
        this.a = new DMatrixRMaj(m, m);
        this.b = new DMatrixRMaj(m, n);
        this.t = new DMatrixRMaj(m, n);
        this.da = new DMatrixRMaj(m, m);
        this.db = new DMatrixRMaj(m, n);
        this.dt = new DMatrixRMaj(m, n);
        this.ab = new DMatrixRMaj(m, n);
        this.r = new DMatrixRMaj(m, n);
        this.dr = new DMatrixRMaj(m, n);
        this.work = new DMatrixRMaj(m, n);
        this.mm = new DMatrixRMaj(m, m);
        this.mn = new DMatrixRMaj(m, n);
        this.mn2 = new DMatrixRMaj(m, n);
        this.linA = new DMatrixRMaj(m, m);
        this.linB = new DMatrixRMaj(m, n);
        this.linT = new DMatrixRMaj(m, n);
        this.linAb = new DMatrixRMaj(m, n);
        this.linR = new DMatrixRMaj(m, n);
        this.residualMoments = new MomentProduct(kernels, m, n);
        this.targetMoments = targetBranch ? new MomentProduct(kernels, m, n) : null;
        setMoments();
    }

    /** Fixes the moment products from the field's moment matrices. */
    private void setMoments() {
        residualMoments.set(cxx, cyx);
        if (targetMoments != null) {
            targetMoments.set(cyy, cxy);
        }
    }

    @Override
    public Flow flow() {
        return flow;
    }

    @Override
    public Configuration configuration() {
        return configuration;
    }

    @Override
    public int dimension() {
        return size;
    }

    /** {@code 4mn² + 6m²n} (SG, EMA), {@code 8mn² + 6m²n} (GD: the target branch's products), as counted by the benchmarks. */
    @Override
    public double flopsPerEvaluation() {
        double base = 4.0 * m * n * n + 6.0 * m * m * n;
        return targetBranch ? base + 4.0 * m * n * n : base;
    }

    @Override
    public MomentField copy() {
        return new LinearSslField(configuration, flow, mutation, kernels.forCopy());
    }

    @Override
    public boolean usesConfigurationMoments() {
        return !ownMoments;
    }

    @Override
    public DenseKernels kernels() {
        return kernels;
    }

    @Override
    public MomentField on(Configuration other) {
        if (other.n() != n || other.m() != m) {
            throw new InvalidInputException("configuration", "has (n, m) = (" + other.n() + ", " + other.m()
                    + "), the field (" + n + ", " + m + ")");
        }
        return new LinearSslField(other, flow, mutation, kernels);
    }

    /**
     * Copies new moments into the field's own matrices, through the same swaps as the
     * configuration's moments when the field is a mutant (Cxy transposed, Cxx and Cyy swapped).
     */
    @Override
    public void useMoments(DMatrixRMaj newCxx, DMatrixRMaj newCxy, DMatrixRMaj newCyy) {
        if (newCxx.numRows != n || newCxx.numCols != n || newCxy.numRows != n || newCxy.numCols != n
                || newCyy.numRows != n || newCyy.numCols != n) {
            throw new InvalidInputException("moments", "expected " + n + "×" + n + " matrices");
        }
        boolean swapMoments = mutation == Mutation.CXX_CYY_SWAPPED;
        ownMoments = true;
        cxx.setTo(swapMoments ? newCyy : newCxx);
        cyy.setTo(swapMoments ? newCxx : newCyy);
        if (mutation == Mutation.CXY_TRANSPOSED) {
            CommonOps_DDRM.transpose(newCxy, cxy);
            cyx.setTo(newCxy);
        } else {
            cxy.setTo(newCxy);
            CommonOps_DDRM.transpose(newCxy, cyx);
        }
        setMoments();
    }

    private void requireLength(String name, double[] x) {
        if (x.length != size) {
            throw new InvalidInputException(name, "has length " + x.length + ", expected " + size
                    + " for " + flow + " with m=" + m + ", n=" + n);
        }
    }

    /** Loads A, B, T from θ and computes {@code AB = A B} and {@code R = AB Cxx − T Cyx}. */
    private void loadAndResidual(double[] theta) {
        loadAndResidual(theta, a, b, t, ab, r);
    }

    /** As {@link #loadAndResidual(double[])}, into the given matrices. */
    private void loadAndResidual(double[] theta, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj t, DMatrixRMaj ab,
                                 DMatrixRMaj r) {
        System.arraycopy(theta, 0, a.data, 0, m * m);
        System.arraycopy(theta, offsetB, b.data, 0, m * n);
        System.arraycopy(theta, flow.hasTarget() && !residualWithOnlineEncoder ? offsetT : offsetB, t.data, 0, m * n);
        if (predictorTransposedInResidual) {
            kernels.multTransA(a.data, b.data, ab.data, m, m, n, false);
        } else {
            kernels.mult(a.data, b.data, ab.data, m, m, n, false);
        }
        residualMoments.apply(ab.data, t.data, r.data);
    }

    /**
     * Fixes θ for {@link #jacobianTimesAtLinearization}: its blocks, {@code A B} and R are computed
     * once, in workspaces of their own (evaluations in between do not disturb them).
     */
    @Override
    public boolean linearizeAt(double[] theta) {
        requireLength("theta", theta);
        loadAndResidual(theta, linA, linB, linT, linAb, linR);
        linearized = true;
        return true;
    }

    /** {@code out = J(θ) v} at the θ of the last {@link #linearizeAt}, without recomputing θ's products. */
    @Override
    public void jacobianTimesAtLinearization(double[] v, double[] out) {
        if (!linearized) {
            throw new IllegalStateException("linearizeAt was not called");
        }
        requireLength("v", v);
        requireLength("out", out);
        directional(linA, linB, linR, v, out);
    }

    @Override
    public void evaluate(double[] theta, double[] out) {
        requireLength("theta", theta);
        requireLength("out", out);
        loadAndResidual(theta);
        // Ȧ = −α R Bᵀ − λ A
        kernels.multTransB(r.data, b.data, mm.data, m, n, m, false);
        for (int i = 0; i < m * m; i++) {
            out[i] = -alphaA * mm.data[i] - lambdaA * a.data[i];
        }
        // Ḃ = −Aᵀ R − λ B
        if (predictorNotTransposed) {
            kernels.mult(a.data, r.data, mn.data, m, m, n, false);
        } else {
            kernels.multTransA(a.data, r.data, mn.data, m, m, n, false);
        }
        CommonOps_DDRM.scale(alphaB, mn);
        if (targetBranch) {
            // − (B Cyy − A B Cxy) = − [B | A B] · [Cyy; −Cxy]
            targetMoments.apply(b.data, ab.data, work.data);
            CommonOps_DDRM.addEquals(mn, work);
        }
        for (int i = 0; i < m * n; i++) {
            out[offsetB + i] = -mn.data[i] - lambdaB * b.data[i];
        }
        if (flow.hasTarget()) {
            // dB̄/dt = τ (B − B̄)
            for (int i = 0; i < m * n; i++) {
                out[offsetT + i] = tau * (b.data[i] - theta[offsetT + i]);
            }
        }
    }

    @Override
    public void jacobianTimes(double[] theta, double[] v, double[] out) {
        requireLength("theta", theta);
        requireLength("v", v);
        requireLength("out", out);
        loadAndResidual(theta);
        directional(a, b, r, v, out);
    }

    /**
     * J(θ) column by column, as {@link VectorField#jacobian} assembles it from
     * {@link #jacobianTimes}, with θ's products (A B and R) computed once instead of once per
     * column: the same operations on the same values, so the same bits. (Kernels that change
     * route by a count of multiply-adds, {@code DenseKernels.forShortRun}'s, count fewer here and
     * may switch at a later product, so later products can differ in their last bits.)
     */
    @Override
    public DMatrixRMaj jacobian(double[] theta) {
        requireLength("theta", theta);
        loadAndResidual(theta);
        return VectorField.columns(dimension(), (v, out) -> directional(a, b, r, v, out));
    }

    /** The directional derivative at the point whose A, B and R are given (formulas in the class comment). */
    private void directional(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj r, double[] v, double[] out) {
        System.arraycopy(v, 0, da.data, 0, m * m);
        System.arraycopy(v, offsetB, db.data, 0, m * n);
        System.arraycopy(v, flow.hasTarget() && !residualWithOnlineEncoder ? offsetT : offsetB, dt.data, 0, m * n);
        // mn2 = δA B + A δB ;  δR = mn2 Cxx − δT Cyx
        if (predictorTransposedInResidual) {
            kernels.multTransA(da.data, b.data, mn2.data, m, m, n, false);
            kernels.multTransA(a.data, db.data, mn2.data, m, m, n, true);
        } else {
            kernels.mult(da.data, b.data, mn2.data, m, m, n, false);
            kernels.mult(a.data, db.data, mn2.data, m, m, n, true);
        }
        residualMoments.apply(mn2.data, dt.data, dr.data);
        // δȦ = −α (δR Bᵀ + R δBᵀ) − λ δA
        kernels.multTransB(dr.data, b.data, mm.data, m, n, m, false);
        kernels.multTransB(r.data, db.data, mm.data, m, n, m, true);
        for (int i = 0; i < m * m; i++) {
            out[i] = -alphaA * mm.data[i] - lambdaA * da.data[i];
        }
        // δḂ = −(δAᵀ R + Aᵀ δR) − λ δB
        if (predictorNotTransposed) {
            kernels.mult(da.data, r.data, mn.data, m, m, n, false);
            kernels.mult(a.data, dr.data, mn.data, m, m, n, true);
        } else {
            kernels.multTransA(da.data, r.data, mn.data, m, m, n, false);
            kernels.multTransA(a.data, dr.data, mn.data, m, m, n, true);
        }
        CommonOps_DDRM.scale(alphaB, mn);
        if (targetBranch) {
            // − δB Cyy + (δA B + A δB) Cxy = − [δB | δA B + A δB] · [Cyy; −Cxy]
            targetMoments.apply(db.data, mn2.data, work.data);
            CommonOps_DDRM.addEquals(mn, work);
        }
        for (int i = 0; i < m * n; i++) {
            out[offsetB + i] = -mn.data[i] - lambdaB * db.data[i];
        }
        if (flow.hasTarget()) {
            for (int i = 0; i < m * n; i++) {
                out[offsetT + i] = tau * (db.data[i] - v[offsetT + i]);
            }
        }
    }

    @Override
    public String toString() {
        return flow + (mutation == null ? "" : " (mutant " + mutation + ")") + " field on " + configuration;
    }
}
