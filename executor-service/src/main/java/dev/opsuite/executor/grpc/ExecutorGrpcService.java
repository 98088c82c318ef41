package dev.opsuite.executor.grpc;

import dev.opsuite.executor.compose.AnswerComposer;
import dev.opsuite.executor.compose.Block;
import dev.opsuite.executor.compose.GroundedSummary;
import dev.opsuite.executor.domain.ExecutionResult;
import dev.opsuite.executor.domain.PlanExecutor;
import dev.opsuite.executor.domain.SourceCheck;
import dev.opsuite.executor.domain.SourceChecker;
import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.executor.present.Screen;
import dev.opsuite.executor.present.ScreenPresenter;
import dev.opsuite.guard.PlanValidator;
import dev.opsuite.kit.grpc.StageAuth;
import dev.opsuite.kit.grpc.Unary;
import dev.opsuite.kit.json.AssetContents;
import dev.opsuite.kit.json.AssetProtos;
import dev.opsuite.kit.proto.PlanProtos;
import dev.opsuite.llm.LlmCallProtos;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.OpsMode;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.MappingAsset;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.CheckSourceRequest;
import dev.opsuite.proto.v1.CheckSourceResponse;
import dev.opsuite.proto.v1.ComposeRequest;
import dev.opsuite.proto.v1.ComposeResponse;
import dev.opsuite.proto.v1.Diagnostics;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.ExecutorServiceGrpc;
import dev.opsuite.proto.v1.PresentRequest;
import dev.opsuite.proto.v1.PresentResponse;
import dev.opsuite.proto.v1.PreviewQueryRequest;
import dev.opsuite.proto.v1.PreviewQueryResponse;
import dev.opsuite.proto.v1.RetireSourceRequest;
import dev.opsuite.proto.v1.RetireSourceResponse;
import dev.opsuite.proto.v1.ScanSourceRequest;
import dev.opsuite.proto.v1.ScanSourceResponse;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Thin gRPC edge of EXECUTE, COMPOSE and PRESENT. */
public final class ExecutorGrpcService extends ExecutorServiceGrpc.ExecutorServiceImplBase {
    private final PlanExecutor executor;
    private final SourceChecker sources;
    private final SourceRpcs sourceRpcs;
    private final AnswerComposer composer = new AnswerComposer();
    private final ScreenPresenter presenter = new ScreenPresenter();

    private final Optional<GroundedSummary> summary;
    private final dev.opsuite.executor.domain.DictionaryLoader dictionaries;
    private final AssetContents contents;
    private final PlanValidator guard = new PlanValidator();

    private final java.util.function.Supplier<List<dev.opsuite.kit.resilience.Breakers.State>> breakers;

    public ExecutorGrpcService(PlanExecutor executor, SourceChecker sources, SourceRpcs sourceRpcs,
                               Optional<GroundedSummary> summary, AssetContents contents,
                               dev.opsuite.executor.domain.DictionaryLoader dictionaries,
                               java.util.function.Supplier<List<dev.opsuite.kit.resilience.Breakers.State>> breakers) {
        this.breakers = breakers;
        this.contents = contents;
        this.dictionaries = dictionaries;
        this.executor = executor;
        this.sources = sources;
        this.sourceRpcs = sourceRpcs;
        this.summary = summary;
    }

    @Override
    public void loadDictionary(dev.opsuite.proto.v1.LoadDictionaryRequest request,
                               StreamObserver<dev.opsuite.proto.v1.LoadDictionaryResponse> observer) {
        Unary.stream(observer, () -> {
            boolean mock = OpsMode.of(request.getMode()).isMock();
            AssetBundle assets = contents.bundle(request.getAssetsList(), StageAuth.mayOverrideAssets());
            if (assets.get("query").isEmpty()) {
                throw OpsException.invalid("a query asset is required");
            }
            return ExecutorProtos.dictionaryChunks(dictionaries.load(assets, mock,
                    request.getKnownRevision()));
        });
    }

    @Override
    public void getBreakers(dev.opsuite.proto.v1.GetBreakersRequest request,
                            StreamObserver<dev.opsuite.proto.v1.GetBreakersResponse> observer) {
        Unary.respond(observer, () -> {
            var b = dev.opsuite.proto.v1.GetBreakersResponse.newBuilder();
            breakers.get().forEach(s -> b.addBreakers(dev.opsuite.proto.v1.BreakerState.newBuilder().setName(s.name())
                    .setState(s.state()).setSince(s.since()).setLastError(s.lastError())));
            return b.build();
        });
    }

    @Override
    public void retireSource(RetireSourceRequest request, StreamObserver<RetireSourceResponse> observer) {
        Unary.respond(observer, () -> sourceRpcs.retire(request));
    }

