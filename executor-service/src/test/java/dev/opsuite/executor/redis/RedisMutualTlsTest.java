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
import dev.opsuite.guard.RedisTemplates;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.stores.EmbeddedRedisProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS against a real redis-server started with {@code tls-auth-clients yes} (the embedded
 * binary; a throwaway CA signs the server and one client certificate, a second CA signs another): a
 * query and the health check with the right client certificate given by reference; no client
 * certificate, and one from the other CA, each refused by the server and said in words that name the
 * cause and no secret; half a pair, a key in a format the JDK cannot read without help, a key that is
 * not the certificate's, and a path where a secret's name belongs are each refused before any
 * connection.
 */
class RedisMutualTlsTest {
    @TempDir
    static Path dir;
    static EmbeddedRedisProcess redis;
    static ThrowawayPki pki;
    static Map<String, String> env = new HashMap<>();
    static RedisCommandAdapter adapter;
    static String[] client;
    static String[] foreign;

    @BeforeAll
    static void start() throws Exception {
        pki = new ThrowawayPki("ops test CA");
        Path[] server = pki.server(dir, "redis-server", List.of("localhost"));
        redis = EmbeddedRedisProcess.start(dir.resolve("redis"), 0,
                new EmbeddedRedisProcess.Tls(server[0], server[1], pki.writeCa(dir, "ca.pem"), true));
        client = pki.client("ops-executor");
        foreign = new ThrowawayPki("someone else's CA").client("ops-executor");
        env.put("OPS_SECRET_REDIS_PORT", Integer.toString(redis.port()));
        env.put("OPS_SECRET_REDIS_USER", EmbeddedRedisProcess.READER);
        env.put("OPS_SECRET_REDIS_PASSWORD", redis.readerPassword());
        env.put("OPS_SECRET_REDIS_CA", pki.caPem());
        env.put("OPS_SECRET_CLIENT_CERT", client[0]);
        env.put("OPS_SECRET_CLIENT_KEY", client[1]);
        env.put("OPS_SECRET_FOREIGN_CERT", foreign[0]);
        env.put("OPS_SECRET_FOREIGN_KEY", foreign[1]);
        env.put("OPS_SECRET_PKCS1_KEY", ThrowawayPki.pem("RSA PRIVATE KEY", new byte[] {1, 2, 3}));
        env.put("OPS_SECRET_ENCRYPTED_KEY", ThrowawayPki.pem("ENCRYPTED PRIVATE KEY", new byte[] {4, 5, 6}));
        env.put("OPS_SECRET_BOTH_IN_ONE", client[0] + client[1]);
        adapter = RedisTlsTest.adapter(env);
        env.put("OPS_SECRET_ADMIN", redis.adminPassword());
        try (RedisCommandAdapter writer = RedisTlsTest.adapter(env)) {
            // the reader may not write: the admin user loads the key, over the same mutual TLS
            writer.with(RedisSourceTest.source("{\"host\": \"localhost\", \"port_ref\": \"REDIS_PORT\", "
                    + "\"password_ref\": \"ADMIN\", \"tls\": true, \"tls_ca_ref\": \"REDIS_CA\", \"tls_cert_ref\": "
                    + "\"CLIENT_CERT\", \"tls_key_ref\": \"CLIENT_KEY\"}", "{}"), "HSET",
                    jedis -> jedis.hset("ci:APP001:queue", Map.of("depth", "42", "consumers", "3")));
        }
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

    static AssetDoc source(String tls) throws Exception {
        return RedisTlsTest.source("localhost", "\"tls\": true, \"tls_ca_ref\": \"REDIS_CA\"" + (tls.isEmpty() ? ""
                : ", " + tls));
    }

    static SqlPort.Tabular queue(AssetDoc src) {
        return RedisTlsTest.queue(adapter, src);
    }

    /** An honest message: names the source, holds no password, no PEM, no Java class or stack frame. */
    static void honest(String message) throws Exception {
        assertTrue(message.contains("redis_live"), message);
        List<String> never = new java.util.ArrayList<>(List.of(redis.readerPassword(), redis.adminPassword(),
                "Exception", "sun.security", "java.", "\tat ", "\n"));
        for (String pem : List.of(pki.caPem(), client[0], client[1], foreign[0], foreign[1])) {
            never.add(pem.lines().skip(1).findFirst().orElseThrow()); // the PEM's first Base64 line
        }
        for (String secret : never) {
            assertFalse(message.contains(secret), "'" + secret + "' in: " + message);
        }
    }

    @Test
    void aQueryWithTheRightClientCertificateGivenByReference() throws Exception {
        SqlPort.Tabular rows = queue(source("\"tls_cert_ref\": \"CLIENT_CERT\", \"tls_key_ref\": \"CLIENT_KEY\""));
        assertEquals(List.of("field", "value"), rows.columns());
        assertTrue(rows.rows().contains(List.of("depth", "42")) && rows.rows().size() == 2, rows.rows().toString());
    }

    @Test
    void theHealthCheckSaysWhichClientCertificateIsPresented() throws Exception {
        SourceCheck ok = adapter.check(source("\"tls_cert_ref\": \"CLIENT_CERT\", \"tls_key_ref\": \"CLIENT_KEY\""));
        assertTrue(ok.reachable(), ok.detail());
        assertTrue(ok.detail().contains("host name verified), client certificate of secret 'CLIENT_CERT' presented "
                + "(CN=ops-executor, valid until "), ok.detail());
        SourceCheck none = adapter.check(source(""));
        assertFalse(none.reachable(), none.detail());
        assertTrue(none.detail().contains("the server requires a client certificate; set tls_cert_ref/tls_key_ref"),
                none.detail());
        honest(none.detail());
    }

    @Test
    void withoutAClientCertificateTheServerRefusesAndTheErrorSaysWhatToSet() throws Exception {
        OpsException e = assertThrows(OpsException.class, () -> queue(source("")));
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("the TLS handshake with localhost:" + redis.port() + " failed: the server "
                + "requires a client certificate; set tls_cert_ref/tls_key_ref"), e.getMessage());
        honest(e.getMessage());
        // in an answer: the call's error, never "no data"
        ExecutionResult r = new PlanExecutor(null, null, adapter).execute(RedisExecuteTest.lookup("APP001"),
                List.of("live_queue"), RedisExecuteTest.assets(source("")));
        ToolOutput out = r.outputs().get(0);
        assertTrue(out.rows().isEmpty());
        assertTrue(out.error().contains("requires a client certificate"), out.error());
        assertEquals("UNAVAILABLE", out.meta().get("error_code"), out.error());
    }

