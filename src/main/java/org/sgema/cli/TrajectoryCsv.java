package org.sgema.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.sgema.integration.Trajectory;

/**
 * The {@code --out} CSV of {@code integrate} and {@code train}: per recorded point t, [the step
 * k = t/η for training,] ‖B‖, E0, ‖F‖ and θ.
 */
final class TrajectoryCsv {
    private TrajectoryCsv() {
    }

    /**
     * @param t the run
     * @param learningRate η of a training run (adds the column {@code step}), or NaN for a flow
     * @param file the CSV file
     */
    static void write(Trajectory t, double learningRate, Path file) {
        boolean steps = !Double.isNaN(learningRate);
        double[] nb = t.encoderNorms();
        double[] e0 = t.objective();
        double[] fn = t.fieldNorms();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder(steps ? "t,step,B_norm,E0,F_norm" : "t,B_norm,E0,F_norm");
            for (int i = 0; i < t.state(0).size(); i++) {
                header.append(",theta").append(i);
            }
            w.write(header + "\n");
            for (int i = 0; i < t.size(); i++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%.17g", t.time(i)));
                if (steps) {
                    row.append(',').append(Math.round(t.time(i) / learningRate));
                }
                row.append(String.format(Locale.ROOT, ",%.17g,%.17g,%.17g", nb[i], e0[i], fn[i]));
                for (double v : t.state(i).toArray()) {
                    row.append(',').append(v);
                }
                w.write(row + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
