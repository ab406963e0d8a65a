package org.sgema.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.sgema.io.JsonFiles;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The raw results of the theorem checks as Tablesaw tables: every {@code reports/raw/CLAIM.csv}
 * appended into one table of tries (random and targeted; shrinking executions and stored
 * examples replayed first are dropped), and the per-claim
 * {@code CLAIM.meta.json} files (profile, seed, outcome, witness, rates).
 */
final class RawRuns {
    /** Column types of the raw CSV, in {@code RawResults.HEADER} order. */
    private static final ColumnType[] TYPES = {
        ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.STRING, ColumnType.INTEGER,
        ColumnType.STRING, ColumnType.STRING, ColumnType.INTEGER, ColumnType.INTEGER, ColumnType.STRING, ColumnType.STRING,
        ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.STRING, ColumnType.DOUBLE,
        ColumnType.STRING, ColumnType.STRING, ColumnType.DOUBLE, ColumnType.STRING, ColumnType.STRING,
        ColumnType.STRING, ColumnType.LONG,
    };

    private final Table tries;
    private final List<JsonNode> metas;

    private RawRuns(Table tries, List<JsonNode> metas) {
        this.tries = tries;
        this.metas = metas;
    }

    /** Reads every raw CSV and meta file of a folder (an empty table if there are none). */
    static RawRuns read(Path folder) {
        Table all = null;
        List<JsonNode> metas = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".meta.json")) {
                        metas.add(JsonFiles.read(f));
                    } else if (name.endsWith(".csv") && !name.equals("mutations.csv") && !name.startsWith("digits-")
                            && !name.startsWith("bench")) {
                        String header;
                        try (var lines = Files.lines(f)) {
                            header = lines.findFirst().orElse("");
                        }
                        if (!header.equals(org.sgema.claims.RawResults.HEADER)) {
                            System.err.println("report: skipping " + f.getFileName()
                                    + " (its columns are not this version's; rerun the checks)");
                            continue;
                        }
                        Table t = Table.read().csv(CsvReadOptions.builder(f.toFile()).columnTypes(TYPES)
                                .missingValueIndicator("").build());
                        all = all == null ? t : all.append(t);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
        }
        if (all == null) {
            all = Table.read().csv(CsvReadOptions.builderFromString(org.sgema.claims.RawResults.HEADER + "\n")
                    .columnTypes(TYPES).build());
        }
        Table kept = all.where(all.stringColumn("phase").isIn("try", "target"));
        kept.setName("tries");
        return new RawRuns(kept, metas);
    }

    /** @return one row per try of every claim */
    Table tries() {
        return tries;
    }

    /** @return the meta objects, one per claim run */
    List<JsonNode> metas() {
        return metas;
    }

    /** @return the meta objects of a claim's runs (one per source), possibly none */
    List<JsonNode> metas(String claim) {
        return metas.stream().filter(m -> m.path("claim").asText().equals(claim)).toList();
    }
}
