package dev.opsuite.trace;

import dev.opsuite.kit.grpc.StageMain;

/** Runs trace-service as its own process, configured from the environment (see README.md). */
public final class TraceServiceMain {
    private TraceServiceMain() {}

    public static void main(String[] args) throws Exception {
        StageMain.run("trace-service", (env, metrics) -> TraceServiceApp.start(TraceConfig.from(env), metrics));
    }
}
