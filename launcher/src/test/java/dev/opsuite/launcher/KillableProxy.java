package dev.opsuite.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder in front of one service replica on loopback, counting the bytes callers send it. {@link #kill()}
 * is the replica's process dying as seen from the network: every connection reset at once (SO_LINGER 0) and the
 * port refusing from then on.
 */
final class KillableProxy implements AutoCloseable {
    static final long KILL_DELAY_MS = 0;
    private final ServerSocket listener;
    private final int backendPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesIn = new AtomicLong();
    private volatile boolean killed;
    private final java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.CountDownLatch died = new java.util.concurrent.CountDownLatch(1);
    private volatile long killedAtNanos;

    KillableProxy(int backendPort) throws IOException {
        this.backendPort = backendPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "proxy-" + backendPort);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Bytes callers have sent through this proxy (requests, health checks, pings). */
    long bytesIn() {
        return bytesIn.get();
    }

    private void accept() {
        while (!killed) {
            try {
                Socket client = listener.accept();
                Socket backend = new Socket();
                backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backendPort), 2_000);
                for (Socket s : List.of(client, backend)) {
                    s.setTcpNoDelay(true);
                    sockets.add(s);
                }
                pump(client, backend, true);
                pump(backend, client, false);
            } catch (IOException e) {
                if (killed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean count) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (count) {
                        bytesIn.addAndGet(n);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                    // a read this large is a call (headers and message), not a ping or a window update
                    if (count && n >= 100 && armed.compareAndSet(true, false)) {
                        Thread killer = new Thread(() -> {
                            try {
                                Thread.sleep(KILL_DELAY_MS); // the call has reached the replica and is running
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            kill();
                        }, "proxy-killer");
                        killer.setDaemon(true);
                        killer.start();
                    }
                }
            } catch (IOException e) {
                // the other side went away, or kill()
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Dies {@value #KILL_DELAY_MS} ms after the next call reaches the replica through this proxy, so that at least
     * one call is in flight on it when it dies; waits up to {@code maxMs} for that. Returns when it died (nanoTime).
     */
    long killDuringNextCall(long maxMs) throws InterruptedException {
        armed.set(true);
        if (!died.await(maxMs, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no call reached the replica within " + maxMs + " ms");
        }
        return killedAtNanos;
    }

    /** Resets every connection and stops listening: calls in flight fail at once, new connections are refused. */
    synchronized void kill() {
        if (killed && died.getCount() == 0) {
            return;
        }
        killedAtNanos = System.nanoTime();
        killed = true;
        closeQuietly(listener);
        for (Socket s : sockets) {
            try {
                s.setSoLinger(true, 0); // RST, as the kernel does for a killed process
            } catch (IOException e) {
                // already closed
            }
            closeQuietly(s);
        }
        died.countDown();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        kill();
    }
}
