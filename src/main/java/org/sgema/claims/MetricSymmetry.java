package org.sgema.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.sgema.flows.Flow;
import org.sgema.flows.VectorField;
import org.sgema.model.Configuration;
import org.sgema.numerics.Matrices;
import org.sgema.model.RandomConfigurations;

/**
 * [T1] and [T2]: is the Jacobian symmetric in a constant block metric {@code P = diag(p_A I, p_B I, p_B̄ I)}?
 * <pre>
 *   asym(P; θ_1..θ_K) = sqrt( Σ_k ‖P⁻¹J_k − (P⁻¹J_k)ᵀ‖² / Σ_k ‖P⁻¹J_k‖² )
 * </pre>
 * minimized over the log-ratios {@code log(p_B/p_A)}, {@code log(p_B̄/p_A)} ∈ [−12, 12] by a grid
 * followed by pattern searches (on block sums, then on sums centred near the minimizer, see
 * {@link #minimize}). A gradient flow {@code F = −P∇f} has {@code asym = 0} at every
 * point for its P; [T2] says no P works for SG or EMA when {@code Cxy ≠ 0}.
 */
public final class MetricSymmetry {
    /** asym below this is symmetric to round-off. */
    static final double SYMMETRIC = 1e-10;
    /** asym above this is clearly not symmetric. */
    static final double ASYMMETRIC = 1e-6;
    /** Number of points a single constant metric must symmetrize in [T2]. */
    static final int POINTS = 3;

    private MetricSymmetry() {
    }

    /**
     * [T1] {@code diag(1/α, 1)·J_GD} is symmetric at the case's point, and the minimizer over block
     * metrics finds a symmetric one (which validates the minimizer used by [T2]).
     */
    public static Evaluation gdControl(Case c) {
        VectorField f = c.field(Flow.GD);
        DMatrixRMaj j = f.jacobian(c.initial().toArray());
        int[] blocks = blocksOf(c.configuration(), Flow.GD);
        double natural = asymmetry(List.of(j), blocks, new double[] {c.configuration().alpha(), 1.0});
        double minimized = minimize(List.of(j), blocks, 2).value();
        Evaluation e = Evaluation.judge("asymmetry_natural_metric", natural, SYMMETRIC, ASYMMETRIC,
                "asymmetry of diag(1/α,1)·J_GD");
        return e.and(Evaluation.judge("asymmetry_natural_metric", minimized, SYMMETRIC, ASYMMETRIC,
                "minimized asymmetry of J_GD"));
    }

    /**
     * [T2] No single constant block metric symmetrizes the SG (or EMA) Jacobian at the case's
     * point and {@value #POINTS} − 1 further random points (seeded by the case).
     */
    public static Evaluation notAGradientFlow(Case c) {
        Configuration cfg = c.configuration();
        if (Matrices.norm(cfg.cxy()) == 0.0) {
            return Evaluation.hypothesisNotMet(Cause.CROSS_MOMENT_ZERO, "Cxy = 0");
        }
        return judgeAsymmetric(bestMetric(c).value());
    }

    /**
     * @return the constant block metric that best symmetrizes the case's Jacobian jointly at the
     *     case's point and {@value #POINTS} − 1 further random points (seeded by the case)
     */
    static Minimum bestMetric(Case c) {
        Configuration cfg = c.configuration();
        Random rnd = new Random(c.seed());
        VectorField f = c.field();
        List<DMatrixRMaj> js = new ArrayList<>();
        js.add(f.jacobian(c.initial().toArray()));
        for (int k = 1; k < POINTS; k++) {
            js.add(f.jacobian(RandomConfigurations.gaussianState(cfg.m(), cfg.n(), c.flow().hasTarget(), 1.0, rnd)
                    .toArray()));
        }
        return minimize(js, blocksOf(cfg, c.flow()), c.flow().hasTarget() ? 3 : 2);
    }

    /**
     * The pointwise reading of [T2]: the SG/EMA Jacobian at one generic point is not symmetric in
     * any block metric. Checked as a FINDING of its negation: witnesses (points where some block
     * metric does symmetrize J) exist, e.g. every m = n = 1 SG point with
     * {@code (2ac − k)/(ac − k) &gt; 0}.
     */
    public static Evaluation pointwise(Case c) {
        if (c.initial() == null || Matrices.norm(c.initial().encoder()) == 0.0) {
            return Evaluation.hypothesisNotMet(Cause.ENCODER_ZERO, "B = 0");
        }
        DMatrixRMaj j = c.field().jacobian(c.initial().toArray());
        double best = minimize(List.of(j), blocksOf(c.configuration(), c.flow()), c.flow().hasTarget() ? 3 : 2).value();
        return judgeAsymmetric(best);
    }

