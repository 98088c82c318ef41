package dev.opsuite.trace.grpc;

import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.Trace;
import java.io.IOException;
import org.curioswitch.common.protobuf.json.MessageMarshaller;

/**
 * A Trace as proto JSON (proto field names) for storage. Printed with the generated marshaller
 * Armeria uses, several times faster than JsonFormat, which took most of trace-service's CPU under
 * ingest (see README, Performance). The stored text parses back with the same JsonFormat parser.
 */
final class TraceJson {
    private static final MessageMarshaller MARSHALLER = MessageMarshaller.builder()
            .register(Trace.getDefaultInstance())
            .preservingProtoFieldNames(true)
            .omittingInsignificantWhitespace(true)
            .build();

    private TraceJson() {}

    /** @throws RuntimeException when the trace has no JSON form (JsonFormat's refusal, e.g. a NaN number) */
    static String print(Trace trace) {
        String json;
        try {
            json = MARSHALLER.writeValueAsString(trace);
        } catch (IOException e) {
            return Structs.toJson(trace);
        }
        // Jackson writes a NaN or infinite Struct number as a string; JsonFormat refuses such a
        // trace, so a suspicious text takes the slow path and gets JsonFormat's verdict.
        if (json.contains("NaN") || json.contains("Infinity")) {
            return Structs.toJson(trace);
        }
        return json;
    }
}
