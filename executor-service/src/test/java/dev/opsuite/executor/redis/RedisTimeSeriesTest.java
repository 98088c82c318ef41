package dev.opsuite.executor.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.executor.domain.Evidence;
import dev.opsuite.executor.domain.ExecutionResult;
import dev.opsuite.executor.domain.PlanExecutor;
import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.stores.EmbeddedRedisProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;

/**
 * TS.GET and TS.RANGE through a Query asset, as any Redis template runs, against the embedded
 * redis-server with a real RedisTimeSeries module loaded. The module is built from source by
 * {@code .ci/redistimeseries.sh} when it is not built yet (about 10 s); the tests are skipped, with
 * the script's own reason, only when it cannot be built on this machine (no compiler, no pinned
 * sources). {@code OPS_REDISTIMESERIES_MODULE} may name a module built elsewhere.
 */
class RedisTimeSeriesTest {
    @TempDir
    static Path dir;
    static EmbeddedRedisProcess redis;
    static RedisCommandAdapter adapter;
    /** Why the module cannot be had here (each test is then skipped saying so), or null. */
    static String unavailable;
    static final long NOW_MS = Instant.now().toEpochMilli() / 1000 * 1000;

    static final String QUERIES = """
            {"name": "live_ts", "bindings": [], "queries": [
             {"name": "cpu_now", "title": "CPU (live)", "tool": "redis_executor", "source": "redis_live",
              "language": "redis", "statement": "TS.GET ts:{ci_code}:cpu", "params": [{"name": "ci_code", "type": "string"}],
              "result": {"params": ["ci_code"], "columns": {"value": "cpu_pct"}, "times": ["ts"]},
              "scope": {"columns": ["ci_code"]}},
             {"name": "cpu_recent", "title": "CPU, last 15 minutes", "tool": "redis_executor", "source": "redis_live",
              "language": "redis", "statement": "TS.RANGE ts:{ci_code}:cpu {time_from} +",
              "params": [{"name": "ci_code", "type": "string"},
                         {"name": "time_from", "type": "timestamp", "default_seconds_ago": 900}],
              "result": {"params": ["ci_code"], "columns": {"value": "cpu_pct"}, "times": ["ts"]},
              "scope": {"columns": ["ci_code"]}},
             {"name": "cpu_all", "title": "CPU, all samples", "tool": "redis_executor", "source": "redis_live",
              "language": "redis", "statement": "TS.RANGE ts:{ci_code}:cpu - +", "params": [{"name": "ci_code", "type": "string"}],
              "result": {"params": ["ci_code"], "columns": {"value": "cpu_pct"}, "times": ["ts"]},
              "scope": {"columns": ["ci_code"]}}
            ]}""";

    @BeforeAll
    static void start() throws Exception {
        Path module = module();
        if (module == null) {
            return;
        }
        redis = EmbeddedRedisProcess.start(dir.resolve("redis"), 0, null, List.of(module));
        try (JedisPooled admin = new JedisPooled(new HostAndPort("127.0.0.1", redis.port()),
                DefaultJedisClientConfig.builder().password(redis.adminPassword()).build())) {
            admin.sendCommand(RedisReader.command("TS.CREATE"), "ts:SVR001:cpu", "LABELS", "ci", "SVR001");
            long[] agoSeconds = {3600, 1200, 600, 60};
            String[] values = {"10", "20", "30.5", "40"};
            for (int i = 0; i < agoSeconds.length; i++) {
                admin.sendCommand(RedisReader.command("TS.ADD"), "ts:SVR001:cpu",
                        Long.toString(NOW_MS - agoSeconds[i] * 1000), values[i]);
            }
            // the reader's ACL (the executor's allowlist) names the module's commands once they exist
            admin.sendCommand(Protocol.Command.ACL, "SETUSER", EmbeddedRedisProcess.READER, "+ts.get", "+ts.range");
        }
        adapter = RedisSourceTest.adapter(Map.of("OPS_SECRET_REDIS_PORT", Integer.toString(redis.port()),
                "OPS_SECRET_REDIS_USER", EmbeddedRedisProcess.READER,
                "OPS_SECRET_REDIS_PASSWORD", redis.readerPassword()));
    }