    private static Evaluation judgeAsymmetric(double best) {
        if (best >= ASYMMETRIC) {
            return Evaluation.holds("min_asymmetry", best);
        }
        if (best <= SYMMETRIC) {
            return Evaluation.violated(Cause.SYMMETRIZABLE, "min_asymmetry", best, "a constant block metric symmetrizes J (asymmetry "
                    + best + ")");
        }
        return Evaluation.inconclusive(Cause.BETWEEN_THRESHOLDS, "min_asymmetry", best, "asymmetry " + best + " between 1e-10 and 1e-6");
    }

    /** @return for each state coordinate its block: 0 = A, 1 = B, 2 = B̄ */
    static int[] blocksOf(Configuration c, Flow flow) {
        int m = c.m();
        int n = c.n();
        int[] b = new int[flow.stateSize(m, n)];
        for (int i = 0; i < b.length; i++) {
            b[i] = i < m * m ? 0 : i < m * m + m * n ? 1 : 2;
        }
        return b;
    }

    /** @return {@code asym(P)} for block weights {@code p} (not necessarily normalized) */
    static double asymmetry(List<DMatrixRMaj> js, int[] blockOf, double[] p) {
        double num = 0;
        double den = 0;
        for (DMatrixRMaj j : js) {
            int n = j.numRows;
            for (int r = 0; r < n; r++) {
                double pr = p[blockOf[r]];
                for (int col = 0; col < n; col++) {
                    double x = j.data[r * n + col] / pr;
                    den += x * x;
                    if (col > r) {
                        double d = x - j.data[col * n + r] / p[blockOf[col]];
                        num += 2 * d * d;
                    }
                }
            }
        }
        return den == 0 ? 0 : Math.sqrt(num / den);
    }

    /** Result of the minimization: the value and the log-ratios. */
    record Minimum(double value, double[] logRatios) {
    }

    /**
     * Block sums of the Jacobians, so that {@code asym(P)} costs O(blocks²) instead of O(N²):
     * <pre>
     *   x_ij = J_ij / p_a  (i ∈ a)
     *   Σ_{i≠j} (x_ij − x_ji)² = 2 Σ_ab Q_ab / p_a² − 2 Σ_ab X_ab / (p_a p_b)
     *   Σ_ij x_ij²             = Σ_ab T_ab / p_a²
     *   Q_ab = Σ_{i∈a, j∈b, i≠j} J_ij²,  X_ab = Σ_{i∈a, j∈b, i≠j} J_ij J_ji,  T_ab = Σ_{i∈a, j∈b} J_ij²
     * </pre>
     * The difference loses relative accuracy near 0 (floor about 1e-8 in asym), so it only
     * locates the minimizer; the value there is recomputed exactly by {@link #asymmetry}.
     */
    record BlockSums(double[][] q, double[][] x, double[][] t) {
        static BlockSums of(List<DMatrixRMaj> js, int[] blockOf, int blocks) {
            double[][] q = new double[blocks][blocks];
            double[][] x = new double[blocks][blocks];
            double[][] t = new double[blocks][blocks];
            for (DMatrixRMaj j : js) {
                int n = j.numRows;
                for (int r = 0; r < n; r++) {
                    int a = blockOf[r];
                    for (int c = 0; c < n; c++) {
                        int b = blockOf[c];
                        double v = j.data[r * n + c];
                        t[a][b] += v * v;
                        if (c != r) {
                            q[a][b] += v * v;
                            x[a][b] += v * j.data[c * n + r];
                        }
                    }
                }
            }
            return new BlockSums(q, x, t);
        }

        double asymmetry(double[] p) {
            double num = 0;
            double den = 0;
            for (int a = 0; a < p.length; a++) {
                for (int b = 0; b < p.length; b++) {
                    num += 2 * q[a][b] / (p[a] * p[a]) - 2 * x[a][b] / (p[a] * p[b]);
                    den += t[a][b] / (p[a] * p[a]);
                }
            }
            return den == 0 ? 0 : Math.sqrt(Math.max(0, num) / den);
        }
    }

