package dev.opsuite.kit.json;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A proto message as the Struct its proto JSON (proto field names) parses into, built by walking
 * the message instead of printing and parsing JSON. The trace records every stage's input and
 * output this way, and the JSON round trip was about 40 % of the gateway's CPU per ask (README,
 * Performance).
 *
 * <p>It mirrors JsonFormat field by field: the fields {@code getAllFields()} reports, in field
 * number order; 64-bit integers as strings, unsigned integers unsigned; float and double as the
 * number their shortest text denotes, NaN and infinities as strings; bytes as base64; enums by
 * name (by number when unknown, null for NullValue); maps as objects with text keys, in the map's
 * order; Struct, Value and ListValue as themselves (a Value with no kind as null), refusing a
 * non-finite number as JsonFormat does. Other well-known types take the JSON route. {@code
 * MessageStructTest} compares the two on every message of the contract.
 */
final class MessageStruct {
    private MessageStruct() {}

    static Struct of(Message m) {
        return of(m, null);
    }

    /** @param memo this ask's conversions so far, by message identity (null: none kept) */
    static Struct of(Message m, StructMemo memo) {
        if (m instanceof Struct s) {
            return checked(s);
        }
        if (m.getDescriptorForType().getFullName().startsWith("google.protobuf.")) {
            return Structs.fromJson(Structs.toJson(m), Struct.newBuilder()).build();
        }
        Struct kept = memo == null ? null : memo.get(m);
        if (kept != null) {
            return kept;
        }
        Struct.Builder b = Struct.newBuilder();
        for (Map.Entry<FieldDescriptor, Object> e : m.getAllFields().entrySet()) {
            b.putFields(e.getKey().getName(), field(e.getKey(), e.getValue(), memo));
        }
        Struct built = b.build();
        if (memo != null) {
            memo.put(m, built);
        }
        return built;
    }

    private static Value field(FieldDescriptor f, Object v, StructMemo memo) {
        if (f.isMapField()) {
            FieldDescriptor key = f.getMessageType().findFieldByNumber(1);
            FieldDescriptor value = f.getMessageType().findFieldByNumber(2);
            Struct.Builder b = Struct.newBuilder();
            for (Object entry : (List<?>) v) {
                Message e = (Message) entry;
                b.putFields(mapKey(key, e.getField(key)), single(value, e.getField(value), memo));
            }
            return Value.newBuilder().setStructValue(b).build();
        }
        if (f.isRepeated()) {
            ListValue.Builder l = ListValue.newBuilder();
            for (Object item : (List<?>) v) {
                l.addValues(single(f, item, memo));
            }
            return Value.newBuilder().setListValue(l).build();
        }
        return single(f, v, memo);
    }

    private static String mapKey(FieldDescriptor key, Object k) {
        return switch (key.getType()) {
            case UINT32, FIXED32 -> Integer.toUnsignedString((Integer) k);
            case UINT64, FIXED64 -> Long.toUnsignedString((Long) k);
            default -> String.valueOf(k);
        };
    }

    private static Value single(FieldDescriptor f, Object v, StructMemo memo) {
        Value.Builder out = Value.newBuilder();
        switch (f.getType()) {
            case INT32, SINT32, SFIXED32 -> out.setNumberValue((Integer) v);
            case UINT32, FIXED32 -> out.setNumberValue(Integer.toUnsignedLong((Integer) v));
            case INT64, SINT64, SFIXED64 -> out.setStringValue(Long.toString((Long) v));
            case UINT64, FIXED64 -> out.setStringValue(Long.toUnsignedString((Long) v));
            case FLOAT -> {
                float x = (Float) v;
                return Float.isFinite(x) ? out.setNumberValue(Double.parseDouble(Float.toString(x))).build()
                        : out.setStringValue(Float.toString(x)).build();
            }
            case DOUBLE -> {
                double x = (Double) v;
                return Double.isFinite(x) ? out.setNumberValue(x).build() : out.setStringValue(Double.toString(x)).build();
            }
            case BOOL -> out.setBoolValue((Boolean) v);
            case STRING -> out.setStringValue((String) v);
            case BYTES -> out.setStringValue(Base64.getEncoder().encodeToString(((ByteString) v).toByteArray()));
            case ENUM -> {
                EnumValueDescriptor e = (EnumValueDescriptor) v;
                if (f.getEnumType().getFullName().equals("google.protobuf.NullValue")) {
                    out.setNullValue(NullValue.NULL_VALUE);
                } else if (e.getIndex() == -1) {
                    out.setNumberValue(e.getNumber()); // a number this schema does not know
                } else {
                    out.setStringValue(e.getName());
                }
            }
            case MESSAGE, GROUP -> {
                return message((Message) v, memo);
            }
        }
        return out.build();
    }

