package org.sgema.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The real-data part of the report, from {@code raw/digits-experiment.csv} and
 * {@code raw/digits-accuracy.csv}: the runs, the mean probe accuracy per flow against PCA and a
 * random encoder, and charts of accuracy and ‖B‖ along the trajectories.
 */
final class DigitsSection {
    private final Table runs;
    private final Table series;

    private DigitsSection(Table runs, Table series) {
        this.runs = runs;
        this.series = series;
    }

    /** @return the section, or null if the experiment has not run */
    static DigitsSection read(Path rawFolder) {
        Path r = rawFolder.resolve("digits-experiment.csv");
        Path s = rawFolder.resolve("digits-accuracy.csv");
        if (!Files.exists(r) || !Files.exists(s)) {
            return null;
        }
        Table runs = Table.read().csv(CsvReadOptions.builder(r.toFile()).columnTypesPartial(Map.of(
                "tau", ColumnType.STRING, "matched", ColumnType.STRING)).missingValueIndicator("").build());
        Table series = Table.read().csv(CsvReadOptions.builder(s.toFile()).columnTypesPartial(Map.of(
                "tau", ColumnType.STRING)).missingValueIndicator("").build());
        if (runs.isEmpty()) {
            return null;
        }
        return new DigitsSection(runs, series);
    }

    private static String setting(Table t, int i) {
        String tau = t.stringColumn("tau").get(i);
        return t.stringColumn("flow").get(i) + (tau == null || tau.isEmpty() ? "" : " τ=" + tau)
                + " m=" + t.column("m").getString(i);
    }

    /** @return the per-run table (columns as written) */
    Table runs() {
        return runs;
    }

    /** @return mean probe accuracy per setting with the PCA and random baselines */
    Table accuracy() {
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (int i = 0; i < runs.rowCount(); i++) {
            double[] a = acc.computeIfAbsent(setting(runs, i), k -> new double[5]);
            a[0] += runs.doubleColumn("accuracy").getDouble(i);
            a[1] += runs.doubleColumn("pca_accuracy").getDouble(i);
            a[2] += runs.doubleColumn("random_accuracy").getDouble(i);
            a[3] += runs.column("rank_B").getString(i).equals("0") ? 1 : 0;
            a[4] += 1;
        }
        Table t = Table.create("digits accuracy", tech.tablesaw.api.StringColumn.create("setting"),
                tech.tablesaw.api.IntColumn.create("runs"), tech.tablesaw.api.IntColumn.create("collapsed"),
                tech.tablesaw.api.DoubleColumn.create("probe_accuracy"), tech.tablesaw.api.DoubleColumn.create("pca_m"),
                tech.tablesaw.api.DoubleColumn.create("random_B"));
        for (var e : acc.entrySet()) {
            double[] a = e.getValue();
            t.stringColumn("setting").append(e.getKey());
            t.intColumn("runs").append((int) a[4]);
            t.intColumn("collapsed").append((int) a[3]);
            t.doubleColumn("probe_accuracy").append(a[0] / a[4]);
            t.doubleColumn("pca_m").append(a[1] / a[4]);
            t.doubleColumn("random_B").append(a[2] / a[4]);
        }
        return t;
    }

    /** @return charts: probe accuracy and ‖B‖ along the trajectories (first seed of each setting) */
    Map<String, String> charts() {
        XYSeriesCollection acc = new XYSeriesCollection();
        XYSeriesCollection norms = new XYSeriesCollection();
        Map<String, XYSeries[]> bySetting = new LinkedHashMap<>();
        for (int i = 0; i < series.rowCount(); i++) {
            if (!series.column("seed").getString(i).equals("1")) {
                continue;
            }
            String key = setting(series, i);
            XYSeries[] pair = bySetting.computeIfAbsent(key, k -> new XYSeries[] {new XYSeries(k, false),
                    new XYSeries(k, false)});
            double t = Math.max(series.doubleColumn("t").getDouble(i), 1e-2);
            pair[0].add(t, series.doubleColumn("accuracy").getDouble(i));
            double nb = series.doubleColumn("B_norm").getDouble(i);
            if (nb > 0) {
                pair[1].add(t, nb);
            }
        }
        for (XYSeries[] p : bySetting.values()) {
            acc.addSeries(p[0]);
            norms.addSeries(p[1]);
        }
        Map<String, String> out = new LinkedHashMap<>();
        JFreeChart a = ChartFactory.createXYLineChart("Digits: probe accuracy of B s along training", "t (log)",
                "held-out accuracy", acc, PlotOrientation.VERTICAL, true, false, false);
        a.getXYPlot().setDomainAxis(new LogAxis("t (log)"));
        out.put("digits-accuracy", Charts.svg(a));
        JFreeChart b = ChartFactory.createXYLineChart("Digits: ‖B(t)‖", "t (log)", "‖B‖", norms,
                PlotOrientation.VERTICAL, true, false, false);
        b.getXYPlot().setDomainAxis(new LogAxis("t (log)"));
        LogAxis y = new LogAxis("‖B(t)‖ (log)");
        y.setSmallestValue(1e-12);
        b.getXYPlot().setRangeAxis(y);
        out.put("digits-encoder-norms", Charts.svg(b));
        return out;
    }
}
