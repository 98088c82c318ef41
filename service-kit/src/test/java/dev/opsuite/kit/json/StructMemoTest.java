package dev.opsuite.kit.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.protobuf.Struct;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PlanOutput;
import org.junit.jupiter.api.Test;

/** A message met again while one trace is recorded is the Struct it was converted into, not converted again. */
class StructMemoTest {
    private final Plan plan = Plan.newBuilder().setLanguage("ko").setNormalizedQuestion("지난 24시간 서버A의 CPU 평균은 ?").build();
    private final PlanOutput output = PlanOutput.newBuilder().setKind("plan").setReason("Orchestration plan created")
            .setConfidence(0.9).setPlan(plan).build();

    @Test
    void aNestedMessageMetAgainIsNotConvertedAgain() {
        StructMemo memo = new StructMemo();
        Struct whole = Structs.messageToStruct(output, memo);
        int converted = memo.converted();
        assertEquals(2, converted, "the output and its plan");
        Struct alone = Structs.messageToStruct(plan, memo);
        assertEquals(converted, memo.converted(), "the plan the next stage got: already converted");
        assertSame(whole.getFieldsOrThrow("plan").getStructValue(), alone);
        assertEquals(Structs.messageToStruct(plan), alone);
        assertEquals(Structs.messageToStruct(output), whole);
    }

    @Test
    void anEqualMessageThatIsAnotherInstanceIsConvertedAfresh() {
        StructMemo memo = new StructMemo();
        Structs.messageToStruct(plan, memo);
        Plan equal = plan.toBuilder().build();
        assertEquals(Structs.messageToStruct(plan), Structs.messageToStruct(equal, memo));
        assertEquals(2, memo.converted());
    }
}
