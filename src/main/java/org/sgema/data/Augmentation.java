package org.sgema.data;

import java.util.List;
import java.util.Locale;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.sgema.model.InvalidInputException;

/**
 * One augmentation stage, applied independently to each view, and its exact action on the
 * second moments of a pair of views (theory notes, section 5). A stage maps
 * {@code (Cxx, Cxy, Cyy)} of its input views to those of its output views; stages compose, so
 * a pipeline starts from identical views {@code (S, S, S)} and applies each stage in turn.
 */
public sealed interface Augmentation {

    /** @return the moments after this stage, given those before it (inputs not modified) */
    Moments apply(Moments in);

    /**
     * Applies this stage to one view: a draw whose second moments are those {@link #apply}
     * states. Allocates nothing.
     *
     * @param in the view before the stage (not modified)
     * @param out the view after it (modified; must not be {@code in})
     * @param random the source of the stage's randomness
     */
    void sample(double[] in, double[] out, java.util.SplittableRandom random);

    /** The second moments of a pair of views. */
    record Moments(DMatrixRMaj cxx, DMatrixRMaj cxy, DMatrixRMaj cyy) {
        /** @return the moments of identical views of a signal with moment S */
        public static Moments identical(DMatrixRMaj s) {
            return new Moments(s.copy(), s.copy(), s.copy());
        }
    }

    /**
     * Additive Gaussian noise {@code x ← x + ε}, {@code ε ~ N(0, ν² I)}, independent per view:
     * <pre>Cxx ← Cxx + ν² I,  Cyy ← Cyy + ν² I,  Cxy unchanged</pre>
     *
     * @param variance ν²
     */
    record Noise(double variance) implements Augmentation {
        public Noise {
            if (!(variance >= 0) || !Double.isFinite(variance)) {
                throw new InvalidInputException("noise variance", "must be finite and ≥ 0, got " + variance);
            }
        }

        @Override
        public Moments apply(Moments in) {
            DMatrixRMaj cxx = in.cxx().copy();
            DMatrixRMaj cyy = in.cyy().copy();
            for (int i = 0; i < cxx.numRows; i++) {
                cxx.add(i, i, variance);
                cyy.add(i, i, variance);
            }
            return new Moments(cxx, in.cxy().copy(), cyy);
        }

        @Override
        public void sample(double[] in, double[] out, java.util.SplittableRandom random) {
            double sd = Math.sqrt(variance);
            for (int i = 0; i < in.length; i++) {
                out[i] = in[i] + sd * random.nextGaussian();
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "noise(ν²=%s)", variance);
        }
    }

    /**
     * Random masking {@code x ← D x}, D diagonal with independent Bernoulli(q) entries, independent
     * per view: {@code E[d_i d_j] = q²} (i ≠ j) and {@code q} (i = j), so
     * <pre>Cxx ← q² Cxx + q(1 − q) diag(Cxx),  Cxy ← q² Cxy,  Cyy likewise</pre>
     *
     * @param keep the keep probability q
     */
    record Masking(double keep) implements Augmentation {
        public Masking {
            if (!(keep > 0 && keep <= 1)) {
                throw new InvalidInputException("keep probability", "must be in (0, 1], got " + keep);
            }
        }

        @Override
        public Moments apply(Moments in) {
            return new Moments(masked(in.cxx()), scaled(in.cxy(), keep * keep), masked(in.cyy()));
        }

        private DMatrixRMaj masked(DMatrixRMaj c) {
            DMatrixRMaj out = scaled(c, keep * keep);
            for (int i = 0; i < c.numRows; i++) {
                out.add(i, i, keep * (1 - keep) * c.get(i, i));
            }
            return out;
        }

        private static DMatrixRMaj scaled(DMatrixRMaj c, double f) {
            DMatrixRMaj out = c.copy();
            CommonOps_DDRM.scale(f, out);
            return out;
        }

