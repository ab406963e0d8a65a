package org.sgema.sweeps;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgema.data.DigitsSpec;
import org.sgema.flows.Flow;
import org.sgema.io.JsonFiles;
import org.sgema.model.ConfigurationSpec;
import org.sgema.model.InvalidInputException;

/**
 * A sweep: flows, dimensions, views and a grid of hyper-parameters, with the tries per cell,
 * the seed and the integration settings. Read from JSON, e.g.
 * <pre>
 *   {"flows": ["sg", "ema"], "n": 6, "m": 2, "views": "symmetric", "tries": 3, "seed": 77,
 *    "grid": {"lambda": [0.0, 0.05, 0.3], "tau": [0.1, 1.0]}}
 * </pre>
 * Grid keys: {@code lambda}, {@code tau}, {@code alpha}, {@code initScale}, {@code m}; values not on
 * the grid take {@code lambda = 0}, {@code tau = 1}, {@code alpha = 1}, {@code initScale = 1} and
 * the spec's m. Optional: {@code "data": "digits"} (exact moments of augmented digits, n = 64,
 * with {@code "pipeline"}: noise, mask_noise or translate_mask_noise), {@code horizon} (2000),
 * {@code rtol} (1e-8), {@code atol} (1e-10), {@code tol} (convergence, 1e-8), {@code maxEvaluations}
 * (2·10⁶; a budget, not a wall clock, so results do not depend on the machine).
 *
 * @param flows the flows, in output order
 * @param n input dimension
 * @param m representation dimension (unless on the grid)
 * @param views symmetric, asymmetric or identical (synthetic moments)
 * @param tries tries per cell and flow
 * @param seed the sweep's seed
 * @param grid axis name → values, in the file's order
 * @param digits the digits pipeline, or null for synthetic moments
 * @param horizon time horizon
 * @param rtol relative tolerance
 * @param atol absolute tolerance
 * @param tol convergence tolerance
 * @param maxEvaluations field-evaluation budget per try
 */
