package dev.opsuite.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one check that a model-written text claims nothing beyond what it was given: every timestamp
 * and time of day, every name-like word (a word with a digit, hyphen, underscore, dot, @, colon or
 * slash: SVR001, payment-api, ci_queries@2, stage_outputs) and every number in it must be found in
 * the known texts, a number when a known value rounds to it at the precision written. Used for
 * answer summaries (EXECUTE's results) and RCA narratives (the hypotheses and evidence). Names in
 * Hangul without such marks are not recognised as names (a known limit).
 */
public final class Grounding {
    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?)?|\\b\\d{1,2}:\\d{2}\\b");
    private static final Pattern IDENT = Pattern.compile(
            "[\\p{L}][\\p{L}0-9]*(?:[-_.@:/][\\p{L}0-9]+)+|[A-Za-z]+\\d[A-Za-z0-9]*");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?");

    private Grounding() {}

    /**
     * The words and numbers of {@code text} not found in {@code known} (compared case-insensitively;
     * a "2026-11-25 21:25" is found as "2026-11-25T21:25") nor among {@code numbers}; empty when grounded.
     */
    public static Set<String> ungrounded(String text, Collection<String> known, Collection<BigDecimal> numbers) {
        String corpus = String.join("\n", known).toLowerCase(Locale.ROOT);
        Set<String> missing = new LinkedHashSet<>();
        String rest = text;
        for (Pattern p : new Pattern[] {DATETIME, IDENT}) {
            Matcher m = p.matcher(rest);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String token = m.group().toLowerCase(Locale.ROOT).replaceAll("[.:/]+$", "");
                if (!corpus.contains(token) && !corpus.contains(token.replace(' ', 't'))) {
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
            int scale = Math.max(0, written.scale());
            if (numbers.stream().noneMatch(v -> v.setScale(scale, RoundingMode.HALF_UP).compareTo(written) == 0)) {
                missing.add(n.group());
            }
        }
        return missing;
    }

    /** The numbers written in {@code text} ("1,200", "3.5"), as the known numbers of a text the model was given. */
    public static List<BigDecimal> numbersIn(String text) {
        List<BigDecimal> out = new ArrayList<>();
        Matcher n = NUMBER.matcher(text);
        while (n.find()) {
            out.add(new BigDecimal(n.group().replace(",", "")));
        }
        return out;
    }

    /** Whether {@code s} is one number as {@link #numbersIn} reads them. */
    public static boolean isNumber(String s) {
        return NUMBER.matcher(s).matches();
    }
}
