package dev.opsuite.executor.grpc;

import com.google.protobuf.ListValue;
import dev.opsuite.executor.compose.Block;
import dev.opsuite.executor.domain.Evidence;
import dev.opsuite.executor.domain.ToolCallRecord;
import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.executor.domain.Trigger;
import dev.opsuite.executor.present.Screen;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.Action;
import dev.opsuite.proto.v1.AnswerBlock;
import dev.opsuite.proto.v1.Reference;
import dev.opsuite.proto.v1.ReplanTrigger;
import dev.opsuite.proto.v1.ScreenComponent;
import dev.opsuite.proto.v1.ScreenModel;
import dev.opsuite.proto.v1.ToolCall;
import dev.opsuite.proto.v1.ToolResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Proto <-> domain mapping of the executor's messages. */
final class ExecutorProtos {
    private ExecutorProtos() {}

    /** Struct numbers are doubles; integer columns are named in meta so they read back as integers. */
    private static final String INTEGER_COLUMNS = "integer_columns";

    static ToolResult toProto(ToolOutput o) {
        java.util.Map<String, Object> meta = new java.util.LinkedHashMap<>(o.meta());
        List<String> ints = new ArrayList<>();
        if (!o.rows().isEmpty()) {
            for (int c = 0; c < o.columns().size(); c++) {
                Object v = o.rows().get(0).get(c);
                if (v instanceof Long || v instanceof Integer || v instanceof Short) {
                    ints.add(o.columns().get(c));
                }
            }
        }
        if (!ints.isEmpty()) {
            meta.put(INTEGER_COLUMNS, ints);
        }
        ToolResult.Builder b = ToolResult.newBuilder().setTool(o.tool()).setQueryName(o.queryName())
                .addAllColumns(o.columns()).setRowCount(o.rows().size()).setTruncated(o.truncated())
                .setMeta(Structs.toStruct(meta)).setError(o.error()).setRetryable(o.retryable());
        for (List<Object> r : o.rows()) {
            b.addRows(Structs.toListValue(r));
        }
        return b.build();
    }

    static ToolOutput fromProto(ToolResult r) {
        List<Integer> intIndexes = new ArrayList<>();
        var ints = r.getMeta().getFieldsOrDefault(INTEGER_COLUMNS, com.google.protobuf.Value.getDefaultInstance());
        for (var v : ints.getListValue().getValuesList()) {
            int i = r.getColumnsList().indexOf(v.getStringValue());
            if (i >= 0) {
                intIndexes.add(i);
            }
        }
        List<List<Object>> rows = new ArrayList<>(r.getRowsCount());
        for (ListValue lv : r.getRowsList()) {
            List<Object> row = Structs.toList(lv);
            for (int i : intIndexes) {
                if (i < row.size() && row.get(i) instanceof Double d) {
                    row.set(i, d.longValue());
                }
            }
            rows.add(row);
        }
        return new ToolOutput(r.getTool(), r.getQueryName(), r.getColumnsList(), rows, r.getTruncated(),
                Structs.toMap(r.getMeta()), r.getError(), r.getRetryable());
    }

    static ToolCall toProto(ToolCallRecord c) {
        return ToolCall.newBuilder().setTool(c.tool()).setElapsedMs(c.elapsedMs())
                .setInputParams(Structs.toStruct(c.inputParams())).setOutputSummary(c.outputSummary())
                .setError(c.error() == null ? "" : c.error()).setSource(c.source() == null ? "" : c.source()).build();
    }

    static Reference toProto(Evidence e) {
        return Reference.newBuilder().setKind(e.kind()).setTitle(e.title()).setPayload(e.payload())
                .setParams(Structs.toStruct(e.params())).setSource(e.source()).build();
    }

    static ReplanTrigger toProto(Trigger t) {
        return ReplanTrigger.newBuilder().setTriggerType(t.type()).setStageName(t.stage()).setSeverity(t.severity())
                .setReason(t.reason()).setTimestamp(Instant.now().toString()).build();
    }

    static AnswerBlock toProto(Block b) {
        AnswerBlock.Builder ab = AnswerBlock.newBuilder().setType(b.type()).setTitle(b.title()).setContent(b.content());
        if (!b.data().isEmpty()) {
            ab.setData(Structs.toStruct(b.data()));
        }
        return ab.build();
    }

    static Block fromProto(AnswerBlock b) {
        return new Block(b.getType(), b.getTitle(), b.getContent(), Structs.toMap(b.getData()));
    }

    static ScreenModel toProto(Screen s) {
        ScreenModel.Builder b = ScreenModel.newBuilder().setScreenId(s.screenId()).setLayout(s.layout());
        for (Screen.Component c : s.components()) {
            b.addComponents(ScreenComponent.newBuilder().setComponent(c.component()).setBlockRef(c.blockRef())
                    .setProps(Structs.toStruct(c.props())));
        }
        s.actions().forEach(a -> b.addActions(toProto(a)));
        return b.build();
    }

    static Action toProto(Screen.UiAction a) {
        return Action.newBuilder().setActionId(a.actionId()).setLabel(a.label())
                .setInputs(Structs.toStruct(a.inputs())).setBlockRef(a.blockRef()).build();
    }

    private static final int DICTIONARY_CHUNK_ROWS = 2_000;

    /** A loaded dictionary as stream chunks: the revision first, then each template's rows in slices. */
    static java.util.List<dev.opsuite.proto.v1.LoadDictionaryResponse> dictionaryChunks(
            dev.opsuite.executor.domain.DictionaryLoader.Loaded loaded) {
        java.util.List<dev.opsuite.proto.v1.LoadDictionaryResponse> out = new java.util.ArrayList<>();
        out.add(dev.opsuite.proto.v1.LoadDictionaryResponse.newBuilder().setRevision(loaded.revision())
                .setUnchanged(loaded.unchanged()).build());
        for (var t : loaded.tables()) {
            java.util.List<java.util.List<Object>> rows = t.rows().rows();
            for (int from = 0; from == 0 || from < rows.size(); from += DICTIONARY_CHUNK_ROWS) {
                var b = dev.opsuite.proto.v1.LoadDictionaryResponse.newBuilder().setRevision(loaded.revision())
                        .setQuery(t.query()).addAllColumns(t.rows().columns());
                rows.subList(from, Math.min(rows.size(), from + DICTIONARY_CHUNK_ROWS))
                        .forEach(r -> b.addRows(Structs.toListValue(r)));
                out.add(b.build());
            }
        }
        return out;
    }
}
