package org.sgema.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.sgema.check.Gen;
import org.sgema.check.Search;
import org.sgema.check.SearchResult;
import org.sgema.check.SearchSettings;
import org.sgema.check.Tally;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;

/**
 * Fuzzing the input boundary: random malformed and adversarial JSON for the reader, and
 * random extreme matrices for the validator. The only acceptable outcomes are a valid
 * configuration or an {@link InvalidInputException}; anything else fails the property. Run
 * through the project's property engine, which shrinks a failing input before reporting it.
 */
class InputFuzzProperties {
    private final Tally tally = new Tally();

    /** Runs a property on {@code tries} cases (seed 1) and fails with the shrunk input if it fails. */
    private static <T> void forAll(Gen<T> generator, int tries, java.util.function.Consumer<T> property) {
        SearchSettings settings = SearchSettings.defaults().withTries(tries).withSeed(1).withTargetFraction(0);
        SearchResult<T, Boolean> r = Search.forAll(generator, property, settings).run(List.of(), e -> { });
        if (r.failed()) {
            throw new AssertionError("fails on " + r.shrunk().value() + " (choices " + r.shrunk().choices() + ")",
                    r.shrunk().thrown());
        }
    }

    private static final String VALID = """
            {"n": 2, "m": 1, "Cxx": [[1.0, 0.1], [0.1, 1.0]], "Cxy": [[0.5, 0.0], [0.0, 0.4]],
             "Cyy": [[1.0, 0.0], [0.0, 1.0]], "lambda": 0.1, "alpha": 1.5, "tau": 2.0}""";

    private static final List<String> ODD_VALUES = List.of("null", "true", "\"text\"", "[]", "{}", "[[]]",
            "1e308", "1e309", "-1e309", "4.9e-324", "2.2250738585072014E-308", "-0.0", "NaN", "Infinity",
            "99999999999999999999999", "-1", "0", "[[1e308, 1e308], [1e308, 1e308]]", "[[1, 2, 3]]",
            "[[\"a\", 1], [1, 1]]", "[[1, null], [null, 1]]", "[[4.9e-324, 0], [0, 4.9e-324]]");

    private static final List<String> FIELDS = List.of("n", "m", "Cxx", "Cxy", "Cyy", "lambda", "alpha", "tau");

    /** A mutation of the valid configuration text. */
    record Mutant(String text, String kind) {
    }

    static Gen<Mutant> mutants() {
        Gen<Mutant> replaced = Gen.zip(Gen.elements(FIELDS), Gen.elements(ODD_VALUES),
                (f, v) -> new Mutant(replaceField(f, v), "wrong type or value"));
        Gen<Mutant> truncated = Gen.integers(0, VALID.length() - 1)
                .map(k -> new Mutant(VALID.substring(0, k), "truncated"));
        Gen<Mutant> deleted = Gen.elements(FIELDS).map(f -> new Mutant(VALID.replaceFirst(
                "\"" + f + "\": [^\"]*(?=\"|})", ""), "field deleted"));
        Gen<Mutant> nested = Gen.integers(10, 5000)
                .map(d -> new Mutant("{\"n\": 1, \"m\": 1, \"Cxx\": " + "[".repeat(d) + "1" + "]".repeat(d)
                        + ", \"Cxy\": [[0]], \"Cyy\": [[1]]}", "deep nesting"));
        Gen<Mutant> noise = Gen.strings(' ', '~', 200).map(s -> new Mutant(s, "random text"));
        Gen<Mutant> unknown = Gen.oneOf(Gen.integers('a', 'z'), Gen.integers('A', 'Z')).list(1, 8)
                .map(cs -> {
                    StringBuilder k = new StringBuilder();
                    cs.forEach(c -> k.append((char) c.intValue()));
                    return new Mutant(VALID.replace("\"tau\"", "\"" + k + "\""), "unknown field");
                });
        return Gen.oneOf(replaced, truncated, deleted, nested, noise, unknown);
    }

    private static String replaceField(String field, String value) {
        int at = VALID.indexOf("\"" + field + "\":");
        int start = at + field.length() + 4;
        int depth = 0;
        int end = start;
        for (; end < VALID.length(); end++) {
            char ch = VALID.charAt(end);
            if (ch == '[') {
                depth++;
            } else if (ch == ']') {
                depth--;
            } else if ((ch == ',' || ch == '}') && depth == 0) {
                break;
            }
        }
        return VALID.substring(0, start) + value + VALID.substring(end);
    }

