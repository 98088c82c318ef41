package dev.opsuite.planner.grpc;

import dev.opsuite.kit.json.Structs;
import dev.opsuite.kit.proto.PlanProtos;
import dev.opsuite.llm.LlmCallProtos;
import dev.opsuite.planner.domain.llm.PlanEvent;
import dev.opsuite.planner.domain.llm.Planning;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.ReplanEvent;
import dev.opsuite.proto.v1.ReplanPatch;
import dev.opsuite.proto.v1.ReplanTrigger;
import dev.opsuite.proto.v1.RoutePlanResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The LLM calls and planning events of a RoutePlan, as trace records (tool_calls, replan_events). */
final class LlmTraceProtos {
    private LlmTraceProtos() {}

    static RoutePlanResponse.Builder addTo(RoutePlanResponse.Builder resp, Planning.Result r) {
        r.calls().forEach(c -> resp.addToolCalls(LlmCallProtos.toolCall(c)));
        String now = Instant.now().toString();
        for (PlanEvent e : r.events()) {
            ReplanPatch.Builder patch = ReplanPatch.newBuilder();
            if (e.before() != null) {
                patch.setBefore(Structs.toStruct(Map.of("llm_answer", e.before())));
            }
            if (e.after() != null) {
                patch.setAfter(Structs.messageToStruct(PlanProtos.toProto(e.after())));
            }
            Map<String, Object> meta = new LinkedHashMap<>(e.meta());
            meta.put("decision", e.decision());
            resp.addReplanEvents(ReplanEvent.newBuilder().setEventType("replan_decision").setStageName("route_plan")
                    .setTrigger(ReplanTrigger.newBuilder().setTriggerType(e.triggerType()).setStageName("route_plan")
                            .setSeverity(e.severity()).setReason(e.reason()).setTimestamp(now))
                    .setPatch(patch).setTimestamp(now).setDecisionMetadata(Structs.toStruct(meta)));
        }
        resp.getDiagnosticsBuilder().putCounts("llm_calls", r.calls().size())
                .putCounts("llm_fallbacks", (int) r.events().stream().filter(e -> "fallback".equals(e.decision())).count());
        if (r.events().stream().anyMatch(e -> "fallback".equals(e.decision()))) {
            resp.getDiagnosticsBuilder().setStatus("warning").addWarnings("LLM planner gave no usable plan; rules planner answered");
        }
        return resp;
    }
}
