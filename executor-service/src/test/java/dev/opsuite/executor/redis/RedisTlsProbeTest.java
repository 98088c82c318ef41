package dev.opsuite.executor.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * When no alert can be read: a TLS server (in process) that completes every handshake and closes at
 * once, saying nothing. The error then says the server closed without a word and what that may mean
 * (a client certificate wanted, or the one given refused), after a bounded number of probes.
 */
class RedisTlsProbeTest {
    static SSLServerSocket server;
    static Thread acceptor;
    static final AtomicInteger handshakes = new AtomicInteger();
    static RedisCommandAdapter adapter;
    static String[] client;

    @BeforeAll
    static void start() throws Exception {
        ThrowawayPki pki = new ThrowawayPki("ops test CA");
        client = pki.client("ops-executor");
        server = (SSLServerSocket) pki.serverContext(List.of("localhost")).getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        // asks no client certificate and checks none: the closing is the only thing it says
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.startHandshake();
                    handshakes.incrementAndGet();
                } catch (Exception e) {
                    // a client that gave up, or the server closed: next
                }
            }
        }, "silent-tls-server");
        acceptor.setDaemon(true);
        acceptor.start();
        adapter = RedisTlsTest.adapter(Map.of("OPS_SECRET_REDIS_CA", pki.caPem(), "OPS_SECRET_CLIENT_CERT", client[0],
                "OPS_SECRET_CLIENT_KEY", client[1]));
    }

    @AfterAll
    static void stop() throws Exception {
        adapter.close();
        server.close();
        acceptor.join(2_000);
    }

    static AssetDoc source(String more) throws Exception {
        return RedisSourceTest.source("{\"host\": \"localhost\", \"port\": " + server.getLocalPort() + ", \"tls\": true, "
                + "\"tls_ca_ref\": \"REDIS_CA\"" + more + "}", "{\"max_duration_seconds\": 5}");
    }

    static String failure(AssetDoc src) {
        OpsException e = assertThrows(OpsException.class, () -> RedisTlsTest.queue(adapter, src));
        assertEquals(ErrorCode.UNAVAILABLE, e.code(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aServerThatClosesWithoutAWordIsSaidSoWithWhatItMayMean() throws Exception {
        long t0 = System.nanoTime();
        int before = handshakes.get();
        String none = failure(source(""));
        assertTrue(none.contains("the server closed the connection after the TLS handshake without a word read; "
                + "if it requires a client certificate, set tls_cert_ref/tls_key_ref"), none);
        int probes = handshakes.get() - before - 1; // the pool's own connection first
        assertTrue(probes >= 1 && probes <= RedisTlsProbe.ATTEMPTS, probes + " probes");
        String given = failure(source(", \"tls_cert_ref\": \"CLIENT_CERT\", \"tls_key_ref\": \"CLIENT_KEY\""));
        assertTrue(given.contains("it may have refused the client certificate of secret 'CLIENT_CERT' (is it signed by "
                + "a CA the server trusts?)"), given);
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "bounded");
    }
}