public record SweepSpec(List<Flow> flows, int n, int m, ConfigurationSpec.Views views, int tries, long seed,
                        Map<String, List<Double>> grid, DigitsSpec.Pipeline digits, double horizon, double rtol,
                        double atol, double tol, int maxEvaluations) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The grid keys a spec may use. */
    public static final List<String> AXES = List.of("lambda", "tau", "alpha", "initScale", "m");
    private static final Set<String> FIELDS = Set.of("flows", "n", "m", "views", "tries", "seed", "grid", "data",
            "pipeline", "horizon", "rtol", "atol", "tol", "maxEvaluations");

    /** Validates; every error names its field. */
    public SweepSpec {
        if (flows == null || flows.isEmpty()) {
            throw new InvalidInputException("flows", "needs at least one of gd, sg, ema");
        }
        flows = List.copyOf(flows);
        if (n < 1) {
            throw new InvalidInputException("n", "must be ≥ 1, got " + n);
        }
        if (tries < 1) {
            throw new InvalidInputException("tries", "must be ≥ 1, got " + tries);
        }
        if (grid == null || grid.isEmpty()) {
            throw new InvalidInputException("grid", "needs at least one axis among " + AXES);
        }
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        for (var e : grid.entrySet()) {
            String key = e.getKey();
            if (!AXES.contains(key)) {
                throw new InvalidInputException("grid." + key, "unknown axis; expected one of " + AXES);
            }
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new InvalidInputException("grid." + key, "needs at least one value");
            }
            for (double v : e.getValue()) {
                checkValue(key, v, n);
            }
            copy.put(key, List.copyOf(e.getValue()));
        }
        grid = java.util.Collections.unmodifiableMap(copy);
        if (!grid.containsKey("m") && (m < 1 || m > n)) {
            throw new InvalidInputException("m", "must be in [1, n = " + n + "], got " + m);
        }
        if (!(horizon > 0)) {
            throw new InvalidInputException("horizon", "must be > 0, got " + horizon);
        }
        if (!(rtol > 0) || !(atol > 0) || !(tol > 0)) {
            throw new InvalidInputException(!(rtol > 0) ? "rtol" : !(atol > 0) ? "atol" : "tol", "must be > 0");
        }
        if (maxEvaluations < 1000) {
            throw new InvalidInputException("maxEvaluations", "must be ≥ 1000, got " + maxEvaluations);
        }
    }

    private static void checkValue(String key, double v, int n) {
        boolean ok = switch (key) {
            case "lambda" -> v >= 0 && Double.isFinite(v);
            case "tau", "alpha", "initScale" -> v > 0 && Double.isFinite(v);
            case "m" -> v >= 1 && v <= n && v == Math.rint(v);
            default -> false;
        };
        if (!ok) {
            String rule = switch (key) {
                case "lambda" -> "finite and ≥ 0";
                case "m" -> "an integer in [1, n = " + n + "]";
                default -> "finite and > 0";
            };
            throw new InvalidInputException("grid." + key, "values must be " + rule + ", got " + v);
        }
    }

    /** Reads and validates a spec file; errors name the file and the field. */
    public static SweepSpec read(Path file) {
        JsonNode o = JsonFiles.read(file);
        String where = file.toString();
        try {
            return parse(o);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + "." + e.field(), e.getMessage().substring(e.field().length() + 2));
        }
    }

    /** Parses a spec object. */
    public static SweepSpec parse(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new InvalidInputException("spec", "must be a JSON object");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new InvalidInputException(f, "unknown field; expected one of " + new java.util.TreeSet<>(FIELDS));
            }
        }
        List<Flow> flows = new ArrayList<>();
        JsonNode fl = o.get("flows");
        if (fl == null || !fl.isArray()) {
            throw new InvalidInputException("flows", "must be an array, e.g. [\"sg\", \"ema\"]");
        }
        for (JsonNode f : fl) {
            try {
                flows.add(Flow.parse(f.asText()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("flows", "expected gd, sg or ema, got " + f);
            }
        }
        boolean digits = o.has("data");
        if (digits && !o.get("data").asText().equals("digits")) {
            throw new InvalidInputException("data", "expected \"digits\", got " + o.get("data"));
        }
        if (!digits && o.has("pipeline")) {
            throw new InvalidInputException("pipeline", "is for \"data\": \"digits\" only");
        }
        DigitsSpec.Pipeline pipeline = null;
        if (digits) {
            String p = o.has("pipeline") ? o.get("pipeline").asText() : "translate_mask_noise";
            try {
                pipeline = DigitsSpec.Pipeline.valueOf(p.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("pipeline", "expected noise, mask_noise or translate_mask_noise, got '"
                        + p + "'");
            }
        }
        int n = digits ? 64 : integer(o, "n", -1);
        if (digits && o.has("n") && o.get("n").asInt() != 64) {
            throw new InvalidInputException("n", "the digits have n = 64, got " + o.get("n"));
        }
        ConfigurationSpec.Views views;
        String v = o.has("views") ? o.get("views").asText() : "symmetric";
        try {
            views = ConfigurationSpec.Views.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("views", "expected symmetric, asymmetric or identical, got '" + v + "'");
        }
        JsonNode g = o.get("grid");
        if (g == null || !g.isObject()) {
            throw new InvalidInputException("grid", "must be an object of axis → array of values");
        }
        Map<String, List<Double>> grid = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isArray()) {
                throw new InvalidInputException("grid." + e.getKey(), "must be an array of numbers");
            }
            List<Double> values = new ArrayList<>();
            for (JsonNode x : e.getValue()) {
                if (!x.isNumber()) {
                    throw new InvalidInputException("grid." + e.getKey(), "must be an array of numbers, got " + x);
                }
                values.add(x.asDouble());
            }
            grid.put(e.getKey(), values);
        }
        return new SweepSpec(flows, n, grid.containsKey("m") && !o.has("m") ? 1 : integer(o, "m", -1), views,
                integer(o, "tries", -1), o.has("seed") ? number(o, "seed", 0).longValue() : 0L, grid, pipeline,
                number(o, "horizon", 2000).doubleValue(), number(o, "rtol", 1e-8).doubleValue(),
                number(o, "atol", 1e-10).doubleValue(), number(o, "tol", 1e-8).doubleValue(),
                number(o, "maxEvaluations", 2_000_000).intValue());
    }

    private static int integer(JsonNode o, String field, int fallback) {
        JsonNode x = o.get(field);
        if (x == null) {
            if (fallback >= 0) {
                return fallback;
            }
            throw new InvalidInputException(field, "is missing");
        }
        if (!x.canConvertToInt() || !x.isIntegralNumber()) {
            throw new InvalidInputException(field, "must be an integer, got " + x);
        }
        return x.asInt();
    }

    private static Number number(JsonNode o, String field, double fallback) {
        JsonNode x = o.get(field);
        if (x == null) {
            return fallback;
        }
        if (!x.isNumber()) {
            throw new InvalidInputException(field, "must be a number, got " + x);
        }
        return x.numberValue();
    }

    /** @return the number of cells (the product of the axis lengths) */
    public int cells() {
        int c = 1;
        for (List<Double> vs : grid.values()) {
            c *= vs.size();
        }
        return c;
    }

    /** @return the axis names, in the grid's order */
    public List<String> axes() {
        return List.copyOf(grid.keySet());
    }

    /** @return the grid values of a cell, axis by axis (the first axis varies slowest) */
    public double[] cellValues(int cell) {
        List<String> axes = axes();
        double[] out = new double[axes.size()];
        int rest = cell;
        for (int a = axes.size() - 1; a >= 0; a--) {
            List<Double> vs = grid.get(axes.get(a));
            out[a] = vs.get(rest % vs.size());
            rest /= vs.size();
        }
        return out;
    }

    /** @return the value of a hyper-parameter in a cell: the grid's, else its default */
    public double value(int cell, String key) {
        int a = axes().indexOf(key);
        if (a >= 0) {
            return cellValues(cell)[a];
        }
        return switch (key) {
            case "lambda" -> 0.0;
            case "m" -> m;
            default -> 1.0;
        };
    }
}
