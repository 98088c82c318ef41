package dev.opsuite.executor.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.executor.domain.SqlPort;
import dev.opsuite.executor.source.SecretResolver;
import dev.opsuite.executor.source.SourcePools;
import dev.opsuite.executor.source.SourceTargets;
import dev.opsuite.guard.RedisTemplates;
import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.stores.EmbeddedRedisProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;

/** The Redis adapter against a real Redis (the embedded one, as the read-only ACL user): every allowed command. */
class RedisSourceTest {
    @TempDir
    static Path dir;
    static EmbeddedRedisProcess redis;
    static RedisCommandAdapter adapter;
    static JedisPooled admin;

    @BeforeAll
    static void start() throws Exception {
        redis = EmbeddedRedisProcess.start(dir, 0);
        admin = new JedisPooled(new HostAndPort("127.0.0.1", redis.port()),
                DefaultJedisClientConfig.builder().password(redis.adminPassword()).build());
        admin.set("ci:SVR001:state", "running");
        admin.set("ci:SVR002:state", "stopped");
        admin.hset("ci:SVR001:heartbeat", Map.of("last_seen", "1796378400", "agent", "node-exporter"));
        admin.hset("ci:APP001:queue", Map.of("depth", "42", "consumers", "3"));
        for (int i = 1; i <= 30; i++) {
            admin.zadd("heartbeat:last_seen", 1796378400 - i * 60, String.format("SVR%03d", i));
            admin.rpush("deploys:APP001", "v" + i);
            admin.sadd("oncall:infra", "user" + i);
        }
        admin.xadd("alerts:open", StreamEntryID.NEW_ENTRY,
                Map.of("ci_code", "DB015", "severity", "minor", "title", "disk usage above 85%"));
        admin.xadd("alerts:open", StreamEntryID.NEW_ENTRY,
                Map.of("ci_code", "APP007", "severity", "minor", "title", "p95 latency above 500 ms"));
        admin.setex("lock:SVR001", 600, "x");
        admin.set("big:value", "x".repeat(RedisReader.MAX_VALUE_BYTES + 1));
        adapter = adapter(Map.of("OPS_SECRET_REDIS_PORT", Integer.toString(redis.port()),
                "OPS_SECRET_REDIS_USER", EmbeddedRedisProcess.READER,
                "OPS_SECRET_REDIS_PASSWORD", redis.readerPassword()));
    }

    static RedisCommandAdapter adapter(Map<String, String> env) {
        return new RedisCommandAdapter(new SecretResolver(Env.of(env)), new SourcePools<>(4, Duration.ofMinutes(5)),
                SourceTargets.loopbackOnly());
    }

    @AfterAll
    static void stop() {
        adapter.close();
        admin.close();
        redis.close();
    }

    static AssetDoc source(String connection, String limits) throws Exception {
        JsonNode c = ModelJson.MAPPER.readTree("{\"type\": \"redis\", \"connection\": " + connection
                + ", \"permissions\": {\"read_only\": true}, \"limits\": " + limits + "}");
        return new AssetDoc("source", "redis_live", 1, "published", c);
    }

    static AssetDoc live() throws Exception {
        return source("{\"host\": \"127.0.0.1\", \"port_ref\": \"REDIS_PORT\", \"user_ref\": \"REDIS_USER\", "
                + "\"password_ref\": \"REDIS_PASSWORD\", \"database\": 0}", "{\"max_rows\": 100, \"max_keys\": 50}");
    }

    private static SqlPort.Tabular run(String command, String... args) throws Exception {
        return adapter.run(live(), new RedisTemplates.Bound(command, List.of(args)), 10, 5);
    }

    @Test
    void stringsAndHashes() throws Exception {
        assertEquals(List.of(List.of("ci:SVR001:state", "running")), run("GET", "ci:SVR001:state").rows());
        assertEquals(List.of(), run("GET", "ci:NOPE:state").rows(), "no key: no row");
        assertEquals(List.of(List.of("ci:SVR001:state", "running"), List.of("ci:SVR002:state", "stopped")),
                run("MGET", "ci:SVR001:state", "ci:NOPE:state", "ci:SVR002:state").rows());
        assertEquals(List.of(List.of("ci:APP001:queue", "depth", "42")), run("HGET", "ci:APP001:queue", "depth").rows());
        SqlPort.Tabular h = run("HGETALL", "ci:APP001:queue");
        assertEquals(List.of("field", "value"), h.columns());
        assertEquals(2, h.rows().size());
        assertTrue(run("GET", "big:value").rows().get(0).get(1).toString().contains("not read"), "value cap");
    }

