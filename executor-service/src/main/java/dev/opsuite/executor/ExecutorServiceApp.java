package dev.opsuite.executor;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.opsuite.executor.domain.PlanExecutor;
import dev.opsuite.executor.domain.QueryPreviewer;
import dev.opsuite.executor.domain.SchemaScanner;
import dev.opsuite.executor.grpc.SourceRpcs;
import dev.opsuite.executor.neo4j.Neo4jSchemaScan;
import dev.opsuite.executor.postgres.PostgresSchemaScan;
import dev.opsuite.executor.source.SourcePools;
import dev.opsuite.executor.domain.SourceChecker;
import dev.opsuite.executor.grpc.EstateImportConfig;
import dev.opsuite.executor.grpc.EstateModule;
import dev.opsuite.executor.grpc.ExecutorGrpcService;
import dev.opsuite.executor.neo4j.Neo4jGraphAdapter;
import dev.opsuite.executor.postgres.PostgresSqlAdapter;
import dev.opsuite.executor.source.SecretResolver;
import dev.opsuite.executor.source.SourceBreakers;
import dev.opsuite.kit.grpc.AssetRegistryClient;
import dev.opsuite.kit.grpc.GrpcServerRunner;
import dev.opsuite.kit.grpc.StageMain;
import dev.opsuite.kit.json.AssetContents;
import dev.opsuite.kit.grpc.StoreProbe;
import dev.opsuite.kit.metrics.ProcessMetrics;
import io.grpc.BindableService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.opsuite.executor.compose.GroundedSummary;
import dev.opsuite.llm.LlmClient;
import dev.opsuite.llm.LlmClients;
import dev.opsuite.llm.LlmConfig;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of executor-service: source adapters (pools per Source asset), the plan
 * executor, the estate importer when an estate store is configured, and a store probe that
 * turns the gRPC health NOT_SERVING while a configured store is unreachable.
 */
public final class ExecutorServiceApp implements StageMain.Service {
    private static final Logger log = LoggerFactory.getLogger(ExecutorServiceApp.class);
    /** The name and pool label of the estate importer's own pool (a Source's pools: the Source's name). */
    public static final String ESTATE_POOL = "estate-writer";

    private final GrpcServerRunner server;
    private final List<AutoCloseable> resources;
    private final StoreProbe probe;

    private ExecutorServiceApp(GrpcServerRunner server, List<AutoCloseable> resources, StoreProbe probe) {
        this.server = server;
        this.resources = resources;
        this.probe = probe;
    }

    public static ExecutorServiceApp start(ExecutorConfig cfg) throws IOException {
        return start(cfg, ProcessMetrics.off());
    }

