package dev.opsuite.trace.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.opsuite.proto.v1.RouteDecision;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.Trace;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass check accepts and refuses exactly what Trace.parseFrom does, and reads the indexed fields. */
class TraceWireTest {
    private static Trace sample(double number) {
        Struct nested = Struct.newBuilder()
                .putFields("l", Value.newBuilder().setListValue(ListValue.newBuilder()
                        .addValues(Value.newBuilder().setNumberValue(number))
                        .addValues(Value.newBuilder().setStringValue("서버A \"q\" ✓ 𝄞"))).build())
                .putFields("b", Value.newBuilder().setBoolValue(true).build())
                .build();
        return Trace.newBuilder().setTraceId("t-1").setParentTraceId("p-1").setFeature("ci").setEndpoint("/ops/ci/ask")
                .setMethod("POST").setOpsMode("real").setQuestion("서버A의 CPU 사용량은?").setStatus("success")
                .setRoute("orch").setDurationMs(42).setCreatedAt("2026-11-25T10:00:00Z")
                .putAppliedAssets("query", "ci_queries@1")
                .setRouteDecision(RouteDecision.newBuilder().setMetadata(nested))
                .addStageOutputs(StageOutput.newBuilder().setStage("execute").setDurationMs(3).setResult(Struct.newBuilder()
                        .putFields("n", Value.newBuilder().setStructValue(nested).build())))
                .build();
    }

    private static boolean parses(byte[] b) {
        try {
            Trace.parseFrom(b);
            return true;
        } catch (InvalidProtocolBufferException e) {
            return false;
        }
    }

    private static boolean scans(byte[] b) {
        try {
            TraceWire.scan(b);
            return true;
        } catch (InvalidProtocolBufferException e) {
            return false;
        } catch (TraceWire.NonFiniteNumber e) {
            throw new AssertionError("no non-finite numbers in the sample", e);
        }
    }

    @Test
    void readsTheIndexedFieldsLastOccurrenceWinning() throws Exception {
        TraceWire.Header h = TraceWire.scan(sample(1.5).toByteArray());
        assertEquals("t-1", h.text(Trace.TRACE_ID_FIELD_NUMBER));
        assertEquals("서버A의 CPU 사용량은?", h.text(Trace.QUESTION_FIELD_NUMBER));
        assertEquals("2026-11-25T10:00:00Z", h.text(Trace.CREATED_AT_FIELD_NUMBER));
        assertEquals(42, h.durationMs());
        byte[] merged = concat(sample(1.5).toByteArray(), Trace.newBuilder().setTraceId("t-2").setDurationMs(7).build()
                .toByteArray());
        TraceWire.Header m = TraceWire.scan(merged);
        assertEquals("t-2", m.text(Trace.TRACE_ID_FIELD_NUMBER));
        assertEquals(7, m.durationMs());
        assertEquals("", TraceWire.scan(new byte[0]).text(Trace.ROUTE_FIELD_NUMBER));
    }

    @Test
    void agreesWithTheParserOnEveryMutation() {
        byte[] good = sample(53.1).toByteArray();
        Random r = new Random(20261125);
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] b = Arrays.copyOf(good, good.length);
            switch (i % 4) {
                case 0 -> b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length));
                case 2 -> {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                    b[r.nextInt(b.length)] = (byte) (0x80 | r.nextInt(128));
                }
                default -> {
                    int at = r.nextInt(b.length);
                    b[at] = (byte) (b[at] ^ (1 << r.nextInt(8)));
                }
            }
            boolean parser;
            boolean wire;
            parser = parses(b);
            try {
                wire = scans(b);
            } catch (AssertionError e) {
                continue; // a mutation that made a NaN: covered below
            }
            assertEquals(parser, wire, "mutation " + i + " of " + Arrays.toString(b));
            refused += parser ? 0 : 1;
        }
        assertTrue(refused > 1_000, "the mutations must exercise refusals, got " + refused);
    }

    @Test
    void nestingBeyondTheParsersLimitIsRefusedLikeTheParser() {
        for (int depth : new int[] {40, 48, 49, 50, 60}) {
            Value v = Value.newBuilder().setStringValue("leaf").build();
            for (int i = 0; i < depth; i++) {
                v = Value.newBuilder().setStructValue(Struct.newBuilder().putFields("k", v)).build();
            }
            byte[] b = Trace.newBuilder().setRouteDecision(RouteDecision.newBuilder().setMetadata(
                    Struct.newBuilder().putFields("root", v))).build().toByteArray();
            assertEquals(parses(b), scans(b), "depth " + depth);
        }
    }

    @Test
    void nonFiniteStructNumbersAreRefused() {
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            byte[] b = sample(d).toByteArray();
            assertThrows(TraceWire.NonFiniteNumber.class, () -> TraceWire.scan(b), "refused: " + d);
        }
        assertFalse(Double.isNaN(Double.MAX_VALUE));
        assertTrue(scans(sample(Double.MAX_VALUE).toByteArray()));
        assertTrue(scans(sample(-0.0).toByteArray()));
    }

    @Test
    void utf8CheckMatchesTheJdkDecoderOnRandomBytes() {
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            // short and long (the eight-byte ASCII path), mostly ASCII with stray and valid multibyte bytes
            byte[] b = new byte[1 + r.nextInt(i % 2 == 0 ? 6 : 40)];
            for (int j = 0; j < b.length; j++) {
                int k = r.nextInt(10);
                b[j] = (byte) (k < 6 ? r.nextInt(0x80) : k < 8 ? 0x80 + r.nextInt(0x80) : r.nextInt(256));
            }
            byte[] hangul = "서버".getBytes(StandardCharsets.UTF_8);
            if (i % 3 == 0 && b.length >= hangul.length) {
                System.arraycopy(hangul, 0, b, r.nextInt(b.length - hangul.length + 1), hangul.length);
            }
            assertEquals(strictUtf8(b), TraceWire.validUtf8(b, 0, b.length), Arrays.toString(b));
        }
        assertTrue(TraceWire.validUtf8("서버A ✓ 𝄞".getBytes(StandardCharsets.UTF_8), 0, 12));
    }

    private static boolean strictUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