        @Override
        public void sample(double[] in, double[] out, java.util.SplittableRandom random) {
            for (int i = 0; i < in.length; i++) {
                out[i] = random.nextDouble() < keep ? in[i] : 0;
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "mask(q=%s)", keep);
        }
    }

    /**
     * Small translations of the 8×8 image, one of {@code shifts} (equally likely, zero fill),
     * drawn independently per view:
     * <pre>Cxx ← mean_j T_j Cxx T_jᵀ,  Cxy ← T̄ Cxy T̄ᵀ with T̄ = mean_j T_j,  Cyy likewise</pre>
     *
     * @param shifts the (row, column) shifts, e.g. {@code [[0,0],[1,0],[-1,0],[0,1],[0,-1]]}
     */
    record Translations(List<int[]> shifts) implements Augmentation {
        /** The identity and the four one-pixel shifts. */
        public static Translations onePixel() {
            return new Translations(List.of(new int[] {0, 0}, new int[] {1, 0}, new int[] {-1, 0},
                    new int[] {0, 1}, new int[] {0, -1}));
        }

        public Translations {
            if (shifts == null || shifts.isEmpty()) {
                throw new InvalidInputException("shifts", "needs at least one shift");
            }
            shifts = List.copyOf(shifts);
        }

        /** @return the 64×64 matrix of the shift (dr, dc): {@code (T x)[r, c] = x[r − dr, c − dc]}, 0 outside */
        public static DMatrixRMaj shift(int dr, int dc) {
            int side = Digits.SIDE;
            DMatrixRMaj t = new DMatrixRMaj(side * side, side * side);
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    int sr = r - dr;
                    int sc = c - dc;
                    if (sr >= 0 && sr < side && sc >= 0 && sc < side) {
                        t.set(r * side + c, sr * side + sc, 1.0);
                    }
                }
            }
            return t;
        }

        @Override
        public Moments apply(Moments in) {
            int n = in.cxx().numRows;
            if (n != Digits.SIDE * Digits.SIDE) {
                throw new InvalidInputException("translations", "act on 8×8 images (n = 64), got n = " + n);
            }
            DMatrixRMaj cxx = new DMatrixRMaj(n, n);
            DMatrixRMaj cyy = new DMatrixRMaj(n, n);
            DMatrixRMaj mean = new DMatrixRMaj(n, n);
            DMatrixRMaj tmp = new DMatrixRMaj(n, n);
            DMatrixRMaj term = new DMatrixRMaj(n, n);
            for (int[] s : shifts) {
                DMatrixRMaj t = shift(s[0], s[1]);
                CommonOps_DDRM.addEquals(mean, 1.0 / shifts.size(), t);
                CommonOps_DDRM.mult(t, in.cxx(), tmp);
                CommonOps_DDRM.multTransB(tmp, t, term);
                CommonOps_DDRM.addEquals(cxx, 1.0 / shifts.size(), term);
                CommonOps_DDRM.mult(t, in.cyy(), tmp);
                CommonOps_DDRM.multTransB(tmp, t, term);
                CommonOps_DDRM.addEquals(cyy, 1.0 / shifts.size(), term);
            }
            DMatrixRMaj cxy = new DMatrixRMaj(n, n);
            CommonOps_DDRM.mult(mean, in.cxy(), tmp);
            CommonOps_DDRM.multTransB(tmp, mean, cxy);
            return new Moments(cxx, cxy, cyy);
        }

        /** Shifts the image by one of the shifts, drawn uniformly: {@code out[r, c] = in[r − dr, c − dc]}, 0 outside. */
        @Override
        public void sample(double[] in, double[] out, java.util.SplittableRandom random) {
            int[] s = shifts.get(random.nextInt(shifts.size()));
            int side = Digits.SIDE;
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    int sr = r - s[0];
                    int sc = c - s[1];
                    out[r * side + c] = sr >= 0 && sr < side && sc >= 0 && sc < side ? in[sr * side + sc] : 0;
                }
            }
        }

        @Override
        public String toString() {
            return "translate(" + shifts.size() + " shifts)";
        }
    }
}
