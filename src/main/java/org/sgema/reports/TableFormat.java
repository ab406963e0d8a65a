package org.sgema.reports;

import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Renders Tablesaw tables as Markdown and as HTML {@code <table>} (Tablesaw has neither offline). */
final class TableFormat {
    private TableFormat() {
    }

    /** @return a cell as text: doubles with 4 significant digits, missing values empty */
    static String cell(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return "";
        }
        Object v = c.get(row);
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "";
            }
            return d == Math.rint(d) && Math.abs(d) < 1e6 ? String.format(Locale.ROOT, "%.0f", d)
                    : String.format(Locale.ROOT, "%.4g", d);
        }
        return String.valueOf(v);
    }

    static String markdown(Table t, List<String> columns) {
        StringBuilder sb = new StringBuilder();
        sb.append('|');
        for (String c : columns) {
            sb.append(' ').append(c).append(" |");
        }
        sb.append("\n|");
        for (int i = 0; i < columns.size(); i++) {
            sb.append("---|");
        }
        sb.append('\n');
        for (int r = 0; r < t.rowCount(); r++) {
            sb.append('|');
            for (String c : columns) {
                sb.append(' ').append(cell(t.column(c), r).replace("|", "\\|")).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String markdown(Table t) {
        return markdown(t, t.columnNames());
    }

    static String html(Table t, List<String> columns, String resultColumn) {
        StringBuilder sb = new StringBuilder("<table>\n<thead><tr>");
        for (String c : columns) {
            sb.append("<th>").append(escape(c)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < t.rowCount(); r++) {
            String cls = "";
            if (resultColumn != null) {
                String v = cell(t.column(resultColumn), r);
                cls = v.equals("PASS") ? " class=\"pass\"" : v.equals("FAIL") ? " class=\"fail\"" : " class=\"idle\"";
            }
            sb.append("<tr").append(cls).append('>');
            for (String c : columns) {
                sb.append(c.equals(resultColumn) ? "<td class=\"result\">" : "<td>")
                        .append(escape(cell(t.column(c), r))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }

    static String html(Table t) {
        return html(t, t.columnNames(), null);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
