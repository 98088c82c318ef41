package dev.opsuite.kit.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format (0.0.4) for tests: every line must be a
 * {@code # HELP}, a {@code # TYPE}, another comment or a sample of the format's grammar; every sample must
 * belong to a family declared by a {@code # TYPE} line (histograms and summaries: its {@code _bucket},
 * {@code _count}, {@code _sum}); a family declared twice, or the same series (name and labels) written
 * twice — what a meter registered twice would give — is refused. CI also parses scrapes with the
 * Prometheus project's Python parser ({@code .ci/metrics-check.py}).
 */
public final class PrometheusText {
    /** One sample: the series' name, its labels (unescaped) and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\",?)*)})? "
                    + "(-?[0-9.eE+-]+|NaN|[+-]Inf)( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TYPE = Pattern.compile(
            "# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)");
    private static final Set<String> PARTS = Set.of("_bucket", "_count", "_sum");

    private final Map<String, String> types;
    private final List<Sample> samples;

    private PrometheusText(Map<String, String> types, List<Sample> samples) {
        this.types = types;
        this.samples = samples;
    }

    /** Parses a scrape; {@code IllegalArgumentException} naming the first line that breaks the format. */
    public static PrometheusText parse(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        Set<String> series = new java.util.HashSet<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                Matcher t = TYPE.matcher(line);
                if (!t.matches()) {
                    throw bad(n, line, "a malformed TYPE line");
                }
                if (types.put(t.group(1), t.group(2)) != null) {
                    throw bad(n, line, "the family " + t.group(1) + " is declared twice");
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw bad(n, line, "not a sample line");
            }
            String name = m.group(1);
            if (familyOf(types, name) == null) {
                throw bad(n, line, "a sample of no declared family");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    String value = unescape(l.group(2));
                    if (labels.put(l.group(1), value) != null) {
                        throw bad(n, line, "the label " + l.group(1) + " twice");
                    }
                }
            }
            if (!series.add(name + new java.util.TreeMap<>(labels))) {
                throw bad(n, line, "the same series twice");
            }
            samples.add(new Sample(name, Map.copyOf(labels), value(m.group(4))));
        }
        return new PrometheusText(types, List.copyOf(samples));
    }

    private static String familyOf(Map<String, String> types, String name) {
        if (types.containsKey(name)) {
            return name;
        }
        for (String part : PARTS) {
            if (name.endsWith(part)) {
                String family = name.substring(0, name.length() - part.length());
                String type = types.get(family);
                if ("histogram".equals(type) || "summary".equals(type)) {
                    return family;
                }
            }
        }
        return null;
    }

    /** A label value as written: backslash, double quote and line feed escaped with a backslash. */
    private static String unescape(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char next = v.charAt(++i);
                b.append(next == 'n' ? '\n' : next);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static double value(String v) {
        return switch (v) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    private static IllegalArgumentException bad(int n, String line, String why) {
        return new IllegalArgumentException("line " + n + ", " + why + ": " + line);
    }

    /** Family name → type (counter, gauge, histogram, summary, untyped). */
    public Map<String, String> families() {
        return types;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The samples of this series name (e.g. ops_rpc_server_duration_seconds_count). */
    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The samples of this name whose labels include every given one. */
    public List<Sample> samples(String name, Map<String, String> labels) {
        return samples(name).stream().filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
    }

    /** The values a label takes on the series of this name. */
    public Set<String> labelValues(String name, String label) {
        Set<String> out = new TreeSet<>();
        samples(name).forEach(s -> {
            if (s.labels().containsKey(label)) {
                out.add(s.labels().get(label));
            }
        });
        return out;
    }

    /** Every label value of every sample (to check that none holds what it must not). */
    public List<String> allLabelValues() {
        List<String> out = new ArrayList<>();
        samples.forEach(s -> out.addAll(s.labels().values()));
        return out;
    }

    /** Label name → the series names that carry it. */
    public Map<String, Set<String>> labelNames() {
        Map<String, Set<String>> out = new HashMap<>();
        samples.forEach(s -> s.labels().keySet().forEach(k -> out.computeIfAbsent(k, x -> new TreeSet<>()).add(s.name())));
        return out;
    }
}
