package dev.opsuite.stores;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Redis: the redis-server binary that the {@code com.github.codemonstur:embedded-redis}
 * jar ships (6.2, linux-amd64), run as a child process on 127.0.0.1 only, on a free port, with
 * protected mode on and no persistence (live state is rebuilt at start). Nobody reaches it
 * unauthenticated: the {@code default} user (the demo loader's) and a read-only ACL user
 * {@value #READER} (the one the Source asset uses: read commands only, no scripts, no admin) each
 * have a random password made at the first start and kept in the data directory (0600); they are
 * written to a 0600 config file, never on the command line. A server a killed run left behind is
 * found through its pid file and stopped before a new one starts. With {@link Tls} it listens with
 * TLS only (its plain port closed), as an operator's Redis behind a private CA does. Modules (e.g.
 * RedisTimeSeries) are loaded from the configuration file, never by the MODULE command, which is off.
 */
public final class EmbeddedRedisProcess implements AutoCloseable {
    public static final String READER = "ops_redis_reader";
    static final String BINARY_RESOURCE = "/redis-server-6.2.6-v5-linux-amd64";
    static final String BINARY = "redis-server-6.2.6";
    private static final String PID_FILE = "redis.pid";
    static final String ADMIN_PASSWORD_FILE = "redis-admin-password";
    static final String READER_PASSWORD_FILE = "redis-reader-password";
    /** What the reader may run: the executor's allowlist and what its adapter uses to bound it. */
    private static final String READER_COMMANDS = "+get +mget +hget +hgetall +smembers +sismember +zrange "
            + "+zrangebyscore +zrevrange +lrange +xrange +xrevrange +scan +ttl +type +exists +ping +info "
            + "+hlen +scard +zcard +llen +strlen +hstrlen +hscan +sscan +client|setname";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisProcess.class);
    private static final Logger CHILD_LOG = LoggerFactory.getLogger("dev.opsuite.stores.redis-child");

    private final Process process;
    private final Path dir;
    private final int port;
    private final String adminPassword;
    private final String readerPassword;
    private final Tls tls;
    private final List<Path> modules;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * TLS material, PEM files: the server's certificate and (PKCS#8) key, and the CA that signed it, which
     * is also the only CA of client certificates. With {@code authClients} every client must present a
     * certificate that CA signed ({@code tls-auth-clients yes}: mutual TLS); the readiness ping then
     * presents the server's own certificate, as Redis itself does on its outgoing connections.
     */
    public record Tls(Path certFile, Path keyFile, Path caFile, boolean authClients) {
        /** Server authentication only ({@code tls-auth-clients no}). */
        public Tls(Path certFile, Path keyFile, Path caFile) {
            this(certFile, keyFile, caFile, false);
        }
    }

    private EmbeddedRedisProcess(Process process, Path dir, int port, String adminPassword, String readerPassword,
                                 Tls tls, List<Path> modules) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.adminPassword = adminPassword;
        this.readerPassword = readerPassword;
        this.tls = tls;
        this.modules = modules;
    }

    /** Starts Redis with its files in {@code dataDir} on 127.0.0.1:{@code port} (0: a free one) and waits for PONG. */
    public static EmbeddedRedisProcess start(Path dataDir, int port) throws IOException {
        return start(dataDir, port, null);
    }

    /**
     * As {@link #start(Path, int)}; with {@code tls} not null, {@code port} is a TLS port and no plain
     * port is open ({@code port 0}), and readiness is a PONG over TLS trusting {@code tls.caFile()}.
     */
    public static EmbeddedRedisProcess start(Path dataDir, int port, Tls tls) throws IOException {
        return start(dataDir, port, tls, List.of());
    }

    /**
     * As {@link #start(Path, int, Tls)}, loading each of {@code modules} (a module's shared object) at
     * start ({@code loadmodule}); a module that is not there, or that the server cannot load, fails the
     * start with the server's own words in the log.
     */
    public static EmbeddedRedisProcess start(Path dataDir, int port, Tls tls, List<Path> modules) throws IOException {
        for (Path m : modules) {
            if (!Files.isReadable(m)) {
                throw new IOException("Redis module " + m + " cannot be read");
            }
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        StaleProcessStopper.stopIfRunning(dir.resolve(PID_FILE), BINARY, STOP_WAIT);
        Path binary = binary(dir);
        int p = port == 0 ? FreePort.find() : port;
        String admin = Secrets.passwordIn(dir.resolve(ADMIN_PASSWORD_FILE));
        String reader = Secrets.passwordIn(dir.resolve(READER_PASSWORD_FILE));
        Path conf = dir.resolve("redis.conf");
        Secrets.writePrivate(conf, String.join("\n", List.of(
                "bind 127.0.0.1", tls == null ? "port " + p : "port 0", "protected-mode yes", "daemonize no",
                "pidfile " + dir.resolve(PID_FILE), "dir " + dir, "save \"\"", "appendonly no",
                "maxmemory 128mb", "maxmemory-policy noeviction", "databases 16", "loglevel notice",
                "requirepass " + admin,
                "user " + READER + " on >" + reader + " ~* resetchannels -@all " + READER_COMMANDS,
                // never from a template, and not even from the product's own admin connection
                "rename-command CONFIG \"\"", "rename-command DEBUG \"\"", "rename-command MODULE \"\"")) + "\n"
                + (tls == null ? "" : String.join("\n", List.of("tls-port " + p,
                        "tls-cert-file " + tls.certFile().toAbsolutePath(), "tls-key-file " + tls.keyFile().toAbsolutePath(),
                        "tls-ca-cert-file " + tls.caFile().toAbsolutePath(),
                        "tls-auth-clients " + (tls.authClients() ? "yes" : "no"))) + "\n")
                + modules.stream().map(m -> "loadmodule " + m.toAbsolutePath() + "\n").reduce("", String::concat));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(binary.toString(), conf.toString()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        ChildOutputPump.start("redis-" + process.pid() + "-out", process.getInputStream(), CHILD_LOG,
                new ChildOutputPump.Tail(20), null, null);
        EmbeddedRedisProcess redis = new EmbeddedRedisProcess(process, dir, p, admin, reader, tls,
                List.copyOf(modules));
        try {
            redis.awaitReady();
        } catch (IOException e) {
            redis.close();
            throw e;
        }
        LOG.info("Redis (pid {}) ready on 127.0.0.1:{}{} in {} ms", process.pid(), p, tls == null ? "" : " (TLS)",
                (System.nanoTime() - t0) / 1_000_000);
        return redis;
    }

    /** The binary from the jar, copied once into {@code dir/bin} (0700). */
    private static Path binary(Path dir) throws IOException {
        Path bin = dir.resolve("bin").resolve(BINARY);
        if (Files.isExecutable(bin)) {
            return bin;
        }
        Files.createDirectories(bin.getParent());
        try (InputStream in = EmbeddedRedisProcess.class.getResourceAsStream(BINARY_RESOURCE)) {
            if (in == null) {
                throw new IOException("the redis-server binary " + BINARY_RESOURCE + " is not on the classpath "
                        + "(com.github.codemonstur:embedded-redis)");
            }
            Path tmp = Files.createTempFile(bin.getParent(), ".redis-server", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            Files.move(tmp, bin, StandardCopyOption.ATOMIC_MOVE);
        }
        return bin;
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with code " + process.exitValue() + " before it was ready");
            }
            try {
                if (ping(port, "default", adminPassword, tls)) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for Redis");
            }
        }
        throw new IOException("Redis not ready within " + READY_TIMEOUT.toSeconds() + " s" + (last == null ? ""
                : ": " + last.getMessage()));
    }

    /** AUTH user password, PING over RESP (over TLS trusting {@code tls.caFile()} when given); true on +PONG. */
    static boolean ping(int port, String user, String password, Tls tls) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", port), 500);
            plain.setSoTimeout(1000);
            Socket s = tls == null ? plain : TlsPing.wrap(plain, tls, port);
            OutputStream out = s.getOutputStream();
            out.write((resp("AUTH", user, password) + resp("PING")).getBytes(StandardCharsets.UTF_8));
            out.flush();
            byte[] buf = new byte[64];
            StringBuilder got = new StringBuilder();
            InputStream in = s.getInputStream();
            while (!got.toString().contains("\r\n+PONG") && !got.toString().startsWith("-")) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                got.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
            return got.toString().contains("+PONG");
        }
    }

    private static String resp(String... parts) {
        StringBuilder b = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String p : parts) {
            b.append('$').append(p.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(p).append("\r\n");
        }
        return b.toString();
    }

    public int port() {
        return port;
    }

    /** The password of the {@code default} user (writes: the demo loader only). */
    public String adminPassword() {
        return adminPassword;
    }

    /** The password of the read-only user {@value #READER} (the Source asset's). */
    public String readerPassword() {
        return readerPassword;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return !closed.get() && process.isAlive();
    }

    /** A new server on the same directory and port after this one died (its live state is gone: reload it). */
    public EmbeddedRedisProcess restart() throws IOException {
        close();
        return start(dir, port, tls, modules);
    }

    /** SIGTERM (Redis exits cleanly), then SIGKILL after 5 s. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        LOG.info("Redis (pid {}) stopped", process.pid());
    }
}
