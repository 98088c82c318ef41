package dev.opsuite.conductor;

import static dev.opsuite.conductor.Fixtures.ALICE;
import static dev.opsuite.conductor.Fixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.ComposeRequest;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.GetAssetResponse;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.ReplanResponse;
import dev.opsuite.proto.v1.ResolveAssetsRequest;
import dev.opsuite.proto.v1.ResolveAssetsResponse;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.RoutePlanRequest;
import dev.opsuite.proto.v1.RunUiActionRequest;
import dev.opsuite.proto.v1.StageInput;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.StageTestRequest;
import dev.opsuite.proto.v1.ToolResult;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.ValidateRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each stage's exact request and response in the trace, and replay sending the recorded message. */
class StageRecordTest {
    private static final List<String> FIVE = List.of("route_plan", "validate", "execute", "compose", "present");

    private final FakeStages stages = new FakeStages();
    private final RecordingSink sink = new RecordingSink();
    private final Conductor conductor = new Conductor(stages, sink, CLOCK, LlmBudget.unlimited(CLOCK), ALICE);

    private Trace ask(String question) {
        Trace t = conductor.ask(AskRequest.newBuilder().setQuestion(question).build(), List.of("viewer"),
                "/ops/ci/ask").trace();
        stages.stored.put(t.getTraceId(), t);
        return t;
    }

    /** What the port got and gave for the stage RPCs, leaving out the asset and trace look-ups. */
    private <T> List<T> stageOnly(List<T> all) {
        return all.stream().filter(m -> !(m instanceof ResolveAssetsRequest || m instanceof ResolveAssetsResponse
                || m instanceof GetAssetRequest || m instanceof GetAssetResponse)).toList();
    }

    private static <M extends Message> M unpack(Any any, Class<M> type) throws Exception {
        return any.unpack(type);
    }

    /** The control loop's replan included: every stage input holds what was sent, every output what came back. */
    @Test
    void everyStageRecordsTheRequestItSentAndTheResponseItGot() throws Exception {
        stages.assetsByReference = true;
        stages.execute = r -> r.getValidatedPlan().getPlan().getAdjustmentsCount() == 0
                ? ExecuteResponse.newBuilder().setResolvedPlan(r.getValidatedPlan().getPlan()).setDiagnostics(FakeStages.OK)
                        .addTriggers(Fixtures.trigger("empty_result", "execute")).build()
                : FakeStages.page(r.getValidatedPlan().getPlan());
        stages.replan = r -> ReplanResponse.newBuilder().setPatched(true).setFallback("widen")
                .setPlan(r.getPlan().toBuilder().addAdjustments("widened")).build();

        Trace t = ask("list all vms");

        List<Message> sent = stageOnly(stages.requests);
        List<Object> got = stageOnly(stages.responses);
        assertEquals(List.of("route_plan", "validate", "execute", "replan", "validate", "execute", "compose", "present"),
                Fixtures.inputs(t));
        assertEquals(sent.size(), t.getStageInputsCount());
        for (int i = 0; i < sent.size(); i++) {
            StageInput in = t.getStageInputs(i);
            StageOutput out = t.getStageOutputs(i);
            assertEquals(sent.get(i), unpack(in.getRequest(), sent.get(i).getClass()), in.getStage());
            assertEquals(got.get(i), unpack(out.getResponse(), ((Message) got.get(i)).getClass()), out.getStage());
            assertEquals("", in.getRequestOmitted());
            assertEquals("", out.getResponseOmitted());
        }
        assertTrue(StageRequests.assets(sent.get(0)).stream().noneMatch(ResolvedAsset::hasContent));
        assertEquals("Asia/Seoul", unpack(t.getStageInputs(0).getRequest(), RoutePlanRequest.class).getTimeZone());
        // the guide's view is still there, and the trace's JSON (journal, spill, REST) reads back whole
        assertEquals("INTENT_LIST", Structs.toMap(t.getStageInputs(1).getPrevOutput()).get("intent"));
        assertEquals(t, Structs.fromJson(Structs.toJson(t), Trace.newBuilder()).build());
        assertTrue(Structs.toJson(t).contains("\"@type\":\"type.googleapis.com/ops.v1.ValidateRequest\""));
    }

    /** Sent with contents, recorded as references; GetStageCall gives back exactly what each stage was sent. */
    @Test
    void inlineContentsAreRecordedAsReferencesAndGetStageCallRestoresTheSentRequest() throws Exception {
        Trace t = ask("list all vms");

        ExecuteRequest sent = stages.requests(ExecuteRequest.class).get(0);
        assertTrue(sent.getAssetsList().stream().allMatch(ResolvedAsset::hasContent));
        assertEquals(StageRequests.mapAssets(sent, a -> a.toBuilder().clearContent().build()),
                unpack(t.getStageInputs(2).getRequest(), ExecuteRequest.class));
        StageCalls calls = new StageCalls(stages, sink);
        List<Message> sentStages = stageOnly(stages.requests);
        for (int i = 0; i < FIVE.size(); i++) {
            Message back = Structs.structToMessage(calls.of(t.getTraceId(), FIVE.get(i)).getRequest(),
                    sentStages.get(i).newBuilderForType()).build();
            assertEquals(sentStages.get(i), back, FIVE.get(i));
        }
        // what the Struct rebuild could not give: the zone and estate generation the planner got
        RoutePlanRequest routed = Structs.structToMessage(calls.of(t.getTraceId(), "route_plan").getRequest(),
                RoutePlanRequest.newBuilder()).build();
        assertEquals("Asia/Seoul", routed.getTimeZone());
        assertEquals(7, routed.getEstateGeneration());
    }

