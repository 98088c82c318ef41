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
                        + "\"bytes_total\":200,\"elapsed_ms\":7}",
                ImportReply.progressData(ImportProgress.newBuilder().setPhase("copy").setRowsRead(10).setRowsWritten(4)
                        .setBytesConsumed(150).setBytesTotal(200).setElapsedMs(7).build()).toString());
        assertEquals("{\"file_kind\":\"cis\",\"file_name\":\"cis.csv\",\"rows_read\":2,\"rows_upserted\":0,\"duration_ms\":3}",
                ImportReply.data(ImportFileResponse.newBuilder().setFileKind("cis").setFileName("cis.csv").setRowsRead(2)
                        .setDurationMs(3).build()).toString());
    }

    private static RequestHeaders headers(String accept) {
        RequestHeaders h = RequestHeaders.of(HttpMethod.POST, "/ops/import/cis");
        return accept == null ? h : h.toBuilder().add("accept", accept).build();
    }
}
