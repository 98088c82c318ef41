package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecutorServiceGrpc;
import dev.opsuite.proto.v1.ResolvedAsset;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * #13: executor-service's Execute trusted validated_plan.allowed and the inline asset contents of
 * any caller of its port. Now it runs VALIDATE's checks again on what it is about to run: the
 * recorded request of a real ask, replayed with the template's SQL swapped for a read of pg_authid
 * and "allowed: true", is refused before any statement runs — sent as the gateway (whose asset
 * overrides the executor accepts, so the re-check itself is what refuses), and sent as the operator
 * identity (a person replaying a stage), whose inline content must be the registry's.
 */
class ExecutorRecheckEndToEndTest {

    @Test
    void aForgedAllowedPlanWithASwappedTemplateIsRefusedByTheExecutor() throws Exception {
        AllInOne ops = OpsStack.get();
        Http http = new Http(ops);
        Http.Reply ask = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
        String traceId = ask.data().path("meta").path("trace_id").asText();
        Http.Reply call = null;
        for (int i = 0; i < 50; i++) {
            call = http.get("/ops/traces/" + traceId + "/stages/execute/call");
            if (call.status() == 200) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(200, call.status(), call.raw());
        ExecuteRequest.Builder req = ExecuteRequest.newBuilder();
        JsonFormat.parser().merge(call.data().path("request").toString(), req);
        String template = req.getValidatedPlan().getQueries(0);
        int swapped = 0;
        for (int i = 0; i < req.getAssetsCount(); i++) {
            ResolvedAsset a = req.getAssets(i);
            if (!a.getAssetType().equals("query")) {
                continue;
            }
            Struct.Builder content = a.getContent().toBuilder();
            com.google.protobuf.ListValue.Builder queries = content.getFieldsOrThrow("queries").getListValue().toBuilder();
            for (int q = 0; q < queries.getValuesCount(); q++) {
                Struct.Builder t = queries.getValues(q).getStructValue().toBuilder();
                if (t.getFieldsOrThrow("name").getStringValue().equals(template)) {
                    t.putFields("statement", Value.newBuilder().setStringValue(
                            "SELECT rolname AS ci_code, rolpassword AS value FROM pg_authid").build());
                    t.removeFields("variants");
                    queries.setValues(q, Value.newBuilder().setStructValue(t));
                }
            }
            content.putFields("queries", Value.newBuilder().setListValue(queries).build());
            req.setAssets(i, a.toBuilder().setContent(content));
            swapped++;
        }
        assertEquals(1, swapped, "the request carried the Query asset inline");
        req.getValidatedPlanBuilder().setAllowed(true);
        ManagedChannel ch = StageAuthEndToEndTest.as("gateway", call.data().path("target").asText());
        try {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ExecutorServiceGrpc
                    .newBlockingStub(ch).withDeadlineAfter(30, TimeUnit.SECONDS).execute(req.build()));
            assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode(), e.getStatus().toString());
            assertTrue(e.getStatus().getDescription().contains("re-checked"), e.getStatus().getDescription());
            assertTrue(e.getStatus().getDescription().contains("pg_"), e.getStatus().getDescription());
        } finally {
            ch.shutdownNow();
        }
        ManagedChannel operator = StageAuthEndToEndTest.as("operator", call.data().path("target").asText());
        try {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ExecutorServiceGrpc
                    .newBlockingStub(operator).withDeadlineAfter(30, TimeUnit.SECONDS).execute(req.build()));
            assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode(), e.getStatus().toString());
            assertTrue(e.getStatus().getDescription().contains("not the registry's"), e.getStatus().getDescription());
        } finally {
            operator.shutdownNow();
        }
    }
}
