package dev.opsuite.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RequiredLiteralsTest {
    @Test
    void literalsEveryMatchContains() {
        assertEquals(Set.of("월"), RequiredLiterals.of("(?P<m>\\d{1,2})\\s*월"));
        assertEquals(Set.of("last week", "지난주"), RequiredLiterals.of("\\b(?:last week|지난주)"));
        assertEquals(Set.of("week"), RequiredLiterals.of("(?:this|next)?\\s*week"), "the longest literal wins");
        assertEquals(Set.of("h"), RequiredLiterals.of("[0-9]+h"), "as long as the digits, and one literal instead of ten");
        Set<String> iso = RequiredLiterals.of("\\b2024-\\d");
        assertTrue(iso.size() == 10 && iso.stream().allMatch(x -> x.matches("2024-\\d")), "a digit class joins the run: " + iso);
    }

    @Test
    void nothingKnownMeansNoPrefilter() {
        assertNull(RequiredLiterals.of("(?:ab)?c*"), "all optional");
        assertNull(RequiredLiterals.of("(?i)week"), "a flag changes what literals match");
        assertNull(RequiredLiterals.of("\\pL+"), "an escape it does not read");
        assertNull(RequiredLiterals.of("\\Qa.b\\E"));
        assertNull(RequiredLiterals.of("[^a]"));
        assertNull(RequiredLiterals.of(".+"));
        assertNull(RequiredLiterals.of("(unclosed"));
        assertNull(RequiredLiterals.of("[\\--z]x?"), "a range from an escape");
    }

    /**
     * Soundness on the shipped patterns: wherever the prefilter says a pattern cannot match, it does not —
     * over every question of the evaluation sets and the golden answers, and over random strings made of
     * each pattern's own characters.
     */
    @Test
    void aPatternRuledOutNeverMatches() throws IOException {
        List<String> patterns = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("../assets/defaults"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                collect(new ObjectMapper().readTree(f.toFile()), false, patterns);
            }
        }
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("../launcher/src/test/resources"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).toList()) {
                texts.addAll(Files.readAllLines(f));
            }
        }
        assertTrue(patterns.size() > 60 && texts.size() > 2000, patterns.size() + " patterns, " + texts.size() + " texts");
        Random random = new Random(7);
        int filtered = 0;
        int skipped = 0;
        for (String regex : patterns) {
            Patterns.Caseless c;
            try {
                c = Patterns.caseless(regex);
            } catch (com.google.re2j.PatternSyntaxException e) {
                continue; // not a pattern after all
            }
            filtered += c.required() == null ? 0 : 1;
            List<String> probes = new ArrayList<>(texts);
            String alphabet = regex.replaceAll("[\\\\()\\[\\]?*+{}|^$]", "") + "0123456789 ";
            for (int i = 0; i < 400; i++) {
                StringBuilder b = new StringBuilder();
                for (int n = 1 + random.nextInt(16); n > 0; n--) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                probes.add(b.toString());
            }
            for (String t : probes) {
                String lowered = Patterns.lower(t);
                if (!c.mayMatch(lowered)) {
                    skipped++;
                    assertFalse(c.matcher(t, lowered).find(), () -> "ruled out yet matches: /" + regex + "/ in " + t);
                }
            }
        }
        assertTrue(filtered > patterns.size() / 2, filtered + " of " + patterns.size() + " patterns have a prefilter");
        assertTrue(skipped > 100_000, skipped + " runs skipped");
    }

    private static void collect(JsonNode n, boolean underPattern, List<String> out) {
        if (n.isObject()) {
            n.properties().forEach(e -> collect(e.getValue(), e.getKey().equals("pattern") || e.getKey().endsWith("_pattern"), out));
        } else if (n.isArray()) {
            n.forEach(v -> collect(v, underPattern, out));
        } else if (n.isTextual() && (underPattern || n.asText().startsWith("^"))) {
            out.add(n.asText());
        }
    }
}
