package org.sgema.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ejml.data.DMatrixRMaj;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;
import org.sgema.numerics.Matrices;
import org.sgema.model.State;

/**
 * JSON files of configurations and states (reproduction cases: {@code claims.CaseFiles}). Matrices are arrays of rows;
 * numbers are written with full (round-trip) precision, so a case file replays exactly.
 * <pre>
 *   configuration: {"n", "m", "Cxx", "Cxy", "Cyy", "lambda", "alpha", "tau"}
 *                  or {"n", "m", "S", "N", ...} for the symmetric model
 *                  (lambda, alpha, tau default to 0, 1, 1)
 *   state:         {"A", "B", "Bbar"}   (Bbar only for EMA)
 * </pre>
 * Every read error is an {@link InvalidInputException} naming the file and the field.
 *
 * <p>Reading ({@link #read}) and compact writing ({@link #compact}) use Jackson's streaming parser
 * and generator with its tree nodes, not its {@code ObjectMapper}: a cold JVM spends about 0.15 s
 * initializing a mapper (date formats, locale data, type factory), a large part of a short
 * command's run. The mapper is made only for indented files ({@link #writeAtomically}).</p>
 */
public final class JsonFiles {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> CONFIG_FIELDS = Set.of("n", "m", "Cxx", "Cxy", "Cyy", "S", "N", "lambda",
            "alpha", "tau");
    private static final Set<String> STATE_FIELDS = Set.of("A", "B", "Bbar");

    private JsonFiles() {
    }

    /** @return the JSON object of a configuration */
    public static ObjectNode toJson(Configuration c) {
        ObjectNode o = NODES.objectNode();
        o.put("n", c.n());
        o.put("m", c.m());
        o.set("Cxx", rows(c.cxx()));
        o.set("Cxy", rows(c.cxy()));
        o.set("Cyy", rows(c.cyy()));
        o.put("lambda", c.lambda());
        o.put("alpha", c.alpha());
        o.put("tau", c.tau());
        return o;
    }

    /** @return the JSON object of a state */
    public static ObjectNode toJson(State s) {
        ObjectNode o = NODES.objectNode();
        o.set("A", rows(s.predictor()));
        o.set("B", rows(s.encoder()));
        if (s.hasTarget()) {
            o.set("Bbar", rows(s.target()));
        }
        return o;
    }

