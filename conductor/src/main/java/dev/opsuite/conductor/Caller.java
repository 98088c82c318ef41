package dev.opsuite.conductor;

/**
 * Who is asking, as the conductor needs it: the id written to Trace.caller, and whether the caller
 * may see an earlier trace (a baseline, a UI action's parent). The gateway answers from the
 * request's authenticated principal; outside a request (in-process tools, tests) the id is "".
 */
public interface Caller {
    /** The id of the current caller for Trace.caller ("" when there is none). */
    String id();

    /** Refuses (as not found: existence is not revealed) a trace the current caller may not see. */
    void mustSee(String traceId, String traceCaller);

    /** No principal: the id is "" and every trace may be seen. */
    Caller NONE = new Caller() {
        @Override
        public String id() {
            return "";
        }

        @Override
        public void mustSee(String traceId, String traceCaller) {}
    };
}
