package dev.opsuite.executor.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.executor.domain.ExecutionResult;
import dev.opsuite.executor.domain.PlanExecutor;
import dev.opsuite.executor.domain.SourceCheck;
import dev.opsuite.executor.domain.SqlPort;
import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.executor.source.SecretResolver;
import dev.opsuite.executor.source.SourcePools;
import dev.opsuite.executor.source.SourceTargets;
import dev.opsuite.guard.RedisTemplates;
import dev.opsuite.kit.config.Env;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.stores.EmbeddedRedisProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * A Redis source over TLS against a real redis-server listening with TLS only (the embedded binary,
 * a throwaway CA made here, a server certificate naming {@code localhost} only): a query and the
 * health check with the private CA given by reference; a CA that did not sign the server, the JDK's
 * trust store, a host name the certificate does not hold, and a plain client on the TLS port each
 * fail as an honest "unavailable" naming the cause, never a secret or a stack trace; malformed TLS
 * members are refused before any connection.
 */
class RedisTlsTest {
    @TempDir
    static Path dir;
    static EmbeddedRedisProcess redis;
    static ThrowawayPki pki;
    static Map<String, String> env = new HashMap<>();
    static RedisCommandAdapter adapter;

    @BeforeAll
    static void start() throws Exception {
        pki = new ThrowawayPki("ops test CA");
        Path[] server = pki.server(dir, "redis-server", List.of("localhost"));
        redis = EmbeddedRedisProcess.start(dir.resolve("redis"), 0,
                new EmbeddedRedisProcess.Tls(server[0], server[1], pki.writeCa(dir, "ca.pem")));
        try (JedisPooled admin = new JedisPooled(new HostAndPort("127.0.0.1", redis.port()),
                DefaultJedisClientConfig.builder().ssl(true).sslSocketFactory(pki.clientFactory())
                        .password(redis.adminPassword()).build())) {
            admin.hset("ci:APP001:queue", Map.of("depth", "42", "consumers", "3"));
        }
        env.put("OPS_SECRET_REDIS_PORT", Integer.toString(redis.port()));
        env.put("OPS_SECRET_REDIS_USER", EmbeddedRedisProcess.READER);
        env.put("OPS_SECRET_REDIS_PASSWORD", redis.readerPassword());
        env.put("OPS_SECRET_REDIS_CA", pki.caPem());
        env.put("OPS_SECRET_OTHER_CA", new ThrowawayPki("someone else's CA").caPem());
        env.put("OPS_SECRET_NOT_PEM", "this is not a certificate at all");
        env.put("OPS_SECRET_BAD_PEM", "-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        env.put("OPS_SECRET_KEY_PEM", ThrowawayPki.pem("PRIVATE KEY", new byte[] {1, 2, 3}));
        adapter = adapter(env);
    }

    static RedisCommandAdapter adapter(Map<String, String> vars) {
        return new RedisCommandAdapter(new SecretResolver(Env.of(vars)), new SourcePools<>(4, Duration.ofMinutes(5)),
                SourceTargets.loopbackOnly());
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (redis != null) {
            redis.close(); // SIGTERM, SIGKILL after 5 s: never left running
        }
    }

    /** A source on the TLS server; {@code tls} the connection members that differ. */
    static AssetDoc source(String host, String tls) throws Exception {
        return RedisSourceTest.source("{\"host\": \"" + host + "\", \"port_ref\": \"REDIS_PORT\", \"user_ref\": "
                + "\"REDIS_USER\", \"password_ref\": \"REDIS_PASSWORD\"" + (tls.isEmpty() ? "" : ", " + tls) + "}",
                "{\"max_duration_seconds\": 5}");
    }

    static SqlPort.Tabular queue(RedisCommandAdapter a, AssetDoc src) {
        return a.run(src, new RedisTemplates.Bound("HGETALL", List.of("ci:APP001:queue")), 10, 5);
    }

    static OpsException failure(AssetDoc src) {
        return assertThrows(OpsException.class, () -> queue(adapter, src));
    }

    /** An honest message: names the source, holds no secret, no PEM, no Java class or stack frame. */
    static void honest(String message) throws Exception {
        assertTrue(message.contains("redis_live"), message);
        String caBody = pki.caPem().lines().skip(1).findFirst().orElseThrow(); // the PEM's first Base64 line
        for (String secret : List.of(redis.readerPassword(), redis.adminPassword(), caBody,
                "Exception", "sun.security", "java.", "\tat ", "\n")) {
            assertFalse(message.contains(secret), "'" + secret + "' in: " + message);
        }
    }

    @Test
    void aQueryOverTlsWithThePrivateCaGivenByReference() throws Exception {
        AssetDoc src = source("localhost", "\"tls\": true, \"tls_ca_ref\": \"REDIS_CA\"");
        SqlPort.Tabular rows = queue(adapter, src);
        assertEquals(List.of("field", "value"), rows.columns());
        assertTrue(rows.rows().contains(List.of("depth", "42")) && rows.rows().size() == 2, rows.rows().toString());
        AssetDoc uri = RedisSourceTest.source("{\"uri\": \"rediss://localhost:" + redis.port() + "/0\", \"user_ref\": "
                + "\"REDIS_USER\", \"password_ref\": \"REDIS_PASSWORD\", \"tls_ca_ref\": \"REDIS_CA\"}", "{}");
        assertTrue(queue(adapter, uri).rows().contains(List.of("depth", "42")), "rediss:// is TLS too");
    }

    @Test
    void theHealthCheckSaysTlsAndAgainstWhatTheServerIsChecked() throws Exception {
        SourceCheck ok = adapter.check(source("localhost", "\"tls\": true, \"tls_ca_ref\": \"REDIS_CA\""));
        assertTrue(ok.reachable(), ok.detail());
        assertTrue(ok.detail().startsWith("Redis 6.2") && ok.detail().contains("over TLS (server certificate checked "
                + "against the CA certificate of secret 'REDIS_CA'; host name verified)"), ok.detail());
        SourceCheck wrong = adapter.check(source("localhost", "\"tls\": true, \"tls_ca_ref\": \"OTHER_CA\""));
        assertFalse(wrong.reachable(), wrong.detail());
        assertTrue(wrong.detail().contains("TLS handshake"), wrong.detail());
        honest(wrong.detail());
    }

    @Test
    void aCaThatDidNotSignTheServerIsAnHonestUnavailable() throws Exception {
        OpsException e = failure(source("localhost", "\"tls\": true, \"tls_ca_ref\": \"OTHER_CA\""));
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("the TLS handshake with localhost:" + redis.port() + " failed: the server's "
                + "certificate is not signed by the CA certificate of secret 'OTHER_CA'"), e.getMessage());
        honest(e.getMessage());
        // the JDK's trust store does not know the private CA either: no trust-all default
        OpsException jdk = failure(source("localhost", "\"tls\": true"));
        assertEquals(ErrorCode.UNAVAILABLE, jdk.code());
        assertTrue(jdk.getMessage().contains("not signed by the JDK's trust store"), jdk.getMessage());
        honest(jdk.getMessage());
    }