    private static ArrayNode rows(DMatrixRMaj a) {
        ArrayNode out = NODES.arrayNode();
        for (double[] row : Matrices.toRows(a)) {
            ArrayNode r = out.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
        return out;
    }

    /** Writes any JSON node atomically (see {@link AtomicFiles}). */
    public static void writeAtomically(Path file, JsonNode node) {
        try {
            AtomicFiles.write(file, Indenting.MAPPER.writeValueAsString(node) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + file, e);
        }
    }

    /** The indenting mapper, made on first use. */
    private static final class Indenting {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        private Indenting() {
        }
    }

    /**
     * @param node a JSON tree
     * @return its compact text, as {@code node.toString()} writes it (which makes a mapper)
     */
    public static String compact(JsonNode node) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    java.util.Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(g, element);
                }
                g.writeEndArray();
            }
            case NUMBER -> {
                if (node.isInt() || node.isShort()) {
                    g.writeNumber(node.intValue());
                } else if (node.isLong()) {
                    g.writeNumber(node.longValue());
                } else if (node.isBigInteger()) {
                    g.writeNumber(node.bigIntegerValue());
                } else if (node.isBigDecimal()) {
                    g.writeNumber(node.decimalValue());
                } else if (node.isFloat()) {
                    g.writeNumber(node.floatValue());
                } else {
                    g.writeNumber(node.doubleValue());
                }
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL, MISSING -> g.writeNull();
            default -> throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node");
        }
    }

    /** @return the JSON value that starts at token {@code t}, as the nodes {@code ObjectMapper.readTree} makes */
    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    o.set(name, value(p, p.nextToken())); // a repeated name: the last wins, as in readTree
                }
                yield o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
                    a.add(value(p, k));
                }
                yield a;
            }
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IllegalStateException("unexpected " + t + " at " + p.currentLocation());
        };
    }

    /** @return the parsed JSON of a file, with line/column in the error of malformed input */
    public static JsonNode read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage());
        }
        if (text.isBlank()) {
            throw new InvalidInputException(file.toString(), "is empty");
        }
        try {
            JsonNode node;
            try (JsonParser p = FACTORY.createParser(text)) {
                JsonToken first = p.nextToken();
                node = first == null ? null : value(p, first);
                if (node != null && p.nextToken() != null) {
                    JsonLocation at = p.currentTokenLocation();
                    throw new InvalidInputException(file.toString(), String.format(Locale.ROOT,
                            "content after the top-level value at line %d, column %d", at.getLineNr(),
                            at.getColumnNr()));
                }
            }
            if (node == null || !node.isObject()) {
                throw new InvalidInputException(file.toString(), "top level must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            if (!(e instanceof JsonProcessingException jpe)) {
                throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage());
            }
            JsonLocation loc = jpe.getLocation();
            String where = loc == null ? "" : String.format(Locale.ROOT, " at line %d, column %d",
                    loc.getLineNr(), loc.getColumnNr());
            String message = jpe.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source.*$", "")
                    .replaceAll("\\s*at \\[Source.*$", "").replace('\n', ' ');
            throw new InvalidInputException(file.toString(), "malformed JSON" + where + ": " + message);
        }
    }

    /** @return the configuration of a JSON object (validated) */
    public static Configuration configuration(JsonNode o, String where) {
        requireObject(o, where);
        rejectUnknown(o, CONFIG_FIELDS, where);
        int n = integer(o, "n", where);
        int m = integer(o, "m", where);
        try {
            return buildConfiguration(o, n, m, where);
        } catch (InvalidInputException e) {
            if (e.field().startsWith(where)) {
                throw e;
            }
            throw new InvalidInputException(where + "." + e.field(), e.getMessage().substring(e.field().length() + 2));
        }
    }

    private static Configuration buildConfiguration(JsonNode o, int n, int m, String where) {
        Configuration c;
        if (o.has("S") || o.has("N")) {
            if (o.has("Cxx") || o.has("Cxy") || o.has("Cyy")) {
                throw new InvalidInputException(where + ".S", "give either S and N or Cxx, Cxy and Cyy, not both");
            }
            c = Configuration.symmetric(matrix(o, "S", n, n, where), matrix(o, "N", n, n, where), m);
        } else {
            c = Configuration.views(matrix(o, "Cxx", n, n, where), matrix(o, "Cxy", n, n, where),
                    matrix(o, "Cyy", n, n, where), m);
        }
        return c.withLambda(number(o, "lambda", 0.0, where)).withAlpha(number(o, "alpha", 1.0, where))
                .withTau(number(o, "tau", 1.0, where));
    }

    /** @return the state of a JSON object (validated against m, n) */
    public static State state(JsonNode o, int m, int n, String where) {
        requireObject(o, where);
        rejectUnknown(o, STATE_FIELDS, where);
        DMatrixRMaj a = matrix(o, "A", m, m, where);
        DMatrixRMaj b = matrix(o, "B", m, n, where);
        return o.has("Bbar") ? State.of(a, b, matrix(o, "Bbar", m, n, where)) : State.of(a, b);
    }

    private static void requireObject(JsonNode o, String where) {
        if (o == null || !o.isObject()) {
            throw new InvalidInputException(where, "must be a JSON object");
        }
    }

    /** Throws naming the first field of {@code o} that is not in {@code known}. */
    public static void rejectUnknown(JsonNode o, Set<String> known, String where) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!known.contains(f)) {
                throw new InvalidInputException(where + "." + f, "unknown field (known: " + String.join(", ",
                        known.stream().sorted().toList()) + ")");
            }
        }
    }

    /** @return a string field, or an error naming it */
    public static String text(JsonNode o, String field, String where) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidInputException(where + "." + field, "must be a string");
        }
        return v.asText();
    }

    private static int integer(JsonNode o, String field, String where) {
        JsonNode v = o.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
            throw new InvalidInputException(where + "." + field, "must be a positive integer, got " + v);
        }
        return v.asInt();
    }

    private static double number(JsonNode o, String field, double fallback, String where) {
        JsonNode v = o.get(field);
        if (v == null) {
            return fallback;
        }
        if (!v.isNumber()) {
            throw new InvalidInputException(where + "." + field, "must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static DMatrixRMaj matrix(JsonNode o, String field, int rows, int cols, String where) {
        JsonNode v = o.get(field);
        String name = where + "." + field;
        if (v == null) {
            throw new InvalidInputException(name, "is missing");
        }
        if (!v.isArray() || v.size() != rows) {
            throw new InvalidInputException(name, "must be an array of " + rows + " rows, got "
                    + (v.isArray() ? v.size() + " rows" : v.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        DMatrixRMaj out = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            JsonNode row = v.get(i);
            if (!row.isArray() || row.size() != cols) {
                throw new InvalidInputException(name, "row " + i + " must have " + cols + " numbers, got "
                        + (row.isArray() ? row.size() : row.getNodeType().toString().toLowerCase(Locale.ROOT)));
            }
            for (int j = 0; j < cols; j++) {
                JsonNode x = row.get(j);
                if (!x.isNumber()) {
                    throw new InvalidInputException(name, "entry (" + i + "," + j + ") is not a number: " + x);
                }
                out.set(i, j, x.asDouble());
            }
        }
        return out;
    }
}
