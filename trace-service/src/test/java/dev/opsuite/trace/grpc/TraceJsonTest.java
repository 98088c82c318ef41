package dev.opsuite.trace.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.RouteDecision;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.ToolCall;
import dev.opsuite.proto.v1.Trace;
import org.junit.jupiter.api.Test;

/** The fast printer stores exactly what JsonFormat would: same parse, same refusals. */
class TraceJsonTest {
    private static Trace sample() {
        Struct nested = Struct.newBuilder()
                .putFields("n", Value.newBuilder().setNumberValue(1.5).build())
                .putFields("i", Value.newBuilder().setNumberValue(42).build())
                .putFields("s", Value.newBuilder().setStringValue("서버A \"quoted\" \\ back\nline").build())
                .putFields("b", Value.newBuilder().setBoolValue(true).build())
                .putFields("z", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())
                .putFields("l", Value.newBuilder().setListValue(ListValue.newBuilder()
                        .addValues(Value.newBuilder().setStringValue("a")).addValues(Value.newBuilder().setNumberValue(-3)))
                        .build())
                .build();
        return Trace.newBuilder().setTraceId("t-1").setQuestion("서버A의 CPU 사용량은?").setDurationMs(12)
                .setStatus("success").putAppliedAssets("query", "ci_queries@1").addRoles("viewer")
                .setRouteDecision(RouteDecision.newBuilder().setMetadata(Struct.newBuilder()
                        .putFields("nested", Value.newBuilder().setStructValue(nested).build())))
                .addStageOutputs(StageOutput.newBuilder().setStage("execute").setDurationMs(3).setResult(nested))
                .addToolCalls(ToolCall.newBuilder().setTool("metric_executor").setElapsedMs(1).setInputParams(nested))
                .build();
    }

    @Test
    void printsWhatJsonFormatParsesBackToTheSameTrace() {
        Trace t = sample();
        String json = TraceJson.print(t);
        assertEquals(t, Structs.fromJson(json, Trace.newBuilder()).build());
        assertEquals(Structs.fromJson(Structs.toJson(t), Trace.newBuilder()).build(),
                Structs.fromJson(json, Trace.newBuilder()).build());
        assertTrue(json.contains("\"trace_id\":\"t-1\"") && json.contains("\"duration_ms\":12"), json);
    }

    @Test
    void aNanNumberIsRefusedAsJsonFormatRefusesIt() {
        Trace nan = sample().toBuilder().setRouteDecision(RouteDecision.newBuilder().setMetadata(Struct.newBuilder()
                .putFields("k", Value.newBuilder().setNumberValue(Double.NaN).build()))).build();
        assertThrows(RuntimeException.class, () -> TraceJson.print(nan));
        Trace inf = sample().toBuilder().setRouteDecision(RouteDecision.newBuilder().setMetadata(Struct.newBuilder()
                .putFields("k", Value.newBuilder().setNumberValue(Double.POSITIVE_INFINITY).build()))).build();
        assertThrows(RuntimeException.class, () -> TraceJson.print(inf));
    }

    @Test
    void aQuestionMentioningNanStillStores() {
        Trace t = sample().toBuilder().setQuestion("is NaN or Infinity in the data?").build();
        assertEquals(t, Structs.fromJson(TraceJson.print(t), Trace.newBuilder()).build());
    }
}
