package dev.opsuite.stores;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Neo4j server running in a child JVM ({@code dev.opsuite.neo4j.Neo4jServerMain} of module
 * embedded-neo4j), reachable over Bolt on 127.0.0.1.
 *
 * <p>A separate JVM because Neo4j 5.26 needs netty 4.1 and this JVM runs Armeria on netty 4.2. We hold the
 * child's stdin pipe open and never write to it: if this JVM dies, even by kill -9, the pipe closes and
 * the child shuts itself down. {@link #close()} uses the same signal.
 */
public final class EmbeddedNeo4jProcess implements AutoCloseable {

    /** Extra JVM options for the child, whitespace separated. */
    public static final String JVM_OPTS_ENV = "OPS_NEO4J_JVM_OPTS";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4jProcess.class);
    private static final Logger CHILD_LOG = LoggerFactory.getLogger("dev.opsuite.stores.neo4j-child");

    private static final String MAIN_CLASS = "dev.opsuite.neo4j.Neo4jServerMain";
    // must match Neo4jServerMain; that class is not referenced so that no Neo4j type can reach this JVM
    private static final String READY_PREFIX = "NEO4J_READY ";
    private static final String PID_FILE = "neo4j.pid";
    /** The password of user neo4j, made at the first start (0600); the child sets it before Bolt opens. */
    static final String PASSWORD_FILE = "bolt-password";
    public static final String USER = "neo4j";
    private static final List<String> BASE_JVM_OPTS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final Duration STALE_STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final int TAIL_LINES = 40;

    private final Process process;
    private final int port;
    private final String boltUri;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Path dataDir;
    private final String password;

    private EmbeddedNeo4jProcess(Process process, Path dataDir, int port, String boltUri, String password) {
        this.password = password;
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
        this.boltUri = boltUri;
    }

    /**
     * Starts Neo4j on {@code dataDir} and waits until it accepts Bolt connections.
     *
     * @param boltPort Bolt port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedNeo4jProcess start(Path dataDir, int boltPort) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        // a server left by a killed run still holds the store lock; the marker guards against pid reuse
        StaleProcessStopper.stopIfRunning(dir.resolve(PID_FILE), MAIN_CLASS, STALE_STOP_GRACE);
        int port = boltPort == 0 ? FreePort.find() : boltPort;
        String password = passwordOf(dir);

        long startNanos = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command(dir, port)).directory(dir.toFile());
        // CLASSPATH instead of -cp keeps the command line short: Java reads only the first 4 KB of a
        // process's /proc/<pid>/cmdline, and the stale-server check must see the main class in it
        builder.environment().put("CLASSPATH", Neo4jLaunchClasspath.resolve());
        Process process = builder.start();
        String name = "neo4j-" + process.pid();
        ChildOutputPump.Tail tail = new ChildOutputPump.Tail(TAIL_LINES);
        CompletableFuture<String> readyLine = new CompletableFuture<>();
        ChildOutputPump.start(name + "-out", process.getInputStream(), CHILD_LOG, tail, READY_PREFIX, readyLine);
        Thread stderrPump = ChildOutputPump.start(name + "-err", process.getErrorStream(), CHILD_LOG, tail, null, null);

        String line = awaitReady(process, readyLine, stderrPump, tail);
        String boltUri = line.substring(READY_PREFIX.length()).trim();
        LOG.info("Neo4j (pid {}) ready at {} in {} ms, data dir {}",
                process.pid(), boltUri, (System.nanoTime() - startNanos) / 1_000_000, dir);
        return new EmbeddedNeo4jProcess(process, dir, port, boltUri, password);
    }

    /** The password in the data directory's {@value #PASSWORD_FILE}, made (random, 0600) when missing. */
    private static String passwordOf(Path dir) throws IOException {
        return Secrets.passwordIn(dir.resolve(PASSWORD_FILE));
    }

    private static String awaitReady(Process process, CompletableFuture<String> readyLine, Thread stderrPump,
                                     ChildOutputPump.Tail tail) throws IOException {
        try {
            return readyLine.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            terminate(process);
            throw new IOException("Neo4j (pid " + process.pid() + ") not ready within " + READY_TIMEOUT.toSeconds()
                    + " s; last output:\n" + tail);
        } catch (ExecutionException e) {
            // stdout ended: the child is exiting; let it finish and its stderr drain so the message is complete
            boolean exited = waitFor(process, KILL_WAIT);
            joinQuietly(stderrPump, Duration.ofSeconds(1));
            String exit = exited ? "exited with code " + process.exitValue() : "closed its stdout";
            throw new IOException("Neo4j (pid " + process.pid() + ") " + exit + " before it was ready; last output:\n"
                    + tail);
        } catch (InterruptedException e) {
            terminate(process);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for Neo4j to start");
        }
    }

    private static List<String> command(Path dataDir, int port) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(BASE_JVM_OPTS);
        String extraOpts = System.getenv(JVM_OPTS_ENV);
        if (extraOpts != null && !extraOpts.isBlank()) {
            // after the base options, so for instance -Xmx here overrides ours
            command.addAll(Arrays.asList(extraOpts.trim().split("\\s+")));
        }
        command.add(MAIN_CLASS);
        command.addAll(List.of("--data-dir", dataDir.toString(), "--bolt-port", Integer.toString(port),
                "--password-file", dataDir.resolve(PASSWORD_FILE).toString()));
        return command;
    }

    /** This JVM's java: java.home is always a JDK/JRE, while the process command may be a native launcher. */
    private static String javaExecutable() {
        Path fromJavaHome = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(fromJavaHome)) {
            return fromJavaHome.toString();
        }
        return ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("cannot find a java executable"));
    }

    /** The password of user {@value #USER} (auth is always on). */
    public String password() {
        return password;
    }

    /** e.g. {@code bolt://127.0.0.1:7687}, as printed by the server. */
    public String boltUri() {
        return boltUri;
    }

    public int port() {
        return port;
    }

    /** Pid of the Neo4j JVM. */
    public long pid() {
        return process.pid();
    }

    /** For tests: the child process itself. */
    /** Whether the child JVM is still running (false after a crash or a kill -9). */
    public boolean isAlive() {
        return !closed.get() && process.isAlive();
    }

    /** A new child on the same data directory and Bolt port after this one died; drivers reconnect to it. */
    public EmbeddedNeo4jProcess restart() throws IOException {
        close();
        return start(dataDir, port);
    }

    Process process() {
        return process;
    }

    /**
     * Stops the child: closing its stdin makes it shut Neo4j down and exit; after 10 s it gets
     * SIGTERM, then SIGKILL. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long startNanos = System.nanoTime();
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed or broken: the child sees EOF either way
        }
        if (!waitFor(process, STOP_WAIT)) {
            LOG.warn("Neo4j (pid {}) still running {} s after stdin closed; terminating it", process.pid(),
                    STOP_WAIT.toSeconds());
            terminate(process);
        }
        LOG.info("Neo4j (pid {}) stopped in {} ms, exit code {}", process.pid(),
                (System.nanoTime() - startNanos) / 1_000_000, process.isAlive() ? "?" : process.exitValue());
    }

    /** SIGTERM (runs the child's shutdown hook), then SIGKILL. */
    private static void terminate(Process process) {
        process.destroy();
        if (!waitFor(process, KILL_WAIT)) {
            process.destroyForcibly();
            waitFor(process, KILL_WAIT);
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    private static void joinQuietly(Thread thread, Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
