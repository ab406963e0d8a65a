package org.sgema.data;

import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Downstream usefulness of a linear representation {@code z = B s}: a ridge least-squares
 * classifier on one-hot labels, trained on a fixed split, scored on the held-out images.
 * <pre>
 *   F = [X Bᵀ, 1]                (features with a bias column)
 *   W = (F_trᵀ F_tr + ρ I)⁻¹ F_trᵀ Y_tr,   ρ = 1e-3 · N_tr   (absolute, bias not penalized)
 *   accuracy = mean_test [argmax_k (F W)_k = label]
 * </pre>
 * The penalty is absolute, not relative to the features' scale, so a collapsed encoder
 * ({@code B → 0}) loses its accuracy as its features vanish, as it should.
 */
public final class LinearProbe {
    private final DMatrixRMaj samples;
    private final int[] labels;
    private final int[] train;
    private final int[] test;
    private final int classes;

    /**
     * @param digits the data
     * @param trainFraction fraction of images used to fit (the rest scores)
     * @param seed seed of the split
     */
    public LinearProbe(Digits digits, double trainFraction, long seed) {
        this.samples = digits.samples();
        this.labels = digits.labels();
        int n = labels.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random rnd = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int nTrain = (int) Math.round(trainFraction * n);
        this.train = java.util.Arrays.copyOfRange(order, 0, nTrain);
        this.test = java.util.Arrays.copyOfRange(order, nTrain, n);
        int k = 0;
        for (int y : labels) {
            k = Math.max(k, y + 1);
        }
        this.classes = k;
    }

    /** @return the held-out accuracy of the representation {@code B s} (B is m×64, not modified) */
    public double accuracy(DMatrixRMaj encoder) {
        int m = encoder.numRows;
        DMatrixRMaj features = new DMatrixRMaj(samples.numRows, m);
        CommonOps_DDRM.multTransB(samples, encoder, features);
        DMatrixRMaj ftr = design(features, train);
        DMatrixRMaj ytr = new DMatrixRMaj(train.length, classes);
        for (int i = 0; i < train.length; i++) {
            ytr.set(i, labels[train[i]], 1.0);
        }
        DMatrixRMaj gram = new DMatrixRMaj(m + 1, m + 1);
        CommonOps_DDRM.multTransA(ftr, ftr, gram);
        double rho = 1e-3 * train.length;
        for (int i = 0; i < m; i++) {
            gram.add(i, i, rho);
        }
        gram.add(m, m, 1e-12 * train.length);
        DMatrixRMaj rhs = new DMatrixRMaj(m + 1, classes);
        CommonOps_DDRM.multTransA(ftr, ytr, rhs);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(m + 1);
        DMatrixRMaj w = new DMatrixRMaj(m + 1, classes);
        if (!solver.setA(gram)) {
            return Double.NaN;
        }
        solver.solve(rhs, w);
        DMatrixRMaj fte = design(features, test);
        DMatrixRMaj scores = new DMatrixRMaj(test.length, classes);
        CommonOps_DDRM.mult(fte, w, scores);
        int correct = 0;
        for (int i = 0; i < test.length; i++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (scores.get(i, k) > scores.get(i, best)) {
                    best = k;
                }
            }
            if (best == labels[test[i]]) {
                correct++;
            }
        }
        return (double) correct / test.length;
    }

    private static DMatrixRMaj design(DMatrixRMaj features, int[] rows) {
        int m = features.numCols;
        DMatrixRMaj d = new DMatrixRMaj(rows.length, m + 1);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < m; j++) {
                d.set(i, j, features.get(rows[i], j));
            }
            d.set(i, m, 1.0);
        }
        return d;
    }

    /** @return the top-m principal directions of the training images (m×64, rows orthonormal) */
    public DMatrixRMaj pca(int m) {
        DMatrixRMaj xtr = new DMatrixRMaj(train.length, samples.numCols);
        for (int i = 0; i < train.length; i++) {
            for (int j = 0; j < samples.numCols; j++) {
                xtr.set(i, j, samples.get(train[i], j));
            }
        }
        DMatrixRMaj cov = new DMatrixRMaj(samples.numCols, samples.numCols);
        CommonOps_DDRM.multTransA(xtr, xtr, cov);
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(cov.numRows, true, true);
        if (!eig.decompose(cov)) {
            throw new ArithmeticException("PCA eigen-decomposition failed");
        }
        Integer[] idx = new Integer[cov.numRows];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
        DMatrixRMaj b = new DMatrixRMaj(m, cov.numRows);
        for (int r = 0; r < m; r++) {
            DMatrixRMaj v = eig.getEigenVector(idx[r]);
            for (int j = 0; j < cov.numRows; j++) {
                b.set(r, j, v.get(j, 0));
            }
        }
        return b;
    }
}
