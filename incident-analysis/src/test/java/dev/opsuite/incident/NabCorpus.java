package dev.opsuite.incident;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The Numenta Anomaly Benchmark's real series with known causes and its AWS CloudWatch series
 * (src/test/resources/nab: the CSVs gzipped as published, MIT licence beside them) and their
 * labelled anomaly windows (labels/combined_windows.json, these two groups only).
 *
 * <p>Halves fixed once by name: in the sorted list of the 24 series, even positions are the dev
 * half (settings may be chosen on it), odd positions the test half (only ever counted).
 */
final class NabCorpus {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern NAME = Pattern.compile("\"([^\"]+\\.csv)\"\\s*:\\s*\\[");
    private static final Pattern STAMPS = Pattern.compile("\"(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)\\.\\d+\"");

    record Labelled(String name, MetricSeries series, List<long[]> windows) {
    }

    private NabCorpus() {
    }

    static List<Labelled> half(boolean dev) throws IOException {
        List<Labelled> all = all();
        List<Labelled> half = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if ((i % 2 == 0) == dev) {
                half.add(all.get(i));
            }
        }
        return half;
    }

    static List<Labelled> all() throws IOException {
        Map<String, List<long[]>> labels = labels();
        List<Labelled> out = new ArrayList<>();
        for (Map.Entry<String, List<long[]>> e : labels.entrySet()) {
            out.add(new Labelled(e.getKey(), series("nab/data/" + e.getKey() + ".gz"), e.getValue()));
        }
        return out;
    }

    private static Map<String, List<long[]>> labels() throws IOException {
        String json = new String(resource("nab/combined_windows.json").readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<long[]>> out = new TreeMap<>();
        Matcher m = NAME.matcher(json);
        while (m.find()) {
            int depth = 1;
            int end = m.end();
            while (depth > 0) {
                char c = json.charAt(end++);
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            }
            List<long[]> windows = new ArrayList<>();
            Matcher s = STAMPS.matcher(json.substring(m.end(), end));
            while (s.find()) {
                long from = epoch(s.group(1));
                if (!s.find()) {
                    throw new IOException("odd number of stamps for " + m.group(1));
                }
                windows.add(new long[] {from, epoch(s.group(1))});
            }
            out.put(m.group(1), windows);
        }
        if (out.size() != 24) {
            throw new IOException("expected 24 labelled series, read " + out.size());
        }
        return out;
    }

    private static MetricSeries series(String path) throws IOException {
        List<Long> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(resource(path)),
                StandardCharsets.UTF_8))) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                int comma = line.indexOf(',');
                long t = epoch(line.substring(0, comma));
                if (!times.isEmpty() && t <= times.get(times.size() - 1)) {
                    continue;
                }
                times.add(t);
                values.add(Double.parseDouble(line.substring(comma + 1)));
            }
        }
        long[] t = new long[times.size()];
        double[] v = new double[values.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = times.get(i);
            v[i] = values.get(i);
        }
        return new MetricSeries(t, v);
    }

    private static long epoch(String stamp) {
        return LocalDateTime.parse(stamp, STAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = NabCorpus.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException("missing test resource " + path);
        }
        return in;
    }
}
