package dev.opsuite.executor;

import dev.opsuite.kit.grpc.StageMain;

/** Runs executor-service alone: OPS_EXECUTOR_PORT (default 9092), optional OPS_ESTATE_* stores. */
public final class ExecutorServiceMain {
    private ExecutorServiceMain() {}

    public static void main(String[] args) throws Exception {
        StageMain.run("executor-service", (env, metrics) -> ExecutorServiceApp.start(ExecutorConfig.from(env), metrics));
    }
}
