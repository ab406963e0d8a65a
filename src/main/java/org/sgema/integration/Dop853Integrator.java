package org.sgema.integration;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.AbstractIntegrator;
import org.hipparchus.ode.EquationsMapper;
import org.hipparchus.ode.ExpandableODE;
import org.hipparchus.ode.LocalizedODEFormats;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.nonstiff.interpolators.DormandPrince853StateInterpolator;
import org.hipparchus.ode.sampling.AbstractODEStateInterpolator;

/**
 * Dormand and Prince's explicit Runge–Kutta 8(5,3) (Hairer, Nørsett and Wanner, Solving ODEs I,
 * II.10, code DOP853) with Hipparchus' own Butcher tableau, error estimator and 7th-order dense
 * output, in a step loop that does per step only what a step needs:
 * <pre>
 *   k₁ = f(y₀) (the previous step's last stage, FSAL),  k_s = f(y₀ + h Σ_{l&lt;s} a_sl k_l)   s = 2..12
 *   y₁ = y₀ + h Σ b_l k_l,   k₁₃ = f(y₁)                                 12 evaluations per step
 *   err = Hipparchus' DOP853 estimate (its 5th- and 3rd-order embedded differences; see {@link #error})   accept if err ≤ 1
 *   h_new = h · clamp(0.9 err^(−1/8), 0.2, 10)   (no growth right after a rejection)
 * </pre>
 * Hipparchus' {@link DormandPrince853Integrator} computes the three stages of the dense output
 * (k₁₄..k₁₆) at every step, 15 evaluations instead of 12, and forms the stages with bounds-checked
 * strided loops that cost more than the field at N ≈ 10³; here the stages are axpy loops over
 * contiguous arrays, up to four stages per pass, and the dense-output stages are computed only
 * when an event or a handler asks for a state inside the step; a step's end is a {@link StepState},
 * made without the mapper's extra copies and carrying the norms the detectors read. Events and
 * step handlers are Hipparchus' ({@link AbstractIntegrator#acceptStep}).
 * The same tableau and estimator (the estimate bit for bit), so steps and results agree with
 * Hipparchus' integrator up to its slightly different step-size controller and rounding; tested
 * against it and closed forms. Measured on 2 cores, the cuts of the stage passes, the estimate and
 * the end state's copies took 17–20 % off warm explicit runs at N ≈ 10³ to t = 2·10⁴, about 6 % off
 * a whole process that long, nothing measurable off a short one (the same bits; see the README).
 */
public final class Dop853Integrator extends AbstractIntegrator {
    private static final int STAGES = 12;
    private static final double SAFETY = 0.9;
    private static final double MIN_REDUCTION = 0.2;
    private static final double MAX_GROWTH = 10.0;
    // the error coefficients of Hipparchus' tableau (Hairer's er_i, and b_i − bhh_i), the same doubles
    private static final double E1_01 = 0.01312004499419488;
    private static final double E1_06 = -1.2251564463762044;
    private static final double E1_07 = -0.4957589496572502;
    private static final double E1_08 = 1.6643771824549864;
    private static final double E1_09 = -0.35032884874997366;
    private static final double E1_10 = 0.3341791187130175;
    private static final double E1_11 = 0.08192320648511571;
    private static final double E1_12 = -0.022355307863886294;
    private static final double E2_01 = -0.18980075407240762;
    private static final double E2_06 = 4.450312892752409;
    private static final double E2_07 = 1.8915178993145003;
    private static final double E2_08 = -5.801203960010585;
    private static final double E2_09 = -0.42268232132379197;
    private static final double E2_10 = -0.1521609496625161;
    private static final double E2_11 = 0.20136540080403034;
    private static final double E2_12 = 0.022651792198360825;

    private final double minStep;
    private final double maxStep;
    private final double absoluteTolerance;
    private final double relativeTolerance;
    /** rows 0..14 of Hipparchus' a: stages 2..16 (13: the FSAL stage, 14..16: dense output) */
    private final double[][] a;
    private final double[] b;
    private final double[] c;
    private long rejections;
    private long accepted;
    private double initialStep = Double.NaN;
    private boolean reuseStageArrays;

