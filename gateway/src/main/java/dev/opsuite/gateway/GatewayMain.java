package dev.opsuite.gateway;

import dev.opsuite.kit.config.Env;

/** Runs the gateway alone: OPS_HTTP_PORT and OPS_*_TARGET of the stage services. */
public final class GatewayMain {
    private GatewayMain() {}

    public static void main(String[] args) throws Exception {
        // stage services answer only callers presenting OPS_STAGE_TOKEN (the gateway and each other)
        dev.opsuite.kit.grpc.StageAuth.configure(Env.system());
        GatewayApp app = GatewayApp.start(GatewayConfig.from(Env.system()));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "gateway-shutdown"));
        Thread.currentThread().join();
    }
}
