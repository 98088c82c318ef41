package dev.opsuite.kit.json;

import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The Structs one trace's messages were converted into ({@link Structs#messageToStruct(Message, StructMemo)}),
 * kept by message identity while that trace is recorded: protobuf messages never change, so a message
 * met again — the plan a stage returned and the next stage got, the tool results COMPOSE was sent — is
 * the same Struct, not converted again. One per trace, dropped with it (its size is the trace's messages);
 * not for sharing between threads.
 */
public final class StructMemo {
    private final Map<Message, Struct> byMessage = new IdentityHashMap<>();
    private int converted;

    Struct get(Message m) {
        return byMessage.get(m);
    }

    void put(Message m, Struct s) {
        converted++;
        byMessage.put(m, s);
    }

    /** How many messages (nested ones included) were converted, not reused. */
    public int converted() {
        return converted;
    }
}