    /**
     * @param minStep smallest step before the run fails as "step too small"
     * @param maxStep largest step
     * @param absoluteTolerance atol of the error norm
     * @param relativeTolerance rtol of the error norm
     */
    public Dop853Integrator(double minStep, double maxStep, double absoluteTolerance, double relativeTolerance) {
        super("Dormand-Prince 8 (5, 3)");
        this.minStep = Math.abs(minStep);
        this.maxStep = Math.abs(maxStep);
        this.absoluteTolerance = absoluteTolerance;
        this.relativeTolerance = relativeTolerance;
        // Hipparchus' tableau, read through its public getters (its step loop is not used)
        DormandPrince853Integrator tableau = new DormandPrince853Integrator(1e-300, 1e300, absoluteTolerance,
                relativeTolerance);
        this.a = tableau.getA();
        this.b = tableau.getB();
        this.c = tableau.getC();
    }

    /** @param h the first step to try (otherwise chosen from ‖y‖ and ‖f(y)‖) */
    public void setInitialStep(double h) {
        this.initialStep = h;
    }

    /**
     * Keeps the stages in arrays of this integrator, written in place at every step, instead of
     * a fresh array per evaluation (with Hipparchus' problem wrapper, three arrays and two copies
     * of the state per evaluation). Only for a {@link FlowEquation} as the whole problem, and
     * only when no step handler or event handler keeps a step's interpolator beyond its call:
     * a kept interpolator whose states inside its step were not asked for during the call would
     * compute them from a later step's stages (once asked, Hipparchus' interpolator holds copies).
     * {@link FlowIntegrator}'s handlers (recorder, detectors, monitors) keep none; with the
     * default, off, this integrator keeps Hipparchus' contract that an interpolator stays valid
     * for good. The evaluations count and meet the budget as before
     * ({@link #incrementEvaluations}); the results are the same bits.
     *
     * @param reuse whether to reuse the stage arrays
     */
    void reuseStageArrays(boolean reuse) {
        this.reuseStageArrays = reuse;
    }

    /**
     * {@code k[s] = f(t, y)}: into k[s] in place when the run evaluates in place (problem not
     * null), else a fresh array through Hipparchus' wrapper.
     */
    private void stage(FlowEquation problem, double t, double[] y, double[][] k, int s) {
        if (problem != null) {
            incrementEvaluations(1);
            problem.computeDerivatives(t, y, k[s]);
        } else {
            k[s] = computeDerivatives(t, y);
        }
    }

    /** @return rejected steps of the last run */
    public long rejections() {
        return rejections;
    }

    /** @return accepted steps of the last run */
    public long acceptedSteps() {
        return accepted;
    }

    @Override
    public ODEStateAndDerivative integrate(ExpandableODE equations, ODEState initialState, double finalTime)
            throws MathIllegalArgumentException, MathIllegalStateException {
        if (equations.getMapper().getNumberOfEquations() != 1) {
            throw new IllegalArgumentException("DOP853 integrates a primary state only");
        }
        sanityChecks(initialState, finalTime);
        if (!(finalTime > initialState.getTime())) {
            throw new IllegalArgumentException("DOP853 integrates forward in time only");
        }
        setStepStart(initIntegration(equations, initialState, finalTime));
        EquationsMapper mapper = equations.getMapper();
        int n = initialState.getPrimaryStateDimension();
        double[] yTmp = new double[n];
        double[] scale = new double[n];
        double[] ratio1 = new double[n];
        double[] ratio2 = new double[n];
        // the problem evaluated in place, or null (fresh arrays)
        FlowEquation inPlace = reuseStageArrays && equations.getPrimary() instanceof FlowEquation f ? f : null;
        double[][] stages = inPlace == null ? null : new double[16][n];
        double[] yEnd = inPlace == null ? null : new double[n];
        rejections = 0;
        accepted = 0;
        double h = Double.isNaN(initialStep) ? firstStep(getStepStart()) : initialStep;
        boolean lastRejected = false;
        setIsLastStep(false);
        do {
            ODEStateAndDerivative start = getStepStart();
            double t0 = start.getTime();
            double[] y0 = start.getPrimaryState();
            // 16 rows, as Hipparchus' interpolator expects; rows 12..15 filled when needed
            double[][] k = stages == null ? new double[16][] : stages;
            if (stages == null) {
                k[0] = start.getPrimaryDerivative();
            } else {
                System.arraycopy(start.getPrimaryDerivative(), 0, k[0], 0, n);
            }
            while (true) {
                h = Math.min(h, maxStep);
                if (t0 + 1.0001 * h >= finalTime) {
                    h = finalTime - t0;
                }
                if (h < minStep && t0 + h < finalTime) {
                    throw new MathIllegalStateException(LocalizedODEFormats.MINIMAL_STEPSIZE_REACHED_DURING_INTEGRATION,
                            t0, h, minStep, true);
                }
                setStepSize(h);
                for (int s = 1; s < STAGES; s++) {
                    combine(y0, h, a[s - 1], k, s, yTmp);
                    stage(inPlace, t0 + c[s - 1] * h, yTmp, k, s);
                }
                double[] y1 = yEnd == null ? new double[n] : yEnd;
                combine(y0, h, b, k, STAGES, y1);
                double err = error(k, y0, y1, h, absoluteTolerance, relativeTolerance, scale, ratio1, ratio2);
                if (err <= 1.0) {
                    double fac = Math.min(MAX_GROWTH, Math.max(MIN_REDUCTION, SAFETY * Math.pow(err, -1.0 / 8)));
                    double hNew = Math.min(lastRejected ? Math.min(fac, 1.0) * h : fac * h, maxStep);
                    lastRejected = false;
                    accepted++;
                    double tEnd = t0 + h;
                    stage(inPlace, tEnd, y1, k, STAGES);
                    ODEStateAndDerivative end = new StepState(tEnd, y1, k[STAGES]);
                    DenseStages dense = new DenseStages(this, inPlace, k, start, end, mapper);
                    setStepStart(acceptStep(new Interpolator(dense, start, end, start, end, mapper), finalTime));
                    h = hNew;
                    break;
                }
                rejections++;
                lastRejected = true;
                h *= Math.max(MIN_REDUCTION, SAFETY * Math.pow(err, -1.0 / 8));
            }
        } while (!isLastStep());
        ODEStateAndDerivative last = getStepStart();
        setStepStart(null);
        setStepSize(Double.NaN);
        return last;
    }

