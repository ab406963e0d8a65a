package org.sgema.sweeps;

import java.util.List;
import java.util.Locale;

import org.sgema.flows.Flow;

/**
 * A phase diagram as a self-contained SVG: the complete-collapse rate of one flow over two grid
 * axes (pooled over any other axes), a colour bar, and the cells where no try was decided
 * hatched and marked "?" (cells with some undecided tries carry their count).
 */
public final class Heatmap {
    private static final int CELL = 44;
    private static final int LEFT = 90;
    private static final int TOP = 50;

    private Heatmap() {
    }

    /**
     * @param spec the sweep
     * @param summaries every cell summary of the sweep
     * @param flow the flow drawn
     * @param xAxis the horizontal axis (a grid key)
     * @param yAxis the vertical axis (a grid key), or null for a one-row strip
     * @return the SVG document
     */
    public static String svg(SweepSpec spec, List<CellSummary> summaries, Flow flow, String xAxis, String yAxis) {
        List<String> axes = spec.axes();
        int xi = axes.indexOf(xAxis);
        int yi = yAxis == null ? -1 : axes.indexOf(yAxis);
        List<Double> xs = spec.grid().get(xAxis);
        List<Double> ys = yAxis == null ? List.of(0.0) : spec.grid().get(yAxis);
        int[][] complete = new int[ys.size()][xs.size()];
        int[][] decided = new int[ys.size()][xs.size()];
        int[][] undecided = new int[ys.size()][xs.size()];
        for (CellSummary s : summaries) {
            if (s.flow() != flow) {
                continue;
            }
            int x = xs.indexOf(s.values()[xi]);
            int y = yi < 0 ? 0 : ys.indexOf(s.values()[yi]);
            complete[y][x] += s.complete();
            decided[y][x] += s.decided();
            undecided[y][x] += s.undecided();
        }
        int w = LEFT + CELL * xs.size() + 110;
        int h = TOP + CELL * ys.size() + 70;
        // a pattern id unique to this diagram: several heatmaps share one HTML page
        String hatch = "hatch-" + flow.name().toLowerCase(Locale.ROOT) + "-" + xAxis + "-" + (yAxis == null ? "" : yAxis)
                + "-" + Integer.toHexString(spec.hashCode());
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", w, h, w, h));
        b.append("<defs><pattern id=\"").append(hatch).append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" ")
                .append("patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ddd\"/>")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#999\" stroke-width=\"2\"/></pattern></defs>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"13\" font-weight=\"bold\">%s: "
                + "complete-collapse rate (%d tries per cell%s)</text>%n", LEFT, flow, spec.tries(),
                axes.size() > (yAxis == null ? 1 : 2) ? ", pooled over the other axes" : ""));
        for (int y = 0; y < ys.size(); y++) {
            int row = ys.size() - 1 - y;   // the first value at the bottom
            for (int x = 0; x < xs.size(); x++) {
                int px = LEFT + CELL * x;
                int py = TOP + CELL * row;
                if (decided[y][x] == 0) {
                    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                            + "fill=\"url(#%s)\" stroke=\"#fff\"><title>undecided: %d tries</title></rect>"
                            + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" class=\"undecided\">?</text>%n",
                            px, py, CELL, CELL, hatch, undecided[y][x], px + CELL / 2, py + CELL / 2 + 4));
                    continue;
                }
                double rate = (double) complete[y][x] / decided[y][x];
                b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
                        + "stroke=\"#fff\"><title>%s = %s, %s: %d of %d decided collapse completely%s</title></rect>%n",
                        px, py, CELL, CELL, colour(rate), xAxis, fmt(xs.get(x)),
                        yAxis == null ? "" : yAxis + " = " + fmt(ys.get(y)), complete[y][x], decided[y][x],
                        undecided[y][x] > 0 ? ", " + undecided[y][x] + " undecided" : ""));
                if (xs.size() <= 12 && ys.size() <= 12) {
                    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">"
                            + "%.2f%s</text>%n", px + CELL / 2, py + CELL / 2 + 4, rate > 0.6 ? "#fff" : "#000", rate,
                            undecided[y][x] > 0 ? "*" : ""));
                }
            }
            if (yAxis != null) {
                b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                        LEFT - 6, TOP + CELL * row + CELL / 2 + 4, fmt(ys.get(y))));
            }
        }
        int stride = Math.max(1, (xs.size() + 9) / 10);
        for (int x = 0; x < xs.size(); x += stride) {
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    LEFT + CELL * x + CELL / 2, TOP + CELL * ys.size() + 16, fmt(xs.get(x))));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"12\">%s</text>%n",
                LEFT + CELL * xs.size() / 2, TOP + CELL * ys.size() + 36, xAxis));
        if (yAxis != null) {
            b.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" font-size=\"12\" transform=\"rotate(-90 16 %d)\" "
                    + "text-anchor=\"middle\">%s</text>%n", TOP + CELL * ys.size() / 2, TOP + CELL * ys.size() / 2, yAxis));
        }
        // colour bar
        int bx = LEFT + CELL * xs.size() + 24;
        int bh = Math.max(CELL * ys.size(), 100);
        for (int i = 0; i < 50; i++) {
            double r = 1 - i / 49.0;
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"16\" height=\"%.1f\" fill=\"%s\"/>%n",
                    bx, TOP + i * bh / 50.0, bh / 50.0 + 0.5, colour(r)));
        }
        for (double r : new double[] {0, 0.5, 1}) {
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\">%.1f</text>%n", bx + 20,
                    TOP + (1 - r) * bh + 4, r));
        }
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"16\" height=\"12\" fill=\"url(#%s)\"/>"
                + "<text x=\"%d\" y=\"%d\">undecided</text>%n", bx, TOP + bh + 12, hatch, bx + 20, TOP + bh + 22));
        return b.append("</svg>\n").toString();
    }

    /** @return white (0) → dark red (1) */
    static String colour(double rate) {
        double r = Math.max(0, Math.min(1, rate));
        int red = (int) Math.round(255 - 75 * r);
        int gb = (int) Math.round(255 * (1 - r) * 0.95 + 20 * r);
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, gb, gb);
    }

    private static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