    @Test
    void setsSortedSetsListsAndStreamsAreBoundedToTheRowsWanted() throws Exception {
        SqlPort.Tabular s = run("SMEMBERS", "oncall:infra");
        assertEquals(10, s.rows().size());
        assertTrue(s.truncated(), "30 members, 10 wanted");
        assertEquals(List.of(List.of("oncall:infra", "user3", true)), run("SISMEMBER", "oncall:infra", "user3").rows());
        SqlPort.Tabular z = run("ZRANGE", "heartbeat:last_seen", "0", "-1", "WITHSCORES");
        assertEquals(List.of("member", "score"), z.columns());
        assertEquals(List.of("SVR030", 1796378400L - 30 * 60), z.rows().get(0));
        assertEquals(10, z.rows().size());
        assertTrue(z.truncated());
        SqlPort.Tabular stale = run("ZRANGEBYSCORE", "heartbeat:last_seen", "-inf", "1796377200", "WITHSCORES",
                "LIMIT", "0", "11");
        assertEquals(10, stale.rows().size(), "SVR020..SVR030 are older than 20 minutes: 11, 10 wanted");
        assertTrue(stale.truncated());
        assertEquals("SVR001", run("ZREVRANGE", "heartbeat:last_seen", "0", "0").rows().get(0).get(0));
        SqlPort.Tabular l = run("LRANGE", "deploys:APP001", "-3", "-1");
        assertEquals(List.of(List.of(27L, "v28"), List.of(28L, "v29"), List.of(29L, "v30")), l.rows());
        SqlPort.Tabular x = run("XRANGE", "alerts:open", "-", "+");
        assertEquals("id", x.columns().get(0));
        assertEquals(2, x.rows().size());
        assertTrue(x.columns().containsAll(List.of("ci_code", "severity", "title")));
        assertEquals(1, run("XREVRANGE", "alerts:open", "+", "-", "COUNT", "1").rows().size());
    }

    @Test
    void scanTtlTypeExists() throws Exception {
        SqlPort.Tabular keys = run("SCAN", "0", "MATCH", "ci:*:state", "COUNT", "100");
        assertEquals(List.of(List.of("ci:SVR001:state"), List.of("ci:SVR002:state")), keys.rows());
        long ttl = (Long) run("TTL", "lock:SVR001").rows().get(0).get(1);
        assertTrue(ttl > 0 && ttl <= 600);
        assertEquals(List.of(List.of("ci:APP001:queue", "hash")), run("TYPE", "ci:APP001:queue").rows());
        assertEquals(List.of(List.of(2, 1L)), run("EXISTS", "ci:APP001:queue", "ci:NOPE:queue").rows());
    }

