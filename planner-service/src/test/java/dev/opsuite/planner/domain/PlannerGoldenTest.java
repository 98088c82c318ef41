package dev.opsuite.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.PlanModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The planner's golden questions (src/test/resources/golden/planner_golden.tsv), Korean and English:
 * route, intent, view, metric and slot expectations on the default assets. Answer facts are
 * checked end to end against the databases in the launcher module.
 */
class PlannerGoldenTest {
    private static AssetBundle assets;
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-25T21:30:00+09:00");

    @BeforeAll
    static void load() throws Exception {
        assets = DefaultAssets.load();
    }

    static Stream<Arguments> golden() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/golden/planner_golden.tsv"),
                StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(Arguments.of(f[0], f[1], f[2], f[3], f[4], f.length > 5 ? f[5] : "-"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void plansAsExpected(String question, String kind, String intent, String view, String metric, String checks) {
        PlanDecision d = new RulesPlanner().plan(question, assets, NOW);
        assertEquals(kind, d.kind(), question + " -> " + d.reason());
        if (kind.equals("reject")) {
            assertEquals(checks.replace("policy=", ""), d.rejectPolicy(), question);
            return;
        }
        if (!kind.equals("plan")) {
            return;
        }
        PlanModel p = d.plan();
        String where = question + " -> " + p;
        assertEquals(intent, p.intent().name(), where);
        assertEquals(view, p.view().name(), where);
        assertEquals(metric.equals("-") ? "" : metric, p.metric().metricName(), where);
        if (checks.equals("-")) {
            return;
        }
        for (String check : checks.split(" (?=[a-z_.]+=)")) {
            String key = check.substring(0, check.indexOf('='));
            String want = check.substring(check.indexOf('=') + 1);
            switch (key) {
                case "agg" -> assertEquals(want, p.metric().agg(), where);
                case "top_n" -> assertEquals(Integer.parseInt(want), p.metric().topN(), where);
                case "range" -> assertEquals(want, p.metric().timeRange().isEmpty() ? p.history().timeRange()
                        : p.metric().timeRange(), where);
                case "bucket" -> assertEquals(want, p.metric().bucket(), where);
                case "ci" -> assertEquals(want, p.primary().ciCode(), where);
                case "mention" -> assertTrue(p.primary().mentions().contains(want), where);
                case "event" -> assertTrue(p.history().eventTypes().contains(want), where);
                case "severity" -> assertTrue(p.history().severities().contains(want), where);
                default -> {
                    assertTrue(key.startsWith("filter."), "unknown check " + key);
                    String field = key.substring("filter.".length());
                    assertTrue(p.primary().filters().stream().anyMatch(x -> x.field().equals(field)
                            && x.values().contains(want)), where);
                }
            }
        }
    }
}
