package dev.opsuite.trace;

import static dev.opsuite.trace.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.SearchTracesRequest;
import dev.opsuite.proto.v1.SearchTracesResponse;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.TraceSummary;
import dev.opsuite.proto.v1.WriteTracesRequest;
import io.grpc.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceSearchTest {
    private static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");
    private static final int COUNT = 520;

    private RunningService svc;
    private final List<Trace> all = new ArrayList<>();

    @BeforeAll
    void start() {
        svc = RunningService.start(TestDatabase.config(TestDatabase.freshDatabaseUrl()));
        String[] questions = {"서버A의 CPU 사용량은?", "What breaks if DB-01 goes down?", "cpu at 100% on db_01",
                "cpu at 1000 on dbX01", "어제 payment-api에서 발생한 장애 이벤트", "path C:\\temp\\x"};
        for (int i = 0; i < COUNT; i++) {
            // Groups of 7 share a created_at: pagination must break ties by trace_id.
            all.add(Trace.newBuilder()
                    .setTraceId(String.format("s-%04d", i))
                    .setParentTraceId(i % 4 == 0 ? "root-" + (i % 3) : "")
                    .setFeature(i % 2 == 0 ? "ci" : "rca")
                    .setEndpoint("/ops/ci/ask")
                    .setQuestion(questions[i % questions.length] + " #" + i)
                    .setStatus(i % 5 == 0 ? "error" : "success")
                    .setRoute(i % 3 == 0 ? "direct" : "orch")
                    .setDurationMs(i)
                    .setCreatedAt(BASE.plusSeconds(i / 7).toString())
                    .build());
        }
        for (int from = 0; from < COUNT; from += 200) {
            List<Trace> batch = all.subList(from, Math.min(COUNT, from + 200));
            assertEquals(batch.size(), svc.traces().writeTraces(
                    WriteTracesRequest.newBuilder().addAllTraces(batch).build()).getWritten());
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        svc.close();
    }

    /** Expected ids: filter, then newest first, ties by trace_id descending. */
    private List<String> expected(Predicate<Trace> filter) {
        return all.stream().filter(filter)
                .sorted(Comparator.comparing((Trace t) -> Instant.parse(t.getCreatedAt()))
                        .thenComparing(Trace::getTraceId).reversed())
                .map(Trace::getTraceId).toList();
    }

    private List<String> pageThrough(SearchTracesRequest first) {
        List<String> ids = new ArrayList<>();
        SearchTracesRequest req = first;
        for (int guard = 0; guard < 1_000; guard++) {
            SearchTracesResponse page = svc.traces().searchTraces(req);
            page.getTracesList().forEach(s -> ids.add(s.getTraceId()));
            if (page.getNextPageToken().isEmpty()) {
                return ids;
            }
            assertFalse(page.getTracesList().isEmpty(), "a page with a next token is never empty");
            req = req.toBuilder().setPageToken(page.getNextPageToken()).build();
        }
        throw new AssertionError("pagination did not end");
    }

    @Test
    void pagesCoverEverythingNewestFirstWithoutDuplicatesOrGaps() {
        List<String> ids = pageThrough(SearchTracesRequest.newBuilder().setLimit(17).build());
        assertEquals(expected(t -> true), ids);
        assertEquals(ids.size(), new HashSet<>(ids).size());
    }

    @Test
    void filteredPagination() {
        List<String> ids = pageThrough(SearchTracesRequest.newBuilder().setLimit(9).setRoute("orch")
                .setStatus("success").build());
        assertEquals(expected(t -> t.getRoute().equals("orch") && t.getStatus().equals("success")), ids);
    }

    @Test
    void tracesWrittenWhilePagingDoNotDisturbLaterPages() {
        SearchTracesRequest req = SearchTracesRequest.newBuilder().setLimit(50).setFeature("ci").build();
        List<String> want = expected(t -> t.getFeature().equals("ci"));
        SearchTracesResponse first = svc.traces().searchTraces(req);
        Trace late = Trace.newBuilder().setTraceId("late-arrival").setFeature("ci")
                .setCreatedAt(BASE.plusSeconds(10_000).toString()).build();
        svc.traces().writeTraces(WriteTracesRequest.newBuilder().addTraces(late).build());
        all.add(late); // other tests' expectations include it from now on
        List<String> ids = new ArrayList<>();
        first.getTracesList().forEach(s -> ids.add(s.getTraceId()));
        ids.addAll(pageThrough(req.toBuilder().setPageToken(first.getNextPageToken()).build()));
        assertEquals(want, ids);
    }

    @Test
    void limitDefaultsTo50AndIsCappedAt500() {
        assertEquals(50, svc.traces().searchTraces(SearchTracesRequest.getDefaultInstance()).getTracesCount());
        SearchTracesResponse capped = svc.traces().searchTraces(SearchTracesRequest.newBuilder().setLimit(10_000).build());
        assertEquals(500, capped.getTracesCount());
        assertFalse(capped.getNextPageToken().isEmpty());
    }

    @Test
    void filtersByRouteStatusFeatureAndParent() {
        SearchTracesRequest.Builder all500 = SearchTracesRequest.newBuilder().setLimit(500);
        assertEquals(expected(t -> t.getRoute().equals("direct")),
                ids(all500.clone().setRoute("direct")));
        assertEquals(expected(t -> t.getStatus().equals("error")), ids(all500.clone().setStatus("error")));
        assertEquals(expected(t -> t.getFeature().equals("rca")), ids(all500.clone().setFeature("rca")));
        assertEquals(expected(t -> t.getParentTraceId().equals("root-1")),
                ids(all500.clone().setParentTraceId("root-1")));
        assertEquals(expected(t -> t.getFeature().equals("ci") && t.getStatus().equals("error")
                && t.getRoute().equals("orch")), ids(all500.clone().setFeature("ci").setStatus("error").setRoute("orch")));
        assertEquals(List.of(), ids(all500.clone().setRoute("nope")));
    }

    @Test
    void aTimeWindowKeepsTracesFromSinceUpToButNotIncludingUntil() {
        Instant since = BASE.plusSeconds(10);
        Instant until = BASE.plusSeconds(20);
        List<String> window = pageThrough(SearchTracesRequest.newBuilder().setLimit(25).setSince(since.toString())
                .setUntil(until.atOffset(java.time.ZoneOffset.ofHours(9)).toString()).build());
        assertEquals(expected(t -> !Instant.parse(t.getCreatedAt()).isBefore(since)
                && Instant.parse(t.getCreatedAt()).isBefore(until)), window);
        assertEquals(70, window.size(), "ten seconds of seven traces each");
        assertEquals(expected(t -> Instant.parse(t.getCreatedAt()).isBefore(until) && t.getStatus().equals("error")),
                ids(SearchTracesRequest.newBuilder().setLimit(500).setUntil(until.toString()).setStatus("error")));
    }

    @Test
    void questionFilterIsCaseInsensitiveAndLiteral() {
        SearchTracesRequest.Builder b = SearchTracesRequest.newBuilder().setLimit(500);
        assertEquals(expected(t -> t.getQuestion().toLowerCase(Locale.ROOT).contains("cpu")), ids(b.clone().setQ("CPU")));
        assertEquals(expected(t -> t.getQuestion().contains("100%")), ids(b.clone().setQ("100%")));
        assertEquals(expected(t -> t.getQuestion().contains("db_01")), ids(b.clone().setQ("db_01")));
        assertEquals(expected(t -> t.getQuestion().contains("C:\\temp")), ids(b.clone().setQ("c:\\TEMP")));
        assertEquals(expected(t -> t.getQuestion().contains("장애")), ids(b.clone().setQ("장애")));
        assertEquals(List.of(), ids(b.clone().setQ("%%%")));
        // An unescaped "_" would match every question; literally it matches only the db_01 ones.
        List<String> underscore = ids(b.clone().setQ("_"));
        assertEquals(expected(t -> t.getQuestion().contains("_")), underscore);
        assertTrue(underscore.size() < COUNT / 5, "underscore matched " + underscore.size());
    }

    @Test
    void summariesCarryTheListedFields() {
        TraceSummary s = svc.traces().searchTraces(SearchTracesRequest.newBuilder().setLimit(1)
                .setParentTraceId("root-0").setQ("#516").build()).getTraces(0);
        Trace t = all.get(516);
        assertEquals(TraceSummary.newBuilder().setTraceId(t.getTraceId()).setParentTraceId(t.getParentTraceId())
                .setFeature(t.getFeature()).setEndpoint(t.getEndpoint()).setQuestion(t.getQuestion())
                .setStatus(t.getStatus()).setRoute(t.getRoute()).setDurationMs(t.getDurationMs())
                .setCreatedAt(t.getCreatedAt()).setPlanShape("ci:-:direct:-:-").build(), s);
    }

    @Test
    void badRequestsAreInvalidArgument() {
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> svc.traces().searchTraces(
                SearchTracesRequest.newBuilder().setPageToken("not-a-token").build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> svc.traces().searchTraces(
                SearchTracesRequest.newBuilder().setPageToken("MXxub3R8eA").build())); // "1|not|x"
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> svc.traces().searchTraces(
                SearchTracesRequest.newBuilder().setLimit(-1).build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> svc.traces().searchTraces(
                SearchTracesRequest.newBuilder().setParentTraceId("p".repeat(129)).build()));
        for (String bad : new String[] {"yesterday", "2026-12-03", "2026-12-03T09:00", "'; drop table ops.traces; --",
            "9".repeat(80)}) {
            assertStatus(Status.Code.INVALID_ARGUMENT, () -> svc.traces().searchTraces(
                    SearchTracesRequest.newBuilder().setSince(bad).build()));
        }
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> svc.traces().searchTraces(SearchTracesRequest.newBuilder()
                .setSince(BASE.plusSeconds(5).toString()).setUntil(BASE.toString()).build()));
    }

    private List<String> ids(SearchTracesRequest.Builder req) {
        SearchTracesResponse r = svc.traces().searchTraces(req.build());
        assertTrue(r.getNextPageToken().isEmpty(), "expected a single page");
        return r.getTracesList().stream().map(TraceSummary::getTraceId).toList();
    }
}
