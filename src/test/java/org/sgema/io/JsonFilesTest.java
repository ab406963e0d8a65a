package org.sgema.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sgema.model.InvalidInputException;

/**
 * {@link JsonFiles}' streaming reader and compact writer against Jackson's {@code ObjectMapper}
 * (an independent implementation of the same format): the same trees from the same text, the same
 * text from the same tree, and the same errors.
 */
class JsonFilesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> TEXTS = List.of(
            "{\"n\": 3, \"m\": 2, \"S\": [[1.0, 0.2, -3e-300], [0.2, 0.8, 1e308], [0, 0.1, 5]], \"tau\": 0.5}",
            "{\"big\": 12345678901234, \"huger\": 123456789012345678901234567890, \"neg\": -7, \"f\": -0.0,"
                    + " \"s\": \"a \\\"quoted\\\" \\u00e9 \\n line\", \"t\": true, \"u\": false, \"z\": null,"
                    + " \"nested\": {\"a\": [], \"b\": {}, \"c\": [[[]]]}, \"dup\": 1, \"dup\": 2}",
            "{\"A\": [[0.4, 0.1], [-0.2, 0.3]], \"B\": [[0.3, -0.1, 0.2], [0.1, 0.25, -0.3]]}  \n");

    @Test
    void readMakesTheTreesOfTheMapper(@TempDir Path dir) throws Exception {
        for (String text : TEXTS) {
            Path f = dir.resolve("x.json");
            Files.writeString(f, text);
            JsonNode expected = MAPPER.readTree(text);
            JsonNode got = JsonFiles.read(f);
            assertEquals(expected, got, text);
            assertEquals(MAPPER.writeValueAsString(expected), JsonFiles.compact(got), text);
        }
    }

    @Test
    void theProjectsCaseFilesReadAsTheMapperReadsThem() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/cases"))) {
            List<Path> cases = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertTrue(cases.size() >= 5, "case files: " + cases);
            for (Path f : cases) {
                JsonNode expected = MAPPER.readTree(f.toFile());
                JsonNode got = JsonFiles.read(f);
                assertEquals(expected, got, f.toString());
                assertEquals(expected.toString(), JsonFiles.compact(got), f.toString());
            }
        }
    }

    @Test
    void compactWritesWhatTheMapperWrites() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("outcome", "HORIZON_REACHED");
        o.put("t", 20000.0);
        o.put("tiny", 4.9e-324);
        o.put("nan", Double.NaN);
        o.put("inf", Double.NEGATIVE_INFINITY);
        o.put("count", 11190L);
        o.put("int", 7);
        o.put("short", (short) 5);
        o.put("float", 0.1f);
        o.put("decimal", new java.math.BigDecimal("1.25"));
        o.put("bigint", new java.math.BigInteger("123456789012345678901234567890"));
        o.put("flag", false);
        o.putNull("none");
        o.putObject("limit").put("approach", "UNRESOLVED").putArray("rows").addArray().add(0.1).add(-2.5e-17);
        assertEquals(o.toString(), JsonFiles.compact(o));
    }

    @Test
    void whatTheMapperRejectsIsRejectedAndContentAfterTheObjectToo(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        List<String> rejected = List.of("{\"a\": NaN}", "{\"a\": 1 // comment\n}", "{\"a\": [1, 2}", "{\"a\": 01}",
                "{\"a\": " + "[".repeat(1001) + "]".repeat(1001) + "}", "{\"a\": 1,}", "{'a': 1}");
        for (String text : rejected) {
            assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class, () -> MAPPER.readTree(text), text);
            Files.writeString(f, text);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonFiles.read(f), text);
            assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("malformed JSON"), e.getMessage());
        }
        // the mapper ignores what follows the first value; a second object in a file is an error here
        for (String text : List.of("{\"a\": 1} {\"a\": 2}", "{\"a\": 1}\n[]")) {
            Files.writeString(f, text);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonFiles.read(f), text);
            assertTrue(e.getMessage().contains("content after the top-level value"), e.getMessage());
        }
    }

    @Test
    void malformedInputNamesTheFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"n\": 3,\n \"m\": }");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> JsonFiles.read(f));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("malformed JSON at line 2, column"),
                e.getMessage());
        Files.writeString(f, "[1, 2]");
        e = assertThrows(InvalidInputException.class, () -> JsonFiles.read(f));
        assertTrue(e.getMessage().contains("top level must be a JSON object"), e.getMessage());
        Files.writeString(f, "  ");
        e = assertThrows(InvalidInputException.class, () -> JsonFiles.read(f));
        assertTrue(e.getMessage().contains("is empty"), e.getMessage());
    }
}
