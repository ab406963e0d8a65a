package org.sgema.integration;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.AbstractIntegrator;
import org.hipparchus.ode.EquationsMapper;
import org.hipparchus.ode.ExpandableODE;
import org.hipparchus.ode.LocalizedODEFormats;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.AbstractODEStateInterpolator;

/**
 * RODAS, the stiffly accurate, L-stable Rosenbrock method of order 4 with an embedded order-3
 * solution and a continuous extension of order 3 (Hairer and Wanner, Solving ODEs II, IV.7), for
 * an autonomous problem with its Jacobian ({@link LinearizedEquation}). One step of size h, with
 * {@code E = I/(hγ) − J(y₀)} and six solves with the same E:
 * <pre>
 *   E k_i = f(y₀ + Σ_{j&lt;i} a_ij k_j) + Σ_{j&lt;i} (c_ij / h) k_j          i = 1..6
 *   ŷ = y₀ + Σ_{j≤4} a_5j k_j + k₅   (order 3),   y₁ = ŷ + k₆   (order 4),   error = k₆
 *   err = sqrt( (1/N) Σ (k₆,i / (atol + rtol·max(|y₀,i|, |y₁,i|)))² )     accept if err ≤ 1
 *   y(t₀ + θh) = (1 − θ) y₀ + θ (y₁ + (1 − θ)(Σ d_2j k_j + θ Σ d_3j k_j))
 * </pre>
 * Step control: {@code h_new = h / fac}, {@code fac = clamp(err^{1/4}/0.9, 1/6, 5)}, with the
 * predictive (Gustafsson) controller after two accepted steps and no growth right after a
 * rejection. Events and step handlers are Hipparchus' own ({@link AbstractIntegrator#acceptStep}).
 */
public final class RosenbrockIntegrator extends AbstractIntegrator {
    static final double GAMMA = 0.25;
    private static final double A21 = 1.544;
    private static final double A31 = 0.9466785280815826;
    private static final double A32 = 0.2557011698983284;
    private static final double A41 = 3.314825187068521;
    private static final double A42 = 2.896124015972201;
    private static final double A43 = 0.9986419139977817;
    private static final double A51 = 1.221224509226641;
    private static final double A52 = 6.019134481288629;
    private static final double A53 = 12.53708332932087;
    private static final double A54 = -0.6878860361058950;
    private static final double C21 = -5.6688;
    private static final double C31 = -2.430093356833875;
    private static final double C32 = -0.2063599157091915;
    private static final double C41 = -0.1073529058151375;
    private static final double C42 = -9.594562251023355;
    private static final double C43 = -20.47028614809616;
    private static final double C51 = 7.496443313967647;
    private static final double C52 = -10.24680431464352;
    private static final double C53 = -33.99990352819905;
    private static final double C54 = 11.70890893206160;
    private static final double C61 = 8.083246795921522;
    private static final double C62 = -7.981132988064893;
    private static final double C63 = -31.52159432874371;
    private static final double C64 = 16.31930543123136;
    private static final double C65 = -6.058818238834054;
    private static final double D21 = 10.12623508344586;
    private static final double D22 = -7.487995877610167;
    private static final double D23 = -34.80091861555747;
    private static final double D24 = -7.992771707568823;
    private static final double D25 = 1.025137723295662;
    private static final double D31 = -0.6762803392801253;
    private static final double D32 = 6.087714651680015;
    private static final double D33 = 16.43084320892478;
    private static final double D34 = 24.76722511418386;
    private static final double D35 = -6.594389125716872;
    private static final double SAFETY = 0.9;
    private static final double FAC_MAX = 5.0;
    private static final double FAC_MIN = 1.0 / 6.0;

    private final double minStep;
    private final double maxStep;
    private final double absoluteTolerance;
    private final double relativeTolerance;
    private double initialStep = Double.NaN;
    private long rejections;

