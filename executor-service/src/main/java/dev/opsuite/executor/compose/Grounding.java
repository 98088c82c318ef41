package dev.opsuite.executor.compose;

import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.model.PlanModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a model-written summary says nothing the tool results do not: every timestamp,
 * every CI-like name (a word with a digit, hyphen or underscore: SVR001, payment-api,
 * srv-seoul-03) and every number must be found in the results. A number counts as found when a
 * result value rounds to it at the precision written, or it is a row count or a number of the
 * plan that selected the rows (top N, depth, the time range's size). Names in Hangul without
 * such marks are not recognised as CI names (a known limit).
 */
final class Grounding {
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?)?|\\b\\d{1,2}:\\d{2}\\b");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)+|[A-Za-z]+\\d[A-Za-z0-9]*");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?");

    private Grounding() {}

    /** The words and numbers of {@code text} not found in the results; empty when grounded. */
    static List<String> ungrounded(String text, List<ToolOutput> outputs, PlanModel plan) {
        List<String> strings = new ArrayList<>();
        List<BigDecimal> numbers = new ArrayList<>();
        for (ToolOutput o : outputs) {
            strings.addAll(o.columns());
            numbers.add(BigDecimal.valueOf(o.rows().size()));
            o.rows().forEach(r -> r.forEach(v -> collect(v, strings, numbers)));
        }
        strings.add(plan.primary().ciCode());
        strings.addAll(plan.primary().mentions());
        strings.addAll(plan.secondary().mentions());
        strings.add(plan.metric().metricName());
        for (int n : new int[] {plan.metric().topN(), plan.graph().depth()}) {
            numbers.add(BigDecimal.valueOf(n));
        }
        Matcher range = Pattern.compile("\\d+").matcher(plan.metric().timeRange() + " " + plan.history().timeRange());
        while (range.find()) {
            numbers.add(new BigDecimal(range.group()));
        }
        Set<String> lower = new HashSet<>();
        strings.forEach(s -> lower.add(s.toLowerCase(Locale.ROOT)));

        Set<String> missing = new LinkedHashSet<>();
        String rest = text;
        for (Pattern p : new Pattern[] {DATETIME, IDENT}) {
            Matcher m = p.matcher(rest);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String token = m.group().toLowerCase(Locale.ROOT);
                String isoToken = token.replace(' ', 't'); // "2026-11-25 21:25" as results write it
                if (lower.stream().noneMatch(s -> s.contains(token) || s.contains(isoToken))) {
                    missing.add(m.group());
                }
                m.appendReplacement(sb, " ");
            }
            m.appendTail(sb);
            rest = sb.toString();
        }
        Matcher n = NUMBER.matcher(rest);
        while (n.find()) {
            BigDecimal written = new BigDecimal(n.group().replace(",", ""));
            if (numbers.stream().noneMatch(v -> matches(v, written))) {
                missing.add(n.group());
            }
        }
        return new ArrayList<>(missing);
    }

    private static boolean matches(BigDecimal value, BigDecimal written) {
        int scale = Math.max(0, written.scale());
        return value.setScale(scale, RoundingMode.HALF_UP).compareTo(written) == 0;
    }

    private static void collect(Object v, List<String> strings, List<BigDecimal> numbers) {
        if (v == null) {
            return;
        }
        if (v instanceof Number num) {
            try {
                numbers.add(new BigDecimal(num.toString()));
            } catch (NumberFormatException e) {
                // NaN / infinity: nothing a summary can cite
            }
            strings.add(num.toString());
        } else if (v instanceof Map<?, ?> m) {
            m.values().forEach(x -> collect(x, strings, numbers));
        } else if (v instanceof List<?> l) {
            l.forEach(x -> collect(x, strings, numbers));
        } else {
            String s = v.toString();
            strings.add(s);
            if (NUMBER.matcher(s).matches()) {
                numbers.add(new BigDecimal(s.replace(",", "")));
            }
        }
    }
}
