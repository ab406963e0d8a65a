package org.sgema.claims;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sgema.flows.Flow;
import org.sgema.io.JsonFiles;
import org.sgema.model.Configuration;
import org.sgema.model.InvalidInputException;
import org.sgema.model.State;

/**
 * Reproduction case files: what a failing theorem check, a finding's witness and a stored
 * example write, and what {@code scripts/replay} reads. Numbers are written with full
 * (round-trip) precision, so a case replays exactly.
 * <pre>
 *   {"claim", "profile", "seed", "caseSeed", "flow", "configuration", "state"
 *    [, "source", "choices"]}   (choices: the recorded choice sequence, for replay through the
 *                                generator; source: synthetic or digits)
 * </pre>
 * Every read error is an {@link InvalidInputException} naming the file and the field.
 */
public final class CaseFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CASE_FIELDS = Set.of("claim", "profile", "seed", "caseSeed", "flow",
            "configuration", "state", "source", "choices");

    private CaseFiles() {
    }

    /**
     * A reproduction case read back from a file.
     *
     * @param claim the claim
     * @param profile the profile it ran under
     * @param seed the run seed
     * @param reproduction the case
     * @param source where the configuration came from ({@code synthetic} if the file does not say)
     * @param choices the recorded choice sequence, or null if the file has none
     */
    public record CaseFile(Claim claim, String profile, String seed, Case reproduction, String source,
                           long[] choices) {
    }

    /** Writes a reproduction case atomically (write to a temporary file, then move). */
    public static void writeCase(Path file, Claim claim, String profile, String seed, Case c) {
        writeCase(file, claim, profile, seed, c, null, null);
    }

    /**
     * Writes a reproduction case atomically, with where its configuration came from and the
     * choice sequence that generated it (either may be null: not written).
     */
    public static void writeCase(Path file, Claim claim, String profile, String seed, Case c, String source,
                                 long[] choices) {
        ObjectNode o = JSON.createObjectNode();
        o.put("claim", claim.id());
        o.put("profile", profile);
        o.put("seed", seed);
        o.put("caseSeed", c.seed());
        o.put("flow", c.flow().name().toLowerCase(Locale.ROOT));
        o.set("configuration", JsonFiles.toJson(c.configuration()));
        if (c.initial() != null) {
            o.set("state", JsonFiles.toJson(c.initial()));
        }
        if (source != null) {
            o.put("source", source);
        }
        if (choices != null) {
            ArrayNode a = o.putArray("choices");
            for (long v : choices) {
                a.add(v);
            }
        }
        JsonFiles.writeAtomically(file, o);
    }

    /** @return a reproduction case read from a file */
    public static CaseFile readCase(Path file) {
        JsonNode o = JsonFiles.read(file);
        String where = file.toString();
        JsonFiles.rejectUnknown(o, CASE_FIELDS, where);
        Claim claim = Claim.byId(JsonFiles.text(o, "claim", where));
        Flow flow;
        try {
            flow = Flow.parse(JsonFiles.text(o, "flow", where));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + ".flow", e.getMessage());
        }
        Configuration c = JsonFiles.configuration(o.get("configuration"), where + ".configuration");
        State s = o.has("state") ? JsonFiles.state(o.get("state"), c.m(), c.n(), where + ".state") : null;
        long caseSeed = o.has("caseSeed") ? o.get("caseSeed").asLong() : 0L;
        long[] choices = null;
        if (o.has("choices")) {
            JsonNode a = o.get("choices");
            if (!a.isArray()) {
                throw new InvalidInputException(where + ".choices", "must be an array of non-negative integers");
            }
            choices = new long[a.size()];
            for (int i = 0; i < choices.length; i++) {
                if (!a.get(i).canConvertToLong() || !a.get(i).isIntegralNumber() || a.get(i).asLong() < 0) {
                    throw new InvalidInputException(where + ".choices[" + i + "]", "must be a non-negative integer");
                }
                choices[i] = a.get(i).asLong();
            }
        }
        String source = o.has("source") ? o.get("source").asText() : "synthetic";
        return new CaseFile(claim, o.has("profile") ? o.get("profile").asText() : "ci",
                o.has("seed") ? o.get("seed").asText() : "", new Case(c, s, flow, caseSeed), source, choices);
    }
}
