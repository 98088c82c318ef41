package dev.opsuite.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.kit.proto.PlanProtos;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.PlanModel;
import dev.opsuite.proto.v1.Plan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed Plan mapper gives what the proto-JSON bridge gave, both ways, on every plan the planner's
 * golden questions and the understanding tests' questions make (readings, entities, thresholds,
 * documents, candidates), and on plans with the edges of the model (unset parts, nulls, empty reading).
 */
class PlanProtosTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T10:30:00+09:00");

    @Test
    void sameAsTheJsonBridgeOnEveryGoldenPlanBothWays() throws Exception {
        AssetBundle assets = DefaultAssets.load();
        List<String> questions = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/golden/planner_golden.tsv"),
                StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                questions.add(line.split("\t")[0]);
            }
        }
        // and the end-to-end understanding sets' questions (a thousand wordings by other writers)
        try (var sets = Files.list(Path.of("../launcher/src/test/resources"))) {
            for (Path set : sets.filter(d -> d.getFileName().toString().startsWith("understanding")).sorted().toList()) {
                for (String line : Files.readAllLines(set.resolve("questions.tsv"), StandardCharsets.UTF_8)) {
                    String[] f = line.split("\t");
                    if (f.length > 4 && !f[0].equals("id")) {
                        questions.add(f[4]);
                    }
                }
            }
        }
        List<PlanModel> plans = new ArrayList<>();
        for (String q : questions) {
            PlanDecision d = new RulesPlanner().plan(q, assets, NOW);
            if (d.plan() != null) {
                plans.add(d.plan());
            }
        }
        assertTrue(plans.size() > 800, "plans: " + plans.size());
        int withReading = 0;
        for (PlanModel p : plans) {
            Plan viaJson = ModelJson.toProto(p, Plan.newBuilder()).build();
            Plan typed = PlanProtos.toProto(p);
            assertEquals(viaJson, typed, p.normalizedQuestion());
            PlanModel backViaJson = ModelJson.fromProto(viaJson, PlanModel.class);
            assertEquals(backViaJson, PlanProtos.fromProto(typed), p.normalizedQuestion());
            // and a plan that went round once goes round again unchanged (what stage after stage does)
            assertEquals(viaJson, PlanProtos.toProto(PlanProtos.fromProto(typed)), p.normalizedQuestion());
            withReading += typed.hasUnderstanding() && typed.getUnderstanding().getClaimsCount() > 0 ? 1 : 0;
        }
        assertTrue(withReading > 800, "plans with a reading: " + withReading);
    }

    @Test
    void edgesOfTheModelUnsetPartsNullsAndAnEmptyReading() {
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("claims", List.of(Map.of("text", "x", "kind", "entity", "score", 0.75, "start", 0, "end", 1)));
        reading.put("entities", List.of(Map.of("mention", "x", "rank", "token", "score", 0.75, "distance", 0,
                "candidates", List.of(Map.of("ci_code", "A")))));
        reading.put("dictionary_revision", 42L);
        reading.put("problems", List.of());
        reading.put("confidence", 0.5);
        for (PlanModel p : List.of(
                new PlanModel(null, null, null, null, null, null, null, null, null, null, null, null),
                new PlanModel(null, null, null, null, null, new PlanModel.Metric("cpu", "max", null, null, null, null, 3,
                        null, true, new PlanModel.Threshold(null, 0, 0)), null, null, "en", List.of("ci"),
                        List.of(new PlanModel.Candidate("A", null, "server", null)), "q", List.of("w"), reading,
                        List.of("a"), new PlanModel.Documents(true, false, null, null)),
                new PlanModel(dev.opsuite.model.Intent.LIST, dev.opsuite.model.View.SUMMARY,
                        new PlanModel.Primary("ci", null, null, List.of(new PlanModel.Filter("status", null, null)), null,
                                5, 0), null, null, null, null, null, "ko", null, null, null, null, Map.of(), null))) {
            Plan viaJson = ModelJson.toProto(p, Plan.newBuilder()).build();
            assertEquals(viaJson, PlanProtos.toProto(p));
            assertEquals(ModelJson.fromProto(viaJson, PlanModel.class), PlanProtos.fromProto(viaJson));
        }
        Map<String, Object> unknown = Map.of("mood", "good");
        PlanModel bad = new PlanModel(null, null, null, null, null, null, null, null, null, null, null, null, null,
                unknown, null);
        assertThrows(IllegalArgumentException.class, () -> ModelJson.toProto(bad, Plan.newBuilder()));
        assertThrows(IllegalArgumentException.class, () -> PlanProtos.toProto(bad));
    }
}