    @Override
    public void scanSource(ScanSourceRequest request, StreamObserver<ScanSourceResponse> observer) {
        Unary.respond(observer, () -> sourceRpcs.scan(request));
    }

    @Override
    public void previewQuery(PreviewQueryRequest request, StreamObserver<PreviewQueryResponse> observer) {
        Unary.respond(observer, () -> sourceRpcs.preview(request));
    }

    @Override
    public void checkSource(CheckSourceRequest request, StreamObserver<CheckSourceResponse> observer) {
        Unary.respond(observer, () -> {
            if (!request.hasSource() || !"source".equals(request.getSource().getAssetType())) {
                throw OpsException.invalid("a source asset is required");
            }
            var doc = AssetProtos.toBundle(List.of(request.getSource())).sources().get(request.getSource().getName());
            SourceCheck c = sources.check(doc);
            return CheckSourceResponse.newBuilder().setSource(doc.ref()).setReachable(c.reachable())
                    .setReadOnly(c.readOnly()).setLatencyMs(c.latencyMs()).setDetail(c.detail()).build();
        });
    }

    @Override
    public void execute(ExecuteRequest request, StreamObserver<ExecuteResponse> observer) {
        Unary.respond(observer, () -> {
            if (!request.hasValidatedPlan() || !request.getValidatedPlan().hasPlan()) {
                throw OpsException.invalid("validated_plan.plan is required");
            }
            if (!request.getValidatedPlan().getAllowed()) {
                throw OpsException.invalid("the plan was not allowed by VALIDATE; nothing is executed");
            }
            boolean mock = OpsMode.of(request.getMode()).isMock();
            PlanModel wire = PlanProtos.fromProto(request.getValidatedPlan().getPlan());
            AssetBundle assets = contents.bundle(request.getAssetsList(), StageAuth.mayOverrideAssets());
            // never trust "allowed" from the wire: the same checks as VALIDATE, on what will run here
            PlanValidator.Result rechecked = guard.recheck(wire, assets, request.getRolesList());
            if (!rechecked.allowed()) {
                throw OpsException.denied("EXECUTE re-checked the plan against the Policy and refuses it: "
                        + String.join("; ", rechecked.decisions().stream().filter(d -> "deny".equals(d.decision()))
                                .map(d -> d.rule() + ": " + d.reason()).toList()));
            }
            ExecutionResult r = executor.execute(rechecked.plan(), rechecked.queries(), assets, mock,
                    rechecked.scope(), request.getRolesList());
            ExecuteResponse.Builder b = ExecuteResponse.newBuilder()
                    .setResolvedPlan(PlanProtos.toProto(r.resolvedPlan()));
            int rows = 0;
            for (ToolOutput o : r.outputs()) {
                b.addToolResults(ExecutorProtos.toProto(o));
                rows += o.rows().size();
            }
            r.calls().forEach(c -> b.addToolCalls(ExecutorProtos.toProto(c)));
            r.evidence().forEach(e -> b.addReferences(ExecutorProtos.toProto(e)));
            r.triggers().forEach(t -> b.addTriggers(ExecutorProtos.toProto(t)));
            boolean failed = r.outputs().stream().anyMatch(ToolOutput::failed);
            b.setDiagnostics(Diagnostics.newBuilder().setStatus(failed ? "error" : r.warnings().isEmpty() ? "ok" : "warning")
                    .addAllWarnings(r.warnings())
                    .addAllErrors(r.outputs().stream().filter(ToolOutput::failed).map(ToolOutput::error).toList())
                    .putCounts("rows", rows).putCounts("tool_calls", r.calls().size())
                    .putCounts("references", r.evidence().size()).putCounts("triggers", r.triggers().size()));
            return b.build();
        });
    }

