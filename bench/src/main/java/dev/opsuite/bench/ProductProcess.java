package dev.opsuite.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The all-in-one, started as `./ops up` starts it (same main class, classpath and OPS_JAVA_OPTS
 * default) in its own JVM on a bench data directory, so cold start and resident memory are real.
 */
final class ProductProcess implements AutoCloseable {
    private static final Pattern SERVICES = Pattern.compile(
            "services up in \\d+ ms: gateway :(\\d+), planner :(\\d+), executor :(\\d+), trace :(\\d+)");
    private static final Pattern STORES = Pattern.compile("stores up in \\d+ ms \\(postgres :(\\d+),");
    static final String DEFAULT_JAVA_OPTS = "-Xms256m -Xmx1g -XX:+UseSerialGC";

    private final Process process;
    private final Path log;
    private final Path dataDir;
    final int httpPort;
    final long coldStartMs;
    int plannerPort;
    int executorPort;
    int tracePort;
    int postgresPort;

    private ProductProcess(Process process, Path log, Path dataDir, int httpPort, long coldStartMs) {
        this.process = process;
        this.log = log;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.coldStartMs = coldStartMs;
    }

    /** Spawns the all-in-one and waits (bounded) until GET /ops/health answers 200. */
    static ProductProcess start(String classpath, Path dataDir, Path log, String javaOpts, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(javaOpts.trim().split("\\s+")));
        cmd.addAll(List.of("-cp", classpath, "dev.opsuite.launcher.AllInOneMain"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("OPS_HTTP_PORT", Integer.toString(port));
        pb.environment().put("OPS_DATA_DIR", dataDir.toString());
        pb.environment().put("OPS_DEMO", "false"); // the scale estate is the only data
        // the load driver is one (anonymous) caller at up to c=32: per-caller limits would measure themselves
        pb.environment().put("OPS_RATE_PER_SECOND", "0");
        pb.environment().put("OPS_CONCURRENT_PER_CALLER", "10000");
        // the closed loops measure the ask, not the load shedder (at c=32 a finished request's place frees
        // just after the client sends its next one); the overload pass sets the default limit explicitly
        pb.environment().put("OPS_MAX_IN_FLIGHT", "10000");
        pb.environment().putAll(extraEnv);
        long t0 = System.nanoTime();
        Process p = pb.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ops/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            if (!p.isAlive()) {
                throw new IOException("the all-in-one exited with " + p.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("the all-in-one was not ready in 180 s; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        ProductProcess product = new ProductProcess(p, log, dataDir, port, (System.nanoTime() - t0) / 1_000_000);
        product.readPorts();
        return product;
    }

    private void readPorts() throws IOException {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Matcher m = lastMatch(SERVICES, text);
        Matcher s = lastMatch(STORES, text);
        if (m == null || s == null) {
            throw new IOException("no port lines in " + log);
        }
        plannerPort = Integer.parseInt(m.group(2));
        executorPort = Integer.parseInt(m.group(3));
        tracePort = Integer.parseInt(m.group(4));
        postgresPort = Integer.parseInt(s.group(1));
    }

    private static Matcher lastMatch(Pattern p, String text) {
        Matcher m = p.matcher(text);
        Matcher last = null;
        while (m.find()) {
            last = p.matcher(text);
            last.find(m.start());
        }
        return last;
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory of the all-in-one JVM, its Neo4j child JVM and the PostgreSQL processes. */
    Memory memory() throws IOException {
        long jvm = ProcFs.status(pid(), "VmRSS");
        long jvmPeak = ProcFs.status(pid(), "VmHWM");
        long neo4j = 0;
        for (long child : ProcFs.children(pid())) {
            if (ProcFs.cmdline(child).contains("Neo4jServerMain")) {
                neo4j += ProcFs.status(child, "VmRSS");
            }
        }
        long pgRss = 0;
        long pgPss = 0;
        for (long p : postgresProcesses()) {
            pgRss += ProcFs.status(p, "VmRSS");
            pgPss += ProcFs.smapsRollup(p, "Pss");
        }
        return new Memory(jvm, jvmPeak, neo4j, pgRss, pgPss);
    }

    /**
     * CPU time used so far, in clock ticks, by the all-in-one JVM, its Neo4j JVM, the PostgreSQL
     * processes (the postmaster and its backends) and any other process under the all-in-one (the
     * embedded Redis). Read before and after a window, the difference is what the window cost.
     */
    Cpu cpu() throws IOException {
        long neo4j = 0;
        long other = 0;
        List<Long> below = new ArrayList<>(ProcFs.children(pid()));
        for (int i = 0; i < below.size(); i++) {
            long child = below.get(i);
            if (ProcFs.cmdline(child).contains("Neo4jServerMain")) {
                neo4j += ProcFs.cpuTicks(child);
            } else {
                other += ProcFs.cpuTicks(child);
            }
            below.addAll(ProcFs.children(child));
        }
        long pg = 0;
        for (long p : postgresProcesses()) {
            pg += ProcFs.cpuTicks(p);
        }
        return new Cpu(ProcFs.cpuTicks(pid()), neo4j, pg, other);
    }

    /** Clock ticks per process group; {@link #minus} gives a window's share. */
    record Cpu(long allInOne, long neo4j, long postgres, long other) {
        Cpu minus(Cpu before) {
            return new Cpu(allInOne - before.allInOne, neo4j - before.neo4j, postgres - before.postgres,
                    other - before.other);
        }

        long total() {
            return allInOne + neo4j + postgres + other;
        }
    }

    private List<Long> postgresProcesses() throws IOException {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return List.of();
        }
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        List<Long> all = new ArrayList<>(ProcFs.children(postmaster));
        all.add(postmaster);
        return all;
    }

    /** kB figures as read from /proc. */
    record Memory(long allInOneRssKb, long allInOnePeakKb, long neo4jRssKb, long postgresRssKb, long postgresPssKb) {}

    /** SIGKILL of the product's JVM, as a crash: no shutdown hook runs (its store children are left behind). */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM (the product's graceful shutdown hook), then a bounded wait. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The admin key the product wrote into its data directory on first start. */
    java.util.Optional<String> adminToken() throws IOException {
        Path f = dataDir.resolve("admin.key");
        return java.nio.file.Files.exists(f) ? java.util.Optional.of(java.nio.file.Files.readString(f).strip())
                : java.util.Optional.empty();
    }

    /** The certificates of the product's stage services (made in its data directory at the first start). */
    Path stageTlsDir() {
        return dataDir.resolve("tls");
    }
}
