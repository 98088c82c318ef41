package dev.opsuite.incident;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Nezha's labelled fault-injection data (IntelligentDDS/Nezha, FSE'23, MIT licence), converted by
 * src/test/resources/nezha/convert.py into the product's import format: per system the services
 * (cis.csv), their call edges as DEPENDS_ON relations (relations.csv), their 1-minute measures
 * (metrics.csv.gz: cpu_usage, mem_usage, latency_ms, and the entry service's error_rate where the
 * data has one) and the injected faults (faults.csv).
 *
 * <p>Halves fixed before any measurement, by system: Online Boutique (both days) is the dev half
 * (studied, and any change chosen on it), Train Ticket (both days) the test half (only counted).
 */
final class NezhaCorpus {
    /** The system's name, its entry service (the CI the operator asks about), dev or test half. */
    enum SystemName {
        ONLINE_BOUTIQUE("online-boutique", "frontend", true),
        TRAIN_TICKET("train-ticket", "ts-ui-dashboard", false);

        final String folder;
        final String entry;
        final boolean dev;

        SystemName(String folder, String entry, boolean dev) {
            this.folder = folder;
            this.entry = entry;
            this.dev = dev;
        }
    }

    record Fault(String day, long injectMs, String ciCode, String type) {
    }

    /** One measure of one CI: 1-minute samples in time order. */
    record Raw(long[] times, double[] values) {
    }

    record Edge(String source, String target) {
    }

    record Data(SystemName system, List<Fault> faults, List<Edge> edges, Map<List<String>, Raw> metrics) {
    }

    private NezhaCorpus() {
    }

    static Data load(SystemName system) throws IOException {
        String base = "nezha/" + system.folder + "/";
        List<Fault> faults = new ArrayList<>();
        for (String[] r : csv(base + "faults.csv", false)) {
            faults.add(new Fault(r[0], Instant.parse(r[1]).toEpochMilli(), r[2], r[3]));
        }
        List<Edge> edges = new ArrayList<>();
        for (String[] r : csv(base + "relations.csv", false)) {
            if (!r[1].equals("DEPENDS_ON")) {
                throw new IOException("unexpected relation " + r[1]);
            }
            edges.add(new Edge(r[0], r[2]));
        }
        // the file is sorted by (ci_code, metric_name), the template's order within a depth
        Map<List<String>, List<long[]>> times = new LinkedHashMap<>();
        Map<List<String>, List<Double>> values = new LinkedHashMap<>();
        for (String[] r : csv(base + "metrics.csv.gz", true)) {
            List<String> key = List.of(r[1], r[2]);
            times.computeIfAbsent(key, k -> new ArrayList<>()).add(new long[] {Instant.parse(r[0]).toEpochMilli()});
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(Double.parseDouble(r[3]));
        }
        Map<List<String>, Raw> metrics = new LinkedHashMap<>();
        times.forEach((k, t) -> {
            List<Double> v = values.get(k);
            long[] tt = new long[t.size()];
            double[] vv = new double[t.size()];
            for (int i = 0; i < tt.length; i++) {
                tt[i] = t.get(i)[0];
                vv[i] = v.get(i);
            }
            metrics.put(k, new Raw(tt, vv));
        });
        return new Data(system, List.copyOf(faults), List.copyOf(edges), metrics);
    }

    private static List<String[]> csv(String path, boolean gzip) throws IOException {
        InputStream in = NezhaCorpus.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing test resource " + path);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(in) : in,
                StandardCharsets.UTF_8))) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
        }
        return rows;
    }
}