    @Test
    void inAnAnswerTheWrongCaIsTheCallsRetryableErrorNeverNoData() throws Exception {
        AssetDoc src = source("localhost", "\"tls\": true, \"tls_ca_ref\": \"OTHER_CA\"");
        ExecutionResult r = new PlanExecutor(null, null, adapter).execute(RedisExecuteTest.lookup("APP001"),
                List.of("live_queue"), RedisExecuteTest.assets(src));
        ToolOutput out = r.outputs().get(0);
        assertTrue(out.rows().isEmpty());
        assertEquals("UNAVAILABLE", out.meta().get("error_code"), out.error());
        assertTrue(out.error().contains("not signed by the CA certificate of secret 'OTHER_CA'"), out.error());
        honest(out.error());
        assertEquals("tool_error_retryable", r.triggers().get(0).type());
    }

    @Test
    void theHostNameIsVerifiedUnlessTheAssetSaysOtherwise() throws Exception {
        OpsException e = failure(source("127.0.0.1", "\"tls\": true, \"tls_ca_ref\": \"REDIS_CA\""));
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("the server's certificate does not name the host 127.0.0.1"), e.getMessage());
        honest(e.getMessage());
        AssetDoc unchecked = source("127.0.0.1", "\"tls\": true, \"tls_ca_ref\": \"REDIS_CA\", "
                + "\"tls_verify_hostname\": false");
        assertTrue(queue(adapter, unchecked).rows().contains(List.of("depth", "42")));
        SourceCheck check = adapter.check(unchecked);
        assertTrue(check.reachable() && check.detail().contains("host name NOT verified"), check.detail());
        // the chain is still checked with the name unchecked
        OpsException other = failure(source("127.0.0.1", "\"tls\": true, \"tls_ca_ref\": \"OTHER_CA\", "
                + "\"tls_verify_hostname\": false"));
        assertTrue(other.getMessage().contains("not signed by"), other.getMessage());
    }

    @Test
    void aPlainClientOnTheTlsPortFailsHonestlyAndBounded() throws Exception {
        long t0 = System.nanoTime();
        OpsException e = failure(source("localhost", ""));
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("is unavailable") && e.getMessage().contains("connection.tls?"), e.getMessage());
        honest(e.getMessage());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "bounded by the timeouts");
        SourceCheck check = adapter.check(source("localhost", ""));
        assertFalse(check.reachable(), check.detail());
    }

    @Test
    void aCaCertificateFromASecretsFileEntryWorksInEitherWriting() throws Exception {
        String pem = pki.caPem();
        String escaped = pem.replace("\n", "\\n"); // one line, \n escapes
        String continued = pem.replace("\n", "\\\n"); // lines continued with a trailing backslash (joined)
        Path file = Files.writeString(dir.resolve("secrets.properties"), "ESCAPED_CA=" + escaped + "\nCONTINUED_CA="
                + continued + "\n");
        Map<String, String> vars = new HashMap<>(env);
        vars.put("OPS_SECRETS_FILE", file.toString());
        try (RedisCommandAdapter a = adapter(vars)) {
            for (String ref : List.of("ESCAPED_CA", "CONTINUED_CA")) {
                AssetDoc src = source("localhost", "\"tls\": true, \"tls_ca_ref\": \"" + ref + "\"");
                assertTrue(queue(a, src).rows().contains(List.of("depth", "42")), ref);
            }
        }
    }

    @Test
    void malformedTlsMembersAreRefusedBeforeAnyConnectionWithoutTheSecretsValue() throws Exception {
        Map<String, String> refused = Map.of(
                "\"tls\": true, \"tls_ca_ref\": \"NOT_PEM\"", "names secret 'NOT_PEM', which holds no PEM certificate",
                "\"tls\": true, \"tls_ca_ref\": \"BAD_PEM\"", "holds a PEM block that is not an X.509 certificate",
                "\"tls\": true, \"tls_ca_ref\": \"KEY_PEM\"", "holds a private key",
                "\"tls_ca_ref\": \"REDIS_CA\"", "connection.tls_ca_ref is given but the connection is not TLS",
                "\"tls\": true, \"tls_ca_ref\": \"REDIS_CA\", \"tls_verify_hostname\": \"maybe\"",
                "tls_verify_hostname must be true or false");
        for (Map.Entry<String, String> r : refused.entrySet()) {
            String said = r.getValue();
            OpsException e = assertThrows(OpsException.class, () -> queue(adapter, source("localhost", r.getKey())));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains(said), e.getMessage());
            assertFalse(e.getMessage().contains("this is not a certificate") || e.getMessage().contains("Tm90"),
                    e.getMessage());
            honest(e.getMessage());
        }
        OpsException missing = failure(source("localhost", "\"tls\": true, \"tls_ca_ref\": \"NO_SUCH_CA\""));
        assertEquals(ErrorCode.UNAVAILABLE, missing.code());
        assertTrue(missing.getMessage().contains("secret reference 'NO_SUCH_CA' is not set"), missing.getMessage());
    }
}
