package org.sgema.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.ejml.data.DMatrixRMaj;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;

/**
 * Fuzzing the input boundary: random malformed and adversarial JSON for the reader, and
 * random extreme matrices for the validator. The only acceptable outcomes are a valid
 * configuration or an {@link InvalidInputException}; anything else fails the property.
 */
class InputFuzzProperties {
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

    @Provide
    Arbitrary<Mutant> mutants() {
        Arbitrary<Mutant> replaced = Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(ODD_VALUES))
                .as((f, v) -> new Mutant(replaceField(f, v), "wrong type or value"));
        Arbitrary<Mutant> truncated = Arbitraries.integers().between(0, VALID.length() - 1)
                .map(k -> new Mutant(VALID.substring(0, k), "truncated"));
        Arbitrary<Mutant> deleted = Arbitraries.of(FIELDS).map(f -> new Mutant(VALID.replaceFirst(
                "\"" + f + "\": [^\"]*(?=\"|})", ""), "field deleted"));
        Arbitrary<Mutant> nested = Arbitraries.integers().between(10, 5000)
                .map(d -> new Mutant("{\"n\": 1, \"m\": 1, \"Cxx\": " + "[".repeat(d) + "1" + "]".repeat(d)
                        + ", \"Cxy\": [[0]], \"Cyy\": [[1]]}", "deep nesting"));
        Arbitrary<Mutant> noise = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200)
                .map(s -> new Mutant(s, "random text"));
        Arbitrary<Mutant> unknown = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)
                .map(k -> new Mutant(VALID.replace("\"tau\"", "\"" + k + "\""), "unknown field"));
        return Arbitraries.oneOf(replaced, truncated, deleted, nested, noise, unknown);
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

    @Property(tries = 400)
    void theReaderEitherAcceptsOrRejectsCleanly(@ForAll("mutants") Mutant mutant) throws IOException {
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
            Statistics.label("kind").collect(mutant.kind());
            Statistics.label("outcome").collect(outcome);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<double[]> extremeEntries() {
        Arbitrary<Double> extreme = Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.of(0.0, -0.0, 4.9e-324, -4.9e-324, 2.2e-308, 1e-300, 1e300, -1e300, Double.MAX_VALUE,
                        Double.MIN_NORMAL, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY));
        return extreme.array(double[].class).ofSize(12);
    }

    @Property(tries = 400)
    void theValidatorEitherAcceptsOrRejectsCleanly(@ForAll("extremeEntries") double[] v) {
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
        Statistics.label("outcome").collect(outcome);
    }

    @Property(tries = 200)
    void symmetricModelWithExtremeConditioningIsAcceptedOrRejectedCleanly(
            @ForAll("exponents") int exponent, @ForAll("exponents") int noiseExponent) {
        double big = Math.pow(10, exponent);
        double small = Math.pow(10, noiseExponent);
        DMatrixRMaj s = new DMatrixRMaj(new double[][] {{big, 0, 0}, {0, 1, 0}, {0, 0, 1 / big}});
        DMatrixRMaj n = new DMatrixRMaj(new double[][] {{small, 0, 0}, {0, small, 0}, {0, 0, small}});
        try {
            Configuration c = Configuration.symmetric(s, n, 2);
            // σ = λ_min(N) = small exactly; an eigensolver's absolute error is about ε‖Σz‖
            double scale = org.sgema.model.Matrices.norm(c.jointMoment());
            if (!(Math.abs(c.sigma() - Math.min(small, 2 / big + small)) <= 1e-12 * scale + 1e-12 * small)) {
                throw new AssertionError("σ = " + c.sigma() + " but λ_min(N) = " + small + " (‖Σz‖ = " + scale + ")");
            }
            Statistics.label("outcome").collect("accepted");
        } catch (InvalidInputException e) {
            Statistics.label("outcome").collect("rejected");
        }
    }

    @Provide
    Arbitrary<Integer> exponents() {
        return Arbitraries.integers().between(-320, 320);
    }
}