    /**
     * Sums of one set of Jacobians centred at log-ratios {@code x₀}, so that {@code asym} near
     * {@code x₀} costs O(blocks²) without the cancellation of {@link BlockSums}: for blocks
     * {@code a < b} (so {@code i < j} for {@code i ∈ a, j ∈ b}), with {@code r = p_a/p_b} and
     * {@code r₀} its value at {@code x₀},
     * <pre>
     *   u = J_ij,  v = J_ji,  w = u − r₀ v,  Δ = r − r₀ = r₀ (e^{(x_a − x_b) − (x₀_a − x₀_b)} − 1)
     *   Σ (u/p_a − v/p_b)² = (E_ab − 2Δ Y_ab + Δ² Z_ab) / p_a²,   E = Σ w², Y = Σ w v, Z = Σ v²
     *   Σ_{i&lt;j ∈ a} (J_ij/p_a − J_ji/p_a)² = D_a / p_a²,         D_a = Σ_{i&lt;j ∈ a} (J_ij − J_ji)²
     *   asym² = 2 (Σ_a D_a/p_a² + Σ_{a&lt;b} (E_ab − 2ΔY_ab + Δ²Z_ab)/p_a²) / Σ_a T_a/p_a²,  T_a = Σ_{i ∈ a, j} J_ij²
     * </pre>
     * Near {@code x₀} every term is as small as the asymmetry itself, so the rounding error is
     * about ε times the asymmetry's square (not ε times ‖J‖², the block sums' floor): the minimizer
     * is located to round-off by a search on these sums, re-centred once.
     *
     * @param x0 the log-ratios of the centre ({@code x₀_0 = 0} for block A)
     */
    record CentredSums(double[] x0, double[] d, double[][] e, double[][] y, double[][] z, double[] t) {
        static CentredSums of(List<DMatrixRMaj> js, int[] blockOf, int blocks, double[] logRatios) {
            double[] x0 = logs(logRatios);
            int[] start = new int[blocks + 1];
            for (int i = 0, b = 0; b < blocks; b++) {
                while (i < blockOf.length && blockOf[i] == b) {
                    i++;
                }
                start[b + 1] = i;
            }
            if (start[blocks] != blockOf.length) {
                throw new IllegalArgumentException("blocks must be contiguous and in order (A, B, B̄): row "
                        + start[blocks] + " is in block " + blockOf[start[blocks]]);
            }
            double[] d = new double[blocks];
            double[][] e = new double[blocks][blocks];
            double[][] y = new double[blocks][blocks];
            double[][] z = new double[blocks][blocks];
            double[] t = new double[blocks];
            for (DMatrixRMaj j : js) {
                int n = j.numRows;
                double[] a = j.data;
                for (int ba = 0; ba < blocks; ba++) {
                    for (int i = start[ba]; i < start[ba + 1]; i++) {
                        double ti = 0;
                        for (int c = 0; c < n; c++) {
                            ti += a[i * n + c] * a[i * n + c];
                        }
                        t[ba] += ti;
                        double di = 0;
                        for (int c = i + 1; c < start[ba + 1]; c++) {
                            double w = a[i * n + c] - a[c * n + i];
                            di += w * w;
                        }
                        d[ba] += di;
                        for (int bb = ba + 1; bb < blocks; bb++) {
                            double r0 = Math.exp(x0[ba] - x0[bb]);
                            double ei = 0;
                            double yi = 0;
                            double zi = 0;
                            for (int c = start[bb]; c < start[bb + 1]; c++) {
                                double u = a[i * n + c];
                                double v = a[c * n + i];
                                double w = u - r0 * v;
                                ei += w * w;
                                yi += w * v;
                                zi += v * v;
                            }
                            e[ba][bb] += ei;
                            y[ba][bb] += yi;
                            z[ba][bb] += zi;
                        }
                    }
                }
            }
            return new CentredSums(x0, d, e, y, z, t);
        }

