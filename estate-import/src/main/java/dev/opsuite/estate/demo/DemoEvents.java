package dev.opsuite.estate.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * events.csv: the alerts, incidents, deploys and changes around the planted incidents (so RCA
 * questions have a story to find), plus a background of CI builds, deploys, changes and alerts.
 */
final class DemoEvents {
    private static final String[] BUILD_FAILURES = {
        "unit tests failed: PaymentServiceTest.refund",
        "unit tests failed: OrderServiceTest.cancelAfterShipment",
        "dependency resolution failed: com.example:commons-auth:2.3.1 not found",
        "compilation failed: cannot find symbol CouponPolicy.isStackable",
        "integration tests failed: CheckoutFlowIT timed out after 600 s",
        "docker build failed: base image registry.example.internal/jdk17:latest pull denied",
    };
    private static final Duration MIN = Duration.ofMinutes(1);

    private final DemoCatalog catalog;
    private final DemoTimeline time;
    private final Random rnd;
    private final List<DemoEvent> events = new ArrayList<>();

    private DemoEvents(DemoCatalog catalog, DemoTimeline time, long seed) {
        this.catalog = catalog;
        this.time = time;
        this.rnd = new Random(seed ^ 0x5DEECE66DL);
    }

    static List<DemoEvent> build(DemoCatalog catalog, DemoTimeline time, long seed) {
        DemoEvents e = new DemoEvents(catalog, time, seed);
        e.cpuSpike();
        e.memoryLeak();
        e.paymentOutage();
        e.background();
        List<DemoEvent> inWindow = new ArrayList<>(e.events.stream().filter(ev -> time.inWindow(ev.ts())).toList());
        inWindow.sort(Comparator.comparing(DemoEvent::ts).thenComparing(DemoEvent::ciCode)
                .thenComparing(DemoEvent::title));
        return inWindow;
    }

    private void cpuSpike() {
        String svr = DemoCatalog.SPIKE_SERVER;
        String name = catalog.ci(svr).name();
        add(time.spikeStart.plus(MIN.multipliedBy(5)), svr, "alert", "critical", "CPU usage above 95%",
                "cpu_usage 97.4% on " + name + " (threshold 95%, 5 min)");
        add(time.spikeStart.plus(MIN.multipliedBy(15)), svr, "incident", "major", "CPU saturation on " + name,
                "runaway report-batch job pinned all cores; VMs on " + name + " slowed down");
        add(time.spikeEnd.plus(MIN.multipliedBy(10)), svr, "alert", "info", "CPU usage back to normal",
                "cpu_usage below 80% on " + name + "; batch job killed");
    }

    private void memoryLeak() {
        String vm = DemoCatalog.LEAKING_VM;
        String name = catalog.ci(vm).name();
        add(time.leakCrossing(90), vm, "alert", "major", "Memory usage above 90%",
                "mem_usage 90.2% on " + name + " and rising about 19 points per day");
        add(time.leakCrossing(95), vm, "alert", "critical", "Memory usage above 95%",
                "mem_usage 95.1% on " + name + "; OOM kill expected within hours");
        add(time.restart, vm, "change", "minor", "restart " + name + " (memory leak mitigation)",
                "CHG-2291: rolling restart; heap dump kept for analysis; suspected leak in session cache");
    }

    private void paymentOutage() {
        String db = DemoCatalog.FAILING_DB;
        String api = catalog.code("payment-api");
        Instant t0 = time.outageStart;
        add(t0.minus(MIN.multipliedBy(20)), api, "deploy", "info", "deploy payment-api v3.8.1",
                "release 3.8.1: connection pool maxPoolSize 50 -> 200");
        add(t0, db, "incident", "critical", "payment-db outage",
                "primary refuses connections: too many clients (max_connections 300); failover started");
        add(t0.plus(MIN.multipliedBy(5)), api, "alert", "critical", "error rate above 5%",
                "error_rate 31.5% on payment-api: connection refused by payment-db");
        add(t0.plus(MIN.multipliedBy(5)), api, "alert", "major", "p95 latency above 1000 ms",
                "latency p95 1840 ms on payment-api");
        add(t0.plus(MIN.multipliedBy(10)), catalog.code("refund-api"), "alert", "major", "error rate above 5%",
                "error_rate 22.0% on refund-api: payment-db unavailable");
        add(t0.plus(MIN.multipliedBy(10)), "SVC001", "incident", "critical", "payment service degraded",
                "card payments failing for about 30% of requests; checkout affected");
        add(t0.plus(MIN.multipliedBy(40)), db, "change", "major", "raise max_connections and restart payment-db",
                "CHG-2290: max_connections 300 -> 500, primary restarted");
        add(t0.plus(MIN.multipliedBy(45)), api, "deploy", "info", "rollback payment-api to v3.8.0",
                "rolled back the connection pool change of v3.8.1");
        add(time.outageEnd, db, "alert", "info", "payment-db accepting connections again",
                "replication lag 0 s; node stays flagged error until the post-incident check");
    }

