package dev.opsuite.conductor;

import static dev.opsuite.conductor.Fixtures.ALICE;
import static dev.opsuite.conductor.Fixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The request's distributed trace: recorded in the Execution Trace, current while the stages run. */
class DistributedTraceTest {
    private final RecordingSink sink = new RecordingSink();
    /** The ids each stage call saw current (null: none). */
    private final List<DistributedTrace.Ids> seenByStages = new ArrayList<>();
    private DistributedTrace.Ids current;

    private final DistributedTrace callers = new DistributedTrace() {
        @Override
        public Ids open() {
            return new Ids("4bf92f3577b34da6a3ce929d0e0e4736", "b7ad6b7169203331", "00f067aa0ba902b7");
        }

        @Override
        public <R> R within(Ids ids, Supplier<R> body) {
            current = ids;
            try {
                return body.get();
            } finally {
                current = null;
            }
        }
    };

    private final FakeStages stages = new FakeStages() {
        @Override
        public dev.opsuite.proto.v1.ExecuteResponse execute(dev.opsuite.proto.v1.ExecuteRequest request) {
            seenByStages.add(current);
            return super.execute(request);
        }
    };

    @Test
    void theCallersTraceIsRecordedAndCurrentForTheStageCalls() {
        Conductor conductor = new Conductor(stages, sink, CLOCK, LlmBudget.unlimited(CLOCK), ALICE, callers);
        conductor.ask(AskRequest.newBuilder().setQuestion("list all vms").build(), List.of("viewer"), "/ops/ci/ask");
        Trace t = sink.only();
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", t.getOtelTraceId());
        assertEquals("b7ad6b7169203331", t.getOtelSpanId());
        assertEquals("00f067aa0ba902b7", t.getOtelParentSpanId());
        assertEquals(List.of(new DistributedTrace.Ids("4bf92f3577b34da6a3ce929d0e0e4736", "b7ad6b7169203331",
                "00f067aa0ba902b7")), seenByStages);
    }

    @Test
    void aFailedAskStillRecordsItsTrace() {
        FakeStages failing = new FakeStages() {
            @Override
            public dev.opsuite.proto.v1.ExecuteResponse execute(dev.opsuite.proto.v1.ExecuteRequest request) {
                throw dev.opsuite.model.errors.OpsException.unavailable("executor down", null);
            }
        };
        Conductor conductor = new Conductor(failing, sink, CLOCK, LlmBudget.unlimited(CLOCK), ALICE, callers);
        assertThrows(Conductor.TracedFailure.class, () -> conductor.ask(
                AskRequest.newBuilder().setQuestion("list all vms").build(), List.of("viewer"), "/ops/ci/ask"));
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", sink.only().getOtelTraceId());
        assertEquals("error", sink.only().getStatus());
    }

    @Test
    void noDistributedTraceRecordsNothing() {
        new Conductor(stages, sink, CLOCK, LlmBudget.unlimited(CLOCK), ALICE)
                .ask(AskRequest.newBuilder().setQuestion("list all vms").build(), List.of("viewer"), "/ops/ci/ask");
        assertTrue(sink.only().getOtelTraceId().isEmpty());
        assertEquals(java.util.Collections.singletonList(null), seenByStages);
    }
}
