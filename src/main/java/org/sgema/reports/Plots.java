package org.sgema.reports;

import java.nio.file.Path;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeriesCollection;
import org.sgema.integration.Trajectory;

/** Charts of individual trajectories, saved as SVG files (for scripts and the prompt). */
public final class Plots {
    private Plots() {
    }

    /**
     * Saves {@code ‖B(t)‖} (log scale) of each trajectory to an SVG file, atomically.
     *
     * @return the file written
     */
    public static Path encoderNorms(Path file, Trajectory... trajectories) {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        int k = 0;
        for (Trajectory t : trajectories) {
            data.addSeries(Charts.encoderNormSeries(t, (++k) + ": " + t.flow() + " (" + t.outcome() + ")"));
        }
        JFreeChart chart = ChartFactory.createXYLineChart("‖B(t)‖", "t", "‖B(t)‖", data, PlotOrientation.VERTICAL,
                true, false, false);
        LogAxis log = new LogAxis("‖B(t)‖ (log)");
        log.setSmallestValue(1e-16);
        chart.getXYPlot().setRangeAxis(log);
        org.sgema.io.AtomicFiles.write(file, Charts.svg(chart));
        return file;
    }
}
