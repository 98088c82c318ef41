package dev.opsuite.gateway.grpc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.opsuite.gateway.rest.Envelopes;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.StageTestRequest;
import io.grpc.Status;

/**
 * Fuzz target of the REST JSON edge (#13): any body is either refused by the JSON parser (a 400) or
 * by the request checks with a message (a 400), and any message an error carries becomes a one-line,
 * bounded envelope. Under `mvn test` it replays its seed inputs (RestJsonFuzzTestInputs/); fuzz for
 * real with `JAZZER_FUZZ=1 mvn -pl gateway test -Dtest=RestJsonFuzzTest`.
 */
class RestJsonFuzzTest {
    private static final RequestChecks CHECKS = new RequestChecks(2000);

    @FuzzTest(maxDuration = "60s")
    void anyBodyIsAnsweredOrRefusedCleanly(FuzzedDataProvider data) {
        String body = data.consumeRemainingAsString();
        try {
            AskRequest.Builder ask = AskRequest.newBuilder();
            JsonFormat.parser().merge(body, ask);
            CHECKS.ask(ask.build());
        } catch (InvalidProtocolBufferException | OpsException refused) {
            envelope(refused.getMessage());
        }
        try {
            StageTestRequest.Builder st = StageTestRequest.newBuilder();
            JsonFormat.parser().merge(body, st);
            CHECKS.stageTest(st.build());
        } catch (InvalidProtocolBufferException | OpsException refused) {
            envelope(refused.getMessage());
        }
    }

    private static void envelope(String message) {
        var r = Envelopes.of(Status.INVALID_ARGUMENT.withDescription(message));
        String text = r.contentUtf8();
        assertTrue(text.startsWith("{\"time\""), text);
        assertFalse(text.contains("\n"), text);
        assertTrue(text.length() < 2_000, "bounded: " + text.length());
    }
}
