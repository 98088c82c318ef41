package dev.opsuite.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
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
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * messageToStruct walks the message; it must give exactly the Struct the JSON round trip gives
 * (same keys, values and order) and fail where that fails. Checked on randomly filled instances of
 * every top-level message of the ops.v1 contract.
 */
class MessageStructTest {
    private final RandomMessages random = new RandomMessages(20261125);

    static List<Descriptor> contractMessages() {
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

    static Message.Builder builderOf(Descriptor d) throws ReflectiveOperationException {
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
                random.fill(b, 0);
                compare(b.build());
                compared++;
            }
        }
        assertTrue(compared >= 1_200);
    }

    @Test
    void failsWhereTheJsonRoundTripFails() throws Exception {
        random.allowUnprintable = true;
        int failures = 0;
        for (Descriptor d : contractMessages()) {
            for (int i = 0; i < 30; i++) {
                Message.Builder b = builderOf(d);
                random.fill(b, 0);
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
            return false;
        }
        Struct actual = Structs.messageToStruct(m);
        assertEquals(expected, actual, m.getDescriptorForType().getName() + ": " + m);
        assertEquals(Structs.toJson(expected), Structs.toJson(actual), "same key order");
        return true;
    }
}
