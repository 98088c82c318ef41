package dev.opsuite.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.Trace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * messageToStruct walks the message; it must give exactly the Struct the JSON round trip gives
 * (same keys, values and order) and fail where that fails. Checked on randomly filled instances of
 * every top-level message of the ops.v1 contract.
 */
class MessageStructTest {
    private final Random random = new Random(20261125);
    private boolean allowUnprintable;

    private static List<Descriptor> contractMessages() {
        Set<FileDescriptor> files = new LinkedHashSet<>();
        Deque<FileDescriptor> todo = new ArrayDeque<>(List.of(Trace.getDescriptor().getFile(),
                Plan.getDescriptor().getFile(), dev.opsuite.proto.v1.AskRequest.getDescriptor().getFile(),
                dev.opsuite.proto.v1.ExecuteRequest.getDescriptor().getFile(),
                dev.opsuite.proto.v1.ImportFileRequest.getDescriptor().getFile()));
        while (!todo.isEmpty()) {
            FileDescriptor f = todo.pop();
            if (f.getPackage().equals("ops.v1") && files.add(f)) {
                todo.addAll(f.getDependencies());
            }
        }
        List<Descriptor> out = new ArrayList<>();
        files.forEach(f -> out.addAll(f.getMessageTypes()));
        return out;
    }

    private static Message.Builder builderOf(Descriptor d) throws ReflectiveOperationException {
        Class<?> c = Class.forName("dev.opsuite.proto.v1." + d.getName());
        return (Message.Builder) c.getMethod("newBuilder").invoke(null);
    }

    @Test
    void sameStructAsTheJsonRoundTripForEveryContractMessage() throws Exception {
        List<Descriptor> messages = contractMessages();
        assertTrue(messages.size() > 40, "the contract's messages were found: " + messages.size());
        int compared = 0;
        for (Descriptor d : messages) {
            for (int i = 0; i < 30; i++) {
                Message.Builder b = builderOf(d);
                fill(b, 0);
                compare(b.build());
                compared++;
            }
        }
        assertTrue(compared >= 1_200);
    }

    @Test
    void failsWhereTheJsonRoundTripFails() throws Exception {
        allowUnprintable = true;
        int failures = 0;
        for (Descriptor d : contractMessages()) {
            for (int i = 0; i < 30; i++) {
                Message.Builder b = builderOf(d);
                fill(b, 0);
                failures += compare(b.build()) ? 0 : 1;
            }
        }
        assertTrue(failures > 10, "unprintable values were generated: " + failures);
        Struct nan = Struct.newBuilder().putFields("x", Value.newBuilder().setNumberValue(Double.NaN).build()).build();
        assertThrows(RuntimeException.class, () -> Structs.messageToStruct(nan));
        // JsonFormat prints a Value with no kind as null
        assertEquals(Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build(), Structs.messageToStruct(
                Struct.newBuilder().putFields("x", Value.getDefaultInstance()).build()).getFieldsOrThrow("x"));
    }

    /** @return whether the message had a JSON form */
    private static boolean compare(Message m) {
        Struct expected;
        try {
            expected = Structs.messageToStructViaJson(m);
        } catch (RuntimeException e) {
            assertThrows(RuntimeException.class, () -> Structs.messageToStruct(m),
                    "the JSON route refused " + m.getDescriptorForType().getName() + " (" + e.getMessage() + ")");
            assertThrows(RuntimeException.class, () -> Structs.messageToStruct(m, new StructMemo()));
            return false;
        }
        Struct actual = Structs.messageToStruct(m);
        assertEquals(expected, actual, m.getDescriptorForType().getName() + ": " + m);
        StructMemo memo = new StructMemo();
        assertEquals(expected, Structs.messageToStruct(m, memo), "through a memo");
        assertEquals(expected, Structs.messageToStruct(m, memo), "from the memo");
        assertEquals(Structs.toJson(expected), Structs.toJson(actual), "same key order");
        return true;
    }