    /**
     * {@code out = y₀ + h Σ_{l < stages} w_l k_l}, skipping zero weights, added one term after
     * another in the order of l, as {@code out_i += (h w_l) k_l,i} would, but up to four terms per
     * pass over the arrays (one read and one write of {@code out} per four terms instead of per
     * term; the same bits): loops the JIT vectorizes.
     */
    static void combine(double[] y0, double h, double[] w, double[][] k, int stages, double[] out) {
        int count = 0;
        int l0 = 0;
        int l1 = 0;
        int l2 = 0;
        double[] from = y0;
        for (int l = 0; l < stages; l++) {
            if (h * w[l] != 0.0) {
                switch (count++) {
                    case 0 -> l0 = l;
                    case 1 -> l1 = l;
                    case 2 -> l2 = l;
                    default -> {
                        pass(from, h, w, k, 4, l0, l1, l2, l, out);
                        from = out;
                        count = 0;
                    }
                }
            }
        }
        if (count > 0 || from == y0) {
            pass(from, h, w, k, count, l0, l1, l2, 0, out);
        }
    }

    /**
     * {@code out_i = (((from_i + s₀ k_{l₀},i) + s₁ k_{l₁},i) + …)} over the first {@code count ≤ 4}
     * of the stages l₀..l₃, with {@code s_j = h w_{l_j}}.
     */
    private static void pass(double[] from, double h, double[] w, double[][] k, int count, int l0, int l1, int l2,
                             int l3, double[] out) {
        int n = from.length;
        switch (count) {
            case 0 -> System.arraycopy(from, 0, out, 0, n);
            case 1 -> {
                double s0 = h * w[l0];
                double[] k0 = k[l0];
                for (int i = 0; i < n; i++) {
                    out[i] = from[i] + s0 * k0[i];
                }
            }
            case 2 -> {
                double s0 = h * w[l0];
                double s1 = h * w[l1];
                double[] k0 = k[l0];
                double[] k1 = k[l1];
                for (int i = 0; i < n; i++) {
                    out[i] = from[i] + s0 * k0[i] + s1 * k1[i];
                }
            }
            case 3 -> {
                double s0 = h * w[l0];
                double s1 = h * w[l1];
                double s2 = h * w[l2];
                double[] k0 = k[l0];
                double[] k1 = k[l1];
                double[] k2 = k[l2];
                for (int i = 0; i < n; i++) {
                    out[i] = from[i] + s0 * k0[i] + s1 * k1[i] + s2 * k2[i];
                }
            }
            default -> {
                double s0 = h * w[l0];
                double s1 = h * w[l1];
                double s2 = h * w[l2];
                double s3 = h * w[l3];
                double[] k0 = k[l0];
                double[] k1 = k[l1];
                double[] k2 = k[l2];
                double[] k3 = k[l3];
                for (int i = 0; i < n; i++) {
                    out[i] = from[i] + s0 * k0[i] + s1 * k1[i] + s2 * k2[i] + s3 * k3[i];
                }
            }
        }
    }

