package dev.opsuite.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The scale estate: the four CSV files an operator would import (README "Loading your own estate"),
 * generated from a seed. Same seed, scale and end → byte-identical files.
 *
 * <p>Layers as in a real estate: server → network, vm → server, database → vm, storage HOSTS
 * database, app → vm / database / other apps, service → app, load balancer → app. Metrics (cpu and
 * memory every 10 minutes) cover the first servers, with 서버A…서버Z as aliases of SVR001…SVR026 so
 * the user guide's questions work unchanged; events are spread over every CI and the metric window.
 */
public final class ScaleEstate {
    static final String[] TYPES = {"network", "storage", "server", "vm", "database", "app", "service", "load_balancer"};
    // share of the CIs per type, in TYPES order (sums to 1000 per mille)
    private static final int[] PER_MILLE = {5, 10, 100, 300, 50, 400, 100, 35};
    private static final String[] CODE = {"NET", "STO", "SVR", "VM", "DB", "APP", "SVC", "LB"};
    private static final String[] NAME = {"net", "sto", "srv", "vm", "db", "app", "svc", "lb"};
    private static final String[] METRICS = {"cpu_usage", "mem_usage"};
    static final int POINTS_PER_SERIES = 1_000;
    static final long METRIC_STEP_SECONDS = 600;
    private static final String[] EVENT_TYPES = {"alert", "alert", "alert", "change", "deploy", "build", "incident"};
    private static final String[] SEVERITIES = {"critical", "major", "minor", "info", "info"};

    /**
     * Sizes of one estate. {@code history} multiplies the length of every metric series (1 = the
     * 1,000 points of about 7 days at 10 minutes): a longer history adds rows, not series.
     */
    public record Scale(int cis, int edges, long metricRows, int events, int history) {
        public static final Scale FULL = new Scale(100_000, 500_000, 10_000_000, 1_000_000, 1);

        public Scale {
            if (history < 1) {
                throw new IllegalArgumentException("history must be at least 1: " + history);
            }
        }

        public Scale divide(int by) {
            return new Scale(cis / by, edges / by, metricRows / by, events / by, history);
        }

        /** The same estate with each metric series {@code times} as long (the same CIs measured). */
        public Scale longerHistory(int times) {
            return new Scale(cis, edges, metricRows * times, events, history * times);
        }

        int pointsPerSeries() {
            return POINTS_PER_SERIES * history;
        }

        int metricCis() {
            return (int) (metricRows / ((long) pointsPerSeries() * METRICS.length));
        }
    }

    /** CIs the benchmark asks about, picked from the generated graph so that the answers are not empty. */
    public record Picks(String impactCiName, int impactDirectDependents, String pathFromName, String pathToName,
                        String eventsCiName, int eventsOfThatCi, Instant metricsEnd) {}

    private final Scale scale;
    private final long seed;
    private final int[] start = new int[TYPES.length];
    private final int[] count = new int[TYPES.length];

    public ScaleEstate(Scale scale, long seed) {
        this.scale = scale;
        this.seed = seed;
        int at = 0;
        for (int t = 0; t < TYPES.length; t++) {
            count[t] = (int) ((long) scale.cis() * PER_MILLE[t] / 1000);
            start[t] = at;
            at += count[t];
        }
        count[TYPES.length - 1] += scale.cis() - at; // rounding leftovers go to the last type
        if (scale.metricCis() > count[2]) {
            throw new IllegalArgumentException("more metric series than servers: " + scale);
        }
    }

    static String code(int type, int i) {
        return CODE[type] + String.format(type == 3 || type == 5 ? "%04d" : "%03d", i + 1);
    }

    static String name(int type, int i) {
        return NAME[type] + "-" + String.format("%05d", i + 1);
    }

    /** Writes cis.csv, relations.csv, metrics.csv, events.csv into dir; metrics end at {@code end}. */
    public Picks writeCsv(Path dir, Instant end) throws IOException {
        Files.createDirectories(dir);
        Instant last = end.truncatedTo(ChronoUnit.HOURS);
        writeCis(dir.resolve("cis.csv"));
        int[] dependents = new int[scale.cis()];
        String[] path = writeRelations(dir.resolve("relations.csv"), dependents);
        writeMetrics(dir.resolve("metrics.csv"), last);
        int[] events = writeEvents(dir.resolve("events.csv"), last);
        int db = argMax(dependents, start[4], count[4]);
        int busy = argMax(events, 0, scale.cis());
        return new Picks(nameOf(db), dependents[db], path[0], path[1], nameOf(busy), events[busy], last);
    }