    private void fill(Message.Builder b, int depth) {
        for (FieldDescriptor f : b.getDescriptorForType().getFields()) {
            if (random.nextInt(10) < 3) {
                continue;
            }
            if (f.isMapField()) {
                FieldDescriptor k = f.getMessageType().findFieldByNumber(1);
                FieldDescriptor v = f.getMessageType().findFieldByNumber(2);
                for (int i = random.nextInt(4); i > 0; i--) {
                    Message.Builder entry = b.newBuilderForField(f);
                    entry.setField(k, scalar(k));
                    entry.setField(v, v.getType() == FieldDescriptor.Type.MESSAGE ? message(b.newBuilderForField(f)
                            .newBuilderForField(v), depth) : scalar(v));
                    b.addRepeatedField(f, entry.build());
                }
            } else if (f.isRepeated()) {
                for (int i = random.nextInt(4); i > 0; i--) {
                    b.addRepeatedField(f, f.getType() == FieldDescriptor.Type.MESSAGE
                            ? message(b.newBuilderForField(f), depth) : scalar(f));
                }
            } else {
                b.setField(f, f.getType() == FieldDescriptor.Type.MESSAGE ? message(b.newBuilderForField(f), depth)
                        : scalar(f));
            }
        }
    }

    private Message message(Message.Builder b, int depth) {
        String type = b.getDescriptorForType().getFullName();
        if (type.equals("google.protobuf.Struct")) {
            return struct(depth);
        }
        if (type.equals("google.protobuf.Value")) {
            return value(depth);
        }
        if (type.equals("google.protobuf.ListValue")) {
            return ListValue.newBuilder().addValues(value(depth + 1)).addValues(value(depth + 1)).build();
        }
        if (depth < 3) {
            fill(b, depth + 1);
        }
        return b.build();
    }

    private Struct struct(int depth) {
        Struct.Builder s = Struct.newBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            s.putFields(text(), value(depth + 1));
        }
        return s.build();
    }

    private Value value(int depth) {
        int kind = random.nextInt(depth > 4 ? 4 : 6);
        if (allowUnprintable && random.nextInt(40) == 0) {
            return random.nextBoolean() ? Value.getDefaultInstance()
                    : Value.newBuilder().setNumberValue(random.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY).build();
        }
        return switch (kind) {
            case 0 -> Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
            case 1 -> Value.newBuilder().setNumberValue(number()).build();
            case 2 -> Value.newBuilder().setStringValue(text()).build();
            case 3 -> Value.newBuilder().setBoolValue(random.nextBoolean()).build();
            case 4 -> Value.newBuilder().setStructValue(struct(depth)).build();
            default -> Value.newBuilder().setListValue(ListValue.newBuilder().addValues(value(depth + 1))).build();
        };
    }

    private double number() {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(1000);
            case 1 -> -0.0;
            case 2 -> Double.MAX_VALUE;
            case 3 -> Double.MIN_VALUE;
            default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
        };
    }

    private String text() {
        String[] samples = {"", "서버A", "cpu_usage", "a\"b\\c\nd", "𝄞 ✓", "x".repeat(random.nextInt(5))};
        return samples[random.nextInt(samples.length)];
    }

    private Object scalar(FieldDescriptor f) {
        return switch (f.getJavaType()) {
            case INT -> new int[] {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, random.nextInt()}[random.nextInt(6)];
            case LONG -> new long[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, random.nextLong()}[random.nextInt(5)];
            case FLOAT -> new float[] {0f, 0.1f, -1.5e-7f, Float.MAX_VALUE, Float.NaN, Float.POSITIVE_INFINITY,
                    random.nextFloat()}[random.nextInt(7)];
            case DOUBLE -> new double[] {0, 0.1, 1e300, -2.5e-300, Double.NaN, Double.NEGATIVE_INFINITY,
                    random.nextDouble()}[random.nextInt(7)];
            case BOOLEAN -> random.nextBoolean();
            case STRING -> text();
            case BYTE_STRING -> ByteString.copyFrom(new byte[] {(byte) random.nextInt(256), 0, (byte) 0xff});
            case ENUM -> random.nextInt(8) == 0 ? f.getEnumType().findValueByNumberCreatingIfUnknown(977)
                    : f.getEnumType().getValues().get(random.nextInt(f.getEnumType().getValues().size()));
            case MESSAGE -> throw new IllegalStateException("not a scalar: " + f);
        };
    }
}
