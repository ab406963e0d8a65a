package org.sgema.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.sgema.flows.Flow;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import tech.tablesaw.api.Table;

/**
 * The report's charts, drawn with JFreeChart into JFreeSVG: each method returns an inline
 * {@code <svg>} element (text as SVG text, no external resources), ready for a self-contained page.
 */
final class Charts {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 400;

    private Charts() {
    }

    static String svg(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.getPlot().setBackgroundPaint(new Color(250, 250, 250));
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(Color.LIGHT_GRAY);
            xy.setRangeGridlinePaint(Color.LIGHT_GRAY);
        }
        if (chart.getPlot() instanceof XYPlot xy && xy.getRenderer() instanceof XYLineAndShapeRenderer r
                && r.getDefaultLinesVisible()) {
            r.setDrawSeriesLineAsPath(true);
        }
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setGeomDoubleConverter(v -> fixed(v, 2));
        g.setTransformDoubleConverter(v -> fixed(v, 4));
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement();
    }

    /** {@code ‖B(t)‖} on a log scale for GD, SG and EMA from one initial state, with the [T3] bound. */
    static String encoderNorms(Showcase s) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Flow f : Flow.values()) {
            data.addSeries(encoderNormSeries(s.trajectory(f), f.name()));
        }
        Configuration c = s.configuration();
        Trajectory gd = s.trajectory(Flow.GD);
        double rate = c.sigma() + c.lambda();
        double b0 = gd.encoderNorms()[0];
        XYSeries bound = new XYSeries("[T3] bound e^{-(σ+λ)t}‖B(0)‖");
        double tEnd = Math.max(gd.finalTime(), s.trajectory(Flow.SG).finalTime());
        for (int i = 0; i <= 100; i++) {
            double t = tEnd * i / 100.0;
            double v = b0 * Math.exp(-rate * t);
            if (v > 1e-14) {
                bound.add(t, v);
            }
        }
        data.addSeries(bound);
        JFreeChart chart = ChartFactory.createXYLineChart("‖B(t)‖: GD collapses, SG and EMA do not (" + c.n() + "×"
                + c.m() + ", symmetric views)", "t", "‖B(t)‖", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis log = new LogAxis("‖B(t)‖ (log)");
        log.setSmallestValue(1e-14);
        plot.setRangeAxis(log);
        plot.getRenderer().setSeriesStroke(3, new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                1f, new float[] {6f, 4f}, 0f));
        return svg(chart);
    }

    /** @return {@code (t, ‖B(t)‖)} of a trajectory, thinned to about 250 points, zeros dropped (log axes) */
    static XYSeries encoderNormSeries(Trajectory t, String name) {
        XYSeries series = new XYSeries(name, false);
        double[] nb = t.encoderNorms();
        for (int i = 0; i < t.size(); i += stride(t.size())) {
            if (nb[i] > 0) {
                series.add(t.time(i), nb[i]);
            }
        }
        return series;
    }

    /** The relative drift of the SG invariant Δ along the showcase SG trajectory. */
    static String invariantDrift(Showcase s) {
        Trajectory t = s.trajectory(Flow.SG);
        double[] d = t.invariantDrift();
        XYSeries series = new XYSeries("relative drift of AᵀA − αBBᵀ");
        for (int i = 0; i < t.size(); i += stride(t.size())) {
            if (d[i] > 0) {
                series.add(t.time(i), d[i]);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart("[T4] SG invariant: drift stays at integrator accuracy",
                "t", "drift", new XYSeriesCollection(series), PlotOrientation.VERTICAL, true, false, false);
        LogAxis log = new LogAxis("relative drift of Δ (log)");
        log.setSmallestValue(1e-18);
        if (series.getItemCount() > 0) {
            log.setRange(Math.max(1e-18, series.getMinY() / 10), Math.max(1e-15, series.getMaxY() * 10));
        }
        chart.getXYPlot().setRangeAxis(log);
        return svg(chart);
    }

    /** Jacobian spectra at SG and EMA limit points in the complex plane; the zero cluster apart. */
    static String limitSpectra(Showcase s) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries zeros = new XYSeries("zero cluster (|z| ≤ tol)", false);
        XYSeries sg = new XYSeries("SG non-zero eigenvalues", false);
        XYSeries ema = new XYSeries("EMA non-zero eigenvalues", false);
        for (Showcase.LimitSpectrum l : s.spectra()) {
            var spectrum = l.stability().spectrum();
            for (int k = 0; k < spectrum.size(); k++) {
                if (spectrum.abs(k) <= l.stability().zeroTolerance()) {
                    zeros.add(spectrum.re(k), spectrum.im(k));
                } else {
                    (l.flow() == Flow.SG ? sg : ema).add(spectrum.re(k), spectrum.im(k));
                }
            }
        }
        data.addSeries(zeros);
        data.addSeries(sg);
        data.addSeries(ema);
        JFreeChart chart = ChartFactory.createScatterPlot("Spectrum of J at SG/EMA limit points (" + s.spectra().size()
                + " limits): zeros vs the stable rest", "Re z", "Im z", data, PlotOrientation.VERTICAL, true, false, false);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        r.setSeriesPaint(0, Color.BLACK);
        return svg(chart);
    }

    /** [E2] complete-collapse rate by flow against one key (init scale or τ). */
    static String collapseRates(Table rates, String key, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < rates.rowCount(); i++) {
            data.addValue(rates.doubleColumn("complete_rate").getDouble(i), rates.stringColumn("flow").get(i),
                    rates.stringColumn(key).get(i));
        }
        JFreeChart chart = ChartFactory.createBarChart(title, key, "complete-collapse rate", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.getCategoryPlot().getRangeAxis().setRange(0, 1.05);
        return svg(chart);
    }

    /** [T2] distribution of log10 of the minimized asymmetry: SG/EMA vs the GD control [T1]. */
    static String asymmetry(Table tries) {
        HistogramDataset data = new HistogramDataset();
        addLog10(data, tries, "T2-asymmetry", "SG/EMA: min over block metrics (T2)");
        addLog10(data, tries, "T1", "GD: natural metric (T1 control)");
        JFreeChart chart = ChartFactory.createHistogram("Asymmetry of P⁻¹J: GD is symmetric, SG/EMA are not",
                "log10 asymmetry", "tries", data, PlotOrientation.VERTICAL, true, false, false);
        return svg(chart);
    }

    private static void addLog10(HistogramDataset data, Table tries, String claim, String label) {
        Table rows = tries.where(tries.stringColumn("claim").isEqualTo(claim));
        double[] v = rows.doubleColumn("metric").where(rows.doubleColumn("metric").isNotMissing()).asDoubleArray();
        if (v.length == 0) {
            return;
        }
        double[] logs = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            logs[i] = Math.log10(Math.max(v[i], 1e-18));
        }
        data.addSeries(label, logs, 40, -18, 1);
    }

    /** @return {@code v} with at most {@code digits} decimals and no trailing zeros (compact SVG) */
    private static String fixed(double v, int digits) {
        return java.math.BigDecimal.valueOf(v).setScale(digits, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** Plots keep at most about 250 points per series. */
    private static int stride(int points) {
        return Math.max(1, points / 250);
    }
}