    /** A trace stored before requests were recorded: GetStageCall and the stage test rebuild from its Structs. */
    @Test
    void aTraceWithoutRecordedRequestsIsRebuiltFromItsStructs() {
        Trace recorded = ask("list all vms");
        Trace.Builder old = recorded.toBuilder().setTraceId("old1");
        old.getStageInputsBuilderList().forEach(StageInput.Builder::clearRequest);
        old.getStageOutputsBuilderList().forEach(StageOutput.Builder::clearResponse);
        stages.stored.put("old1", old.build());
        ExecuteRequest sent = stages.requests(ExecuteRequest.class).get(0);

        ExecuteRequest rebuilt = Structs.structToMessage(new StageCalls(stages, sink).of("old1", "execute").getRequest(),
                ExecuteRequest.newBuilder()).build();
        assertEquals(sent.getValidatedPlan(), rebuilt.getValidatedPlan());
        assertEquals(sent.getRolesList(), rebuilt.getRolesList());
        assertEquals(List.of("policy", "query", "source"),
                rebuilt.getAssetsList().stream().map(ResolvedAsset::getAssetType).toList());
        RoutePlanRequest routed = Structs.structToMessage(new StageCalls(stages, sink).of("old1", "route_plan")
                .getRequest(), RoutePlanRequest.newBuilder()).build();
        assertEquals("", routed.getTimeZone(), "the Struct view never kept it");

        stages.requests.clear();
        new StageTester(stages, sink, CLOCK, LlmBudget.unlimited(CLOCK), ALICE).run(StageTestRequest.newBuilder()
                .setStage("compose").setBaselineTraceId("old1").build(), List.of("operator"));
        ComposeRequest composed = stages.requests(ComposeRequest.class).get(0);
        assertEquals(50, composed.getToolResults(0).getRowsCount());
    }

    /** The recorded message, not the guide's Struct view, is what a stage test sends (with its own overrides). */
    @Test
    void aStageTestSendsTheRecordedRequestWithItsOverrides() throws Exception {
        Trace t = ask("list all vms");
        ComposeRequest recorded = unpack(t.getStageInputs(3).getRequest(), ComposeRequest.class);
        ComposeRequest marked = recorded.toBuilder().setToolResults(0, ToolResult.newBuilder().setTool("sql_executor")
                .addColumns("ci_code").addRows(ListValue.newBuilder().addValues(Structs.toValue("VM999")))).build();
        Trace.Builder b = t.toBuilder().setTraceId("marked");
        b.getStageInputsBuilder(3).setRequest(Any.pack(marked));
        stages.stored.put("marked", b.build());
        StageTester tester = new StageTester(stages, sink, CLOCK, LlmBudget.unlimited(CLOCK), ALICE);
        stages.requests.clear();

        tester.run(StageTestRequest.newBuilder().setStage("compose").setBaselineTraceId("marked")
                .setTestPlan(Structs.toStruct(Map.of("language", "ko"))).build(), List.of("operator"));

        ComposeRequest sent = stages.requests(ComposeRequest.class).get(0);
        assertEquals(marked.getToolResultsList(), sent.getToolResultsList(), "the recorded tool results, as sent");
        assertEquals(recorded.getPlan().toBuilder().setLanguage("ko").build(), sent.getPlan(), "test_plan merged");
        assertEquals(List.of("mapping"), sent.getAssetsList().stream().map(ResolvedAsset::getAssetType).toList());

        stages.requests.clear();
        tester.run(StageTestRequest.newBuilder().setStage("route_plan").setBaselineTraceId(t.getTraceId()).build(),
                List.of("operator"));
        RoutePlanRequest replayed = stages.requests(RoutePlanRequest.class).get(0);
        RoutePlanRequest original = unpack(t.getStageInputs(0).getRequest(), RoutePlanRequest.class);
        assertEquals(original.toBuilder().clearRoles().addRoles("operator").clearAssets().build(),
                replayed.toBuilder().clearAssets().build(), "the recorded request, with the tester's roles");
        assertEquals(List.of("policy", "query", "source"),
                replayed.getAssetsList().stream().map(ResolvedAsset::getAssetType).toList(), "and today's assets");
    }

