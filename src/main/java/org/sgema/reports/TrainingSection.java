package org.sgema.reports;

import java.util.Locale;
import java.util.Random;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeriesCollection;
import org.sgema.claims.Claim;
import org.sgema.equilibria.EquilibriumVariety;
import org.sgema.flows.Flow;
import org.sgema.integration.Trajectory;
import org.sgema.model.Configuration;
import org.sgema.model.RandomConfigurations;
import org.sgema.model.State;
import org.sgema.stability.StabilityClassifier;
import org.sgema.training.CriticalRate;
import org.sgema.training.DiscreteTraining;
import org.sgema.training.TrainingSettings;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * "Finite learning rates" ([D]): the observed critical learning rate against the predicted η* per
 * try of [D-critical-rate], the fitted exponents of [D-invariant-drift], [D-gd-collapse],
 * [D-ema-limit] and [D-minibatch-spread] from the raw tries (their key metrics), and a chart of
 * ‖B_k‖ for GD, SG and EMA trained at several learning rates on the showcase configuration,
 * next to the flows. Deterministic.
 */
final class TrainingSection {
    /** learning rates of the chart, as fractions of η* at the showcase's SG equilibrium */
    static final double[] FRACTIONS = {0.1, 0.9, 1.1};

    private final Table criticalRates;
    private final Table exponents;
    private final String chart;

    private TrainingSection(Table criticalRates, Table exponents, String chart) {
        this.criticalRates = criticalRates;
        this.exponents = exponents;
        this.chart = chart;
    }

    /** @return the section, with empty tables when the [D] claims have not run */
    static TrainingSection compute(Table tries, Showcase showcase) {
        return new TrainingSection(criticalRates(tries), exponents(tries), chart(showcase));
    }

    /** @return one row per decided try of [D-critical-rate]: where, and η_observed/η* */
    static Table criticalRates(Table tries) {
        Table rows = tries.where(tries.stringColumn("claim").isEqualTo(Claim.D_CRITICAL_RATE.id())
                .and(tries.stringColumn("verdict").isEqualTo("HOLDS")));
        Table t = Table.create("η_observed / η* per try ([D-critical-rate])",
                StringColumn.create("source"), IntColumn.create("n"), IntColumn.create("m"),
                StringColumn.create("flow"), DoubleColumn.create("alpha"), DoubleColumn.create("tau"),
                DoubleColumn.create("observed_over_predicted"));
        for (int r = 0; r < rows.rowCount(); r++) {
            t.stringColumn("source").append(rows.stringColumn("source").get(r));
            t.intColumn("n").append(rows.intColumn("n").get(r));
            t.intColumn("m").append(rows.intColumn("m").get(r));
            t.stringColumn("flow").append(rows.stringColumn("flow").get(r));
            t.doubleColumn("alpha").append(rows.doubleColumn("alpha").get(r));
            t.doubleColumn("tau").append(rows.doubleColumn("tau").get(r));
            t.doubleColumn("observed_over_predicted").append(1 + rows.doubleColumn("metric").get(r));
        }
        return t;
    }

    /** @return per [D] claim: the fitted quantity, its expected value, and min / mean / max over the decided tries */
    static Table exponents(Table tries) {
        Table t = Table.create("Fitted orders and exponents ([D] claims, decided tries)",
                StringColumn.create("claim"), StringColumn.create("quantity"), DoubleColumn.create("expected"),
                IntColumn.create("tries"), DoubleColumn.create("min"), DoubleColumn.create("mean"),
                DoubleColumn.create("max"));
        Object[][] rows = {
            {Claim.D_INVARIANT_DRIFT, "per-step order of the drift of Δ", 2.0, 0.0},
            {Claim.D_GD_COLLAPSE, "order of the decay-rate error in η", 1.0, 0.0},
            {Claim.D_EMA_LIMIT, "order of the error to the EMA flow in η", 1.0, 0.0},
            {Claim.D_MINIBATCH_SPREAD, "exponent of η in the minibatch spread", 0.5, 0.0},
            {Claim.D_CRITICAL_RATE, "η_observed / η*", 1.0, 1.0},
        };
        for (Object[] row : rows) {
            Claim c = (Claim) row[0];
            Table sel = tries.where(tries.stringColumn("claim").isEqualTo(c.id())
                    .and(tries.stringColumn("verdict").isIn("HOLDS", "VIOLATED")));
            DoubleColumn m = sel.doubleColumn("metric").where(sel.doubleColumn("metric").isNotMissing());
            double shift = (double) row[3];
            t.stringColumn("claim").append(c.id());
            t.stringColumn("quantity").append((String) row[1]);
            t.doubleColumn("expected").append((double) row[2]);
            t.intColumn("tries").append(m.size());
            t.doubleColumn("min").append(m.isEmpty() ? Double.NaN : m.min() + shift);
            t.doubleColumn("mean").append(m.isEmpty() ? Double.NaN : m.mean() + shift);
            t.doubleColumn("max").append(m.isEmpty() ? Double.NaN : m.max() + shift);
        }
        return t;
    }

    /**
     * ‖B_k‖ against t = kη for GD, SG and EMA trained from the showcase's initial state at
     * η = 0.1, 0.9 and 1.1 η*, η* the critical rate at a point of the leading component of V
     * (the same for every flow, for comparison), with the flows' ‖B(t)‖.
     */
    static String chart(Showcase s) {
        Configuration c = s.configuration();
        State star = EquilibriumVariety.leadingPoint(c, EquilibriumVariety.randomG(c.m(), new Random(2)));
        double etaStar = CriticalRate.predicted(new StabilityClassifier().classify(Flow.SG.field(c), star));
        XYSeriesCollection data = new XYSeriesCollection();
        double tEnd = 400;
        for (Flow f : Flow.values()) {
            data.addSeries(Charts.encoderNormSeries(s.trajectory(f), f.name() + " flow"));
            for (double fr : FRACTIONS) {
                double eta = fr * etaStar;
                if (f.hasTarget() && eta * c.tau() >= 1) {
                    continue;
                }
                State init = RandomConfigurations.fanInState(c.m(), c.n(), f.hasTarget(), 1.0, new Random(1));
                Trajectory t = new DiscreteTraining(TrainingSettings.defaults().withLearningRate(eta)
                        .withMaxSteps((long) Math.ceil(tEnd / eta)).withMaxRecords(400)).train(f.field(c), init);
                data.addSeries(Charts.encoderNormSeries(t, String.format(Locale.ROOT, "%s η = %.1f η*", f, fr)));
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(String.format(Locale.ROOT,
                "‖B_k‖ at t = kη: training at η = 0.1, 0.9, 1.1 η* (η* = %.3g) and the flows", etaStar), "t = kη",
                "‖B‖", data, PlotOrientation.VERTICAL, true, false, false);
        LogAxis log = new LogAxis("‖B‖ (log)");
        log.setSmallestValue(1e-14);
        chart.getXYPlot().setRangeAxis(log);
        return Charts.svg(chart);
    }

    Table criticalRates() {
        return criticalRates;
    }

    Table exponents() {
        return exponents;
    }

    String chart() {
        return chart;
    }
}
