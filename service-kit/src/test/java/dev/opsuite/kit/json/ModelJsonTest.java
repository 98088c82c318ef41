package dev.opsuite.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.proto.v1.Plan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A plan crosses every stage boundary as proto: what the domain record holds must arrive, and a key
 * the proto does not declare is an error, never dropped on the way (the reading's ref_time once was).
 */
class ModelJsonTest {
    private static PlanModel plan(Map<String, Object> understanding) {
        return plan(understanding, "en");
    }

    private static PlanModel plan(Map<String, Object> understanding, String lang) {
        PlanModel.Primary p = new PlanModel.Primary("ci", "SRV01", List.of("srv01"), List.of(), List.of(), 0, 0,
                List.of("SRV01"), List.of(), "web-01");
        return new PlanModel(Intent.LOOKUP, View.SUMMARY, p, null, null,
                new PlanModel.Metric("cpu_usage", "latest", "", "", "", "", 0, "", false, null), null,
                new PlanModel.Output(List.of("text"), "text", false), lang, List.of(), List.of(), "srv01 cpu",
                List.of("now"), understanding, List.of());
    }

    @Test
    void theReadingsRecordSurvivesTheWire() {
        Map<String, Object> u = Map.of("time_zone", "Asia/Seoul", "ref_time", "at 14:10",
                "asked_at", "2026-12-01T21:45+09:00", "confidence", 0.8, "context_times", List.of("the year-end"),
                "corrections", List.of("memory → disk usage"));
        Plan wire = ModelJson.toProto(plan(u, "ko"), Plan.newBuilder()).build(); // isKorean() is no field
        assertEquals("ko", wire.getLanguage());
        PlanModel back = ModelJson.fromProto(wire, PlanModel.class);
        assertEquals("at 14:10", back.understanding().get("ref_time"));
        assertEquals("2026-12-01T21:45+09:00", back.understanding().get("asked_at"));
        assertEquals(List.of("the year-end"), back.understanding().get("context_times"));
        assertEquals(List.of("memory → disk usage"), back.understanding().get("corrections"));
        assertEquals(List.of("now"), back.unexplained());
        assertEquals("SRV01", back.primary().ciCode());
    }

    @Test
    void aFieldTheProtoDoesNotDeclareIsAnErrorNotALoss() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelJson.toProto(plan(Map.of("no_such_field", "x")), Plan.newBuilder()));
        assertEquals(true, e.getMessage().contains("no_such_field"), e.getMessage());
    }
}
