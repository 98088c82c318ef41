package dev.opsuite.estate.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes metrics.csv series by series (rows never pile up in memory): smooth daily curves peaking
 * in the Korean afternoon, plus noise, plus the planted CPU spike, memory leak and DB outage.
 * Every series has its own Random derived from the seed, so output does not depend on loop order.
 */
final class DemoMetrics {
    private static final Set<String> OUTAGE_APPS = Set.of("payment-api", "payment-worker", "refund-api",
            "settlement-batch");
    private static final Set<String> OUTAGE_SERVICES = Set.of("payment", "checkout", "refund", "settlement");
    private static final double KST_HOURS = 9;

    private final DemoCatalog catalog;
    private final DemoTimeline time;
    private final long seed;
    private final String[] stamps;
    private final double[] daily;

    DemoMetrics(DemoCatalog catalog, DemoTimeline time, long seed) {
        this.catalog = catalog;
        this.time = time;
        this.seed = seed;
        this.stamps = new String[time.points];
        this.daily = new double[time.points];
        for (int p = 0; p < time.points; p++) {
            Instant t = time.at(p);
            stamps[p] = t.toString();
            double hour = t.atOffset(ZoneOffset.UTC).getHour() + t.atOffset(ZoneOffset.UTC).getMinute() / 60.0
                    + KST_HOURS;
            daily[p] = 0.5 * (1 + Math.sin(2 * Math.PI * (hour - 8) / 24)); // 1.0 at 14:00 KST
        }
    }

    /** @return rows written */
    long write(Writer out) throws IOException {
        out.write("ts,ci_code,metric_name,value\n");
        long rows = 0;
        int series = 0;
        for (DemoCi ci : catalog.cis) {
            List<String> metrics = switch (ci.type()) {
                case "server", "vm", "database" -> List.of("cpu_usage", "mem_usage", "disk_usage");
                case "app", "service" -> List.of("latency_ms", "error_rate");
                default -> List.of();
            };
            for (String metric : metrics) {
                Random rnd = new Random(seed * 1_000_003L + (++series));
                rows += series(out, ci, metric, rnd);
            }
        }
        return rows;
    }

    private long series(Writer out, DemoCi ci, String metric, Random rnd) throws IOException {
        double base = switch (metric) {
            case "cpu_usage" -> 15 + rnd.nextDouble() * 30;
            case "mem_usage" -> 35 + rnd.nextDouble() * 30;
            case "disk_usage" -> 30 + rnd.nextDouble() * 45;
            case "latency_ms" -> 20 + rnd.nextDouble() * 130;
            default -> 0.05 + rnd.nextDouble() * 0.6; // error_rate, %
        };
        double amplitude = metric.equals("cpu_usage") ? 10 + rnd.nextDouble() * 20 : 0;
        String prefix = "," + ci.code() + "," + metric + ",";
        for (int p = 0; p < time.points; p++) {
            double v = value(ci, metric, base, amplitude, p, rnd);
            out.write(stamps[p]);
            out.write(prefix);
            out.write(oneDecimal(v));
            out.write('\n');
        }
        return time.points;
    }

    private double value(DemoCi ci, String metric, double base, double amplitude, int p, Random rnd) {
        Instant t = time.at(p);
        double d = daily[p];
        double noise = rnd.nextGaussian();
        double v = switch (metric) {
            case "cpu_usage" -> base + amplitude * d + 3 * noise;
            case "mem_usage" -> base + 5 * d + noise;
            case "disk_usage" -> base + 0.4 * p / 288.0 + 0.1 * noise;
            case "latency_ms" -> base * (1 + 0.4 * d) + base * 0.05 * noise;
            default -> base * (1 + 0.5 * d) + 0.05 * noise;
        };
        v = planted(ci, metric, t, v, rnd);
        return metric.equals("latency_ms") ? Math.max(1, v)
                : metric.equals("error_rate") ? Math.max(0, Math.min(100, v)) : Math.max(0.5, Math.min(99.9, v));
    }

    private double planted(DemoCi ci, String metric, Instant t, double v, Random rnd) {
        String code = ci.code();
        if (code.equals(DemoCatalog.SPIKE_SERVER) && metric.equals("cpu_usage")
                && DemoTimeline.within(t, time.spikeStart, time.spikeEnd)) {
            return 96 + 3.5 * rnd.nextDouble();
        }
        if (code.equals(DemoCatalog.LEAKING_VM) && metric.equals("mem_usage")) {
            if (DemoTimeline.within(t, time.leakStart, time.restart)) {
                return time.leakLevel(t) + 0.5 * rnd.nextGaussian();
            }
            if (!t.isBefore(time.restart)) {
                return 35 + 2 * (t.getEpochSecond() - time.restart.getEpochSecond()) / 86_400.0 + 0.5 * rnd.nextGaussian();
            }
            return v;
        }
        if (!DemoTimeline.within(t, time.outageStart, time.outageEnd)) {
            return v;
        }
        if (code.equals(DemoCatalog.FAILING_DB) && !metric.equals("disk_usage")) {
            return 97 + 2.5 * rnd.nextDouble(); // connection storm saturates the primary
        }
        boolean hitApp = ci.type().equals("app") && OUTAGE_APPS.contains(ci.name());
        boolean hitService = ci.type().equals("service") && OUTAGE_SERVICES.contains(ci.name());
        if (hitApp || hitService) {
            return metric.equals("error_rate") ? (hitApp ? 15 + 25 * rnd.nextDouble() : 8 + 12 * rnd.nextDouble())
                    : v * (hitApp ? 5 + 3 * rnd.nextDouble() : 3 + 2 * rnd.nextDouble());
        }
        return v;
    }

    /** Fixed-point text, locale-free, so files are byte-identical everywhere. */
    static String oneDecimal(double v) {
        long tenths = Math.round(v * 10);
        String sign = tenths < 0 ? "-" : "";
        long abs = Math.abs(tenths);
        return sign + abs / 10 + "." + abs % 10;
    }
}