    @Override
    public void compose(ComposeRequest request, StreamObserver<ComposeResponse> observer) {
        Unary.respond(observer, () -> {
            if (!request.hasPlan()) {
                throw OpsException.invalid("plan is required");
            }
            PlanModel plan = PlanProtos.fromProto(request.getPlan());
            List<ToolOutput> outputs = request.getToolResultsList().stream().map(ExecutorProtos::fromProto).toList();
            AssetBundle assets = contents.bundle(request.getAssetsList(), StageAuth.mayOverrideAssets());
            boolean mock = OpsMode.of(request.getMode()).isMock();
            AnswerComposer.Composed c = composer.compose(plan, outputs, assets, mock);
            List<String> summaryNotes = new ArrayList<>();
            ComposeResponse.Builder b = ComposeResponse.newBuilder();
            if (!mock && !request.getNoLlm()) {
                c = summarize(plan, outputs, assets, c, b, summaryNotes);
            }
            b.setAnswer(c.answer());
            c.blocks().forEach(x -> b.addBlocks(ExecutorProtos.toProto(x)));
            b.setDiagnostics(Diagnostics.newBuilder().setStatus(c.warnings().isEmpty() && summaryNotes.isEmpty() ? "ok" : "warning")
                    .addAllWarnings(c.warnings()).addAllWarnings(summaryNotes).putCounts("blocks", c.blocks().size()));
            summaryNotes.stream().filter(n -> n.startsWith("low_evidence")).findFirst().ifPresent(n -> b.addTriggers(
                    ExecutorProtos.toProto(new dev.opsuite.executor.domain.Trigger("low_evidence", "compose", "low", n))));
            if (c.lowEvidence()) {
                b.addTriggers(ExecutorProtos.toProto(new dev.opsuite.executor.domain.Trigger("low_evidence", "compose",
                        "low", String.join("; ", c.warnings().stream().filter(w -> w.startsWith("low_evidence")).toList()))));
            }
            return b.build();
        });
    }

    /**
     * The Mapping asset's optional LLM summary replaces the leading text block when it is grounded
     * in the results; otherwise the template text stays and a low_evidence note is left.
     */
    private AnswerComposer.Composed summarize(PlanModel plan, List<ToolOutput> outputs, AssetBundle assets,
                                              AnswerComposer.Composed c, ComposeResponse.Builder b, List<String> notes) {
        MappingAsset mapping = assets.mapping();
        if (!GroundedSummary.enabled(mapping) || outputs.isEmpty() || outputs.stream().allMatch(ToolOutput::failed)) {
            return c;
        }
        if (summary.isEmpty()) {
            notes.add("summary: enabled in the Mapping asset but no LLM is configured; template text used");
            return c;
        }
        Deadline d = Context.current().getDeadline();
        Instant deadline = d == null ? null : Instant.now().plusMillis(d.timeRemaining(TimeUnit.MILLISECONDS) - 500);
        GroundedSummary.Outcome o = summary.get().summarize(plan, outputs, c.answer(), mapping, deadline);
        b.addToolCalls(LlmCallProtos.toolCall(o.call()));
        if (o.text().isEmpty()) {
            notes.add((o.ungrounded().isEmpty() ? "summary: " : "low_evidence: ") + o.error());
            if (o.ungrounded().isEmpty()) { // the call failed: say so; the template text stands below
                List<Block> blocks = new ArrayList<>(c.blocks());
                blocks.add(0, dev.opsuite.executor.compose.ToolFailures.summary(o.error(), mapping.messages(),
                        plan.language().isEmpty() ? "en" : plan.language()));
                return new AnswerComposer.Composed(blocks, c.answer(), c.warnings());
            }
            return c;
        }
        List<Block> blocks = new ArrayList<>(c.blocks());
        int first = -1;
        for (int i = 0; i < blocks.size() && first < 0; i++) {
            first = "text".equals(blocks.get(i).type()) ? i : -1;
        }
        Block text = new Block("text", first < 0 ? "" : blocks.get(first).title(), o.text().get(), Map.of("summary", "llm"));
        if (first < 0) {
            blocks.add(0, text);
        } else {
            blocks.set(first, text);
        }
        return new AnswerComposer.Composed(blocks, o.text().get(), c.warnings());
    }

    @Override
    public void present(PresentRequest request, StreamObserver<PresentResponse> observer) {
        Unary.respond(observer, () -> {
            PlanModel plan = request.hasPlan() ? PlanProtos.fromProto(request.getPlan())
                    : new PlanModel(null, null, null, null, null, null, null, null, null, null, null, null);
            List<Block> blocks = request.getBlocksList().stream().map(ExecutorProtos::fromProto).toList();
            AssetBundle assets = contents.bundle(request.getAssetsList(), StageAuth.mayOverrideAssets());
            Screen s = presenter.present(plan, blocks, assets);
            PresentResponse.Builder b = PresentResponse.newBuilder().setScreen(ExecutorProtos.toProto(s));
            presenter.overLimit(blocks, assets).ifPresent(reason -> b.addTriggers(
                    ExecutorProtos.toProto(new dev.opsuite.executor.domain.Trigger("present_limit", "present", "low", reason))));
            s.actions().forEach(a -> b.addNextActions(ExecutorProtos.toProto(a)));
            b.setDiagnostics(Diagnostics.newBuilder().setStatus("ok").putCounts("components", s.components().size())
                    .putCounts("actions", s.actions().size()));
            return b.build();
        });
    }
}
