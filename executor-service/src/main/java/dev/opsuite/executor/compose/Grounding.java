package dev.opsuite.executor.compose;

import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.model.PlanModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a model-written summary says nothing the tool results do not (llm-client's
 * {@link dev.opsuite.llm.Grounding}): the known texts are the results' columns and values and the
 * plan's CI, mentions and metric; the known numbers the values, the row counts and the numbers of the
 * plan that selected the rows (top N, depth, the time range's size).
 */
final class Grounding {
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
        return new ArrayList<>(dev.opsuite.llm.Grounding.ungrounded(text, strings, numbers));
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
            if (dev.opsuite.llm.Grounding.isNumber(s)) {
                numbers.add(new BigDecimal(s.replace(",", "")));
            }
        }
    }
}