        /** @return {@code asym} at log-ratios {@code logRatios} (see the class formula) */
        double asymmetry(double[] logRatios) {
            double[] x = logs(logRatios);
            double num = 0;
            double den = 0;
            for (int a = 0; a < x.length; a++) {
                double pa2 = Math.exp(2 * x[a]);
                double na = d[a];
                for (int b = a + 1; b < x.length; b++) {
                    double r0 = Math.exp(x0[a] - x0[b]);
                    double delta = r0 * Math.expm1((x[a] - x[b]) - (x0[a] - x0[b]));
                    na += Math.max(0, e[a][b] - 2 * delta * y[a][b] + delta * delta * z[a][b]);
                }
                num += 2 * na / pa2;
                den += t[a] / pa2;
            }
            return den == 0 ? 0 : Math.sqrt(num / den);
        }

        /** @return {@code (0, x_1, ...)}: the log-weights of every block */
        private static double[] logs(double[] logRatios) {
            double[] x = new double[logRatios.length + 1];
            System.arraycopy(logRatios, 0, x, 1, logRatios.length);
            return x;
        }
    }

    /**
     * Minimizes {@code asym} over {@code p = (1, e^{x_1}, ...)}: a grid and a pattern search on
     * the block sums (which locate the minimizer to about their floor), then pattern searches on
     * {@link CentredSums} centred there and, once more, at their result, down to steps of 1e-13;
     * the value at the end is the exact {@link #asymmetry}. Each set of centred sums costs one
     * O(K N²) pass, where a search on the exact value took one per probe (about a hundred).
     */
    static Minimum minimize(List<DMatrixRMaj> js, int[] blockOf, int blocks) {
        BlockSums sums = BlockSums.of(js, blockOf, blocks);
        int dims = blocks - 1;
        double[] x = new double[dims];
        double[] best = new double[dims];
        double bestValue = Double.POSITIVE_INFINITY;
        int steps = dims == 1 ? 97 : 25;
        double lo = -12;
        double h = 24.0 / (steps - 1);
        int total = (int) Math.pow(steps, dims);
        for (int idx = 0; idx < total; idx++) {
            int rest = idx;
            for (int d = 0; d < dims; d++) {
                x[d] = lo + h * (rest % steps);
                rest /= steps;
            }
            double v = sums.asymmetry(weights(x));
            if (v < bestValue) {
                bestValue = v;
                best = x.clone();
            }
        }
        best = patternSearch(y -> sums.asymmetry(weights(y)), best, h, 1e-9);
        return refine(js, blockOf, blocks, best);
    }

    /**
     * The last stage of {@link #minimize}: a pattern search on {@link CentredSums} centred at
     * {@code start} (steps 1e-6 down to 1e-13), then one on sums re-centred at its result (1e-9
     * down to 1e-13). Centred at a distance δ (relative, in r) from the minimizer, the sums' rounding
     * floor in asym is about √ε·δ; the re-centred ones bring it down to about ε.
     *
     * @return the point reached, with the exact {@link #asymmetry} there
     */
    static Minimum refine(List<DMatrixRMaj> js, int[] blockOf, int blocks, double[] start) {
        CentredSums near = CentredSums.of(js, blockOf, blocks, start);
        double[] best = patternSearch(near::asymmetry, start, 1e-6, 1e-13);
        CentredSums nearer = CentredSums.of(js, blockOf, blocks, best);
        best = patternSearch(nearer::asymmetry, best, 1e-9, 1e-13);
        return new Minimum(asymmetry(js, blockOf, weights(best)), best);
    }

    /**
     * Compass search of {@code f} (a function of the log-ratios) from {@code start}, halving the
     * step down to {@code minStep}.
     */
    private static double[] patternSearch(java.util.function.ToDoubleFunction<double[]> f, double[] start,
                                          double step, double minStep) {
        double[] best = start.clone();
        double bestValue = f.applyAsDouble(best);
        while (step > minStep) {
            boolean improved = false;
            for (int d = 0; d < best.length; d++) {
                for (double sign : new double[] {1, -1}) {
                    double[] y = best.clone();
                    y[d] += sign * step;
                    double v = f.applyAsDouble(y);
                    if (v < bestValue) {
                        bestValue = v;
                        best = y;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                step /= 2;
            }
        }
        return best;
    }

    static double[] weights(double[] logRatios) {
        double[] p = new double[logRatios.length + 1];
        p[0] = 1;
        for (int d = 0; d < logRatios.length; d++) {
            p[d + 1] = Math.exp(logRatios[d]);
        }
        return p;
    }
}