    private void writeCis(Path file) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] status = {"running", "running", "running", "running", "running", "running", "stopped", "maintenance",
            "error"};
        String[] env = {"prod", "prod", "stage", "dev"};
        String[] loc = {"dc1-seoul", "dc2-busan"};
        // a quarter of the CIs, and 서버A always, carry the tag pci: what the default Policy's example role
        // pci_audit sees (the scoped ask of the benchmark); its own generator keeps the other columns as before
        SplittableRandom tagRnd = new SplittableRandom(seed + 7);
        try (Writer w = writer(file)) {
            w.write("ci_code,ci_name,ci_type,status,environment,location,owner,aliases,tags\n");
            for (int t = 0; t < TYPES.length; t++) {
                for (int i = 0; i < count[t]; i++) {
                    String aliases = t == 2 && i < 26 ? "서버" + (char) ('A' + i) + "|server-" + (char) ('a' + i) : "";
                    // the metric servers stay running: a stopped server with fresh samples would be odd
                    String st = t == 2 && i < scale.metricCis() ? "running" : status[rnd.nextInt(status.length)];
                    w.write(code(t, i) + ',' + name(t, i) + ',' + TYPES[t] + ',' + st + ','
                            + env[rnd.nextInt(env.length)] + ',' + loc[rnd.nextInt(loc.length)] + ",team-"
                            + (rnd.nextInt(40) + 1) + ',' + aliases + ','
                            + ((t == 2 && i == 0) || tagRnd.nextInt(4) == 0 ? "pci" : "") + '\n');
                }
            }
        }
    }

    /** @return names of a service and the server under it (service → app → vm → server) */
    private String[] writeRelations(Path file, int[] dependents) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed + 1);
        Set<Long> seen = new HashSet<>(scale.edges() * 2);
        long[] written = {0};
        try (Writer w = writer(file)) {
            w.write("source_ci_code,relation_type,target_ci_code\n");
            EdgeWriter out = new EdgeWriter(w, seen, written, dependents);
            fanOut(out, rnd, 2, "CONNECTS_TO", 0, 2);    // server → network
            fanOut(out, rnd, 3, "RUNS_ON", 2, 1);        // vm → server
            fanOut(out, rnd, 4, "RUNS_ON", 3, 1);        // database → vm
            for (int i = 0; i < count[4]; i++) {        // storage HOSTS database (the database depends on it)
                out.add(start[1] + rnd.nextInt(count[1]), "HOSTS", start[4] + i, false);
            }
            fanOut(out, rnd, 5, "RUNS_ON", 3, 2);        // app → vm
            fanOut(out, rnd, 5, "DEPENDS_ON", 4, 2);     // app → database
            fanOut(out, rnd, 6, "DEPENDS_ON", 5, 8);     // service → app
            fanOut(out, rnd, 7, "CONNECTS_TO", 5, 10);   // load balancer → app
            long guard = (long) scale.edges() * 20;
            while (written[0] < scale.edges() && guard-- > 0) { // the rest: app → older app, a DAG
                int a = 1 + rnd.nextInt(count[5] - 1);
                out.add(start[5] + a, "DEPENDS_ON", start[5] + rnd.nextInt(a), true);
            }
            if (written[0] != scale.edges()) {
                throw new IllegalStateException("wrote " + written[0] + " edges, wanted " + scale.edges());
            }
            return new String[] {nameOf(start[6]), nameOf(out.firstTarget(start[6], 5, 3, 2))};
        }
    }

    private void fanOut(EdgeWriter out, SplittableRandom rnd, int from, String type, int to, int perSource)
            throws IOException {
        for (int i = 0; i < count[from]; i++) {
            int made = 0;
            for (int tries = 0; made < perSource && made < count[to] && tries < perSource * 10; tries++) {
                if (out.add(start[from] + i, type, start[to] + rnd.nextInt(count[to]), true)) {
                    made++;
                }
            }
        }
    }

    private final class EdgeWriter {
        private final Writer w;
        private final Set<Long> seen;
        private final long[] written;
        private final int[] dependents;
        private final java.util.Map<Integer, int[]> firstTargets = new java.util.HashMap<>();

        EdgeWriter(Writer w, Set<Long> seen, long[] written, int[] dependents) {
            this.w = w;
            this.seen = seen;
            this.written = written;
            this.dependents = dependents;
        }

        /** @param sourceDepends true when the source depends on the target (all but HOSTS) */
        boolean add(int src, String type, int dst, boolean sourceDepends) throws IOException {
            if (written[0] >= scale.edges() || !seen.add((long) src * scale.cis() + dst)) {
                return false;
            }
            w.write(codeOf(src) + ',' + type + ',' + codeOf(dst) + '\n');
            written[0]++;
            dependents[sourceDepends ? dst : src]++;
            firstTargets.computeIfAbsent(src * 8 + typeOf(dst), k -> new int[] {dst});
            return true;
        }

        /** Follows the first edge of each hop through the given target types. */
        int firstTarget(int from, int... types) {
            int at = from;
            for (int t : types) {
                int[] next = firstTargets.get(at * 8 + t);
                if (next == null) {
                    return at;
                }
                at = next[0];
            }
            return at;
        }
    }

    private void writeMetrics(Path file, Instant last) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed + 2);
        int points = scale.pointsPerSeries();
        String[] stamps = new String[points];
        for (int p = 0; p < points; p++) {
            stamps[p] = last.minusSeconds(METRIC_STEP_SECONDS * (points - 1 - p)).toString();
        }
        StringBuilder line = new StringBuilder(64);
        try (Writer w = writer(file)) {
            w.write("ts,ci_code,metric_name,value\n");
            for (int i = 0; i < scale.metricCis(); i++) {
                String ci = code(2, i);
                for (String metric : METRICS) {
                    double v = 20 + rnd.nextDouble() * 50;
                    for (int p = 0; p < points; p++) {
                        v = Math.max(1, Math.min(99, v + (rnd.nextDouble() - 0.5) * 6));
                        line.setLength(0);
                        line.append(stamps[p]).append(',').append(ci).append(',').append(metric).append(',')
                                .append(Math.round(v * 100) / 100.0).append('\n');
                        w.append(line);
                    }
                }
            }
        }
    }

    private int[] writeEvents(Path file, Instant last) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed + 3);
        int[] perCi = new int[scale.cis()];
        long span = METRIC_STEP_SECONDS * POINTS_PER_SERIES;
        try (Writer w = writer(file)) {
            w.write("ts,ci_code,event_type,severity,title,detail\n");
            for (int e = 0; e < scale.events(); e++) {
                int ci = rnd.nextInt(scale.cis());
                String type = EVENT_TYPES[rnd.nextInt(EVENT_TYPES.length)];
                String severity = type.equals("incident") ? "critical" : SEVERITIES[rnd.nextInt(SEVERITIES.length)];
                Instant ts = last.minusSeconds(rnd.nextLong(span));
                perCi[ci]++;
                // the sequence number keeps (ci_code, ts, event_type, title) unique
                w.write(ts + "," + codeOf(ci) + ',' + type + ',' + severity + ',' + type + " #" + (e + 1) + " on "
                        + nameOf(ci) + ",generated by the bench (seed " + seed + ")\n");
            }
        }
        return perCi;
    }

    private int typeOf(int global) {
        for (int t = TYPES.length - 1; t >= 0; t--) {
            if (global >= start[t]) {
                return t;
            }
        }
        throw new IllegalArgumentException("no CI " + global);
    }

    private String codeOf(int global) {
        int t = typeOf(global);
        return code(t, global - start[t]);
    }

    private String nameOf(int global) {
        int t = typeOf(global);
        return name(t, global - start[t]);
    }

    private static int argMax(int[] values, int from, int n) {
        int best = from;
        for (int i = from; i < from + n; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }
}
