package dev.opsuite.estate.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo's live state agrees with the demo estate: same servers, statuses, alert CIs and titles. */
class DemoLiveStateTest {
    private static final long SEED = 20261125L;
    private static final Instant END = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void everyServerHasAHeartbeatAndOnlyTheRunningOnesAreRecent() {
        Instant now = END.plusSeconds(30);
        DemoLiveState.State s = DemoLiveState.build(SEED, END, 7, now);
        DemoCatalog catalog = new DemoCatalog(SEED);
        List<DemoCi> servers = catalog.cis.stream().filter(c -> c.type().equals("server")).toList();
        assertEquals(servers.size(), s.heartbeats().size());
        for (DemoLiveState.Heartbeat h : s.heartbeats()) {
            DemoCi ci = catalog.ci(h.ciCode());
            assertEquals(ci.status(), h.status());
            long age = now.getEpochSecond() - h.lastSeen();
            assertEquals(ci.status().equals("running"), age < 300, h + " age " + age);
        }
        assertTrue(s.heartbeats().stream().anyMatch(h -> !h.beating()), "some server missed its heartbeat");
    }

    @Test
    void theOpenAlertsAreAlertsOfTheEventsCsvThatNothingClosed() {
        DemoLiveState.State s = DemoLiveState.build(SEED, END, 7, END);
        Set<String> openCis = s.openAlerts().stream().map(DemoLiveState.OpenAlert::ciCode).collect(Collectors.toSet());
        DemoCatalog catalog = new DemoCatalog(SEED);
        Set<String> expected = Set.of("DB015", "DB029", "DB012", catalog.code("search-api"),
                catalog.code("recommendation-api"), catalog.code("catalog-api"));
        assertEquals(expected, openCis);
        List<DemoEvent> events = DemoEvents.build(catalog, new DemoTimeline(END, 7), SEED);
        for (DemoLiveState.OpenAlert a : s.openAlerts()) {
            assertTrue(events.stream().anyMatch(e -> e.ciCode().equals(a.ciCode()) && e.title().equals(a.title())
                    && e.ts().getEpochSecond() == a.openedAt() && e.type().equals("alert")), a.toString());
        }
    }

    @Test
    void queuesBelongToDemoApps() {
        DemoLiveState.State s = DemoLiveState.build(SEED, END, 7, END);
        DemoCatalog catalog = new DemoCatalog(SEED);
        assertTrue(s.queues().size() >= 5);
        for (DemoLiveState.Queue q : s.queues()) {
            assertEquals("app", catalog.ci(q.ciCode()).type(), q.toString());
        }
        assertEquals(42, s.queues().stream().filter(q -> q.ciName().equals("payment-api")).findFirst().orElseThrow().depth());
    }
}
