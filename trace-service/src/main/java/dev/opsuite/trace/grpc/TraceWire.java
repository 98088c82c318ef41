package dev.opsuite.trace.grpc;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Value;
import com.google.protobuf.WireFormat;
import dev.opsuite.proto.v1.Trace;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * One pass over an encoded ops.v1.Trace that checks it exactly as parsing it would, and reads the
 * fields the store indexes, without building the message. Parsing each trace into objects was
 * three quarters of trace-service's CPU under ingest (README, Performance); this pass allocates
 * only the indexed strings.
 *
 * <p>It refuses what {@code Trace.parseFrom} refuses: truncated or malformed wire data, strings
 * that are not UTF-8 (also map keys and values), nesting deeper than protobuf's limit of 100. It
 * skips what the parser keeps as unknown fields (unknown numbers, a known field with another wire
 * type). It also refuses a Struct number that is NaN or infinite: such a trace has no proto JSON
 * form, and REST, the Inspector and RCA show traces as JSON. {@code TraceWireTest} compares it
 * with the parser on mutated encodings.
 */
final class TraceWire {
    private static final int RECURSION_LIMIT = 100;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final Descriptor VALUE = Value.getDescriptor();
    private static final int NUMBER_VALUE_FIELD = Value.NUMBER_VALUE_FIELD_NUMBER;
    private static final Shape TRACE = Shape.of(Trace.getDescriptor(), new HashMap<>());
    private static final int MAX_HEADER_FIELD = Math.max(Trace.CREATED_AT_FIELD_NUMBER, Trace.CALLER_FIELD_NUMBER);

    /** The indexed fields, by Trace field number (strings), plus duration_ms; last occurrence wins. */
    static final class Header {
        private final String[] text = new String[MAX_HEADER_FIELD + 1];
        private int durationMs;

        String text(int fieldNumber) {
            String s = text[fieldNumber];
            return s == null ? "" : s;
        }

        int durationMs() {
            return durationMs;
        }
    }

    /** Thrown for a trace that has no JSON form. */
    static final class NonFiniteNumber extends Exception {
        NonFiniteNumber(String message) {
            super(message);
        }
    }

    private TraceWire() {}

    static Header scan(byte[] encoded) throws InvalidProtocolBufferException, NonFiniteNumber {
        Header header = new Header();
        try {
            CodedInputStream in = CodedInputStream.newInstance(encoded);
            walk(in, encoded, TRACE, header, 0);
        } catch (InvalidProtocolBufferException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidProtocolBufferException(e);
        }
        return header;
    }

    private static void walk(CodedInputStream in, byte[] buf, Shape shape, Header header, int depth)
            throws IOException, NonFiniteNumber {
        int tag;
        while ((tag = in.readTag()) != 0) {
            int number = WireFormat.getTagFieldNumber(tag);
            int wire = WireFormat.getTagWireType(tag);
            byte kind = shape.kind(number);
            if (kind == Shape.UNKNOWN) {
                skip(in, tag);
            } else if (wire != shape.wire[number]) {
                if (shape.packable[number] && wire == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                    packed(in, shape.wire[number]);
                } else {
                    skip(in, tag); // the parser keeps it as an unknown field
                }
            } else if (kind == Shape.MESSAGE) {
                message(in, buf, shape.child[number], depth);
            } else if (kind == Shape.STRING) {
                int length = in.readRawVarint32();
                int at = in.getTotalBytesRead();
                if (length < 0 || length > buf.length - at) {
                    throw bad("the input ended in the middle of a field, or a length is wrong");
                }
                if (!validUtf8(buf, at, at + length)) {
                    throw bad("a string is not valid UTF-8");
                }
                if (header != null && number <= MAX_HEADER_FIELD) {
                    header.text[number] = new String(buf, at, length, StandardCharsets.UTF_8);
                }
                in.skipRawBytes(length);
            } else if (kind == Shape.NUMBER_VALUE) {
                double d = Double.longBitsToDouble(in.readRawLittleEndian64());
                if (!Double.isFinite(d)) {
                    throw new NonFiniteNumber("a Struct number is " + d + ", which has no JSON form");
                }
            } else if (kind == Shape.DURATION && header != null) {
                header.durationMs = in.readInt32();
            } else {
                skip(in, tag);
            }
        }
    }

    private static void message(CodedInputStream in, byte[] buf, Shape type, int depth)
            throws IOException, NonFiniteNumber {
        if (depth >= RECURSION_LIMIT) {
            throw bad("messages are nested more than 100 deep");
        }
        int length = in.readRawVarint32();
        if (length < 0) {
            throw bad("a length is negative");
        }
        int old = in.pushLimit(length);
        walk(in, buf, type, null, depth + 1);
        in.checkLastTagWas(0);
        if (in.getBytesUntilLimit() != 0) {
            throw bad("the input ended in the middle of a field, or a length is wrong");
        }
        in.popLimit(old);
    }

