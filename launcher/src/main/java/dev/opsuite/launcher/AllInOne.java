package dev.opsuite.launcher;

import dev.opsuite.executor.ExecutorConfig;
import dev.opsuite.executor.ExecutorServiceApp;
import dev.opsuite.gateway.GatewayApp;
import dev.opsuite.gateway.GatewayConfig;
import dev.opsuite.kit.config.Env;
import dev.opsuite.llm.LlmConfig;
import dev.opsuite.planner.PlannerConfig;
import dev.opsuite.planner.PlannerServiceApp;
import dev.opsuite.stores.EmbeddedNeo4jProcess;
import dev.opsuite.stores.EmbeddedPostgresStore;
import dev.opsuite.trace.TraceConfig;
import dev.opsuite.trace.TraceServiceApp;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real embedded PostgreSQL and Neo4j (own JVM) under OPS_DATA_DIR, the
 * three stage services on free loopback ports, and the gateway on OPS_HTTP_PORT. Each service is
 * a real gRPC server; they share this JVM only to save memory.
 */
public final class AllInOne implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AllInOne.class);
    static final String DATABASE = "opsdb";

    private final LauncherConfig config;
    private volatile EmbeddedPostgresStore postgres;
    private volatile EmbeddedNeo4jProcess neo4j;
    private volatile dev.opsuite.stores.EmbeddedRedisProcess redis;
    private volatile LiveDemo liveDemo;
    private dev.opsuite.stores.StoreSupervisor supervisor;
    private TraceServiceApp trace;
    private PlannerServiceApp planner;
    private ExecutorServiceApp executor;
    private GatewayApp gateway;
    private Env serviceEnv;
    private int executorPort;
    /** One registry for the four services, served by the gateway's GET /metrics: each meter registered once. */
    private final dev.opsuite.kit.metrics.ProcessMetrics metrics = dev.opsuite.kit.metrics.ProcessMetrics.prometheus();
    private volatile java.util.concurrent.CompletableFuture<GoldenSeeder.Outcome> golden;
    private java.util.concurrent.ExecutorService goldenThread;

    /** The PostgreSQL role the default Source asset reads the estate as (SELECT on schema public only). */
    public static final String ESTATE_READER = "ops_estate_reader";
    /** The PostgreSQL role the estate importer writes as: owner of the estate schema (public) only. */
    public static final String ESTATE_WRITER = "ops_estate_writer";
    private String estateWriterPassword;

    /** The PostgreSQL role trace-service runs as: owner of schema ops (traces, assets, audit) only. */
    public static final String TRACE_STORE = "ops_trace_store";

    private AllInOne(LauncherConfig config) {
        this.config = config;
    }

    public static AllInOne start(LauncherConfig config) throws IOException, SQLException {
        AllInOne all = new AllInOne(config);
        try {
            all.startAll();
            return all;
        } catch (IOException | SQLException | RuntimeException e) {
            all.close();
            throw e;
        }
    }

    private void startAll() throws IOException, SQLException {
        long t0 = System.nanoTime();
        Files.createDirectories(config.dataDir());
        postgres = EmbeddedPostgresStore.start(config.dataDir().resolve("postgres"), 0);
        postgres.createDatabaseIfMissing(DATABASE);
        neo4j = EmbeddedNeo4jProcess.start(config.dataDir().resolve("neo4j"), 0);
        // live state (heartbeats, open alerts, queues): loopback, passwords, no persistence
        redis = dev.opsuite.stores.EmbeddedRedisProcess.start(config.dataDir().resolve("redis"), 0);
        log.info("stores up in {} ms (postgres :{}, neo4j {}, redis :{})", ms(t0), postgres.port(), neo4j.boltUri(),
                redis.port());
        // a crashed store comes back on its data directory and port; pools and drivers reconnect to it
        supervisor = new dev.opsuite.stores.StoreSupervisor(java.util.List.of(
                new dev.opsuite.stores.StoreSupervisor.Child("postgres", () -> postgres.isAlive(),
                        () -> postgres = postgres.restart()),
                new dev.opsuite.stores.StoreSupervisor.Child("neo4j", () -> neo4j.isAlive(),
                        () -> neo4j = neo4j.restart()),
                new dev.opsuite.stores.StoreSupervisor.Child("redis", () -> redis.isAlive(), () -> {
                    redis = redis.restart();
                    if (liveDemo != null) {
                        liveDemo.rewrite(); // the embedded Redis keeps nothing: the demo's live state again
                    }
                })),
                java.time.Duration.ofMillis(config.env().getInt("OPS_STORE_CHECK_MS", 1000)));

        stageSecurity();
        String jdbc = postgres.jdbcUrl(DATABASE);
        // the SQL the assets hold runs as a role that reads the estate schema and nothing else
        String readerPassword = postgres.ensureReadOnlyRole(DATABASE, ESTATE_READER, "public");
        // the estate importer (and the estate migrations) write as the owner of the estate schema, and nothing more
        estateWriterPassword = postgres.ensureSchemaOwnerRole(DATABASE, ESTATE_WRITER, "public",
                java.util.List.of(ESTATE_READER));
        // *_ref values of the default Source assets resolve from these (see assets/defaults/source)
        serviceEnv = config.env().with(Map.of(
                "OPS_SECRET_PG_PORT", Integer.toString(postgres.port()),
                "OPS_SECRET_PG_DATABASE", DATABASE,
                "OPS_SECRET_PG_USER", ESTATE_READER,
                "OPS_SECRET_PG_PASSWORD", readerPassword,
                "OPS_SECRET_NEO4J_URI", neo4j.boltUri(),
                "OPS_SECRET_NEO4J_USER", dev.opsuite.stores.EmbeddedNeo4jProcess.USER,
                "OPS_SECRET_NEO4J_PASSWORD", neo4j.password()));
        // the default Source asset redis_live reads as the read-only ACL user (assets/defaults/source/redis_live.json)
        serviceEnv = serviceEnv.with(Map.of(
                "OPS_SECRET_REDIS_PORT", Integer.toString(redis.port()),
                "OPS_SECRET_REDIS_USER", dev.opsuite.stores.EmbeddedRedisProcess.READER,
                "OPS_SECRET_REDIS_PASSWORD", redis.readerPassword()));
        // the document collections' indexes (Source type documents, `./ops import DIR` with a docs/ folder)
        if (config.env().get("OPS_DOCS_DIR").filter(d -> !d.isBlank()).isEmpty()) {
            serviceEnv = serviceEnv.with(Map.of("OPS_DOCS_DIR", config.dataDir().resolve("documents").toString()));
        }
        // a data directory from before 2026-12-02 keeps its stored default Source assets, whose refs were
        // OPS_PG_PORT …: the same values under those names, still only in the OPS_SECRET_ namespace
        serviceEnv = serviceEnv.with(Map.of(
                "OPS_SECRET_OPS_PG_PORT", Integer.toString(postgres.port()),
                "OPS_SECRET_OPS_PG_DATABASE", DATABASE,
                "OPS_SECRET_OPS_PG_USER", ESTATE_READER,
                "OPS_SECRET_OPS_PG_PASSWORD", readerPassword,
                "OPS_SECRET_OPS_NEO4J_URI", neo4j.boltUri()));
        // the trace store migrates and writes as the owner of schema ops, and nothing more
        String tracePassword = postgres.ensureSchemaOwnerRole(DATABASE, TRACE_STORE, "ops");
        trace = TraceServiceApp.start(new TraceConfig("127.0.0.1", 0, jdbc, TRACE_STORE, tracePassword, 8,
                java.util.Optional.of(config.assetSeedDir())), metrics);
        // stage calls name assets by version; planner and executor fetch each version once from trace-service
        serviceEnv = serviceEnv.with(Map.of("OPS_REGISTRY_TARGET", "127.0.0.1:" + trace.port(),
                "OPS_ASSETS_BY_REFERENCE", "true",
                // a Source asset may not point at the product itself (the ports known before the executor starts)
                "OPS_SOURCE_DENIED_PORTS", trace.port() + (config.httpPort() > 0 ? "," + config.httpPort() : "")));
        // OPENAI_BASE_URL, OPENAI_API_KEY and OPS_LLM_MODEL (see LlmConfig) reach the planner and the executor
        startExecutor(0);
        // the planner links names in questions against the estate dictionary that executor-service serves
        planner = PlannerServiceApp.start(new PlannerConfig("127.0.0.1", 0, LlmConfig.from(serviceEnv),
                serviceEnv.get("OPS_REGISTRY_TARGET"), java.util.Optional.of("127.0.0.1:" + executorPort),
                serviceEnv.getInt("OPS_DICTIONARY_REFRESH_MS", 1000)), metrics);
        gateway = GatewayApp.start(GatewayConfig.from(serviceEnv.with(Map.of(
                "OPS_HTTP_PORT", Integer.toString(config.httpPort()),
                "OPS_PLANNER_TARGET", "127.0.0.1:" + planner.port(),
                "OPS_EXECUTOR_TARGET", "127.0.0.1:" + executorPort,
                "OPS_TRACE_TARGET", "127.0.0.1:" + trace.port(),
                "OPS_DATA_DIR", config.dataDir().toString()))), config.loadDemo() ? "loading the demo estate" : null,
                metrics, false);
        log.info("services up in {} ms: gateway :{}, planner :{}, executor :{}, trace :{}", ms(t0), gateway.port(),
                planner.port(), executorPort, trace.port());
        boolean demoThere = false;
        if (config.loadDemo()) {
            demoThere = new DemoLoader(config, executorPort, gateway.port(), gateway.keys()).loadIfEmpty();
            // the demo's live state is about the demo's CIs: only beside them
            liveDemo = demoThere ? LiveDemo.start(redis.port(), redis.adminPassword(), config.demoSeed(),
                    config.demoDays(), jdbc, ESTATE_WRITER, estateWriterPassword).orElse(null) : null;
            gateway.startupDone();
        }
        startGoldenDefaults(demoThere);
        log.info("OPS ready in {} ms on http://127.0.0.1:{} (REST /ops/*, gRPC ops.v1.OpsService)", ms(t0),
                gateway.port());
    }

    /**
     * The default golden set, created once after the stack is up (and the demo loaded): on its own
     * thread, since each query is asked for its baseline; a failure is logged, never fails the start.
     * Those about demo CIs only when the demo estate is there ({@code demoThere}), not merely asked for.
     */
    private void startGoldenDefaults(boolean demoThere) {
        if ("false".equalsIgnoreCase(config.env().get("OPS_GOLDEN_DEFAULTS", "true").strip())) {
            log.info("default golden set: off (OPS_GOLDEN_DEFAULTS=false)");
            golden = java.util.concurrent.CompletableFuture.completedFuture(null);
            return;
        }
        goldenThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "golden-defaults");
            t.setDaemon(true);
            return t;
        });
        GoldenSeeder seeder = new GoldenSeeder(config, demoThere, gateway.port(), gateway.keys());
        golden = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return seeder.seed();
            } catch (java.io.IOException | RuntimeException e) {
                log.warn("default golden set: not created ({}); tried again at the next start", e.toString());
                throw new java.util.concurrent.CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CompletionException(e);
            }
        }, goldenThread);
    }

    /** The default golden set's creation at this start: null when it is off; fails when it failed as a whole. */
    java.util.concurrent.CompletableFuture<GoldenSeeder.Outcome> goldenDefaults() {
        return golden;
    }

    /**
     * How the stage services know their callers over TCP. By default mutual TLS: a CA and one
     * certificate per identity in $OPS_DATA_DIR/tls (made at the first start, renewed before they
     * expire; OPS_STAGE_TLS_HOSTS adds names a stage port answers to), or the directory this JVM
     * already uses. With OPS_STAGE_TLS=off, a shared token instead: OPS_STAGE_TOKEN, the one this JVM
     * already uses, or a new random one, written to $OPS_DATA_DIR/stage.key (0600).
     */
    private void stageSecurity() throws IOException {
        java.nio.file.Path file = config.dataDir().resolve("stage.key");
        if (!"off".equalsIgnoreCase(config.env().get("OPS_STAGE_TLS", "on").strip())) {
            java.nio.file.Path dir = config.dataDir().resolve("tls");
            if (dev.opsuite.kit.grpc.StageAuth.tlsDir().isPresent()) {
                // another all-in-one in this JVM (tests): the same certificates, copied into this data directory
                dev.opsuite.kit.grpc.StageAuth.exportTls(dir);
            } else {
                java.util.List<String> hosts = java.util.Arrays.stream(config.env().get("OPS_STAGE_TLS_HOSTS", "")
                        .split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList();
                java.util.List<String> issued = dev.opsuite.kit.grpc.StagePki.ensure(dir, hosts);
                if (!issued.isEmpty()) {
                    log.info("stage TLS: issued certificates for {} in {}", issued, dir);
                }
                dev.opsuite.kit.grpc.StageAuth.configureTls(dir);
            }
            // a token from an older start (or OPS_STAGE_TLS=off) opens nothing now
            Files.deleteIfExists(file);
            return;
        }
        String token = config.env().get("OPS_STAGE_TOKEN").filter(t -> !t.isBlank())
                .orElse(dev.opsuite.kit.grpc.StageAuth.token());
        if (token.isEmpty()) {
            byte[] b = new byte[32];
            new java.security.SecureRandom().nextBytes(b);
            token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        }
        dev.opsuite.kit.grpc.StageAuth.configure(token);
        dev.opsuite.kit.config.DataFiles.writeAtomically(file,
                (token + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
    }

    /** (Re)starts executor-service; port 0 picks a free port the first time. */
    public synchronized void startExecutor(int port) throws IOException {
        Env env = serviceEnv.with(Map.of(
                "OPS_EXECUTOR_PORT", Integer.toString(port),
                "OPS_ESTATE_DB_URL", postgres.jdbcUrl(DATABASE),
                "OPS_ESTATE_DB_USER", ESTATE_WRITER,
                "OPS_ESTATE_DB_PASSWORD", estateWriterPassword,
                "OPS_ESTATE_NEO4J_URI", neo4j.boltUri(),
                "OPS_ESTATE_NEO4J_USER", dev.opsuite.stores.EmbeddedNeo4jProcess.USER,
                "OPS_ESTATE_NEO4J_PASSWORD", neo4j.password()));
        executor = ExecutorServiceApp.start(ExecutorConfig.from(env), metrics);
        executorPort = executor.port();
    }

    /** Stops executor-service (for failure drills); startExecutor(executorPort()) brings it back. */
    public synchronized void stopExecutor() {
        if (executor != null) {
            executor.close();
            executor = null;
        }
    }

    /** The embedded PostgreSQL's postmaster pid and Neo4j's child pid, for fault drills (kill -9). */
    public long postgresPid() {
        return postgres.postmasterPid();
    }

    public long neo4jPid() {
        return neo4j.pid();
    }

    /** The embedded Redis's pid and port, for fault drills and tests. */
    public long redisPid() {
        return redis.pid();
    }

    public int redisPort() {
        return redis.port();
    }

    /** How many times the supervisor restarted each embedded store. */
    public Map<String, Integer> storeRestarts() {
        return supervisor == null ? Map.of() : supervisor.restarts();
    }

    /** The environment the services were started with (store settings included), for running more of them. */
    public Env serviceEnv() {
        return serviceEnv;
    }

    public int httpPort() {
        return gateway.port();
    }

    /** Where the gateway keeps its API keys (another gateway sharing them points OPS_KEYS_FILE here). */
    public java.nio.file.Path keysFile() {
        return config.dataDir().resolve("keys.json");
    }

    /** The gateway's API keys (tests mint keys per role here; operators use ./ops keys). */
    public dev.opsuite.gateway.auth.ApiKeys apiKeys() {
        return gateway.keys();
    }

    public int executorPort() {
        return executorPort;
    }

    public int plannerPort() {
        return planner.port();
    }

    public int tracePort() {
        return trace.port();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    public String dbUser() {
        return postgres.user();
    }

    public String dbPassword() {
        return postgres.password();
    }

    public String boltUri() {
        return neo4j.boltUri();
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Override
    public void close() {
        closeQuietly(supervisor); // before the stores close: a stopped store is not a crashed one
        if (goldenThread != null) {
            goldenThread.shutdownNow(); // a seeding cut short marks what it created; the rest comes next start
        }
        closeQuietly(gateway);
        closeQuietly(executor);
        closeQuietly(planner);
        closeQuietly(trace);
        closeQuietly(liveDemo);
        closeQuietly(redis);
        closeQuietly(neo4j);
        closeQuietly(postgres);
        closeQuietly(metrics);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            log.warn("stopping {}: {}", c.getClass().getSimpleName(), e.getMessage());
        }
    }
}
