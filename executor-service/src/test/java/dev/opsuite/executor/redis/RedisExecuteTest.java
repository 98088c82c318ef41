package dev.opsuite.executor.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.executor.domain.Evidence;
import dev.opsuite.executor.domain.ExecutionResult;
import dev.opsuite.executor.domain.PlanExecutor;
import dev.opsuite.executor.domain.QueryPreviewer;
import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.stores.EmbeddedRedisProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** EXECUTE and query preview of redis templates against a real Redis, mode mock, and what is refused. */
class RedisExecuteTest {
    @TempDir
    static Path dir;
    static EmbeddedRedisProcess redis;
    static RedisCommandAdapter adapter;
    static long now = Instant.now().getEpochSecond();

    static final String QUERIES = """
            {"name": "live", "bindings": [], "queries": [
             {"name": "live_queue", "title": "Queue depth (live)", "tool": "redis_executor", "source": "redis_live",
              "language": "redis", "statement": "HGETALL ci:{ci_code}:queue", "params": [{"name": "ci_code", "type": "string"}],
              "result": {"row": true, "fields": ["depth", "consumers"], "params": ["ci_code"], "numbers": ["depth", "consumers"]},
              "scope": {"columns": ["ci_code"]},
              "fixtures": [{"params": {"ci_code": "APP001"}, "columns": ["ci_code", "depth", "consumers"], "rows": [["APP001", 7, 1]]}]},
             {"name": "live_stale", "title": "Missed heartbeats", "tool": "redis_executor", "source": "redis_live",
              "language": "redis", "statement": "ZRANGEBYSCORE heartbeat:last_seen -inf {time_from} WITHSCORES",
              "params": [{"name": "time_from", "type": "timestamp", "default_seconds_ago": 300}],
              "result": {"columns": {"member": "ci_code", "score": "last_seen"}, "times": ["last_seen"]},
              "scope": {"columns": ["ci_code"]}},
             {"name": "live_alerts_since", "title": "Alerts of the last 15 minutes", "tool": "redis_executor",
              "source": "redis_live", "language": "redis", "statement": "XRANGE alerts:stream {time_from} +",
              "params": [{"name": "time_from", "type": "timestamp", "default_seconds_ago": 900}]},
             {"name": "live_keys", "title": "refused", "tool": "redis_executor", "source": "redis_live",
              "language": "redis", "statement": "KEYS *", "params": []}
            ]}""";

    @BeforeAll
    static void start() throws Exception {
        redis = EmbeddedRedisProcess.start(dir, 0);
        try (JedisPooled admin = new JedisPooled(new HostAndPort("127.0.0.1", redis.port()),
                DefaultJedisClientConfig.builder().password(redis.adminPassword()).build())) {
            admin.hset("ci:APP001:queue", Map.of("depth", "42", "consumers", "3"));
            admin.zadd("heartbeat:last_seen", now - 20, "SVR001");
            admin.zadd("heartbeat:last_seen", now - 900, "SVR002");
            admin.xadd("alerts:stream", new redis.clients.jedis.StreamEntryID((now - 1200) * 1000, 0),
                    Map.of("ci_code", "SVR003", "title", "an hour-old alert"));
            admin.xadd("alerts:stream", new redis.clients.jedis.StreamEntryID((now - 60) * 1000, 0),
                    Map.of("ci_code", "SVR001", "title", "disk full"));
        }
        adapter = RedisSourceTest.adapter(Map.of("OPS_SECRET_REDIS_PORT", Integer.toString(redis.port()),
                "OPS_SECRET_REDIS_USER", EmbeddedRedisProcess.READER,
                "OPS_SECRET_REDIS_PASSWORD", redis.readerPassword()));
    }

    @AfterAll
    static void stop() {
        adapter.close();
        redis.close();
    }

    static AssetBundle assets(AssetDoc source) throws Exception {
        return new AssetBundle(List.of(source, new AssetDoc("query", "live", 1, "published",
                ModelJson.MAPPER.readTree(QUERIES)), new AssetDoc("policy", "p", 1, "published",
                ModelJson.MAPPER.readTree("{}"))));
    }

    static PlanModel lookup(String ciCode) {
        return new PlanModel(Intent.LOOKUP, View.SUMMARY, new PlanModel.Primary("ci", ciCode, List.of(), null, null, 0, 0),
                null, null, null, null, null, "ko", null, null, "큐 길이는?");
    }

    private static ExecutionResult execute(PlanModel plan, String query, boolean mock) throws Exception {
        return new PlanExecutor(null, null, adapter).execute(plan, List.of(query), assets(RedisSourceTest.live()), mock);
    }

    @Test
    void aHashReadsAsOneRowWithTheMappedColumnsAndTheExactCommandAsReference() throws Exception {
        ExecutionResult r = execute(lookup("APP001"), "live_queue", false);
        ToolOutput out = r.outputs().get(0);
        assertTrue(!out.failed(), out.error());
        assertEquals(List.of("ci_code", "depth", "consumers"), out.columns());
        assertEquals(List.of(List.of("APP001", 42L, 3L)), out.rows());
        Evidence e = r.evidence().get(0);
        assertEquals("redis", e.kind());
        assertEquals("HGETALL ci:APP001:queue", e.payload());
        assertEquals(List.of("ci:APP001:queue"), e.params().get("args"));
        assertEquals("redis_live", e.source());
    }

