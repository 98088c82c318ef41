package dev.opsuite.gateway.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.opsuite.proto.v1.AnswerMeta;
import dev.opsuite.proto.v1.AskResponse;
import dev.opsuite.proto.v1.QueryResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query answers what Ask answers: its response mirrors AskResponse, so the bytes carry over as they are. */
class QueryResponseMirrorTest {
    private static List<String> shape(List<FieldDescriptor> fields) {
        return fields.stream().map(f -> f.getNumber() + " " + f.getName() + " " + f.getType() + " "
                + (f.isRepeated() ? "repeated " : "") + (f.getType() == FieldDescriptor.Type.MESSAGE
                ? f.getMessageType().getFullName() : "")).toList();
    }

    @Test
    void queryResponseHasAskResponsesFieldsExactly() {
        assertEquals(shape(AskResponse.getDescriptor().getFields()), shape(QueryResponse.getDescriptor().getFields()));
    }

    @Test
    void anAnswerCarriesOverWithPresenceIntact() {
        AskResponse ask = AskResponse.newBuilder().setAnswer("서버A").setMeta(AnswerMeta.newBuilder().setRoute("orch"))
                .build();
        QueryResponse q = OpsGrpcService.asQuery(ask);
        assertEquals("서버A", q.getAnswer());
        assertEquals("orch", q.getMeta().getRoute());
        assertEquals(false, q.hasScreen(), "an unset field stays unset");
        assertEquals(false, q.hasTrace());
    }
}
