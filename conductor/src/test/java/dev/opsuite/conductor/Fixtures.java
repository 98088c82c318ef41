package dev.opsuite.conductor;

import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.ReplanEvent;
import dev.opsuite.proto.v1.ReplanTrigger;
import dev.opsuite.proto.v1.StageInput;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.kit.json.Structs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** What the conductor's tests share: a fixed clock, a caller, and readings of a trace. */
final class Fixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneId.of("Asia/Seoul"));

    /** alice sees her own traces and those without a caller. */
    static final Caller ALICE = new Caller() {
        @Override
        public String id() {
            return "alice";
        }

        @Override
        public void mustSee(String traceId, String traceCaller) {
            if (!traceCaller.isEmpty() && !traceCaller.equals("alice")) {
                throw OpsException.notFound("no trace " + traceId);
            }
        }
    };

    private Fixtures() {}

    static List<String> outputs(Trace t) {
        return t.getStageOutputsList().stream().map(StageOutput::getStage).toList();
    }

    static List<String> inputs(Trace t) {
        return t.getStageInputsList().stream().map(StageInput::getStage).toList();
    }

    /** Each replan event's decision_metadata, as plain values. */
    static List<Map<String, Object>> decisions(Trace t) {
        return t.getReplanEventsList().stream().map(e -> Structs.toMap(e.getDecisionMetadata())).toList();
    }

    static List<String> triggers(Trace t) {
        return t.getReplanEventsList().stream().map(ReplanEvent::getTrigger).map(ReplanTrigger::getTriggerType).toList();
    }

    static ReplanTrigger trigger(String type, String stage) {
        return ReplanTrigger.newBuilder().setTriggerType(type).setStageName(stage).setSeverity("low")
                .setReason(type).build();
    }
}