    @Test
    void aHeartbeatCutOffDefaultsToItsDeclaredSecondsAgo() throws Exception {
        ToolOutput out = execute(lookup(""), "live_stale", false).outputs().get(0);
        assertEquals(List.of("ci_code", "last_seen"), out.columns());
        assertEquals(1, out.rows().size(), out.rows().toString());
        assertEquals("SVR002", out.rows().get(0).get(0));
        assertEquals(Instant.ofEpochSecond(now - 900).atOffset(java.time.ZoneOffset.UTC).toString(), out.rows().get(0).get(1));
    }

    @Test
    void aStreamRangeFromATimestampBindsMillisecondsAsStreamIdsAre() throws Exception {
        ExecutionResult r = execute(lookup(""), "live_alerts_since", false);
        ToolOutput out = r.outputs().get(0);
        assertTrue(!out.failed(), out.error());
        assertEquals("id", out.columns().get(0), out.columns().toString());
        assertEquals(1, out.rows().size(), "only the alert of a minute ago: " + out.rows());
        assertEquals(((now - 60) * 1000) + "-0", out.rows().get(0).get(0));
        assertTrue(r.evidence().get(0).payload().matches("XRANGE alerts:stream \\d{13} \\+ COUNT \\d+"),
                r.evidence().get(0).payload());
    }

    @Test
    void aCiCodeWithGlobOrLineBreaksNeverReachesRedis() throws Exception {
        for (String code : List.of("APP*", "APP001\r\nFLUSHALL", "APP[0-9]*", "APP 001")) {
            ExecutionResult r = execute(lookup(code), "live_queue", false);
            ToolOutput out = r.outputs().get(0);
            assertNotNull(out.error(), code);
            assertTrue(out.error().contains("not a plain name"), out.error());
            assertEquals("tool_error_fatal", r.triggers().get(0).type());
        }
    }

    @Test
    void aForbiddenTemplateIsRefusedAtRunTimeToo() throws Exception {
        ExecutionResult r = execute(lookup(""), "live_keys", false);
        assertTrue(r.outputs().get(0).error().contains("KEYS"), r.outputs().get(0).error());
        assertEquals("POLICY_DENIED", r.outputs().get(0).meta().get("error_code"));
    }

    @Test
    void thePolicyNarrowsKeysPerRoleAtExecuteToo() throws Exception {
        AssetDoc policy = new AssetDoc("policy", "p", 2, "published", ModelJson.MAPPER.readTree("""
                {"security": {"redis": {"roles": {"viewer": {"key_patterns": ["ci:*:heartbeat"]}}}}}"""));
        AssetBundle a = new AssetBundle(List.of(RedisSourceTest.live(), new AssetDoc("query", "live", 1, "published",
                ModelJson.MAPPER.readTree(QUERIES)), policy));
        PlanExecutor executor = new PlanExecutor(null, null, adapter);
        ToolOutput viewer = executor.execute(lookup("APP001"), List.of("live_queue"), a, false,
                dev.opsuite.guard.DataScope.everything(List.of()), List.of("viewer")).outputs().get(0);
        assertEquals("POLICY_DENIED", viewer.meta().get("error_code"), viewer.error());
        assertTrue(viewer.error().contains("key patterns"), viewer.error());
        ToolOutput operator = executor.execute(lookup("APP001"), List.of("live_queue"), a, false,
                dev.opsuite.guard.DataScope.everything(List.of()), List.of("operator")).outputs().get(0);
        assertEquals(List.of(List.of("APP001", 42L, 3L)), operator.rows());
    }

    @Test
    void modeMockAnswersFromTheFixtureAndSaysSo() throws Exception {
        ExecutionResult r = execute(lookup("APP001"), "live_queue", true);
        assertEquals(List.of(List.of("APP001", 7, 1)), r.outputs().get(0).rows());
        assertEquals("mock:redis_live", r.evidence().get(0).source());
        assertTrue(r.evidence().get(0).title().contains("mock"));
    }

    @Test
    void aDeadRedisIsACallErrorNamingTheSourceNeverNoData() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        AssetDoc src = RedisSourceTest.source("{\"host\": \"127.0.0.1\", \"port\": " + dead + "}", "{}");
        ExecutionResult r = new PlanExecutor(null, null, adapter).execute(lookup("APP001"), List.of("live_queue"),
                assets(src));
        ToolOutput out = r.outputs().get(0);
        assertTrue(out.error().contains("redis_live is unavailable"), out.error());
        assertTrue(out.rows().isEmpty());
        assertEquals("tool_error_retryable", r.triggers().get(0).type());
    }

    @Test
    void queryPreviewRunsARedisTemplateAndRefusesAForbiddenOne() throws Exception {
        AssetBundle a = assets(RedisSourceTest.live());
        QueryPreviewer previewer = new QueryPreviewer(null, null, adapter);
        QueryPreviewer.Preview p = previewer.preview(a.query(), "live_queue", RedisSourceTest.live(),
                a.policy(), Map.of("ci_code", "APP001"), 0, 0);
        assertEquals("HGETALL ci:APP001:queue", p.statement());
        assertEquals(List.of(List.of("APP001", 42L, 3L)), p.rows());
        QueryPreviewer.Preview stale = previewer.preview(a.query(), "live_stale", RedisSourceTest.live(),
                a.policy(), Map.of(), 0, 0);
        assertTrue(stale.statement().startsWith("ZRANGEBYSCORE heartbeat:last_seen -inf "), stale.statement());
        assertTrue(stale.statement().endsWith("WITHSCORES LIMIT 0 51"), stale.statement());
        OpsException e = assertThrows(OpsException.class, () -> previewer.preview(a.query(), "live_keys",
                RedisSourceTest.live(), a.policy(), Map.of(), 0, 0));
        assertEquals(ErrorCode.POLICY_DENIED, e.code());
    }
}
