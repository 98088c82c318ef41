package dev.opsuite.gateway;

import dev.opsuite.kit.config.Env;

/** Runs the gateway alone: OPS_HTTP_PORT and OPS_*_TARGET of the stage services. */
public final class GatewayMain {
    private GatewayMain() {}

    public static void main(String[] args) throws Exception {
        // stage calls over TCP: mutual TLS with OPS_STAGE_TLS_DIR, or OPS_STAGE_TLS=off with OPS_STAGE_TOKEN
        dev.opsuite.kit.grpc.StageAuth.configure(Env.system());
        GatewayApp app = GatewayApp.start(GatewayConfig.from(Env.system()));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "gateway-shutdown"));
        Thread.currentThread().join();
    }
}
