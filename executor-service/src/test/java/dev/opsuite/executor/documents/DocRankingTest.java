package dev.opsuite.executor.documents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsuite.estate.demo.DemoDocuments;
import dev.opsuite.executor.domain.DocumentPort;
import dev.opsuite.model.AssetDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ranking of the demo's documents against two question sets written by people who never saw the search:
 * doc-questions.tsv (108, split once into dev and test) and doc-questions-2.tsv (96, written later from
 * the demo documents and issue #22 only, split once into dev2 and test2 before it was first measured).
 * Each question goes in as the words searched, the CI it names as the planner links it, and the kinds
 * its words suggest; the Source is the default ops_docs as shipped (its thesaurus included). Figures go
 * to target/documents/ranking.md, with the misses of the dev halves only: the test halves are counted,
 * never read. History (top-1 / top-3; docs/documents.md has every step): first measured before any
 * tuning, dev 77.8 / 96.3 %, test 70.4 / 85.2 %; before the thesaurus, dev 85.2 / 100, test 75.9 / 96.3,
 * dev2 87.5 / 100, test2 89.6 / 95.8; now (thesaurus, translations bridged, word pairs side by side,
 * the suggested kind doubling a score, each chosen on the dev halves) dev 96.3 / 100, test 90.7 / 100,
 * dev2 97.9 / 100, test2 95.8 / 100. The floors guard these. The goal of #22 (test half top-1 ≥ 90 %,
 * top-3 ≥ 98 %) is met on both never-tuned halves.
 */
class DocRankingTest {
    @TempDir
    static Path dir;
    static LuceneDocuments index;
    /** The default Source asset of the demo's collection, as shipped (its thesaurus included). */
    static final AssetDoc SOURCE;

    static {
        try {
            SOURCE = new AssetDoc("source", "ops_docs", 1, "published", new ObjectMapper().readTree(
                    Path.of("..", "assets", "defaults", "source", "ops_docs.json").toFile()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Question(String split, String lang, String text, String ci, List<String> expected) {}

    @BeforeAll
    static void indexDemo() throws IOException {
        index = new LuceneDocuments(Optional.of(dir));
        DocumentImporter importer = new DocumentImporter(index);
        for (String p : DemoDocuments.paths()) {
            importer.importBytes("ops_docs", p, DemoDocuments.read(p));
        }
    }

    @AfterAll
    static void close() {
        index.close();
    }

    /**
     * The kinds the planner prefers for a question: the default Prompt's rules.documents.kinds, whose words
     * the question holds (as PlanBuilder reads them, on the folded question).
     */
    static List<String> kindsOf(String question) throws IOException {
        var kinds = new ObjectMapper().readTree(Path.of("..", "assets", "defaults", "prompt", "ci_planner.json")
                .toFile()).path("rules").path("documents").path("kinds");
        String folded = question.toLowerCase(java.util.Locale.ROOT);
        List<String> out = new ArrayList<>();
        kinds.properties().forEach(k -> {
            for (var w : k.getValue()) {
                if (folded.contains(w.asText().toLowerCase(java.util.Locale.ROOT))) {
                    out.add(k.getKey());
                    break;
                }
            }
        });
        return out;
    }

    /** Both question sets: doc-questions.tsv (dev, test) and doc-questions-2.tsv (dev2, test2). */
    static List<Question> questions() throws IOException {
        List<Question> out = new ArrayList<>();
        for (String set : SETS) {
            try (var in = DocRankingTest.class.getResourceAsStream("/dev/opsuite/estate/demo/" + set)) {
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
                for (int i = 1; i < lines.length; i++) {
                    if (lines[i].isBlank()) {
                        continue;
                    }
                    String[] c = lines[i].split("\t", -1);
                    out.add(new Question(c[0], c[1], c[2], c[3], List.of(c[4].split("\\|"))));
                }
            }
        }
        return out;
    }

    static final List<String> SETS = List.of("doc-questions.tsv", "doc-questions-2.tsv");

    /** Per half, the floors of top-1 and top-3 (shares of its questions): just under the figures measured. */
    static final Map<String, double[]> FLOORS = Map.of("dev", new double[] {0.96, 0.98}, "test", new double[] {0.90, 0.98},
            "dev2", new double[] {0.97, 0.98}, "test2", new double[] {0.95, 0.98});

    /** The halves tuned on: only their misses are listed; the never-tuned halves are only counted. */
    static boolean tunedOn(String split) {
        return split.startsWith("dev");
    }

    @Test
    void theRightDocumentRanksFirst() throws IOException {
        Map<String, int[]> bySplit = new LinkedHashMap<>(); // split -> {n, top1, top3}
        StringBuilder misses = new StringBuilder();
        for (Question q : questions()) {
            DocumentPort.Result r = index.search(SOURCE, new DocumentPort.Query(q.text(), q.ci(), "", List.of(),
                    List.of(), q.lang(), 3, 300, kindsOf(q.text())), 5);
            List<String> paths = r.passages().stream().map(DocumentPort.Passage::path).toList();
            boolean top1 = !paths.isEmpty() && q.expected().contains(paths.get(0));
            boolean top3 = paths.stream().anyMatch(q.expected()::contains);
            for (String key : List.of(q.split(), q.split() + "/" + q.lang())) {
                int[] c = bySplit.computeIfAbsent(key, k -> new int[3]);
                c[0]++;
                c[1] += top1 ? 1 : 0;
                c[2] += top3 ? 1 : 0;
            }
            if (!top1 && tunedOn(q.split())) {
                misses.append("| ").append(q.split()).append(" | ").append(q.text()).append(" | ")
                        .append(String.join(" ", q.expected())).append(" | ").append(String.join(" ", paths))
                        .append(" |\n");
            }
        }
        StringBuilder report = new StringBuilder("# Document ranking (demo collection, doc-questions.tsv and doc-questions-2.tsv)\n\n"
                + "| split | questions | top-1 | top-3 |\n|---|---|---|---|\n");
        bySplit.forEach((k, c) -> report.append(String.format("| %s | %d | %.1f %% | %.1f %% |%n", k, c[0],
                100.0 * c[1] / c[0], 100.0 * c[2] / c[0])));
        report.append("\n## Not first (dev halves only: the test halves are counted, never read)\n\n"
                + "| split | question | expected | ranked |\n|---|---|---|---|\n").append(misses);
        Path out = Path.of("target", "documents", "ranking.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
        FLOORS.forEach((split, floor) -> {
            int[] c = bySplit.get(split);
            assertTrue(c[1] >= floor[0] * c[0] && c[2] >= floor[1] * c[0], split + " top-1 " + c[1] + ", top-3 " + c[2]
                    + " of " + c[0] + " under the floors " + floor[0] + " / " + floor[1] + "\n" + report);
        });
    }
}