    @Test
    void timeSeriesCommandsSayHonestlyThatTheModuleIsMissing() {
        OpsException e = assertThrows(OpsException.class, () -> run("TS.GET", "ts:SVR001:cpu"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().toLowerCase().contains("unknown command"), e.getMessage());
    }

    @Test
    void theSourceUserCannotWriteEvenIfACommandSlippedThrough() {
        try (JedisPooled reader = new JedisPooled(new HostAndPort("127.0.0.1", redis.port()),
                DefaultJedisClientConfig.builder().user(EmbeddedRedisProcess.READER).password(redis.readerPassword())
                        .build())) {
            JedisDataException e = assertThrows(JedisDataException.class, () -> reader.set("ci:SVR001:state", "x"));
            assertTrue(e.getMessage().contains("NOPERM"), e.getMessage());
        }
        OpsException denied = assertThrows(OpsException.class, () -> run("SET", "a", "b"));
        assertEquals(ErrorCode.POLICY_DENIED, denied.code());
    }

    @Test
    void healthCheckNamesTheServer() throws Exception {
        var check = adapter.check(live());
        assertTrue(check.reachable(), check.detail());
        assertTrue(check.detail().startsWith("Redis 6.2"), check.detail());
    }

    @Test
    void aDeadRedisIsUnavailableAndAWrongPasswordIsNamedWithoutTheSecret() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        try (RedisCommandAdapter a = adapter(Map.of("OPS_SECRET_REDIS_PORT", Integer.toString(dead)))) {
            AssetDoc src = source("{\"host\": \"127.0.0.1\", \"port_ref\": \"REDIS_PORT\"}", "{}");
            OpsException e = assertThrows(OpsException.class,
                    () -> a.run(src, new RedisTemplates.Bound("GET", List.of("k")), 10, 5));
            assertEquals(ErrorCode.UNAVAILABLE, e.code());
            assertTrue(e.getMessage().contains("redis_live"), e.getMessage());
            assertFalse(a.check(src).reachable());
        }
        String wrong = "not-the-password-123";
        try (RedisCommandAdapter a = adapter(Map.of("OPS_SECRET_REDIS_PORT", Integer.toString(redis.port()),
                "OPS_SECRET_REDIS_PASSWORD", wrong))) {
            AssetDoc src = source("{\"host\": \"127.0.0.1\", \"port_ref\": \"REDIS_PORT\", \"password_ref\": "
                    + "\"REDIS_PASSWORD\"}", "{}");
            OpsException e = assertThrows(OpsException.class,
                    () -> a.run(src, new RedisTemplates.Bound("GET", List.of("k")), 10, 5));
            assertEquals(ErrorCode.UNAVAILABLE, e.code());
            assertFalse(e.getMessage().contains(wrong), e.getMessage());
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             RedisCommandAdapter a = adapter(Map.of())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        silent.accept(); // accept, never answer
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            AssetDoc src = source("{\"host\": \"127.0.0.1\", \"port\": " + silent.getLocalPort()
                    + ", \"timeout_ms\": 300}", "{\"max_duration_seconds\": 5}");
            long t0 = System.nanoTime();
            OpsException e = assertThrows(OpsException.class,
                    () -> a.run(src, new RedisTemplates.Bound("GET", List.of("k")), 10, 5));
            assertEquals(ErrorCode.DEADLINE_EXCEEDED, e.code(), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "bounded by timeout_ms");
        }
    }

    /**
     * A real Redis that is up but busy: the admin connection pauses every client (CLIENT PAUSE, as a long
     * command or a failover would hold them); a pooled connection that already answered then waits on
     * its socket timeout and the call says so, bounded, instead of hanging for the pause.
     */
    @Test
    void aBusyRealRedisTimesOutWithinTimeoutMs() throws Exception {
        AssetDoc src = source("{\"host\": \"127.0.0.1\", \"port_ref\": \"REDIS_PORT\", \"user_ref\": \"REDIS_USER\", "
                + "\"password_ref\": \"REDIS_PASSWORD\", \"timeout_ms\": 300}", "{\"max_duration_seconds\": 5}");
        try (RedisCommandAdapter a = adapter(Map.of("OPS_SECRET_REDIS_PORT", Integer.toString(redis.port()),
                "OPS_SECRET_REDIS_USER", EmbeddedRedisProcess.READER, "OPS_SECRET_REDIS_PASSWORD",
                redis.readerPassword()))) {
            assertEquals(List.of(List.of("ci:SVR001:state", "running")),
                    a.run(src, new RedisTemplates.Bound("GET", List.of("ci:SVR001:state")), 10, 5).rows(), "warm");
            Object paused = admin.sendCommand(Protocol.Command.CLIENT, "PAUSE", "1500", "ALL");
            assertEquals("OK", paused instanceof byte[] b ? new String(b) : String.valueOf(paused));
            long t0 = System.nanoTime();
            OpsException e = assertThrows(OpsException.class,
                    () -> a.run(src, new RedisTemplates.Bound("GET", List.of("ci:SVR001:state")), 10, 5));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(ErrorCode.DEADLINE_EXCEEDED, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("did not answer GET within 300 ms"), e.getMessage());
            assertTrue(ms >= 250 && ms < 1_400, "bounded by timeout_ms, not the 1.5 s pause: " + ms + " ms");
        } finally {
            // the pause ends by itself; PING is held until it has, so the next test finds Redis answering
            assertEquals("PONG", admin.ping());
        }
    }

    @Test
    void aSourceOutsideTheAllowedHostsIsRefusedBeforeAnyConnection() throws Exception {
        AssetDoc src = source("{\"uri\": \"redis://169.254.169.254:6379/0\"}", "{}");
        OpsException e = assertThrows(OpsException.class,
                () -> adapter.run(src, new RedisTemplates.Bound("GET", List.of("k")), 10, 5));
        assertEquals(ErrorCode.POLICY_DENIED, e.code());
    }
}
