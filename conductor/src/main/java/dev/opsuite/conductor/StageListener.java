package dev.opsuite.conductor;

import dev.opsuite.proto.v1.ReplanEvent;
import java.util.List;

/**
 * Port: who follows an ask stage by stage (the gateway's AskStream). The conductor calls it on the
 * ask's own thread: {@link #finished} once for each stage run, in the order they ran, as soon as the
 * control loop has decided what follows from it (before the next stage starts, or before the answer
 * is made), so the event carries those decisions; {@link #cancelled} before each stage starts, and
 * after a stage call failed — true stops the ask there and writes its trace with status
 * {@code cancelled}. An ask without a listener pays nothing for this. Implementations return at once
 * and never throw: a caller that cannot be written to any more is a cancelled one.
 */
public interface StageListener {
    /** One stage run that finished (a stage that failed has no event: the ask's failure says it). */
    void finished(StageEvent event);

    /** Whether the one who asked is gone: the remaining stages are not run. */
    boolean cancelled();

    /**
     * What a stage run made, in short.
     *
     * @param seq        its place among the ask's stage runs, from 1 (its StageOutput's index + 1)
     * @param stage      route_plan | validate | execute | replan | compose | present
     * @param status     ok | warning | error (the stage's diagnostics)
     * @param summary    one line for a person, e.g. "plan metric/summary for SVR001 (rules, confidence 0.95)"
     * @param replans    the control loop's decisions on what it returned, as recorded in the trace
     */
    record StageEvent(int seq, String stage, String status, int durationMs, String summary,
                      List<ReplanEvent> replans) {
        public StageEvent {
            replans = List.copyOf(replans);
        }
    }
}
