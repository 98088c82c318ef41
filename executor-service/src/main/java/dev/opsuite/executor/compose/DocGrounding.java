package dev.opsuite.executor.compose;

import dev.opsuite.executor.domain.ToolOutput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grounding of a summary written over cited passages: every sentence must name the passage it
 * comes from ({@code [n]}, the citation's number) and most of its words must be in that passage;
 * a sentence that cites nothing, cites a passage that does not exist, or says what its passage does
 * not, is dropped (and said in the trace). What remains is kept in order.
 */
final class DocGrounding {
    /** The share of a sentence's words its cited passage must hold. */
    static final double MIN_SHARE = 0.6;
    private static final Pattern CITE = Pattern.compile("\\[(\\d{1,2})]");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?。])\\s+|\\n+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*");

    /** kept: the grounded sentences, joined; dropped: each sentence left out, with why. */
    record Kept(String text, List<String> dropped) {}

    private DocGrounding() {}

    /** The passages of a document search, in citation order (their markdown marks removed). */
    static List<String> passages(List<ToolOutput> outputs) {
        List<String> out = new ArrayList<>();
        for (ToolOutput o : outputs) {
            int p = o.columnIndex("passage");
            if (!"doc_executor".equals(o.tool()) || p < 0) {
                continue;
            }
            o.rows().forEach(r -> out.add(String.valueOf(r.get(p)).replace("**", "")));
        }
        return out;
    }

    static Kept keep(String summary, List<String> passages) {
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(summary.strip())) {
            String s = sentence.strip();
            if (s.isEmpty()) {
                continue;
            }
            Matcher m = CITE.matcher(s);
            Set<Integer> cited = new LinkedHashSet<>();
            while (m.find()) {
                cited.add(Integer.parseInt(m.group(1)));
            }
            if (cited.isEmpty()) {
                dropped.add("cites no passage: '" + s + "'");
                continue;
            }
            StringBuilder source = new StringBuilder();
            boolean exists = true;
            for (int n : cited) {
                if (n < 1 || n > passages.size()) {
                    exists = false;
                } else {
                    source.append(passages.get(n - 1).toLowerCase(Locale.ROOT)).append('\n');
                }
            }
            if (!exists) {
                dropped.add("cites a passage that does not exist: '" + s + "'");
                continue;
            }
            List<String> words = words(CITE.matcher(s).replaceAll(" "));
            long found = words.stream().filter(w -> source.indexOf(w) >= 0).count();
            if (words.isEmpty() || found < MIN_SHARE * words.size()) {
                dropped.add("not in the passage it cites (" + found + "/" + words.size() + " words): '" + s + "'");
                continue;
            }
            kept.add(s);
        }
        return new Kept(String.join(" ", kept), dropped);
    }

    /** The sentence's words that carry content: three letters or more (two for Hangul), lower-cased. */
    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group().replaceAll("[.-]+$", "");
            boolean hangul = w.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
            if (hangul ? w.length() >= 2 : w.length() >= 3 && !STOP.contains(w)) {
                // a Korean word is looked for by its stem: its last syllable may be a particle or an ending
                out.add(hangul && w.length() >= 3 ? w.substring(0, w.length() - 1) : w);
            }
        }
        return out;
    }

    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "that", "this", "then", "from",
            "into", "are", "was", "were", "has", "have", "not", "but", "you", "your", "its", "it's", "should", "can",
            "will", "when", "first", "only", "also", "any", "all");
}
