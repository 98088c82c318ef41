package dev.opsuite.conductor;

import com.google.protobuf.Message;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.Trace;

/**
 * Tells a {@link StageListener} about each stage run of one ask. A finished stage is held until the
 * next stage starts (or the ask ends), so that the replan decisions the control loop records on it in
 * between — a retry, a replan, a stop — travel with it; they are read off the trace's replan_events,
 * where the recorder put them. Before each stage starts the listener is asked whether to go on.
 */
final class StageWatch {
    private final StageListener listener;
    private final Trace.Builder trace;
    /** The finished stage not told yet, without its replans; null when there is none. */
    private StageListener.StageEvent held;
    private int replansSeen;
    private String running = "";

    StageWatch(StageListener listener, Trace.Builder trace) {
        this.listener = listener;
        this.trace = trace;
        this.replansSeen = trace.getReplanEventsCount();
    }

    /** A stage is about to start: the one before it is told, then the caller is asked whether to go on. */
    void starting(String stage) {
        flush();
        if (listener.cancelled()) {
            throw new Cancelled("the caller cancelled the ask before " + stage + " (" + trace.getStageOutputsCount()
                    + " stage runs done)");
        }
        running = stage;
    }

    /** A stage returned; it is told once the control loop has decided what follows from it. */
    void finished(StageOutput out, Message response) {
        flush();
        held = new StageListener.StageEvent(trace.getStageOutputsCount(), out.getStage(),
                out.getDiagnostics().getStatus(), out.getDurationMs(), StageSummaries.of(out.getStage(), response),
                java.util.List.of());
        running = "";
    }

    /** Tells the held stage, with the replan decisions recorded since it finished. */
    void flush() {
        if (held == null) {
            return;
        }
        int now = trace.getReplanEventsCount();
        StageListener.StageEvent event = new StageListener.StageEvent(held.seq(), held.stage(), held.status(),
                held.durationMs(), held.summary(), trace.getReplanEventsList().subList(replansSeen, now));
        held = null;
        replansSeen = now;
        listener.finished(event);
    }

    /**
     * The ask failed: when the caller is gone that is why (a stage call cancelled with it fails too),
     * and the failure becomes a cancellation; otherwise it stays as it is.
     */
    RuntimeException failed(RuntimeException e) {
        if (e instanceof Cancelled || !listener.cancelled()) {
            return e;
        }
        return new Cancelled("the caller cancelled the ask during " + (running.isEmpty() ? "the answer" : running)
                + " (" + trace.getStageOutputsCount() + " stage runs done)");
    }

    /** The ask stopped because its caller left; its trace is written with status cancelled. */
    static final class Cancelled extends OpsException {
        Cancelled(String message) {
            super(ErrorCode.UNAVAILABLE, message);
        }
    }
}
