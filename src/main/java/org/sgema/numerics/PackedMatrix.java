package org.sgema.numerics;

import java.util.Arrays;

/**
 * A fixed k×n matrix laid out for {@link DenseKernels#multPacked}: its columns cut into panels
 * (full panels of {@code width} columns, then at most one of {@code width/2}, then the rest),
 * each panel stored row after row, so the product's inner loop reads memory in order. The
 * entry (p, q) of the panel starting at column j0 with width w sits at {@code k·j0 + p·w + q}.
 * With {@code width ≥ n} the layout is plain row-major.
 *
 * <p>Packing costs k·n copies; it pays when the same right factor (the fixed moment matrices)
 * multiplies many left factors.</p>
 */
public final class PackedMatrix {
    private final int rows;
    private final int cols;
    private final int width;
    private final double[] data;

    /**
     * @param rows k
     * @param cols n
     * @param width the widest panel (at least 1)
     */
    PackedMatrix(int rows, int cols, int width) {
        if (rows < 1 || cols < 1 || width < 1) {
            throw new IllegalArgumentException("packed matrix " + rows + "×" + cols + " with panels of " + width);
        }
        this.rows = rows;
        this.cols = cols;
        this.width = width;
        this.data = new double[rows * cols];
    }

    /** @return k */
    public int rows() {
        return rows;
    }

    /** @return n */
    public int cols() {
        return cols;
    }

    /** @return the widest panel */
    int width() {
        return width;
    }

    /** @return the packed entries (not a copy: for the kernels only) */
    double[] data() {
        return data;
    }

    /** @return the panel boundary (a column where a panel starts, or {@code cols}) nearest to {@code column} */
    public int boundaryNear(int column) {
        int best = 0;
        for (int j0 = 0; j0 <= cols; j0 += panelWidth(j0)) {
            if (Math.abs(j0 - column) < Math.abs(best - column)) {
                best = j0;
            }
            if (j0 == cols) {
                break;
            }
        }
        return best;
    }

    /** @return the width of the panel that starts at column {@code j0} */
    int panelWidth(int j0) {
        int left = cols - j0;
        if (left >= width) {
            return width;
        }
        int half = width / 2;
        return half > 0 && left >= half ? half : left;
    }

    /**
     * Packs a row-major k×n matrix into this layout.
     *
     * @param b the matrix, row-major, {@code k·n} entries (not modified)
     * @return this
     */
    public PackedMatrix set(double[] b) {
        if (b.length < rows * cols) {
            throw new IllegalArgumentException("need " + rows * cols + " entries, got " + b.length);
        }
        for (int j0 = 0; j0 < cols; j0 += panelWidth(j0)) {
            int w = panelWidth(j0);
            int base = rows * j0;
            for (int p = 0; p < rows; p++) {
                System.arraycopy(b, p * cols + j0, data, base + p * w, w);
            }
        }
        return this;
    }

    /** @return the entry (p, q) of the matrix that was packed */
    public double get(int p, int q) {
        int j0 = 0;
        while (q >= j0 + panelWidth(j0)) {
            j0 += panelWidth(j0);
        }
        return data[rows * j0 + p * panelWidth(j0) + (q - j0)];
    }

    @Override
    public String toString() {
        return "PackedMatrix " + rows + "×" + cols + " in panels of " + width + " " + Arrays.hashCode(data);
    }
}
