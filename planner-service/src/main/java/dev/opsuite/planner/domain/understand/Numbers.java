package dev.opsuite.planner.domain.understand;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.opsuite.planner.domain.Patterns;
import java.util.List;
import java.util.Map;

/**
 * The numbers of a question: thresholds ("more than 80%") and the metric word after one, the depth of
 * a graph question, and the N of "top 5".
 */
final class Numbers {
    private final Reading reading;
    private final Analyzed a;
    private final JsonNode rules;
    private final List<Claim> claims;
    private final List<Understanding.Threshold> thresholds;

    Numbers(Reading reading) {
        this.reading = reading;
        this.a = reading.a;
        this.rules = reading.rules;
        this.claims = reading.claims;
        this.thresholds = reading.thresholds;
    }

    void thresholds() {
        Map<String, String> ops = new java.util.HashMap<>();
        rules.path("threshold_ops").properties().forEach(e -> ops.put(Folding.fold(e.getKey()), e.getValue().asText()));
        String lowered = Patterns.lower(a.text());
        for (JsonNode rule : rules.path("thresholds")) {
            Pattern p = Patterns.of(rule.path("pattern").asText(), Pattern.CASE_INSENSITIVE);
            if (!Patterns.caseless(rule.path("pattern").asText()).mayMatch(lowered)) {
                continue; // holds none of the literals every match holds
            }
            Matcher m = p.matcher(a.text());
            while (m.find()) {
                Span s = new Span(m.start(), m.end());
                if (!reading.free(s) || !TimeExpressions.wordAligned(a.text(), s)) {
                    continue;
                }
                String opWord = group(p, m, "op");
                String op = rule.path("op").asText(ops.getOrDefault(opWord.trim(), ""));
                if (op.isEmpty()) {
                    continue;
                }
                try {
                    double v = number(group(p, m, "v"));
                    String v2 = group(p, m, "v2");
                    double upper = v2.isEmpty() ? 0 : number(v2);
                    // "0.3초", "a quarter of a second": seconds, where the metrics count milliseconds
                    JsonNode scale = rules.path("threshold_units").path(group(p, m, "unit").replaceAll("\\s+", " ").trim());
                    if (scale.isNumber()) {
                        v *= scale.asDouble();
                        upper *= scale.asDouble();
                    }
                    thresholds.add(new Understanding.Threshold(op, v, upper, s));
                    reading.claimExclusive(s, "threshold", op + " " + v + (v2.isEmpty() ? "" : " " + upper), 1);
                    thresholdNoun(s.end());
                } catch (NumberFormatException e) {
                    // not a number after all: leave the words to the other rules
                }
            }
        }
    }

    /** "80", "0.3", or a number word of rules.number_words ("ninety", "a quarter of a"). */
    private double number(String text) {
        JsonNode w = rules.path("number_words").path(text.replaceAll("\\s+", " ").trim());
        return w.isNumber() ? w.asDouble() : Double.parseDouble(text);
    }

    /** "more than 70% full", "80% 이상 찬": the word after a threshold that names its metric. */
    private void thresholdNoun(int from) {
        String rest = a.text().substring(from);
        int lead = rest.length() - rest.stripLeading().length();
        rules.path("threshold_metric_words").properties().forEach(e -> {
            String w = Folding.fold(e.getKey());
            Span s = new Span(from + lead, from + lead + w.length());
            if (rest.stripLeading().startsWith(w) && TimeExpressions.wordAligned(a.text(), s) && reading.free(s)) {
                reading.claimExclusive(s, "metric", e.getValue().asText(), 1);
            }
        });
    }

    void depth() {
        for (JsonNode p : rules.path("depth_patterns")) {
            Matcher m = Patterns.of(p.asText(), Pattern.CASE_INSENSITIVE).matcher(a.text());
            if (m.find() && reading.free(new Span(m.start(), m.end()))) {
                reading.depth = Integer.parseInt(m.group(1));
                reading.claimExclusive(new Span(m.start(), m.end()), "number", "depth " + reading.depth, 1);
                return;
            }
        }
    }

    private static String group(Pattern p, Matcher m, String name) {
        Integer g = p.namedGroups().get(name);
        String v = g == null ? null : m.group(g);
        return v == null ? "" : v.toLowerCase(java.util.Locale.ROOT);
    }

    /** The N of "top 5", "상위 3개": the first free number when a top/bottom word is present. */
    Integer topN() {
        if (claims.stream().noneMatch(c -> c.kind().equals("top"))) {
            return null;
        }
        for (Token t : a.tokens()) {
            JsonNode word = rules.path("number_words").path(t.surface());
            if (NameShapes.insideHyphenated(a.text(), new Span(t.start(), t.end()))) {
                continue; // "one-liner", "two-factor": no count
            }
            if (!reading.claimed(t) && word.isNumber()) { // "두 개", "which three apps"
                claims.add(new Claim(new Span(t.start(), t.end()), t.surface(), "number", "top_n " + word.asInt(), 1));
                return word.asInt();
            }
            if (t.number() && !reading.claimed(t)) {
                try {
                    int n = Integer.parseInt(t.surface());
                    if (n >= 1 && n <= 100) {
                        claims.add(new Claim(new Span(t.start(), t.end()), t.surface(), "number", "top_n " + n, 1));
                        return n;
                    }
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
