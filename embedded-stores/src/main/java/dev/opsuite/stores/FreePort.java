package dev.opsuite.stores;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks a TCP port that is free on the loopback interface right now. */
public final class FreePort {

    private FreePort() {
    }

    /**
     * Returns a port the OS considers free on 127.0.0.1. The socket is closed before returning, so another
     * process could take the port before the caller binds it; callers start their server right away.
     */
    public static int find() {
        try (ServerSocket socket = new ServerSocket()) {
            // no SO_REUSEADDR: a port in TIME_WAIT is not reported as free
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
