package dev.opsuite.planner;

import dev.opsuite.kit.grpc.GrpcServerRunner;
import dev.opsuite.planner.domain.RulesPlanner;
import dev.opsuite.planner.domain.validate.PlanValidator;
import dev.opsuite.planner.grpc.PlannerGrpcService;
import java.io.IOException;
import java.util.List;

/** Composition root of planner-service; main and tests both start it through here. */
public final class PlannerServiceApp implements AutoCloseable {
    private final GrpcServerRunner server;

    private PlannerServiceApp(GrpcServerRunner server) {
        this.server = server;
    }

    public static PlannerServiceApp start(PlannerConfig config) throws IOException {
        PlannerGrpcService service = new PlannerGrpcService(new RulesPlanner(), new PlanValidator());
        return new PlannerServiceApp(GrpcServerRunner.start("planner-service", config.host(), config.port(),
                List.of(service)));
    }

    public int port() {
        return server.port();
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        server.close();
    }
}