    /** load_more_rows pages the plan the parent's recorded execute resolved. */
    @Test
    void loadMoreRowsPagesTheRecordedResolvedPlan() throws Exception {
        Trace t = ask("list all vms");
        int ex = Fixtures.outputs(t).indexOf("execute");
        ExecuteResponse got = unpack(t.getStageOutputs(ex).getResponse(), ExecuteResponse.class);
        Plan resolved = got.getResolvedPlan().toBuilder().setPrimary(got.getResolvedPlan().getPrimary().toBuilder()
                .setEntity("container")).build();
        Trace.Builder b = t.toBuilder().setTraceId("resolved1");
        b.getStageOutputsBuilder(ex).setResponse(Any.pack(got.toBuilder().setResolvedPlan(resolved).build()));
        stages.stored.put("resolved1", b.build());
        stages.requests.clear();

        new UiActionRunner(stages, sink, CLOCK, LlmBudget.unlimited(CLOCK), ALICE).run(RunUiActionRequest.newBuilder()
                .setTraceId("resolved1").setActionId("load_more_rows")
                .setInputs(Structs.toStruct(Map.of("offset", 50, "limit", 20))).build(), List.of("viewer"));

        Plan paged = stages.requests(ValidateRequest.class).get(0).getPlan();
        assertEquals("container", paged.getPrimary().getEntity(), "from the recorded response, not the Struct");
        assertEquals(50, paged.getPrimary().getOffset());
        assertEquals(20, paged.getPrimary().getLimit());
    }

    /** A response too large to record is left out, saying so; what it fed (compose's request) too; the ask answers. */
    @Test
    void aMessageOverTheCapIsLeftOutAndTheAskStillAnswers() {
        String wide = "x".repeat(200);
        stages.execute = r -> {
            ToolResult.Builder rows = ToolResult.newBuilder().setTool("sql_executor").addColumns("ci_code");
            for (int i = 0; i < 2_000; i++) {
                rows.addRows(ListValue.newBuilder().addValues(Structs.toValue(wide + i)));
            }
            return ExecuteResponse.newBuilder().setResolvedPlan(r.getValidatedPlan().getPlan()).addToolResults(rows)
                    .setDiagnostics(FakeStages.OK).build();
        };

        Trace t = ask("list all vms");

        assertEquals("success", t.getStatus());
        StageOutput executed = t.getStageOutputs(2);
        assertFalse(executed.hasResponse());
        assertTrue(executed.getResponseOmitted().matches("response of \\d+ bytes over the 262144-byte cap for one"
                + " recorded message"), executed.getResponseOmitted());
        assertTrue(executed.getResult().containsFields("tool_results"), "the guide's view is kept");
        assertFalse(t.getStageInputs(3).hasRequest());
        assertTrue(t.getStageInputs(3).getRequestOmitted().startsWith("request of "));
        assertTrue(t.getStageInputs(2).hasRequest());
        assertTrue(t.getStageOutputs(4).hasResponse());
    }

    /** Past the trace's total, later messages are left out even when each is small. */
    @Test
    void theTracesTotalCapLeavesOutTheMessagesPastIt() {
        Trace.Builder t = Trace.newBuilder();
        TraceRecorder recorder = new TraceRecorder(t, List.of(), 1_000, 1_300);
        ValidateRequest small = ValidateRequest.newBuilder().addRoles("r".repeat(700)).build();
        ValidateRequest big = ValidateRequest.newBuilder().addRoles("r".repeat(1_200)).build();

        recorder.input("validate", java.util.Set.of(), Map.of(), null, small);
        recorder.input("validate", java.util.Set.of(), Map.of(), null, small);
        recorder.input("validate", java.util.Set.of(), Map.of(), null, big);

        assertTrue(t.getStageInputs(0).hasRequest());
        assertFalse(t.getStageInputs(1).hasRequest());
        assertEquals("request of 703 bytes over the trace's 1300-byte cap for recorded messages (703 bytes"
                + " recorded before it)", t.getStageInputs(1).getRequestOmitted());
        assertEquals("request of 1203 bytes over the 1000-byte cap for one recorded message",
                t.getStageInputs(2).getRequestOmitted());
    }

    /** The recorded messages stay in the stored trace; the client's view (AskResponse.trace) leaves them out. */
    @Test
    void theAskResponseCarriesTheGuidesViewWithoutTheRecordedMessages() {
        Conductor.Outcome o = conductor.ask(AskRequest.newBuilder().setQuestion("list all vms").build(), List.of("viewer"),
                "/ops/ci/ask");
        assertTrue(o.trace().getStageInputsList().stream().allMatch(StageInput::hasRequest));
        assertTrue(o.trace().getStageOutputsList().stream().allMatch(StageOutput::hasResponse));
        Trace client = o.data().getTrace();
        assertEquals(o.trace().getStageInputsCount(), client.getStageInputsCount());
        assertTrue(client.getStageInputsList().stream().noneMatch(StageInput::hasRequest));
        assertTrue(client.getStageOutputsList().stream().noneMatch(StageOutput::hasResponse));
        assertEquals(o.trace().getStageOutputs(0).getResult(), client.getStageOutputs(0).getResult());
    }
}