    @Test
    void theReaderEitherAcceptsOrRejectsCleanly() {
        forAll(mutants(), 400, mutant -> {
            try {
                readerAcceptsOrRejects(mutant);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(tally.countOf("outcome", "accepted") > 0 && tally.countOf("outcome", "rejected") > 0,
                "the mutants never reached both outcomes: " + tally.counts());
        assertEquals(List.of(), tally.missing("kind", List.of("wrong type or value", "truncated", "field deleted",
                "deep nesting", "random text", "unknown field")));
    }

    private void readerAcceptsOrRejects(Mutant mutant) throws IOException {
        Path file = Files.createTempFile("fuzz", ".json");
        try {
            Files.writeString(file, mutant.text(), StandardCharsets.UTF_8);
            String outcome;
            try {
                Configuration c = JsonFiles.configuration(JsonFiles.read(file), file.toString());
                outcome = "accepted";
                if (!Double.isFinite(c.sigma())) {
                    throw new AssertionError("accepted a configuration with non-finite σ: " + mutant);
                }
            } catch (InvalidInputException e) {
                outcome = "rejected";
                if (!e.getMessage().startsWith(file.toString()) || e.getMessage().contains("\n")) {
                    throw new AssertionError("error does not name the file in one line: " + e.getMessage());
                }
            }
            tally.count("kind", mutant.kind());
            tally.count("outcome", outcome);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static Gen<double[]> extremeEntries() {
        Gen<Double> extreme = Gen.oneOf(Gen.doubles(-1e6, 1e6), Gen.longs(0, Long.MAX_VALUE).map(Double::longBitsToDouble),
                Gen.elements(0.0, -0.0, 4.9e-324, -4.9e-324, 2.2e-308, 1e-300, 1e300, -1e300, Double.MAX_VALUE,
                        Double.MIN_NORMAL, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY));
        return s -> {
            double[] v = new double[12];
            for (int i = 0; i < v.length; i++) {
                v[i] = extreme.generate(s);
            }
            return v;
        };
    }

    @Test
    void theValidatorEitherAcceptsOrRejectsCleanly() {
        forAll(extremeEntries(), 400, this::validatorAcceptsOrRejects);
        assertTrue(tally.countOf("validator", "accepted") > 0 && tally.countOf("validator", "rejected") > 0,
                "the entries never reached both outcomes: " + tally.counts());
    }

    private void validatorAcceptsOrRejects(double[] v) {
        DMatrixRMaj cxx = new DMatrixRMaj(new double[][] {{v[0], v[1]}, {v[1], v[2]}});
        DMatrixRMaj cxy = new DMatrixRMaj(new double[][] {{v[3], v[4]}, {v[5], v[6]}});
        DMatrixRMaj cyy = new DMatrixRMaj(new double[][] {{v[7], v[8]}, {v[8], v[9]}});
        String outcome;
        try {
            Configuration c = Configuration.views(cxx, cxy, cyy, 1).withLambda(Math.abs(v[10]))
                    .withAlpha(Math.abs(v[11]));
            outcome = "accepted";
            c.toString();
        } catch (InvalidInputException e) {
            outcome = "rejected";
        }
        tally.count("validator", outcome);
    }

    @Test
    void symmetricModelWithExtremeConditioningIsAcceptedOrRejectedCleanly() {
        forAll(Gen.zip(exponents(), exponents(), (a, b) -> new int[] {a, b}), 200,
                e -> symmetricModelAcceptsOrRejects(e[0], e[1]));
        assertTrue(tally.countOf("symmetric", "accepted") > 0, "no symmetric model was accepted: " + tally.counts());
    }

    private void symmetricModelAcceptsOrRejects(int exponent, int noiseExponent) {
        double big = Math.pow(10, exponent);
        double small = Math.pow(10, noiseExponent);
        DMatrixRMaj s = new DMatrixRMaj(new double[][] {{big, 0, 0}, {0, 1, 0}, {0, 0, 1 / big}});
        DMatrixRMaj n = new DMatrixRMaj(new double[][] {{small, 0, 0}, {0, small, 0}, {0, 0, small}});
        try {
            Configuration c = Configuration.symmetric(s, n, 2);
            // σ = λ_min(N) = small exactly; an eigensolver's absolute error is about ε‖Σz‖
            double scale = org.sgema.numerics.Matrices.norm(c.jointMoment());
            if (!(Math.abs(c.sigma() - Math.min(small, 2 / big + small)) <= 1e-12 * scale + 1e-12 * small)) {
                throw new AssertionError("σ = " + c.sigma() + " but λ_min(N) = " + small + " (‖Σz‖ = " + scale + ")");
            }
            tally.count("symmetric", "accepted");
        } catch (InvalidInputException e) {
            tally.count("symmetric", "rejected");
        }
    }

    static Gen<Integer> exponents() {
        return Gen.integers(-320, 320);
    }
}