    /**
     * @param metrics where its meters go — RPC latencies, the Source pools (HikariCP, labelled by Source name),
     *                Source calls and breakers: its own metrics port's registry, or the all-in-one's (never closed here)
     */
    public static ExecutorServiceApp start(ExecutorConfig cfg, ProcessMetrics metrics) throws IOException {
        List<AutoCloseable> resources = new ArrayList<>();
        SecretResolver secrets = new SecretResolver(cfg.env());
        dev.opsuite.executor.source.SourceTargets targets = dev.opsuite.executor.source.SourceTargets.fromEnv(cfg.env());
        PostgresSqlAdapter sql = new PostgresSqlAdapter(secrets,
                new SourcePools<>(cfg.maxSourcePools(), cfg.sourcePoolIdle()), targets, metrics.pools());
        Neo4jGraphAdapter graph = new Neo4jGraphAdapter(secrets,
                new SourcePools<>(cfg.maxSourcePools(), cfg.sourcePoolIdle()), targets);
        dev.opsuite.executor.redis.RedisCommandAdapter redis = new dev.opsuite.executor.redis.RedisCommandAdapter(
                secrets, new SourcePools<>(cfg.maxSourcePools(), cfg.sourcePoolIdle()), targets);
        resources.add(sql);
        resources.add(graph);
        resources.add(redis);
        // the document collections (Source type documents): a Lucene index per collection under OPS_DOCS_DIR
        dev.opsuite.executor.documents.LuceneDocuments documents =
                new dev.opsuite.executor.documents.LuceneDocuments(cfg.docsDir());
        resources.add(documents);
        List<BindableService> services = new ArrayList<>();
        Optional<LlmClient> llm = LlmClients.create(LlmConfig.from(cfg.env()));
        llm.ifPresent(resources::add);
        SourceChecker checker = new SourceChecker(sql, graph, redis, documents::check);
        // every read a question makes goes through a breaker per Source version: fail fast while a store is down
        SourceBreakers guarded = new SourceBreakers(sql, graph, redis, checker, cfg.breakerProbe(), metrics.registry());
        resources.add(0, guarded);
        // its meters bound to this instance go with it (the all-in-one restarts executor-service on one registry)
        io.micrometer.core.instrument.Gauge open = io.micrometer.core.instrument.Gauge.builder(
                        "ops.executor.source.breakers.open", guarded, SourceBreakers::openCount)
                .description("Source versions whose circuit breaker is open or half-open (failing fast, or probing)")
                .register(metrics.registry());
        resources.add(0, () -> metrics.registry().remove(open));
        SourceRpcs sourceRpcs = new SourceRpcs(
                new SchemaScanner(new PostgresSchemaScan(sql), new Neo4jSchemaScan(graph),
                        new dev.opsuite.executor.redis.RedisSchemaScan(redis)),
                new QueryPreviewer(guarded, guarded, guarded, documents), List.of(sql, graph, redis));
        Optional<AssetRegistryClient> registry = cfg.registryTarget().map(t -> new AssetRegistryClient(t, "executor"));
        registry.ifPresent(resources::add);
        services.add(new ExecutorGrpcService(new PlanExecutor(guarded, guarded, guarded, documents), checker, sourceRpcs,
                llm.map(GroundedSummary::new), new AssetContents(registry.map(r -> r)),
                new dev.opsuite.executor.domain.DictionaryLoader(guarded, guarded), guarded::states));
        HikariDataSource estateDb = null;
        Driver estateGraph = null;
        if (cfg.estateDbUrl().isPresent() && cfg.estateNeo4jUri().isPresent()) {
            estateDb = estatePool(cfg, metrics);
            estateGraph = cfg.estateNeo4jUser().isEmpty()
                    ? GraphDatabase.driver(cfg.estateNeo4jUri().get(), AuthTokens.none())
                    : GraphDatabase.driver(cfg.estateNeo4jUri().get(),
                            AuthTokens.basic(cfg.estateNeo4jUser(), cfg.estateNeo4jPassword()));
            resources.add(estateDb);
            resources.add(estateGraph);
            var estate = EstateModule.create(estateDb, estateGraph, EstateImportConfig.fromEnv(cfg.env()),
                    cfg.docsDir().map(d -> new dev.opsuite.executor.documents.DocumentImporter(documents)));
            resources.add(0, estate); // close the import pool before the stores it writes to
            services.add(estate);
            // metrics written outside imports: their hours' rollups are recomputed in the background
            dev.opsuite.estate.MetricRollupJob.start(estateDb, cfg.metricRollupEvery(), cfg.metricRollupHours())
                    .ifPresent(job -> resources.add(0, job));
        }
        GrpcServerRunner server = GrpcServerRunner.start("executor-service", cfg.host(), cfg.port(), services, metrics);
        StoreProbe probe = null;
        if (estateDb != null) {
            HikariDataSource db = estateDb;
            Driver g = estateGraph;
            probe = StoreProbe.every(5, "executor-service", server, () -> storesUp(db, g));
        }
        return new ExecutorServiceApp(server, resources, probe);
    }

    private static HikariDataSource estatePool(ExecutorConfig cfg, ProcessMetrics metrics) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName(ESTATE_POOL);
        hc.setMetricsTrackerFactory(metrics.pools().labelled(ESTATE_POOL));
        hc.setJdbcUrl(cfg.estateDbUrl().get());
        hc.setUsername(cfg.estateDbUser());
        hc.setPassword(cfg.estateDbPassword());
        hc.setMaximumPoolSize(4);
        hc.setMinimumIdle(0);
        hc.setConnectionTimeout(5_000);
        hc.setInitializationFailTimeout(-1);
        return new HikariDataSource(hc);
    }

    private static boolean storesUp(HikariDataSource db, Driver graph) {
        if (!StoreProbe.sqlReachable(db)) {
            return false;
        }
        try {
            graph.verifyConnectivity();
            return true;
        } catch (RuntimeException e) {
            log.debug("estate graph unreachable: {}", e.getMessage());
            return false;
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
        if (probe != null) {
            probe.close();
        }
        server.close();
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                log.warn("closing {}: {}", r.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
