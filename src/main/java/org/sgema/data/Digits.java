package org.sgema.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.sgema.config.RunProfile;
import org.sgema.model.InvalidInputException;

/**
 * The handwritten digits data set shipped in {@code data/digits.csv.gz} (UCI "Optical
 * Recognition of Handwritten Digits", E. Alpaydin and C. Kaynak 1998, CC BY 4.0): 1797 images
 * of 8×8 pixels with values 0..16, and their labels 0..9.
 *
 * <p>Pixels are scaled to [0, 1] (divided by 16) and centred: {@code s_i = x_i/16 − mean}. The
 * signal moment is {@code S = (1/N) Σ s_i s_iᵀ}.</p>
 */
public final class Digits {
    /** Image side: the images are 8×8, so n = 64. */
    public static final int SIDE = 8;

    private static Digits cached;

    private final DMatrixRMaj samples;
    private final int[] labels;

    private Digits(DMatrixRMaj samples, int[] labels) {
        this.samples = samples;
        this.labels = labels;
    }

    /** @return the data set from the project's {@code data/} folder (read once, then cached) */
    public static synchronized Digits load() {
        if (cached == null) {
            cached = read(RunProfile.root().resolve("data").resolve("digits.csv.gz"));
        }
        return cached;
    }

    /** @return the data set from a gzip-compressed CSV file (64 pixel columns, then the label) */
    public static Digits read(Path file) {
        List<double[]> rows = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                if (f.length != SIDE * SIDE + 1) {
                    throw new InvalidInputException(file.toString(), "line " + lineNo + " has " + f.length
                            + " fields, expected 65");
                }
                double[] x = new double[SIDE * SIDE];
                for (int i = 0; i < x.length; i++) {
                    x[i] = Double.parseDouble(f[i]) / 16.0;
                }
                rows.add(x);
                ys.add(Integer.parseInt(f[SIDE * SIDE].trim()));
            }
        } catch (IOException | NumberFormatException e) {
            throw new InvalidInputException(file.toString(), "cannot read the digits data: " + e.getMessage());
        }
        int n = SIDE * SIDE;
        DMatrixRMaj x = new DMatrixRMaj(rows.size(), n);
        double[] mean = new double[n];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < n; j++) {
                mean[j] += rows.get(i)[j] / rows.size();
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < n; j++) {
                x.set(i, j, rows.get(i)[j] - mean[j]);
            }
        }
        return new Digits(x, ys.stream().mapToInt(Integer::intValue).toArray());
    }

    /** @return the number of images */
    public int size() {
        return labels.length;
    }

    /** @return a copy of the centred samples (N×64), one image per row */
    public DMatrixRMaj samples() {
        return samples.copy();
    }

    /** @return a copy of the labels */
    public int[] labels() {
        return labels.clone();
    }

    /** @return the signal moment {@code S = XᵀX / N} of the centred samples (64×64) */
    public DMatrixRMaj signalMoment() {
        DMatrixRMaj s = new DMatrixRMaj(samples.numCols, samples.numCols);
        CommonOps_DDRM.multTransA(samples, samples, s);
        CommonOps_DDRM.scale(1.0 / samples.numRows, s);
        return s;
    }
}