    /**
     * A message type's fields by number, computed once from its descriptor: looking fields up in
     * descriptors per field took most of the pass's time.
     */
    static final class Shape {
        static final byte UNKNOWN = 0;
        static final byte MESSAGE = 1;
        static final byte STRING = 2;
        static final byte NUMBER_VALUE = 3;
        static final byte DURATION = 4;
        static final byte OTHER = 5;

        private final byte[] kinds;
        final int[] wire;
        final boolean[] packable;
        final Shape[] child;

        private Shape(int maxNumber) {
            kinds = new byte[maxNumber + 1];
            wire = new int[maxNumber + 1];
            packable = new boolean[maxNumber + 1];
            child = new Shape[maxNumber + 1];
        }

        byte kind(int number) {
            return number < kinds.length ? kinds[number] : UNKNOWN;
        }

        static Shape of(Descriptor type, Map<Descriptor, Shape> done) {
            Shape known = done.get(type);
            if (known != null) {
                return known;
            }
            int max = type.getFields().stream().mapToInt(FieldDescriptor::getNumber).max().orElse(0);
            if (max > 10_000) {
                throw new IllegalStateException(type.getFullName() + " has field numbers too large for a table");
            }
            Shape s = new Shape(max);
            done.put(type, s); // before the fields: Struct, Value and ListValue refer to each other
            for (FieldDescriptor f : type.getFields()) {
                int n = f.getNumber();
                s.wire[n] = f.getLiteType().getWireType();
                s.packable[n] = f.isPackable();
                if (f.getType() == FieldDescriptor.Type.MESSAGE) {
                    s.kinds[n] = MESSAGE;
                    s.child[n] = of(f.getMessageType(), done);
                } else if (f.getType() == FieldDescriptor.Type.GROUP) {
                    s.kinds[n] = OTHER; // none in the contract; skipped whole, as an unknown group would be
                } else if (f.getType() == FieldDescriptor.Type.STRING) {
                    s.kinds[n] = STRING;
                } else if (type == VALUE && n == NUMBER_VALUE_FIELD) {
                    s.kinds[n] = NUMBER_VALUE;
                } else if (type == Trace.getDescriptor() && n == Trace.DURATION_MS_FIELD_NUMBER) {
                    s.kinds[n] = DURATION;
                } else {
                    s.kinds[n] = OTHER;
                }
            }
            return s;
        }
    }

    private static void packed(CodedInputStream in, int elementWire) throws IOException {
        int length = in.readRawVarint32();
        if (length < 0) {
            throw bad("a length is negative");
        }
        int old = in.pushLimit(length);
        while (in.getBytesUntilLimit() > 0) {
            switch (elementWire) {
                case WireFormat.WIRETYPE_VARINT -> in.readRawVarint64();
                case WireFormat.WIRETYPE_FIXED32 -> in.readRawLittleEndian32();
                case WireFormat.WIRETYPE_FIXED64 -> in.readRawLittleEndian64();
                default -> throw bad("a packed field has an invalid wire type");
            }
        }
        in.popLimit(old);
    }

    private static void skip(CodedInputStream in, int tag) throws IOException {
        if (!in.skipField(tag)) {
            // an end-group tag where no group was open: the parser refuses it too
            throw bad("an end-group tag does not match an open group");
        }
    }

    /** Well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF), as protobuf requires. */
    static boolean validUtf8(byte[] b, int i, int end) {
        while (i < end) {
            // eight ASCII bytes at a time: most of a trace's text is ASCII
            while (i + 8 <= end && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0) {
                i += 8;
            }
            if (i >= end) {
                break;
            }
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
            } else if (c < 0xC2) {
                return false;
            } else if (c < 0xE0) {
                if (i + 1 >= end || !continuation(b[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (c < 0xF0) {
                if (i + 2 >= end) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                int lo = c == 0xE0 ? 0xA0 : 0x80;
                int hi = c == 0xED ? 0x9F : 0xBF;
                if (c1 < lo || c1 > hi || !continuation(b[i + 2])) {
                    return false;
                }
                i += 3;
            } else if (c < 0xF5) {
                if (i + 3 >= end) {
                    return false;
                }
                int c1 = b[i + 1] & 0xFF;
                int lo = c == 0xF0 ? 0x90 : 0x80;
                int hi = c == 0xF4 ? 0x8F : 0xBF;
                if (c1 < lo || c1 > hi || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static InvalidProtocolBufferException bad(String why) {
        return new InvalidProtocolBufferException(why);
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
