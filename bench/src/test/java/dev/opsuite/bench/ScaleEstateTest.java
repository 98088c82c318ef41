package dev.opsuite.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator at 1/1000 of the full scale: counts, determinism by seed, references. */
class ScaleEstateTest {
    private static final ScaleEstate.Scale SMALL = ScaleEstate.Scale.FULL.divide(1000);
    private static final Instant END = Instant.parse("2026-11-25T05:37:12Z");

    @Test
    void writesExactlyTheAskedCountsWithValidReferences(@TempDir Path dir) throws Exception {
        ScaleEstate.Picks picks = new ScaleEstate(SMALL, 7).writeCsv(dir, END);
        List<String> cis = body(dir, "cis.csv");
        List<String> relations = body(dir, "relations.csv");
        List<String> metrics = body(dir, "metrics.csv");
        List<String> events = body(dir, "events.csv");
        assertEquals(100, cis.size());
        assertEquals(500, relations.size());
        assertEquals(10_000, metrics.size());
        assertEquals(1_000, events.size());

        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (String line : cis) {
            String[] f = line.split(",", -1);
            assertTrue(codes.add(f[0]), "duplicate code " + f[0]);
            assertTrue(names.add(f[1]), "duplicate name " + f[1]);
        }
        assertTrue(cis.stream().anyMatch(l -> l.startsWith("SVR001,") && l.endsWith(",서버A|server-a,pci")),
                "서버A is SVR001, tagged pci (the scoped ask of the bench sees it)");
        long tagged = cis.stream().filter(l -> l.endsWith(",pci")).count();
        assertTrue(tagged > 10 && tagged < 45, "about a quarter tagged pci: " + tagged);
        Set<String> edges = new HashSet<>();
        for (String line : relations) {
            String[] f = line.split(",");
            assertTrue(codes.contains(f[0]) && codes.contains(f[2]), "dangling edge " + line);
            assertTrue(Set.of("DEPENDS_ON", "RUNS_ON", "CONNECTS_TO", "HOSTS").contains(f[1]), line);
            assertTrue(edges.add(f[0] + ">" + f[2]), "duplicate edge " + line);
        }
        Set<String> metricKeys = new HashSet<>();
        for (String line : metrics) {
            String[] f = line.split(",");
            assertTrue(codes.contains(f[1]), line);
            assertTrue(metricKeys.add(f[1] + f[2] + f[0]), "duplicate metric key " + line);
            double v = Double.parseDouble(f[3]);
            assertTrue(v >= 1 && v <= 99, line);
        }
        assertTrue(metrics.stream().anyMatch(l -> l.contains(",SVR001,cpu_usage,")), "서버A has CPU samples");
        assertTrue(metrics.stream().anyMatch(l -> l.startsWith("2026-11-25T05:00:00Z,")), "metrics reach the end hour");
        for (String line : events) {
            assertTrue(codes.contains(line.split(",")[1]), line);
        }
        assertTrue(names.contains(picks.impactCiName()) && picks.impactCiName().startsWith("db-"));
        assertTrue(picks.impactDirectDependents() > 0, "the impact CI has dependents");
        assertTrue(names.contains(picks.pathFromName()) && picks.pathFromName().startsWith("svc-"));
        assertTrue(names.contains(picks.pathToName()) && picks.pathToName().startsWith("srv-"));
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot(@TempDir Path dir) throws Exception {
        new ScaleEstate(SMALL, 7).writeCsv(dir.resolve("a"), END);
        new ScaleEstate(SMALL, 7).writeCsv(dir.resolve("b"), END);
        new ScaleEstate(SMALL, 8).writeCsv(dir.resolve("c"), END);
        for (String f : List.of("cis.csv", "relations.csv", "metrics.csv", "events.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
        assertFalse(Files.readString(dir.resolve("a").resolve("relations.csv"))
                .equals(Files.readString(dir.resolve("c").resolve("relations.csv"))));
    }

    private static List<String> body(Path dir, String file) throws Exception {
        List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size());
    }
}
