package org.sgema.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The report's "Phase diagrams": every sweep under {@code reports/sweeps/NAME/} (written by
 * {@code scripts/sgema sweep} and by the ci sweep of {@code mvn verify}), with its spec, where it
 * ran, its wall time and its heatmaps.
 */
final class PhaseDiagrams {

    /**
     * One sweep folder.
     *
     * @param name the folder's name
     * @param meta sweep.json
     * @param heatmaps file name → SVG text, in file-name order
     */
    record Diagram(String name, JsonNode meta, Map<String, String> heatmaps) {
        /** @return a one-line description: flows, dimensions, grid, tries, executor, time */
        String caption() {
            JsonNode s = meta.path("spec");
            StringBuilder grid = new StringBuilder();
            s.path("grid").fields().forEachRemaining(e -> grid.append(grid.length() == 0 ? "" : " × ")
                    .append(e.getKey()).append(" (").append(e.getValue().size()).append(")"));
            return String.format(java.util.Locale.ROOT, "%s: flows %s, n = %d, m = %d, %s, grid %s, %d tries per cell, "
                    + "%d runs (%d undecided) in %.1f s on %s", name, s.path("flows"), s.path("n").asInt(),
                    s.path("m").asInt(), s.has("data") ? "digits " + s.path("pipeline").asText()
                            : s.path("views").asText() + " views", grid, s.path("tries").asInt(),
                    meta.path("runs").asInt(), meta.path("undecided").asInt(), meta.path("wallMillis").asLong() / 1e3,
                    meta.path("executor").asText());
        }
    }

    private PhaseDiagrams() {
    }

    /** @return every sweep with a sweep.json under {@code dir}, by name */
    static List<Diagram> read(Path dir) {
        List<Diagram> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path f : folders.sorted().toList()) {
                Path meta = f.resolve("sweep.json");
                if (!Files.exists(meta)) {
                    continue;
                }
                Map<String, String> maps = new LinkedHashMap<>();
                try (Stream<Path> files = Files.list(f)) {
                    for (Path svg : files.filter(p -> p.getFileName().toString().startsWith("heatmap-")
                            && p.getFileName().toString().endsWith(".svg")).sorted().toList()) {
                        maps.put(svg.getFileName().toString(), Files.readString(svg));
                    }
                }
                out.add(new Diagram(f.getFileName().toString(), new ObjectMapper().readTree(meta.toFile()), maps));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sweeps in " + dir, e);
        }
        return out;
    }
}
