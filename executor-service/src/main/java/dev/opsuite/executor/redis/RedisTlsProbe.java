package dev.opsuite.executor.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
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
 * host and port the pool already connects to, bounded by {@code timeoutMs} for connect and read.
 */
final class RedisTlsProbe {
    private RedisTlsProbe() {}

    static Optional<String> closedBecause(RedisTls.Settings settings, String host, int port, int timeoutMs) {
        SSLSocketFactory factory = settings.factory() != null ? settings.factory()
                : (SSLSocketFactory) SSLSocketFactory.getDefault();
        try (SSLSocket socket = (SSLSocket) factory.createSocket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMs);
            socket.setSoTimeout(timeoutMs);
            socket.setSSLParameters(settings.parameters());
            socket.startHandshake();
            socket.getInputStream().read();
            return Optional.empty();
        } catch (SSLException e) {
            return RedisTls.handshakeFailure(e, settings, host);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a timeout (nothing to say), or the host gone: the first error stands
        }
    }
}
