package dev.opsuite.executor.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Why a TLS server closed a connection, asked again on a connection of its own. A TLS 1.3 server
 * checks the client's certificate after the client's side of the handshake is done: the client
 * then writes its first command into a closing connection and sees only "Broken pipe" or "Connection
 * reset", while the server's alert (certificate_required, unknown_ca…) is what says why. The probe
 * makes the same handshake, writes nothing and reads: the alert, or nothing within the bound (the
 * server is waiting for a command, so the closing had another cause). Only on the error path, to the
 * host and port the pool already connects to, bounded by {@code timeoutMs} (the connection's connect
 * timeout) for the connect, the handshake and the read.
 *
 * <p>The alert can be lost too: a server that refuses the certificate as soon as it has read it
 * closes with the rest of the client's flight unread, the connection is reset, and a write of that
 * flight still under way fails before the alert is read. That race is tried again, at most
 * {@value #ATTEMPTS} times and only while the connection breaks at once (never after a timeout);
 * if the alert never arrives, the answer says what is known and what it may mean.
 */
final class RedisTlsProbe {
    static final int ATTEMPTS = 3;

    private RedisTlsProbe() {}

    static Optional<String> closedBecause(RedisTls.Settings settings, String host, int port, int timeoutMs) {
        SSLSocketFactory factory = settings.factory() != null ? settings.factory()
                : (SSLSocketFactory) SSLSocketFactory.getDefault();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (SSLSocket socket = (SSLSocket) factory.createSocket()) {
                socket.connect(new InetSocketAddress(host, port), timeoutMs);
                socket.setSoTimeout(timeoutMs);
                socket.setSSLParameters(settings.parameters());
                socket.startHandshake();
                if (socket.getInputStream().read() >= 0) {
                    return Optional.empty(); // the server speaks first: not a TLS refusal
                }
            } catch (SSLException e) {
                Optional<String> said = RedisTls.handshakeFailure(e, settings, host);
                if (said.isPresent() && e.getMessage() != null && e.getMessage().contains("fatal alert")) {
                    return said;
                }
                return Optional.empty();
            } catch (SocketTimeoutException e) {
                return Optional.empty(); // waiting for a command: the TLS side was accepted
            } catch (IOException | RuntimeException e) {
                // broken at once, without the alert read: the race above; once more
            }
        }
        RedisClientCert client = settings.client();
        return Optional.of(client == null
                ? "the server closed the connection after the TLS handshake without a word read; if it requires a "
                        + "client certificate, set tls_cert_ref/tls_key_ref"
                : "the server closed the connection during the TLS handshake without a word read; it may have "
                        + "refused the client certificate of secret '" + client.certRef() + "' (is it signed by a CA "
                        + "the server trusts?)");
    }
}