    private static Value message(Message m, StructMemo memo) {
        if (m instanceof Value v) {
            return checked(v);
        }
        if (m instanceof ListValue l) {
            return Value.newBuilder().setListValue(checked(l)).build();
        }
        if (m instanceof Struct s) {
            return Value.newBuilder().setStructValue(checked(s)).build();
        }
        if (m.getDescriptorForType().getFullName().startsWith("google.protobuf.")) {
            return Structs.fromJson(Structs.toJson(m), Value.newBuilder()).build();
        }
        return Value.newBuilder().setStructValue(of(m, memo)).build();
    }

    /*
     * Struct, Value and ListValue pass as they are once checked to have a JSON form: JsonFormat
     * refuses a non-finite number and prints a Value with no kind as null, which parses back as
     * null_value, so such a Value is rebuilt (rare) to what the JSON round trip gives.
     */
    private static Struct checked(Struct s) {
        return hasUnsetKind(s) ? rebuild(s) : s;
    }

    private static ListValue checked(ListValue l) {
        return hasUnsetKind(l) ? rebuild(l) : l;
    }

    private static Value checked(Value v) {
        return hasUnsetKind(v) ? rebuild(v) : v;
    }

    /** Whether a Value somewhere has no kind; throws for a number JsonFormat refuses. */
    private static boolean hasUnsetKind(Value v) {
        return switch (v.getKindCase()) {
            case NUMBER_VALUE -> {
                if (!Double.isFinite(v.getNumberValue())) {
                    throw new IllegalStateException("cannot print google.protobuf.Value: a number is "
                            + v.getNumberValue() + ", which has no JSON form");
                }
                yield false;
            }
            case STRUCT_VALUE -> hasUnsetKind(v.getStructValue());
            case LIST_VALUE -> hasUnsetKind(v.getListValue());
            case KIND_NOT_SET -> true;
            default -> false;
        };
    }

    private static boolean hasUnsetKind(Struct s) {
        boolean unset = false;
        for (Value v : s.getFieldsMap().values()) {
            unset |= hasUnsetKind(v); // no short cut: every number is checked
        }
        return unset;
    }

    private static boolean hasUnsetKind(ListValue l) {
        boolean unset = false;
        for (Value v : l.getValuesList()) {
            unset |= hasUnsetKind(v);
        }
        return unset;
    }

    private static Value rebuild(Value v) {
        return switch (v.getKindCase()) {
            case STRUCT_VALUE -> Value.newBuilder().setStructValue(rebuild(v.getStructValue())).build();
            case LIST_VALUE -> Value.newBuilder().setListValue(rebuild(v.getListValue())).build();
            case KIND_NOT_SET -> Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
            default -> v;
        };
    }

    private static Struct rebuild(Struct s) {
        Struct.Builder b = Struct.newBuilder();
        s.getFieldsMap().forEach((k, v) -> b.putFields(k, rebuild(v)));
        return b.build();
    }

    private static ListValue rebuild(ListValue l) {
        ListValue.Builder b = ListValue.newBuilder();
        l.getValuesList().forEach(v -> b.addValues(rebuild(v)));
        return b.build();
    }
}