    /**
     * The starting step of Hairer, Nørsett and Wanner (Solving ODEs I, II.4), with RMS norms scaled
     * by {@code atol + rtol|y|} and one extra evaluation:
     * <pre>
     *   h₀ = 0.01 ‖y₀‖/‖f₀‖ (1e-6 if either is below 1e-5),   f₁ = f(y₀ + h₀ f₀),   d₂ = ‖f₁ − f₀‖/h₀
     *   h = min(100 h₀, (0.01 / max(‖f₀‖, d₂))^{1/9})   (max(1e-6, 1e-3 h₀) if both are below 1e-15)
     * </pre>
     * The second-derivative estimate d₂ keeps the first step inside the explicit method's
     * stability region near an equilibrium, where ‖f₀‖ alone suggests a step of any size.
     */
    private double firstStep(ODEStateAndDerivative s) {
        double[] y = s.getPrimaryState();
        double[] f = s.getPrimaryDerivative();
        int n = y.length;
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < n; i++) {
            double sk = absoluteTolerance + relativeTolerance * Math.abs(y[i]);
            d0 += (y[i] / sk) * (y[i] / sk);
            d1 += (f[i] / sk) * (f[i] / sk);
        }
        d0 = Math.sqrt(d0 / n);
        d1 = Math.sqrt(d1 / n);
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(h0, maxStep);
        double[] y1 = new double[n];
        for (int i = 0; i < n; i++) {
            y1[i] = y[i] + h0 * f[i];
        }
        double[] f1 = computeDerivatives(s.getTime() + h0, y1);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double sk = absoluteTolerance + relativeTolerance * Math.abs(y[i]);
            d2 += ((f1[i] - f[i]) / sk) * ((f1[i] - f[i]) / sk);
        }
        d2 = Math.sqrt(d2 / n) / h0;
        double big = Math.max(d1, d2);
        double h1 = big <= 1e-15 ? Math.max(1e-6, 1e-3 * h0) : Math.pow(0.01 / big, 1.0 / 9);
        return Math.max(minStep, Math.min(Math.min(100 * h0, h1), maxStep));
    }

    /**
     * Hipparchus' DOP853 error estimate ({@code DormandPrince853Integrator.estimateError}, scalar
     * tolerances), the same operations in the same order, so the same bits:
     * <pre>
     *   s_j = atol + rtol·max(|y0_j|, |y1_j|),   r1_j = (Σ_l E1_l k_l,j) / s_j,   r2_j = (Σ_l E2_l k_l,j) / s_j
     *   e1 = Σ_j r1_j²,  e2 = Σ_j r2_j²,   err = |h| e1 / √(N·(e1 + 0.01 e2))   (e1 + 0.01 e2 taken as 1 if ≤ 0)
     * </pre>
     * with l over the stages 1, 6..12 (Hairer's er_i for E1, the order-3 differences b_i − bhh_i
     * for E2), each sum taken from left to right. Hipparchus computes everything in one loop per
     * component, which its two running sums keep scalar; here the components are formed in short
     * elementwise loops the JIT vectorizes (the scales; the first four terms of a sum; the other
     * four, continuing it, and the division), and only the two sums of squares run in order.
     *
     * @param s workspace of length N (the scales)
     * @param r1 workspace of length N
     * @param r2 workspace of length N
     * @return the error norm, +∞ where it is NaN
     */
    static double error(double[][] k, double[] y0, double[] y1, double h, double atol, double rtol, double[] s,
                        double[] r1, double[] r2) {
        int n = y0.length;
        double[] k0 = k[0];
        double[] k5 = k[5];
        double[] k6 = k[6];
        double[] k7 = k[7];
        double[] k8 = k[8];
        double[] k9 = k[9];
        double[] k10 = k[10];
        double[] k11 = k[11];
        for (int j = 0; j < n; j++) {
            s[j] = atol + rtol * Math.max(Math.abs(y0[j]), Math.abs(y1[j]));
        }
        for (int j = 0; j < n; j++) {
            r1[j] = E1_01 * k0[j] + E1_06 * k5[j] + E1_07 * k6[j] + E1_08 * k7[j];
        }
        for (int j = 0; j < n; j++) {
            r1[j] = (r1[j] + E1_09 * k8[j] + E1_10 * k9[j] + E1_11 * k10[j] + E1_12 * k11[j]) / s[j];
        }
        for (int j = 0; j < n; j++) {
            r2[j] = E2_01 * k0[j] + E2_06 * k5[j] + E2_07 * k6[j] + E2_08 * k7[j];
        }
        for (int j = 0; j < n; j++) {
            r2[j] = (r2[j] + E2_09 * k8[j] + E2_10 * k9[j] + E2_11 * k10[j] + E2_12 * k11[j]) / s[j];
        }
        double error1 = 0;
        double error2 = 0;
        for (int j = 0; j < n; j++) {
            error1 += r1[j] * r1[j];
            error2 += r2[j] * r2[j];
        }
        double den = error1 + 0.01 * error2;
        if (den <= 0.0) {
            den = 1.0;
        }
        double err = Math.abs(h) * error1 / Math.sqrt(n * den);
        return Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
    }

    /**
     * The stages of one accepted step and, once a state inside the step is asked for, the three
     * dense-output stages and Hipparchus' 7th-order interpolator on all sixteen (each step has
     * arrays of its own, so this stays valid after the step, as Hipparchus' interpolators do,
     * unless the stage arrays are reused: see {@link Dop853Integrator#reuseStageArrays}).
     */
    private static final class DenseStages {
        private final Dop853Integrator integrator;
        /** the run's in-place problem, or null: taken when the step is made, not when it is asked */
        private final FlowEquation inPlace;
        private final double[][] k;
        private final ODEStateAndDerivative start;
        private final ODEStateAndDerivative end;
        private final EquationsMapper mapper;
        private DormandPrince853StateInterpolator interpolator;

        DenseStages(Dop853Integrator integrator, FlowEquation inPlace, double[][] k, ODEStateAndDerivative start,
                    ODEStateAndDerivative end, EquationsMapper mapper) {
            this.integrator = integrator;
            this.inPlace = inPlace;
            this.k = k;
            this.start = start;
            this.end = end;
            this.mapper = mapper;
        }

        ODEStateAndDerivative at(double time) {
            if (interpolator == null) {
                double t0 = start.getTime();
                double h = end.getTime() - t0;
                double[] y0 = start.getPrimaryState();
                double[] yTmp = new double[y0.length];
                for (int s = STAGES + 1; s < 16; s++) {
                    combine(y0, h, integrator.a[s - 1], k, s, yTmp);
                    integrator.stage(inPlace, t0 + integrator.c[s - 1] * h, yTmp, k, s);
                }
                interpolator = new DormandPrince853StateInterpolator(true, k, start, end, start, end, mapper);
            }
            return interpolator.getInterpolatedState(time);
        }
    }

    /** Hipparchus' step interpolator protocol around {@link DenseStages}. */
    private static final class Interpolator extends AbstractODEStateInterpolator {
        private static final long serialVersionUID = 1L;
        private final transient DenseStages dense;

        Interpolator(DenseStages dense, ODEStateAndDerivative globalPrevious, ODEStateAndDerivative globalCurrent,
                     ODEStateAndDerivative softPrevious, ODEStateAndDerivative softCurrent, EquationsMapper mapper) {
            super(true, globalPrevious, globalCurrent, softPrevious, softCurrent, mapper);
            this.dense = dense;
        }

        @Override
        protected AbstractODEStateInterpolator create(boolean forward, ODEStateAndDerivative globalPrevious,
                                                      ODEStateAndDerivative globalCurrent,
                                                      ODEStateAndDerivative softPrevious,
                                                      ODEStateAndDerivative softCurrent, EquationsMapper mapper) {
            return new Interpolator(dense, globalPrevious, globalCurrent, softPrevious, softCurrent, mapper);
        }

        @Override
        protected ODEStateAndDerivative computeInterpolatedStateAndDerivatives(EquationsMapper mapper, double time,
                                                                               double theta, double thetaH,
                                                                               double oneMinusThetaH) {
            if (time == getGlobalCurrentState().getTime()) {
                return getGlobalCurrentState();
            }
            if (time == getGlobalPreviousState().getTime()) {
                return getGlobalPreviousState();
            }
            return dense.at(time);
        }
    }
}
