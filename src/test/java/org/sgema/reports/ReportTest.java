package org.sgema.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sgema.claims.Claim;
import org.sgema.claims.Cause;
import org.sgema.claims.ClaimKind;
import org.sgema.claims.Evaluation;
import org.sgema.claims.RawResults;
import org.sgema.claims.Verdict;
import org.sgema.testing.ScratchRoot;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report from a small synthetic set of raw rows: self-contained, well-formed, complete. */
class ReportTest extends ScratchRoot {

    @BeforeEach
    void writeSyntheticRawRows() throws Exception {
        try (RawResults raw = RawResults.start("E2")) {
            String[] flows = {"GD", "SG", "EMA"};
            for (int i = 0; i < 12; i++) {
                Verdict v = i % 3 == 0 ? Verdict.HOLDS : i % 3 == 1 ? Verdict.VIOLATED : Verdict.HOLDS;
                String label = v == Verdict.VIOLATED ? "complete" : i % 2 == 0 ? "none" : "dimensional";
                raw.append(new RawResults.Row("E2", ClaimKind.EMPIRICAL, "ci", "42", i + 1, "try", "synthetic", 4, 2, "SYMMETRIC",
                        "WELL", 0.0, 1.0, i % 2 == 0 ? 1.0 : 0.1, flows[i % 3], i % 2 == 0 ? 1.0 : 3.0, "NONE",
                        new Evaluation(v, v == Verdict.VIOLATED ? Cause.COLLAPSED : Cause.NONE, "final_rank",
                                v == Verdict.VIOLATED ? 0 : 2, label), 5));
            }
        }
        try (RawResults raw = RawResults.start("T1")) {
            raw.append(new RawResults.Row("T1", ClaimKind.THEOREM, "ci", "42", 1, "try", "synthetic", 3, 1, "ASYMMETRIC", "ILL",
                    0.1, 1.7, 1.0, "GD", 1.0, "GENERIC", Evaluation.holds("asymmetry_natural_metric", 1e-16), 1));
        }
        Files.writeString(RawResults.folder().resolve("T1.meta.json"),
                "{\"claim\":\"T1\",\"kind\":\"THEOREM\",\"profile\":\"ci\",\"seed\":\"42\",\"tries\":1,"
                        + "\"passed\":true,\"inconclusiveMax\":0.25,\"wallMillis\":12}");
    }

    @Test
    void indexIsWellFormedSelfContainedAndShowsEveryClaimAndTheCharts() throws Exception {
        Path index = Report.build();
        String html = Files.readString(index, StandardCharsets.UTF_8);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(index.toFile());
        // self-contained: no element loads anything (src, href, xlink:href, CSS url(...), @import)
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (String attr : List.of("src", "href", "xlink:href", "action", "data")) {
                String v = e.getAttribute(attr);
                assertTrue(v.isEmpty() || v.startsWith("#") || v.startsWith("data:"),
                        "<" + e.getTagName() + " " + attr + "=\"" + v + "\"> loads a resource");
            }
        }
        assertFalse(java.util.regex.Pattern.compile("url\\(\\s*['\"]?(?!#)").matcher(html).find(),
                "url() to something other than a local #fragment found");
        assertFalse(html.contains("@import"), "CSS @import found");
        assertFalse(html.contains("<script"), "script found");
        // every claim of the catalogue has a row
        NodeList cells = doc.getElementsByTagName("td");
        for (Claim c : Claim.values()) {
            boolean found = false;
            for (int i = 0; i < cells.getLength() && !found; i++) {
                found = cells.item(i).getTextContent().equals(c.id());
            }
            assertTrue(found, "no row for " + c.id());
        }
        assertTrue(doc.getElementsByTagName("svg").getLength() >= 6, "charts missing");
        // the synthetic E2 rows: 4 SG/EMA... rates appear in the summary CSV
        String summary = Files.readString(root.resolve("reports/summary.csv"));
        assertTrue(summary.lines().anyMatch(l -> l.startsWith("E2,EMPIRICAL,12,8,4,0,0,")), summary);
        assertTrue(Files.readString(root.resolve("reports/REPORT.md")).contains("| T1 | THEOREM | 1 | 1 | 0 |"));
    }

    /** The before/after table of the speed changes appears when docs/speed-history.csv is kept, and only then. */
    @Test
    void showsTheSpeedHistoryWhenItIsKept() throws Exception {
        Report.build();
        assertFalse(Files.readString(root.resolve("reports/REPORT.md")).contains("## Speed"), "no history, no section");
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/speed-history.csv"),
                "commit,change,measurement,flow,median_wall,unit,evaluations,speedup_over_previous,machine\n"
                        + "1111111,baseline,integrate,SG,13.43,s,4815,,\"Linux amd64, 2 cores\"\n"
                        + "2222222,faster kernels,integrate,SG,6.10,s,4815,2.20,\"Linux amd64, 2 cores\"\n");
        Path index = Report.build();
        String md = Files.readString(root.resolve("reports/REPORT.md"));
        assertTrue(md.contains("## Speed: before and after each change"), md);
        assertTrue(md.contains("2222222") && md.contains("2.2"), md);
        assertTrue(Files.readString(index, StandardCharsets.UTF_8).contains("id=\"speed\""));
    }

    @Test
    void writesAreAtomicAndLeaveNoTemporaryFiles() throws Exception {
        Report.build();
        Report.build();
        try (var files = Files.walk(root.resolve("reports"))) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }
}
