package dev.opsuite.executor.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.executor.domain.DefaultAssets;
import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default Mapping draws the events of an answer on a timeline beside their table: oldest first, each with its
 * CI, kind, severity and title, titled in the question's language; no rows, no timeline.
 */
class TimelineTest {
    private static final AssetBundle ASSETS = new AssetBundle(DefaultAssets.docs());
    private static final List<String> EVENTS = List.of("ts", "ci_code", "ci_name", "event_type", "severity", "title",
            "detail");

    private static PlanModel events(String lang) {
        PlanModel.Primary p = new PlanModel.Primary("ci", "DB003", List.of(), List.of(), List.of(), 0, 0,
                List.of("DB003"), List.of(), "payment-db");
        PlanModel.History h = new PlanModel.History(true, List.of(), List.of(), "last_24h", "2026-12-05T10:00+09:00",
                "2026-12-06T10:00+09:00", 50, true, "", 0, "");
        return new PlanModel(Intent.LIST, View.SUMMARY, p, null, null, null, h,
                new PlanModel.Output(List.of("text", "table"), "text", false), lang, List.of(), List.of(), "",
                List.of(), Map.of("time_zone", "Asia/Seoul", "asked_at", "2026-12-06T10:00+09:00"), List.of());
    }

    private static AnswerComposer.Composed compose(String lang, List<List<Object>> rows) {
        ToolOutput out = new ToolOutput("history_executor", "events_list", EVENTS, rows, false, Map.of(), null, false);
        return new AnswerComposer().compose(events(lang), List.of(out), ASSETS);
    }

    @Test
    void eventsAreDrawnOldestFirstBesideTheirTable() {
        AnswerComposer.Composed c = compose("en", List.of(
                List.of("2026-12-06T02:45+09:00", "DB003", "payment-db", "recovery", "info", "accepting connections", ""),
                List.of("2026-12-06T01:50+09:00", "DB003", "payment-db", "incident", "critical", "connection refused", "")));
        Block timeline = c.blocks().stream().filter(b -> b.type().equals("timeline")).findFirst().orElseThrow();
        assertEquals("Events timeline", timeline.title());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) timeline.data().get("events");
        assertEquals(List.of("2026-12-06T01:50+09:00", "2026-12-06T02:45+09:00"), events.stream().map(e -> e.get("ts")).toList());
        assertEquals(Map.of("ts", "2026-12-06T01:50+09:00", "ci_code", "DB003", "ci_name", "payment-db",
                "event_type", "incident", "severity", "critical", "title", "connection refused"), events.get(0));
        int t = c.blocks().indexOf(timeline);
        assertTrue(t + 1 < c.blocks().size() && c.blocks().get(t + 1).type().equals("table"), "then the table: " + c.blocks());
        assertEquals("이벤트 타임라인", compose("ko", List.of(List.of("2026-12-06T01:50+09:00", "DB003", "payment-db",
                "incident", "critical", "connection refused", ""))).blocks().stream()
                .filter(b -> b.type().equals("timeline")).findFirst().orElseThrow().title());
    }

    @Test
    void noEventsNoTimeline() {
        assertTrue(compose("en", List.of()).blocks().stream().noneMatch(b -> b.type().equals("timeline")));
    }
}