    /**
     * @param minStep smallest step before the run fails as "step too small"
     * @param maxStep largest step
     * @param absoluteTolerance atol of the error norm
     * @param relativeTolerance rtol of the error norm
     */
    public RosenbrockIntegrator(double minStep, double maxStep, double absoluteTolerance, double relativeTolerance) {
        super("RODAS (Rosenbrock 4(3), stiffly accurate)");
        this.minStep = Math.abs(minStep);
        this.maxStep = Math.abs(maxStep);
        this.absoluteTolerance = absoluteTolerance;
        this.relativeTolerance = relativeTolerance;
    }

    /** @param h the first step to try (otherwise chosen from ‖y‖ and ‖f(y)‖) */
    public void setInitialStep(double h) {
        this.initialStep = h;
    }

    /** @return rejected steps of the last run */
    public long rejections() {
        return rejections;
    }

    @Override
    public ODEStateAndDerivative integrate(ExpandableODE equations, ODEState initialState, double finalTime)
            throws MathIllegalArgumentException, MathIllegalStateException {
        if (!(equations.getPrimary() instanceof LinearizedEquation problem)) {
            throw new IllegalArgumentException("RODAS needs a LinearizedEquation (a problem that solves with its"
                    + " Jacobian), got " + equations.getPrimary().getClass().getSimpleName());
        }
        if (equations.getMapper().getNumberOfEquations() != 1) {
            throw new IllegalArgumentException("RODAS integrates a primary state only");
        }
        sanityChecks(initialState, finalTime);
        if (!(finalTime > initialState.getTime())) {
            throw new IllegalArgumentException("RODAS integrates forward in time only");
        }
        setStepStart(initIntegration(equations, initialState, finalTime));
        EquationsMapper mapper = equations.getMapper();
        int n = initialState.getPrimaryStateDimension();
        double[][] k = new double[6][n];
        double[] yStage = new double[n];
        double[] rhs = new double[n];
        double[] y1 = new double[n];
        double[] fStage = new double[n];
        rejections = 0;

        double h = Double.isNaN(initialStep) ? firstStep(getStepStart()) : initialStep;
        double hAccepted = 0;
        double errAccepted = 0;
        int accepted = 0;
        boolean lastRejected = false;
        setIsLastStep(false);
        do {
            ODEStateAndDerivative start = getStepStart();
            double t0 = start.getTime();
            double[] y0 = start.getPrimaryState();
            double[] f0 = start.getPrimaryDerivative();
            problem.linearize(y0);
            int singular = 0;
            double err;
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
                if (!stages(problem, h, y0, f0, k, yStage, rhs, y1, t0, fStage)) {
                    if (++singular > 5) {
                        throw new MathIllegalStateException(LocalizedODEFormats.MINIMAL_STEPSIZE_REACHED_DURING_INTEGRATION,
                                t0, h, minStep, true);
                    }
                    h *= 0.5;
                    lastRejected = true;
                    continue;
                }
                err = errorNorm(k[5], y0, y1);
                double fac = Math.max(FAC_MIN, Math.min(FAC_MAX, Math.pow(err, 0.25) / SAFETY));
                if (err <= 1.0) {
                    if (accepted > 0) {
                        double gus = (hAccepted / h) * Math.pow(err * err / errAccepted, 0.25) / SAFETY;
                        fac = Math.max(fac, Math.max(FAC_MIN, Math.min(FAC_MAX, gus)));
                    }
                    hAccepted = h;
                    errAccepted = Math.max(0.01, err);
                    double hNew = Math.min(h / fac, maxStep);
                    if (lastRejected) {
                        hNew = Math.min(hNew, h);
                    }
                    lastRejected = false;
                    accepted++;
                    double tEnd = t0 + h;
                    double[] f1 = computeDerivatives(tEnd, y1);
                    ODEStateAndDerivative end = new StepState(tEnd, y1, f1);
                    double[] cont3 = new double[n];
                    double[] cont4 = new double[n];
                    for (int i = 0; i < n; i++) {
                        cont3[i] = D21 * k[0][i] + D22 * k[1][i] + D23 * k[2][i] + D24 * k[3][i] + D25 * k[4][i];
                        cont4[i] = D31 * k[0][i] + D32 * k[1][i] + D33 * k[2][i] + D34 * k[3][i] + D35 * k[4][i];
                    }
                    setStepStart(acceptStep(new Interpolator(start, end, cont3, cont4, mapper, problem),
                            finalTime));
                    h = hNew;
                    break;
                }
                rejections++;
                lastRejected = true;
                h = h / fac;
            }
        } while (!isLastStep());
        ODEStateAndDerivative last = getStepStart();
        setStepStart(null);
        setStepSize(Double.NaN);
        return last;
    }

    /**
     * {@code f(t, y)} for a stage: into {@code out} in place when the problem is a
     * {@link FlowEquation} (the stage's derivative is used at once and kept nowhere), counted as
     * Hipparchus counts it ({@link #incrementEvaluations}); else through Hipparchus' problem wrapper.
     *
     * @return the derivative (out, or a fresh array)
     */
    private double[] evaluate(LinearizedEquation problem, double t, double[] y, double[] out) {
        if (problem instanceof FlowEquation flow) {
            incrementEvaluations(1);
            flow.computeDerivatives(t, y, out);
            return out;
        }
        return computeDerivatives(t, y);
    }

    /**
     * The six stages of one step; {@code y1} receives the order-4 solution and {@code k[5]} the error.
     *
     * @return false if a linear solve failed (singular E)
     */
    private boolean stages(LinearizedEquation problem, double h, double[] y0, double[] f0, double[][] k,
                           double[] yStage, double[] rhs, double[] y1, double t0, double[] fStage) {
        int n = y0.length;
        double sigma = 1.0 / (h * GAMMA);
        double[] k1 = k[0];
        double[] k2 = k[1];
        double[] k3 = k[2];
        double[] k4 = k[3];
        double[] k5 = k[4];
        double[] k6 = k[5];
        if (!problem.solve(sigma, f0, k1)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            yStage[i] = y0[i] + A21 * k1[i];
        }
        double[] f = evaluate(problem, t0, yStage, fStage);
        for (int i = 0; i < n; i++) {
            rhs[i] = f[i] + C21 * k1[i] / h;
        }
        if (!problem.solve(sigma, rhs, k2)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            yStage[i] = y0[i] + A31 * k1[i] + A32 * k2[i];
        }
        f = evaluate(problem, t0, yStage, fStage);
        for (int i = 0; i < n; i++) {
            rhs[i] = f[i] + (C31 * k1[i] + C32 * k2[i]) / h;
        }
        if (!problem.solve(sigma, rhs, k3)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            yStage[i] = y0[i] + A41 * k1[i] + A42 * k2[i] + A43 * k3[i];
        }
        f = evaluate(problem, t0, yStage, fStage);
        for (int i = 0; i < n; i++) {
            rhs[i] = f[i] + (C41 * k1[i] + C42 * k2[i] + C43 * k3[i]) / h;
        }
        if (!problem.solve(sigma, rhs, k4)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            yStage[i] = y0[i] + A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i];
        }
        f = evaluate(problem, t0, yStage, fStage);
        for (int i = 0; i < n; i++) {
            rhs[i] = f[i] + (C51 * k1[i] + C52 * k2[i] + C53 * k3[i] + C54 * k4[i]) / h;
        }
        if (!problem.solve(sigma, rhs, k5)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            yStage[i] += k5[i];
        }
        f = evaluate(problem, t0, yStage, fStage);
        for (int i = 0; i < n; i++) {
            rhs[i] = f[i] + (C61 * k1[i] + C62 * k2[i] + C63 * k3[i] + C64 * k4[i] + C65 * k5[i]) / h;
        }
        if (!problem.solve(sigma, rhs, k6)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            y1[i] = yStage[i] + k6[i];
        }
        return true;
    }

    private double errorNorm(double[] error, double[] y0, double[] y1) {
        double sum = 0;
        for (int i = 0; i < error.length; i++) {
            double sk = absoluteTolerance + relativeTolerance * Math.max(Math.abs(y0[i]), Math.abs(y1[i]));
            double e = error[i] / sk;
            sum += e * e;
        }
        double err = Math.sqrt(sum / error.length);
        return Double.isNaN(err) ? Double.POSITIVE_INFINITY : Math.max(err, 1e-10);
    }

    /** A first step with h‖f‖ about 1 % of the scaled state (Hairer's rule of thumb, one order lower). */
    private double firstStep(ODEStateAndDerivative s) {
        double[] y = s.getPrimaryState();
        double[] f = s.getPrimaryDerivative();
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < y.length; i++) {
            double sk = absoluteTolerance + relativeTolerance * Math.abs(y[i]);
            d0 += (y[i] / sk) * (y[i] / sk);
            d1 += (f[i] / sk) * (f[i] / sk);
        }
        double h = d0 < 1e-10 || d1 < 1e-10 ? 1e-6 : 0.01 * Math.sqrt(d0 / d1);
        return Math.max(minStep, Math.min(h, maxStep));
    }

    /** The continuous extension of one step (order 3). */
    private static final class Interpolator extends AbstractODEStateInterpolator {
        private static final long serialVersionUID = 1L;
        private final double[] cont3;
        private final double[] cont4;
        private final transient LinearizedEquation problem;

        Interpolator(ODEStateAndDerivative previous, ODEStateAndDerivative current, double[] cont3, double[] cont4,
                     EquationsMapper mapper, LinearizedEquation problem) {
            this(previous, current, previous, current, cont3, cont4, mapper, problem);
        }

        private Interpolator(ODEStateAndDerivative globalPrevious, ODEStateAndDerivative globalCurrent,
                             ODEStateAndDerivative softPrevious, ODEStateAndDerivative softCurrent,
                             double[] cont3, double[] cont4, EquationsMapper mapper, LinearizedEquation problem) {
            super(true, globalPrevious, globalCurrent, softPrevious, softCurrent, mapper);
            this.cont3 = cont3;
            this.cont4 = cont4;
            this.problem = problem;
        }

        @Override
        protected AbstractODEStateInterpolator create(boolean forward, ODEStateAndDerivative globalPrevious,
                                                      ODEStateAndDerivative globalCurrent,
                                                      ODEStateAndDerivative softPrevious,
                                                      ODEStateAndDerivative softCurrent, EquationsMapper mapper) {
            return new Interpolator(globalPrevious, globalCurrent, softPrevious, softCurrent, cont3, cont4, mapper,
                    problem);
        }

        /**
         * {@code y(θ) = (1−θ)y₀ + θ(y₁ + (1−θ)(c₃ + θc₄))}, with the derivative {@code f(y(θ))} of the
         * problem itself (not the polynomial's, which differs from f(y₁) at θ = 1): event functions
         * that read the derivative, such as ‖F(θ)‖, are then the same function at a step's end
         * and inside it, and their root finding is consistent.
         */
        @Override
        protected ODEStateAndDerivative computeInterpolatedStateAndDerivatives(EquationsMapper mapper, double time,
                                                                               double theta, double thetaH,
                                                                               double oneMinusThetaH) {
            double[] y0 = getGlobalPreviousState().getCompleteState();
            double[] y1 = getGlobalCurrentState().getCompleteState();
            int n = y0.length;
            double[] y = new double[n];
            double u = 1 - theta;
            for (int i = 0; i < n; i++) {
                y[i] = u * y0[i] + theta * (y1[i] + u * (cont3[i] + theta * cont4[i]));
            }
            return new StepState(time, y, problem.computeDerivatives(time, y));
        }
    }
}
