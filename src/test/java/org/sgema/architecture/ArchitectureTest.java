package org.sgema.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages form layers ({@code src/test/resources/package-layers.txt}, lowest first): a
 * package uses only packages below it, so there are no cycles. Every reference counts: imports,
 * fully qualified names and javadoc links.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/org/sgema");
    private static final Pattern REFERENCE = Pattern.compile("org\\.sgema\\.([a-z]+)\\b");

    /** @return the layer order, lowest first */
    static List<String> layers() throws IOException {
        return Files.readAllLines(Path.of("src/test/resources/package-layers.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** @return package → the other project packages its sources reference */
    static Map<String, Set<String>> references(Path sources) throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = sources.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> refs = out.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        refs.add(m.group(1));
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    /** @return one line per reference that goes up (or to an unlisted package) */
    static List<String> violations(Map<String, Set<String>> references, List<String> layers) {
        List<String> out = new ArrayList<>();
        references.forEach((pkg, refs) -> {
            int level = layers.indexOf(pkg);
            if (level < 0) {
                out.add(pkg + " is not in the layer list");
                return;
            }
            for (String r : refs) {
                int other = layers.indexOf(r);
                if (other < 0 || other > level) {
                    out.add(pkg + " uses " + r + (other < 0 ? " (not in the layer list)" : ", a higher layer"));
                }
            }
        });
        return out;
    }

    @Test
    void everyPackageUsesOnlyLowerLayers() throws IOException {
        Map<String, Set<String>> refs = references(SOURCES);
        assertTrue(refs.size() >= 10, "too few packages found: " + refs.keySet());
        assertEquals(List.of(), violations(refs, layers()));
    }

    @Test
    void theCyclesOfTheOldLayoutWouldFail() throws IOException {
        Map<String, Set<String>> old = Map.of(
                "equilibria", Set.of("stability"), "stability", Set.of("equilibria"),
                "claims", Set.of("io"), "io", Set.of("claims"),
                "data", Set.of("claims"), "integration", Set.of("equilibria"));
        List<String> v = violations(old, layers());
        assertTrue(v.contains("equilibria uses stability, a higher layer"), v::toString);
        assertTrue(v.contains("io uses claims, a higher layer"), v::toString);
        assertTrue(v.contains("data uses claims, a higher layer"), v::toString);
        assertTrue(v.contains("integration uses equilibria, a higher layer"), v::toString);
    }
}
