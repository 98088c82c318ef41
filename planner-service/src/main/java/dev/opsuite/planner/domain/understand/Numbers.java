package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptRules;
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
    private final PromptRules rules;
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
        rules.thresholdOps().forEach((word, op) -> ops.put(Folding.fold(word), op));
        String lowered = Patterns.lower(a.text());
        for (PromptRules.ThresholdRule rule : rules.thresholds()) {
            Pattern p = Patterns.of(rule.pattern(), Pattern.CASE_INSENSITIVE);
            if (!Patterns.caseless(rule.pattern()).mayMatch(lowered)) {
                continue; // holds none of the literals every match holds
            }
            Matcher m = p.matcher(a.text());
            while (m.find()) {
                Span s = new Span(m.start(), m.end());
                if (!reading.free(s) || !TimeExpressions.wordAligned(a.text(), s)) {
                    continue;
                }
                String opWord = group(p, m, "op");
                // "hit over 95%", "95%를 찍은": a verb of reaching — the op its own when no comparison word stands
                String reach = group(p, m, "reach");
                String op = rule.op().orElse(ops.getOrDefault(opWord.trim(),
                        opWord.isBlank() ? ops.getOrDefault(Folding.fold(reach).trim(), "") : ""));
                if (op.isEmpty()) {
                    continue;
                }
                try {
                    double v = number(group(p, m, "v"));
                    String v2 = group(p, m, "v2");
                    double upper = v2.isEmpty() ? 0 : number(v2);
                    // "0.3초", "a quarter of a second": seconds, where the metrics count milliseconds
                    Double scale = rules.thresholdUnits().get(group(p, m, "unit").replaceAll("\\s+", " ").trim());
                    if (scale != null) {
                        v *= scale;
                        upper *= scale;
                    }
                    thresholds.add(new Understanding.Threshold(op, v, upper, s));
                    reading.claimExclusive(s, "threshold", op + " " + v + (v2.isEmpty() ? "" : " " + upper), 1);
                    // "slower than 0.5 seconds": the comparison word names its measure too
                    String named = rules.thresholdMetricWords().get(opWord.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT));
                    if (named != null) {
                        claims.add(new Claim(s, a.span(s.start(), s.end()), "metric", named, 1));
                    }
                    if (!reach.isBlank()) {
                        // any one sample reaching the level is its maximum over the range, never the average's
                        claims.add(new Claim(s, a.span(s.start(), s.end()), "agg", "max", 1));
                    }
                    thresholdNoun(s.end());
                } catch (NumberFormatException e) {
                    // not a number after all: leave the words to the other rules
                }
            }
        }
    }

    /** "80", "0.3", a number word of rules.number_words ("ninety", "a quarter of a"), or Sino-Korean ("칠십오"). */
    private double number(String text) {
        Double w = rules.numberWords().get(text.replaceAll("\\s+", " ").trim());
        int korean = Folding.hasHangul(text) ? TimeExpressions.koreanNumber(text) : 0;
        return w != null ? w : korean > 0 ? korean : Double.parseDouble(text);
    }

    /** "more than 70% full", "80% 이상 찬": the word after a threshold that names its metric. */
    private void thresholdNoun(int from) {
        String rest = a.text().substring(from);
        int lead = rest.length() - rest.stripLeading().length();
        rules.thresholdMetricWords().forEach((word, metric) -> {
            String w = Folding.fold(word);
            Span s = new Span(from + lead, from + lead + w.length());
            if (rest.stripLeading().startsWith(w) && TimeExpressions.wordAligned(a.text(), s) && reading.free(s)) {
                reading.claimExclusive(s, "metric", metric, 1);
            }
        });
    }

    /**
     * "Which VMs are running above 65% memory": the running state right before a threshold is the verb the
     * threshold goes with ("running at 80%", "running hot over 90%"), not a status filter.
     */
    void runningAt() {
        String state = "." + rules.runningState();
        for (Claim c : List.copyOf(claims)) {
            if (!c.kind().equals("enum") || !c.value().endsWith(state)) {
                continue;
            }
            String after = a.text().substring(c.span().end());
            int next = c.span().end() + after.length() - after.stripLeading().length();
            if (claims.stream().anyMatch(x -> x.kind().equals("threshold") && x.span().start() == next)) {
                claims.remove(c);
                claims.add(new Claim(c.span(), c.text(), "stopword", "running_at", c.score()));
            }
        }
    }

    void depth() {
        for (String p : rules.depthPatterns()) {
            Matcher m = Patterns.of(p, Pattern.CASE_INSENSITIVE).matcher(a.text());
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

    /** "CAP-09", "INC_7": a number joined to letters by a hyphen or an underscore is part of a code, no count. */
    private boolean partOfCode(Token t) {
        String text = a.text();
        int i = t.start() - 1;
        if (i < 1 || text.charAt(i) != '-' && text.charAt(i) != '_') {
            return false;
        }
        return Character.isLetter(text.charAt(i - 1));
    }

    /**
     * The N of "top 5", "상위 3개": the first free number when a top/bottom word is present — the asking clause's
     * first ("Which three VMs …? We'd pick one of those."). A Korean number word counts only as a count: a counter,
     * a type word or a top word beside it ("세 대", "두 앱", "상위 세"; not the column of "열 정렬"); digits glued to a
     * counter are the number ("상위 3행").
     */
    Integer topN() {
        if (claims.stream().noneMatch(c -> c.kind().equals("top"))) {
            return null;
        }
        int last = Clauses.last(a.text());
        Integer asked = topN(t -> Clauses.of(a.text(), t.start()) == last);
        return asked != null ? asked : topN(t -> true);
    }

    /** A number glued to Hangul ("3행", "5개만"): group 1 the number, group 2 what follows it. */
    static final java.util.regex.Pattern GLUED_COUNT = java.util.regex.Pattern.compile("(\\d{1,3})(\\p{IsHangul}+)");

    private Integer topN(java.util.function.Predicate<Token> where) {
        for (Token t : a.tokens()) {
            if (!where.test(t) || NameShapes.insideHyphenated(a.text(), new Span(t.start(), t.end()))) {
                continue; // "one-liner", "two-factor": no count
            }
            Double word = rules.numberWords().get(t.surface());
            if (!reading.claimed(t) && word != null && (!Folding.hasHangul(t.surface()) || aCount(t))) { // "which three apps"
                claims.add(new Claim(new Span(t.start(), t.end()), t.surface(), "number", "top_n " + word.intValue(), 1));
                return word.intValue();
            }
            java.util.regex.Matcher glued = GLUED_COUNT.matcher(t.surface());
            if (!reading.claimed(t) && glued.matches() && rules.understanding().startsWithCounter(glued.group(2))) {
                int n = Integer.parseInt(glued.group(1));
                if (n >= 1 && n <= 100) {
                    claims.add(new Claim(new Span(t.start(), t.end()), t.surface(), "number", "top_n " + n, 1));
                    return n;
                }
            }
            if (t.number() && !reading.claimed(t) && !partOfCode(t)) {
                try {
                    int n = Integer.parseInt(t.surface());
                    if (n >= 1 && n <= 100) {
                        claims.add(new Claim(new Span(t.start(), t.end()), t.surface(), "number", "top_n " + n, 1));
                        counterAfter(t);
                        return n;
                    }
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** "상위 3행": the counter after the count is read with it. */
    private void counterAfter(Token t) {
        a.tokens().stream().filter(x -> x.start() == t.end() && !reading.claimed(x)
                && rules.understanding().counters().contains(x.surface())).findFirst()
                .ifPresent(x -> claims.add(new Claim(new Span(x.start(), x.end()), x.surface(), "stopword", "counter", 1)));
    }

    /** A Korean number word with a counter after it, or a type word after it, or a top word right before it. */
    private boolean aCount(Token t) {
        if (rules.understanding().startsWithCounter(a.text().substring(t.end()))) {
            return true;
        }
        String before = a.text().substring(0, t.start()).stripTrailing();
        int after = t.end() + (a.text().substring(t.end()).length() - a.text().substring(t.end()).stripLeading().length());
        return claims.stream().anyMatch(c -> c.span().start() == after && (c.kind().equals("entity_type")
                || c.kind().equals("enum") && c.value().contains(".ci_type="))
                || c.kind().equals("top") && c.span().end() == before.length());
    }
}
