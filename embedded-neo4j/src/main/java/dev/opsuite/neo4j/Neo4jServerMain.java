package dev.opsuite.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs an embedded Neo4j 5 DBMS in this JVM, reachable only over Bolt on 127.0.0.1, with auth on:
 * user {@code neo4j} with the password of {@code --password-file}. The password is set with Bolt
 * off (a DBMS started once without a connector) whenever it is not the one last set, so no one can
 * log in with the default neo4j/neo4j in between; the SHA-256 of the password set is kept in
 * {@value #AUTH_MARKER}.
 *
 * <p>It lives in its own JVM because Neo4j 5.26 needs netty 4.1 while the rest of the product runs
 * Armeria on netty 4.2. The parent (see embedded-stores' EmbeddedNeo4jProcess) reads the single
 * {@value #READY_PREFIX}... line from stdout; Neo4j's own log goes to stderr so stdout stays clean.
 *
 * <p>Lifetime: the parent keeps our stdin pipe open and never writes to it. When the parent exits or is
 * killed with -9 the pipe closes, we see EOF and shut down, so no orphaned Neo4j keeps the store locked.
 */
public final class Neo4jServerMain {

    public static final String READY_PREFIX = "NEO4J_READY ";
    public static final String PID_FILE_NAME = "neo4j.pid";
    static final String AUTH_MARKER = "auth-set.sha256";
    static final String USER = "neo4j";

    // Bolt waits 10 s by default for its worker pool at shutdown; nothing is in flight when we stop
    private static final Duration BOLT_POOL_SHUTDOWN_WAIT = Duration.ofMillis(100);
    private static final long DATABASE_AVAILABLE_TIMEOUT_MS = 60_000;

    private final Neo4jServerOptions options;
    private final Path pidFile;
    private final CountDownLatch stopped = new CountDownLatch(1);
    // start and shutdown hold this lock, so a shutdown requested mid-start waits and then stops cleanly
    private final Object lifecycleLock = new Object();
    private DatabaseManagementService dbms;
    private boolean shutdownRequested;

    private Neo4jServerMain(Neo4jServerOptions options) {
        this.options = options;
        this.pidFile = options.dataDir().resolve(PID_FILE_NAME);
    }

    public static void main(String[] args) {
        Neo4jServerOptions options;
        try {
            options = Neo4jServerOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new Neo4jServerMain(options).run();
    }

    private void run() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "neo4j-shutdown-hook"));
        // watch stdin from the start: a parent that dies while we are still starting must not leave us behind
        if (options.exitOnStdinEof()) {
            startStdinWatcher();
        }
        try {
            writePidFile();
            start();
        } catch (Throwable t) {
            System.err.println("Neo4j failed to start: " + t);
            t.printStackTrace();
            System.exit(1); // the shutdown hook stops whatever part of the DBMS came up
        }
        System.out.println(READY_PREFIX + "bolt://127.0.0.1:" + options.boltPort());
        System.out.flush();
        awaitUninterruptibly(stopped);
    }

    private void start() throws IOException {
        long startNanos = System.nanoTime();
        String password = Files.readString(options.passwordFile(), StandardCharsets.UTF_8).strip();
        if (password.length() < 8) {
            throw new IllegalArgumentException("the Neo4j password in " + options.passwordFile() + " is shorter than 8");
        }
        setPasswordIfChanged(password);
        synchronized (lifecycleLock) {
            if (shutdownRequested) {
                return;
            }
            dbms = build(true);
        }
        // build() returns with the DBMS up; the default database may still be recovering
        if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(DATABASE_AVAILABLE_TIMEOUT_MS)) {
            throw new IllegalStateException("database " + GraphDatabaseSettings.DEFAULT_DATABASE_NAME
                    + " not available after " + DATABASE_AVAILABLE_TIMEOUT_MS + " ms");
        }
        System.err.printf("Neo4j started in %d ms (data dir %s, bolt 127.0.0.1:%d)%n",
                (System.nanoTime() - startNanos) / 1_000_000, options.dataDir(), options.boltPort());
    }

    private DatabaseManagementService build(boolean bolt) {
        SocketAddress boltAddress = new SocketAddress("127.0.0.1", options.boltPort());
        return new DatabaseManagementServiceBuilder(options.dataDir())
                .setUserLogProvider(new Log4jLogProvider(System.err, Level.INFO))
                .setConfig(BoltConnector.enabled, bolt)
                .setConfig(BoltConnector.listen_address, boltAddress)
                .setConfig(BoltConnector.advertised_address, boltAddress)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(options.pageCache()))
                // preallocation would reserve 256 MB of transaction log per database up front
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // LOAD CSV cannot read the host's files (the Cypher guard refuses LOAD CSV anyway)
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, BOLT_POOL_SHUTDOWN_WAIT)
                .build();
    }

    /**
     * Sets the password of user neo4j with Bolt off, unless the marker says it is already the one set
     * (a new store, a store from before auth was on, and a changed password file all pass here once).
     */
    private void setPasswordIfChanged(String password) throws IOException {
        Path marker = options.dataDir().resolve(AUTH_MARKER);
        String digest = sha256(password);
        if (Files.exists(marker) && Files.readString(marker, StandardCharsets.US_ASCII).strip().equals(digest)) {
            return;
        }
        long t0 = System.nanoTime();
        DatabaseManagementService offline = build(false);
        try {
            offline.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // the marker was lost but the password is already this one
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                throw e;
            }
        } finally {
            offline.shutdown();
        }
        Files.writeString(marker, digest + "\n", StandardCharsets.US_ASCII);
        System.err.printf("Neo4j: password of user %s set in %d ms%n", USER, (System.nanoTime() - t0) / 1_000_000);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Idempotent: called by the stdin watcher and by the shutdown hook. */
    private void shutdown() {
        synchronized (lifecycleLock) {
            if (shutdownRequested) {
                return;
            }
            shutdownRequested = true;
            if (dbms != null) {
                long startNanos = System.nanoTime();
                try {
                    dbms.shutdown();
                } catch (RuntimeException e) {
                    System.err.println("Neo4j shutdown failed: " + e);
                }
                System.err.printf("Neo4j stopped in %d ms%n", (System.nanoTime() - startNanos) / 1_000_000);
            }
            deletePidFileIfOurs();
            stopped.countDown();
        }
    }

    private void startStdinWatcher() {
        Thread watcher = new Thread(() -> {
            drainUntilEof(System.in);
            System.err.println("stdin closed (parent gone): shutting Neo4j down");
            shutdown();
            System.exit(0);
        }, "neo4j-parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void drainUntilEof(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent is not expected to write; anything it sends is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as EOF: the parent is gone
        }
    }

    private void writePidFile() throws IOException {
        Files.createDirectories(options.dataDir());
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
    }

    private void deletePidFileIfOurs() {
        try {
            // a newer server on the same data dir may have replaced the file; leave that one alone
            if (Files.exists(pidFile)
                    && Files.readString(pidFile, StandardCharsets.US_ASCII).trim()
                            .equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.delete(pidFile);
            }
        } catch (IOException e) {
            System.err.println("could not remove " + pidFile + ": " + e);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // keep waiting: only shutdown() ends this process's main thread
            }
        }
    }
}