    private void background() {
        int build = 1200;
        long windowMinutes = Duration.between(time.start, time.end).toMinutes();
        for (int i = 0; i < 28; i++) {
            Instant at = time.start.plus(MIN.multipliedBy(Math.floorMod(rnd.nextLong(), windowMinutes)));
            String app = catalog.appNames.get(rnd.nextInt(40));
            boolean failed = rnd.nextInt(4) == 0;
            build += 1 + rnd.nextInt(5);
            add(at, catalog.code(app), "build", failed ? "major" : "info",
                    "build #" + build + (failed ? " failed" : " succeeded"),
                    failed ? BUILD_FAILURES[rnd.nextInt(BUILD_FAILURES.length)] : "pipeline " + app + "-ci passed in "
                            + (4 + rnd.nextInt(9)) + " min");
            if (!failed && rnd.nextBoolean()) {
                add(at.plus(MIN.multipliedBy(30)), catalog.code(app), "deploy", "info",
                        "deploy " + app + " build #" + build, "rolling deploy to prod, 2/2 instances healthy");
            }
        }
        // A failing build of payment-api on the morning of the outage, fixed before the deploy.
        add(time.outageStart.minus(Duration.ofHours(3)), catalog.code("payment-api"), "build", "major",
                "build #" + (build + 1) + " failed", BUILD_FAILURES[0]);
        add(time.outageStart.minus(Duration.ofHours(2)), catalog.code("payment-api"), "build", "info",
                "build #" + (build + 2) + " succeeded", "pipeline payment-api-ci passed in 7 min");
        String[][] changes = {
            {"NET06", "firewall rule update on fw-seoul-01", "CHG-2270: opened 443 to partner network"},
            {"STG03", "expand volume on san-seoul-03", "CHG-2274: +4 TB for report-dw"},
            {"SVR031", "kernel patch on srv-busan-01", "CHG-2279: kernel 5.14.0-427 security update"},
            {"DB001", "vacuum and reindex db-01", "CHG-2281: scheduled maintenance"},
            {"LB02", "certificate renewal on lb-seoul-02", "CHG-2285: TLS certificate renewed"},
        };
        for (String[] c : changes) {
            Instant at = time.start.plus(MIN.multipliedBy(Math.floorMod(rnd.nextLong(), windowMinutes)));
            add(at, c[0], "change", "minor", c[1], c[2]);
        }
        String[] alertDbs = {"DB015", "DB029", "DB012"};
        for (String db : alertDbs) {
            Instant at = time.start.plus(MIN.multipliedBy(Math.floorMod(rnd.nextLong(), windowMinutes)));
            addOpen(at, db, "alert", "minor", "disk usage above 85%", "disk_usage 86.3% on " + catalog.ci(db).name());
        }
        for (String app : List.of("search-api", "recommendation-api", "catalog-api")) {
            Instant at = time.start.plus(MIN.multipliedBy(Math.floorMod(rnd.nextLong(), windowMinutes)));
            addOpen(at, catalog.code(app), "alert", "minor", "p95 latency above 500 ms", "latency p95 620 ms on " + app);
        }
    }

    /** The background alerts nobody has closed: still open at the end (the demo's live state lists them). */
    private void addOpen(Instant ts, String ci, String type, String severity, String title, String detail) {
        events.add(new DemoEvent(ts, ci, type, severity, title, detail, true));
    }

    private void add(Instant ts, String ci, String type, String severity, String title, String detail) {
        events.add(new DemoEvent(ts, ci, type, severity, title, detail));
    }
}
