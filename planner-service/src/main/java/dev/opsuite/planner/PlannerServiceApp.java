package dev.opsuite.planner;

import dev.opsuite.kit.grpc.AssetRegistryClient;
import dev.opsuite.kit.grpc.GrpcServerRunner;
import dev.opsuite.kit.grpc.StageMain;
import dev.opsuite.kit.json.AssetContents;
import dev.opsuite.kit.metrics.ProcessMetrics;
import dev.opsuite.llm.LlmClient;
import dev.opsuite.llm.LlmClients;
import dev.opsuite.planner.domain.RulesPlanner;
import dev.opsuite.planner.domain.llm.LlmPlanner;
import dev.opsuite.planner.domain.llm.Planning;
import dev.opsuite.guard.PlanValidator;
import dev.opsuite.planner.grpc.PlanOutputSchema;
import dev.opsuite.planner.grpc.ExecutorDictionaries;
import dev.opsuite.planner.grpc.PlannerGrpcService;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Composition root of planner-service; main and tests both start it through here. */
public final class PlannerServiceApp implements StageMain.Service {
    private final GrpcServerRunner server;
    private final Optional<LlmClient> llm;
    private final Optional<AssetRegistryClient> registry;
    private final Optional<ExecutorDictionaries> dictionaries;

    private PlannerServiceApp(GrpcServerRunner server, Optional<LlmClient> llm, Optional<AssetRegistryClient> registry,
                              Optional<ExecutorDictionaries> dictionaries) {
        this.server = server;
        this.llm = llm;
        this.registry = registry;
        this.dictionaries = dictionaries;
    }

    public static PlannerServiceApp start(PlannerConfig config) throws IOException {
        return start(config, ProcessMetrics.off());
    }

    /** @param metrics where its meters go: its own metrics port's registry, or the all-in-one's (never closed here) */
    public static PlannerServiceApp start(PlannerConfig config, ProcessMetrics metrics) throws IOException {
        PlanValidator validator = new PlanValidator();
        Optional<LlmClient> llm = LlmClients.create(config.llm());
        Optional<LlmPlanner> llmPlanner = llm.map(c -> new LlmPlanner(c, PlanOutputSchema.SCHEMA, validator));
        Optional<AssetRegistryClient> registry = config.registryTarget().map(t -> new AssetRegistryClient(t, "planner"));
        Optional<ExecutorDictionaries> dictionaries = config.executorTarget()
                .map(t -> new ExecutorDictionaries(t, config.dictionaryRefreshMs(), validator));
        PlannerGrpcService service = new PlannerGrpcService(new Planning(new RulesPlanner(), validator, llmPlanner),
                validator, new AssetContents(registry.map(r -> r)), dictionaries, metrics.registry());
        try {
            return new PlannerServiceApp(GrpcServerRunner.start("planner-service", config.host(), config.port(),
                    List.of(service), metrics), llm, registry, dictionaries);
        } catch (IOException | RuntimeException e) {
            llm.ifPresent(LlmClient::close);
            registry.ifPresent(AssetRegistryClient::close);
            dictionaries.ifPresent(ExecutorDictionaries::close);
            throw e;
        }
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
        llm.ifPresent(LlmClient::close);
        registry.ifPresent(AssetRegistryClient::close);
        dictionaries.ifPresent(ExecutorDictionaries::close);
    }
}
