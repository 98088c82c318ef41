package dev.opsuite.trace.grpc;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.RouteOutput;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.Trace;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what RCA compares traces by from an encoded trace, without parsing it into a message: the
 * plan's intent and view (route_output.plan_raw) and each stage's milliseconds (stage_outputs, summed
 * per stage). Runs after {@link TraceWire#scan} accepted the encoding; it descends only into
 * route_output, plan_raw and stage_outputs and skips everything else by length.
 */
final class TraceTimings {
    private static final int MAX_STAGES = 32;

    /** intent and view as enum names ("" when the trace has no plan); ms per stage name. */
    record Read(String intent, String view, Map<String, Integer> stageMs) {}

    private TraceTimings() {}

    static Read read(byte[] encoded) {
        int[] plan = {0, 0};
        Map<String, Integer> stages = new TreeMap<>();
        try {
            CodedInputStream in = CodedInputStream.newInstance(encoded);
            int tag;
            while ((tag = in.readTag()) != 0) {
                int number = WireFormat.getTagFieldNumber(tag);
                boolean delimited = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
                if (delimited && number == Trace.ROUTE_OUTPUT_FIELD_NUMBER) {
                    nested(in, n -> routeOutput(n, plan));
                } else if (delimited && number == Trace.STAGE_OUTPUTS_FIELD_NUMBER) {
                    nested(in, n -> stageOutput(n, stages));
                } else {
                    in.skipField(tag);
                }
            }
        } catch (IOException e) {
            // TraceWire accepted the bytes; a trace this cannot read simply has no timings
            return new Read("", "", Map.of());
        }
        return new Read(plan[0] == 0 ? "" : name(dev.opsuite.proto.v1.Intent.forNumber(plan[0]), plan[0]),
                plan[1] == 0 ? "" : name(dev.opsuite.proto.v1.View.forNumber(plan[1]), plan[1]), stages);
    }

    private static String name(Enum<?> e, int number) {
        return e == null ? String.valueOf(number) : e.name();
    }

    private interface Body {
        void read(CodedInputStream in) throws IOException;
    }

    private static void nested(CodedInputStream in, Body body) throws IOException {
        int old = in.pushLimit(in.readRawVarint32());
        body.read(in);
        in.skipRawBytes(in.getBytesUntilLimit());
        in.popLimit(old);
    }

    private static void routeOutput(CodedInputStream in, int[] plan) throws IOException {
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == (RouteOutput.PLAN_RAW_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                nested(in, p -> {
                    int t;
                    while ((t = p.readTag()) != 0) {
                        if (t == (Plan.INTENT_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_VARINT)) {
                            plan[0] = p.readEnum();
                        } else if (t == (Plan.VIEW_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_VARINT)) {
                            plan[1] = p.readEnum();
                        } else {
                            p.skipField(t);
                        }
                    }
                });
            } else {
                in.skipField(tag);
            }
        }
    }

    private static void stageOutput(CodedInputStream in, Map<String, Integer> stages) throws IOException {
        String stage = "";
        int ms = 0;
        int tag;
        while ((tag = in.readTag()) != 0) {
            if (tag == (StageOutput.STAGE_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                stage = in.readStringRequireUtf8();
            } else if (tag == (StageOutput.DURATION_MS_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_VARINT)) {
                ms = in.readInt32();
            } else {
                in.skipField(tag);
            }
        }
        if (!stage.isEmpty() && (stages.containsKey(stage) || stages.size() < MAX_STAGES)) {
            stages.merge(stage, Math.max(0, ms), (a, b) -> (int) Math.min(Integer.MAX_VALUE, (long) a + b));
        }
    }
}
