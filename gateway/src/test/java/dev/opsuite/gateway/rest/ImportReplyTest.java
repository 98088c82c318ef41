package dev.opsuite.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.RequestHeaders;
import dev.opsuite.proto.v1.ImportFileResponse;
import dev.opsuite.proto.v1.ImportProgress;
import org.junit.jupiter.api.Test;

/** Which callers get events, and what the events say. */
class ImportReplyTest {

    @Test
    void onlyAnAcceptThatNamesTheEventStreamGetsEvents() {
        for (String accept : new String[] {"text/event-stream", "application/json, text/event-stream",
                "text/event-stream; q=0.5", "TEXT/EVENT-STREAM", "garbage;;, text/event-stream"}) {
            assertTrue(ImportReply.wantsEvents(headers(accept)), accept);
        }
        for (String accept : new String[] {null, "", "*/*", "text/*", "application/json", "text/event-stream;q=0",
                "application/x-ndjson", "text/event-stream;;;=", "not a media type", "text/event-streams"}) {
            assertFalse(ImportReply.wantsEvents(headers(accept)), accept);
        }
    }

    @Test
    void theEventsCarryTheFiguresInSnakeCase() {
        assertEquals("{\"phase\":\"copy\",\"rows_read\":10,\"rows_written\":4,\"rows_refused\":0,\"bytes_consumed\":150,"
                        + "\"bytes_total\":200,\"elapsed_ms\":7,\"rows_per_second\":571,\"bytes_per_second\":21429,\"eta_ms\":2}",
                ImportReply.progressData(ImportProgress.newBuilder().setPhase("copy").setRowsRead(10).setRowsWritten(4)
                        .setBytesConsumed(150).setBytesTotal(200).setElapsedMs(7).setRowsPerSecond(571)
                        .setBytesPerSecond(21429).setEtaMs(2).build()).toString());
        // no ETA before a byte is read: the field is absent, not 0
        assertEquals("{\"phase\":\"validate\",\"rows_read\":0,\"rows_written\":0,\"rows_refused\":0,\"bytes_consumed\":0,"
                        + "\"bytes_total\":200,\"elapsed_ms\":0,\"rows_per_second\":0,\"bytes_per_second\":0}",
                ImportReply.progressData(ImportProgress.newBuilder().setPhase("validate").setBytesTotal(200).build())
                        .toString());
        assertEquals("{\"file_kind\":\"cis\",\"file_name\":\"cis.csv\",\"rows_read\":2,\"rows_upserted\":0,\"duration_ms\":3}",
                ImportReply.data(ImportFileResponse.newBuilder().setFileKind("cis").setFileName("cis.csv").setRowsRead(2)
                        .setDurationMs(3).build()).toString());
    }

    private static RequestHeaders headers(String accept) {
        RequestHeaders h = RequestHeaders.of(HttpMethod.POST, "/ops/import/cis");
        return accept == null ? h : h.toBuilder().add("accept", accept).build();
    }
}