    @Test
    void aClientCertificateAnotherCaSignedIsRefusedByTheServerAndSaidSo() throws Exception {
        OpsException e = assertThrows(OpsException.class, () -> queue(source("\"tls_cert_ref\": \"FOREIGN_CERT\", "
                + "\"tls_key_ref\": \"FOREIGN_KEY\"")));
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("failed: the server refused the client certificate of secret "
                + "'FOREIGN_CERT': it is not signed by a CA the server trusts (alert unknown_ca)"), e.getMessage());
        honest(e.getMessage());
    }

    @Test
    void badPairsAreRefusedBeforeAnyConnectionWithoutTheSecretsValue() throws Exception {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("\"tls_cert_ref\": \"CLIENT_CERT\"", "connection.tls_cert_ref and tls_key_ref go together (a "
                + "client certificate and its key): give both or neither");
        refused.put("\"tls_key_ref\": \"CLIENT_KEY\"", "tls_key_ref go together");
        refused.put("\"tls_cert_ref\": \"CLIENT_CERT\", \"tls_key_ref\": \"PKCS1_KEY\"", "names secret 'PKCS1_KEY', "
                + "which holds a 'RSA PRIVATE KEY', which is not a supported key format: give an unencrypted PKCS#8 key");
        refused.put("\"tls_cert_ref\": \"CLIENT_CERT\", \"tls_key_ref\": \"ENCRYPTED_KEY\"", "holds a 'ENCRYPTED "
                + "PRIVATE KEY', which is not a supported key format");
        refused.put("\"tls_cert_ref\": \"CLIENT_CERT\", \"tls_key_ref\": \"FOREIGN_KEY\"", "names secret "
                + "'FOREIGN_KEY', which holds a key that does not belong to the certificate of secret 'CLIENT_CERT'");
        refused.put("\"tls_cert_ref\": \"CLIENT_KEY\", \"tls_key_ref\": \"CLIENT_KEY\"", "connection.tls_cert_ref "
                + "names secret 'CLIENT_KEY', which holds a private key; give it the certificate only");
        refused.put("\"tls_cert_ref\": \"BOTH_IN_ONE\", \"tls_key_ref\": \"CLIENT_KEY\"", "holds a private key");
        refused.put("\"tls_cert_ref\": \"REDIS_PORT\", \"tls_key_ref\": \"CLIENT_KEY\"", "names secret 'REDIS_PORT', "
                + "which holds no PEM certificate");
        for (Map.Entry<String, String> r : refused.entrySet()) {
            OpsException e = assertThrows(OpsException.class, () -> queue(source(r.getKey())), r.getKey());
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains(r.getValue()), e.getMessage());
            honest(e.getMessage());
        }
        // a client certificate on a plain connection: its author believes it is encrypted
        OpsException plain = assertThrows(OpsException.class, () -> queue(RedisTlsTest.source("localhost",
                "\"tls_cert_ref\": \"CLIENT_CERT\", \"tls_key_ref\": \"CLIENT_KEY\"")));
        assertTrue(plain.getMessage().contains("connection.tls_cert_ref is given but the connection is not TLS"),
                plain.getMessage());
    }

    @Test
    void aFilePathWhereASecretsNameBelongsIsNeverReadAsAFile() throws Exception {
        Path key = java.nio.file.Files.writeString(dir.resolve("client.key"), client[1]);
        Path cert = java.nio.file.Files.writeString(dir.resolve("client.pem"), client[0]);
        OpsException e = assertThrows(OpsException.class, () -> queue(source("\"tls_cert_ref\": \"" + cert
                + "\", \"tls_key_ref\": \"" + key + "\"")));
        assertEquals(ErrorCode.UNAVAILABLE, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("secret reference '" + cert + "' is not set"), e.getMessage());
        honest(e.getMessage());
    }
}
