package dev.opsuite.gateway.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.AskStreamRequest;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.Rerun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AskStream asks what Ask asks: its request mirrors AskRequest, so the bytes (and the JSON body) carry over. */
class AskStreamMirrorTest {
    private static List<String> shape(List<FieldDescriptor> fields) {
        return fields.stream().map(f -> f.getNumber() + " " + f.getName() + " " + (f.isMapField()
                ? "map<" + f.getMessageType().findFieldByName("key").getType() + ", "
                + f.getMessageType().findFieldByName("value").getType() + ">"
                : f.getType() + " " + (f.isRepeated() ? "repeated " : "")
                + (f.getType() == FieldDescriptor.Type.MESSAGE ? f.getMessageType().getFullName() : ""))).toList();
    }

    @Test
    void askStreamRequestHasAskRequestsFieldsExactly() {
        assertEquals(shape(AskRequest.getDescriptor().getFields()), shape(AskStreamRequest.getDescriptor().getFields()));
    }

    @Test
    void aRequestCarriesOverWhole() {
        AskStreamRequest r = AskStreamRequest.newBuilder().setQuestion("서버A의 CPU 사용량은?").setMode("mock")
                .setRerun(Rerun.newBuilder().setBasePlan(Plan.newBuilder().setLanguage("ko"))
                        .setPatch(Structs.toStruct(Map.of("a", 1))))
                .setResolverAsset("r@2").setSchemaAsset("s").setSourceAsset("src(draft)")
                .putAssetOverrides("query", "q@3").setPlannerStrategy("rules_only").build();
        AskRequest ask = AskStreams.asAsk(r);
        assertEquals(r.toByteString(), ask.toByteString());
        assertEquals("q@3", ask.getAssetOverridesMap().get("query"));
        assertEquals("ko", ask.getRerun().getBasePlan().getLanguage());
        assertEquals(false, AskStreams.asAsk(AskStreamRequest.getDefaultInstance()).hasRerun());
    }
}