    /** The module: given, built already, or built now; the tests are skipped only when it cannot be built. */
    static Path module() throws Exception {
        String given = System.getenv("OPS_REDISTIMESERIES_MODULE");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path root = Path.of("").toAbsolutePath().getParent(); // surefire runs in executor-service/
        Path so = root.resolve(".ci/.tools/redistimeseries/redistimeseries.so");
        if (!Files.isReadable(so)) {
            Path log = Files.createTempFile(dir, "redistimeseries", ".log");
            Process build = new ProcessBuilder("bash", root.resolve(".ci/redistimeseries.sh").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = build.waitFor(180, TimeUnit.SECONDS);
            if (!done) {
                build.destroyForcibly();
            }
            String said = Files.readString(log, StandardCharsets.UTF_8).strip();
            if (!done || build.exitValue() != 0 || !Files.isReadable(so)) {
                unavailable = "RedisTimeSeries cannot be built on this machine (.ci/redistimeseries.sh): "
                        + (done ? said : "not done within 180 s");
                return null;
            }
        }
        return so;
    }

    @BeforeEach
    void moduleLoaded() {
        Assumptions.assumeTrue(unavailable == null, unavailable);
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    static AssetBundle assets(String limits) throws Exception {
        AssetDoc source = RedisSourceTest.source("{\"host\": \"127.0.0.1\", \"port_ref\": \"REDIS_PORT\", \"user_ref\": "
                + "\"REDIS_USER\", \"password_ref\": \"REDIS_PASSWORD\"}", limits);
        return new AssetBundle(List.of(source, new AssetDoc("query", "live_ts", 1, "published",
                ModelJson.MAPPER.readTree(QUERIES)), new AssetDoc("policy", "p", 1, "published",
                ModelJson.MAPPER.readTree("{}"))));
    }

    static ExecutionResult execute(String ci, String query, String limits) throws Exception {
        return new PlanExecutor(null, null, adapter).execute(RedisExecuteTest.lookup(ci), List.of(query),
                assets(limits));
    }

    static String iso(long ms) {
        return Instant.ofEpochMilli(ms).atOffset(ZoneOffset.UTC).toString();
    }

    @Test
    void tsGetReadsTheLatestSampleAsOneRow() throws Exception {
        ExecutionResult r = execute("SVR001", "cpu_now", "{}");
        ToolOutput out = r.outputs().get(0);
        assertFalse(out.failed(), out.error());
        assertEquals(List.of("ci_code", "ts", "cpu_pct"), out.columns());
        assertEquals(List.of(List.of("SVR001", iso(NOW_MS - 60_000), 40L)), out.rows());
        Evidence e = r.evidence().get(0);
        assertEquals("redis", e.kind());
        assertEquals("TS.GET ts:SVR001:cpu", e.payload());
    }

    @Test
    void tsRangeFromATimestampParameterReadsOnlyTheSamplesSinceThen() throws Exception {
        ExecutionResult r = execute("SVR001", "cpu_recent", "{}");
        ToolOutput out = r.outputs().get(0);
        assertFalse(out.failed(), out.error());
        assertEquals(List.of("ci_code", "ts", "cpu_pct"), out.columns());
        // 15 minutes back: the samples of 10 and 1 minute ago, not those of 20 and 60 minutes ago
        assertEquals(List.of(List.of("SVR001", iso(NOW_MS - 600_000), 30.5), List.of("SVR001", iso(NOW_MS - 60_000),
                40L)), out.rows());
        String payload = r.evidence().get(0).payload();
        assertTrue(payload.matches("TS\\.RANGE ts:SVR001:cpu \\d{13} \\+ COUNT \\d+"), "milliseconds, bounded: " + payload);
    }

    @Test
    void tsRangeIsBoundedByTheSourcesRowLimitAndSaysItWasCut() throws Exception {
        ExecutionResult r = execute("SVR001", "cpu_all", "{\"max_rows\": 3}");
        ToolOutput out = r.outputs().get(0);
        assertFalse(out.failed(), out.error());
        assertEquals(3, out.rows().size(), out.rows().toString());
        assertEquals(iso(NOW_MS - 3_600_000), out.rows().get(0).get(1));
        assertTrue(out.truncated(), "4 samples, 3 rows wanted");
        assertEquals("TS.RANGE ts:SVR001:cpu - + COUNT 4", r.evidence().get(0).payload());
    }

    @Test
    void aCiWithoutASeriesIsNoDataNotAnError() throws Exception {
        for (String query : List.of("cpu_now", "cpu_recent")) {
            ToolOutput out = execute("SVR404", query, "{}").outputs().get(0);
            assertFalse(out.failed(), query + ": " + out.error());
            assertTrue(out.rows().isEmpty(), out.rows().toString());
        }
    }
}
