package dev.opsuite.kit.json;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between protobuf Struct/Value and plain Java (Map, List, String, Number, Boolean,
 * null), and proto messages to/from JSON with proto field names. The grpc layers use this to hand
 * the domain plain Java.
 */
public final class Structs {
    private static final JsonFormat.Printer PRINTER =
            JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace()
                    .usingTypeRegistry(StageMessages.REGISTRY);
    // the stage messages a trace packs in an Any are known to both, so a trace's JSON reads back
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields()
            .usingTypeRegistry(StageMessages.REGISTRY);

    private Structs() {}

    public static Map<String, Object> toMap(Struct s) {
        Map<String, Object> m = new LinkedHashMap<>();
        s.getFieldsMap().forEach((k, v) -> m.put(k, toJava(v)));
        return m;
    }

    public static Object toJava(Value v) {
        return switch (v.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case NUMBER_VALUE -> v.getNumberValue();
            case STRING_VALUE -> v.getStringValue();
            case BOOL_VALUE -> v.getBoolValue();
            case STRUCT_VALUE -> toMap(v.getStructValue());
            case LIST_VALUE -> toList(v.getListValue());
        };
    }

    public static List<Object> toList(ListValue l) {
        List<Object> out = new ArrayList<>(l.getValuesCount());
        for (Value v : l.getValuesList()) {
            out.add(toJava(v));
        }
        return out;
    }

    public static Struct toStruct(Map<String, ?> m) {
        Struct.Builder b = Struct.newBuilder();
        if (m != null) {
            m.forEach((k, v) -> b.putFields(k, toValue(v)));
        }
        return b.build();
    }

    public static ListValue toListValue(List<?> l) {
        ListValue.Builder b = ListValue.newBuilder();
        for (Object o : l) {
            b.addValues(toValue(o));
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    public static Value toValue(Object o) {
        if (o == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (o instanceof Value v) {
            return v;
        }
        if (o instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        }
        if (o instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (o instanceof BigDecimal d) {
            return Value.newBuilder().setNumberValue(d.doubleValue()).build();
        }
        if (o instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (o instanceof Map<?, ?> m) {
            return Value.newBuilder().setStructValue(toStruct((Map<String, ?>) m)).build();
        }
        if (o instanceof List<?> l) {
            return Value.newBuilder().setListValue(toListValue(l)).build();
        }
        if (o instanceof Struct s) {
            return Value.newBuilder().setStructValue(s).build();
        }
        if (o instanceof Message msg) {
            return Value.newBuilder().setStructValue(messageToStruct(msg)).build();
        }
        if (o instanceof TemporalAccessor || o instanceof java.util.Date) {
            return Value.newBuilder().setStringValue(o.toString()).build();
        }
        return Value.newBuilder().setStringValue(String.valueOf(o)).build();
    }

    /** A proto message as JSON with proto (snake_case) field names. */
    public static String toJson(Message m) {
        try {
            return PRINTER.print(m);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot print " + m.getDescriptorForType().getFullName(), e);
        }
    }

    public static <B extends Message.Builder> B fromJson(String json, B builder) {
        try {
            PARSER.merge(json, builder);
            return builder;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("invalid JSON for " + builder.getDescriptorForType().getName()
                    + ": " + e.getMessage(), e);
        }
    }

    private static final JsonFormat.Parser STRICT = JsonFormat.parser().usingTypeRegistry(StageMessages.REGISTRY);

    /** Parses JSON that must fit the message exactly: unknown fields and enum values are errors. */
    public static <B extends Message.Builder> B fromJsonStrict(String json, B builder) {
        try {
            STRICT.merge(json, builder);
            return builder;
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A proto message as the Struct its JSON form parses into, for stage inputs and outputs in traces. */
    public static Struct messageToStruct(Message m) {
        return MessageStruct.of(m);
    }

    /**
     * The same, a message (or one nested in it) converted before with this {@code memo} not converted again:
     * a trace records one stage's output as the next stage's input, and the messages they share.
     */
    public static Struct messageToStruct(Message m, StructMemo memo) {
        return MessageStruct.of(m, memo);
    }

    /** The same through the JSON text: the definition {@link #messageToStruct} is tested against. */
    static Struct messageToStructViaJson(Message m) {
        return fromJson(toJson(m), Struct.newBuilder()).build();
    }

    /** A Struct read back into a typed message (unknown fields ignored). */
    public static <B extends Message.Builder> B structToMessage(Struct s, B builder) {
        return fromJson(toJson(s), builder);
    }
}
