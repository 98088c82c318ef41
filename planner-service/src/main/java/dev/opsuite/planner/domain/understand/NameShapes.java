package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Written words that are names by their shape ("payment-db", "서버B", "r12", "쌍둥이서버"): found for
 * the passes that must not read their parts as words, and reported when nothing names them.
 */
final class NameShapes {
    /** An English possessive at a name's end ("payment-api's"). */
    private static final java.util.regex.Pattern POSSESSIVE = java.util.regex.Pattern.compile("['’]s$");
    /** Letters or digits joined by a hyphen, dot, underscore or slash inside ("db-01", "a/b"). */
    private static final java.util.regex.Pattern JOINED =
            java.util.regex.Pattern.compile(".*[\\p{L}\\p{N}][-._/][\\p{L}\\p{N}].*");

    /** Parts of speech that can be (part of) a name when nothing else claimed them. */
    static final Set<String> NAMELIKE = Set.of("NNG", "NNP", "NNB", "NR", "SL", "SN", "SH", "XR", "UNKNOWN");

    private final Reading reading;
    private final Analyzed a;
    private final Lexicon lexicon;
    private final EntityDictionary dictionary;
    private final List<Claim> claims;

    NameShapes(Reading reading) {
        this.reading = reading;
        this.a = reading.a;
        this.lexicon = reading.lexicon;
        this.dictionary = reading.dictionary;
        this.claims = reading.claims;
    }

    private boolean stopword(Token t) {
        return lexicon.phrases().get(Analyzed.compactOf(t.surface())).stream().anyMatch(w -> w.kind() == Word.Kind.STOPWORD);
    }

    /**
     * Written words that are names by their shape: parts joined by - . _ / ("payment-db",
     * "srv-seoul-03") or Hangul glued to Latin or digits ("서버B"), less a trailing particle or "'s".
     */
    List<Span> compounds() {
        List<Span> out = new ArrayList<>();
        String text = a.text();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && wordBreak(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && !wordBreak(text.charAt(i))) {
                i++;
            }
            // "강좌검색에러율지금": a name read exactly inside a glued word ends it there; what is glued after
            // (or before) it is read on its own, not as part of one unknown name
            int from = start;
            List<Span> names = namesInside(start, i);
            for (Span name : names) {
                compoundIn(from, name.start(), true).ifPresent(out::add);
                from = name.end();
            }
            compoundIn(from, i, !names.isEmpty()).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The name-shaped word in [start, stop) of one written word, if it is one; the rest of a word beside a name
     * ({@code rest}) is no name for digits glued to Hangul alone ("최근3시간평균", "3월디스크": times and counts).
     */
    private java.util.Optional<Span> compoundIn(int start, int stop, boolean rest) {
        String text = a.text();
        int end = start;
        Token lastName = null;
        for (Token t : a.tokensIn(start, stop)) {
            // a verb or an adverb is never part of a name: "infra-sora꺼" is infra-sora's (spoken 것);
            // nor is what follows grammar glued to a Latin word: "stopped인거" is stopped + 인 거
            if ((t.function() || t.hangul() && (lexicon.particles().contains(t.surface()) || stopword(t)))
                    && lastName != null && lastName.latin()) {
                break; // "sb-live쪽", "vm중", "db들": a particle, direction or stop word glued to a Latin word
            }
            if (!t.function() && NAMELIKE.contains(t.pos())) {
                end = Math.max(end, t.end());
                lastName = t;
            }
        }
        if (end <= start) {
            return java.util.Optional.empty();
        }
        String core = POSSESSIVE.matcher(text.substring(start, end)).replaceAll("");
        end = start + core.length();
        boolean joined = JOINED.matcher(core).matches();
        boolean mixed = Folding.hasHangul(core) && core.chars().anyMatch(c -> c < 128 && Character.isLetterOrDigit(c))
                || core.chars().anyMatch(c -> c < 128 && Character.isLetter(c))
                && core.chars().anyMatch(Character::isDigit) && core.chars().allMatch(c -> c < 128); // "r12", "db01"
        mixed &= !rest || core.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
        if ((joined || mixed || gluedUnknown(start, end)) && !vocabularyList(core) && !knownAcrossScripts(core)
                && !count(core) && !numbering(core)) {
            return java.util.Optional.of(new Span(start, end));
        }
        return java.util.Optional.empty();
    }

    /**
     * The names linked so far that lie inside the written word [start, stop) without being all of it, in
     * Hangul writing: "강좌검색" of "강좌검색에러율지금" (a Latin name glued to Hangul keeps its own rules).
     */
    private List<Span> namesInside(int start, int stop) {
        return claims.stream().filter(c -> c.kind().equals("entity"))
                .map(Claim::span).filter(s -> s.start() >= start && s.end() <= stop && s.end() - s.start() < stop - start)
                .filter(s -> Folding.hasHangul(a.text().substring(s.start(), s.end())))
                .sorted((x, y) -> x.start() - y.start()).distinct().toList();
    }

    /** "5-2", "1.4", "3-1.": digits joined by hyphens or dots only — an item's number, a version, no name written. */
    private static boolean numbering(String core) {
        return core.matches("\\d{1,3}(?:[-.]\\d{1,3}){1,2}\\.?");
    }

    /** "가장 높은 web 2개": a number glued to a Korean counter is a count, not the end of a name (web-02). */
    boolean countedAfter(int end) {
        String rest = a.text().substring(end); // glued only: "web-02 대전에" is web-02 in Daejeon
        return Character.isDigit(a.text().charAt(end - 1)) && !rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))
                && reading.rules.understanding().startsWithCounter(rest);
    }

    /** "3행", "5개": a number and a counter, no name ({@link Numbers} reads the count). */
    private boolean count(String core) {
        java.util.regex.Matcher m = Numbers.GLUED_COUNT.matcher(core);
        return m.matches() && reading.rules.understanding().counters().contains(m.group(2));
    }

    /**
     * One written Korean word made of a word the assets do not know glued to one they do
     * ("쌍둥이서버", "결제서비스"): a name, not a type filter with a stray noun.
     */
    private boolean gluedUnknown(int start, int end) {
        List<Token> parts = a.tokensIn(start, end).stream().filter(t -> !t.function()).toList();
        if (parts.size() < 2 || parts.stream().anyMatch(t -> !t.hangul())) {
            return false;
        }
        boolean known = false;
        boolean unknown = false;
        for (Token t : parts) {
            List<Word> words = lexicon.phrases().get(Analyzed.compactOf(t.surface()));
            if (words.isEmpty()) {
                // a word another pass read (a time, "오늘이벤트") is known, not a stray noun of a name
                unknown |= t.pos().startsWith("NN") && !reading.claimed(t);
            } else {
                known |= words.stream().anyMatch(w -> w.kind() == Word.Kind.ENUM || w.kind() == Word.Kind.ENTITY_TYPE);
            }
        }
        return known && unknown;
    }

    /** The name-shaped written words nothing claimed: names the estate dictionary does not know (yet). */
    List<String> nameShaped(List<Span> compounds) {
        List<String> out = new ArrayList<>();
        int last = Clauses.last(a.text());
        // '"mem_high" rule fired -- which VMs … are above 70%?': a rule's or a log's name in the context is no CI
        // the question asks after, when the last clause names what it asks after (a CI, or a type of CIs)
        // ("DR-3109: how many CIs are in daon-dr?": a ticket's number before what the last clause asks of CIs or a value)
        boolean asksItsOwn = claims.stream().anyMatch(cl -> Clauses.of(a.text(), cl.span().start()) == last
                && (cl.kind().equals("entity") || cl.kind().equals("entity_type") || cl.kind().equals("value")
                || cl.kind().equals("enum") && cl.value().contains(".ci_type=")));
        for (Span c : compounds) {
            if (asksItsOwn && Clauses.of(a.text(), c.start()) < last) {
                continue;
            }
            boolean open = a.tokensIn(c.start(), c.end()).stream().anyMatch(t -> !t.function() && !reading.claimed(t));
            String text = a.span(c.start(), c.end());
            if (open && !out.contains(text) && !ordinaryWords(text)) {
                out.add(text);
            }
        }
        return out;
    }

    /**
     * "customer-facing", "i.e.", "powered-off": Latin letters only, and either an abbreviation of single
     * letters or words none of which is a word of any CI's name or a word the assets know. Such a word
     * is left unexplained (and shown so), not sent to EXECUTE as a CI name that then "does not exist".
     */
    private boolean ordinaryWords(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("[-._/]+");
        if (parts.length < 2 || !text.chars().allMatch(ch -> ch < 128 && (Character.isLetter(ch) || "-._/".indexOf(ch) >= 0))) {
            return false;
        }
        if (java.util.Arrays.stream(parts).allMatch(p -> p.length() <= 1)) {
            return true; // i.e, e.g, a.m
        }
        if (parts.length == 2 && parts[0].equals("non") && !lexicon.phrases().get(parts[1]).isEmpty()) {
            return true; // "non-prod": a negated word the assets know, not a name
        }
        // a descriptor of a set the question already filters ("the customer-facing services of fleet-tech");
        // without such a filter it stays a name EXECUTE looks up and reports ("cpu of zz-one": no such CI)
        boolean filtered = claims.stream().anyMatch(c -> c.kind().equals("value") || c.kind().equals("enum")
                && c.value().contains(".ci_type="));
        if (!filtered) {
            return false;
        }
        for (String p : parts) {
            if (reading.rules.numberWords().containsKey(p)) {
                continue; // "one-liner", "two-factor": a number word is no part of a name
            }
            if (p.length() < 3 || !lexicon.phrases().get(p).isEmpty()) {
                return false;
            }
            List<EntityDictionary.Partial> hits = dictionary.partial(List.of(p), p);
            if (!hits.isEmpty() && hits.get(0).rank() == EntityDictionary.Rank.TOKEN) {
                return false;
            }
        }
        return true;
    }

    /**
     * "call-out", "one-liner", "check-in": Latin words joined by hyphens are one word of the language; the
     * span, a strict part of such a written word, is no word of its own ("call" is no question about calls,
     * "one" no count).
     */
    static boolean insideHyphenated(String text, Span s) {
        int start = s.start();
        int end = s.end();
        while (start > 0 && !wordBreak(text.charAt(start - 1))) {
            start--;
        }
        while (end < text.length() && !wordBreak(text.charAt(end))) {
            end++;
        }
        String word = text.substring(start, end).replaceAll("[.'’]+$|['’]s$", "");
        return (s.start() > start || s.end() < start + word.length())
                && word.matches("[A-Za-z]{2,}(-[A-Za-z]{2,})+");
    }

    private static boolean wordBreak(char c) {
        return c == ' ' || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == ';' || c == ':'
                || c == '"' || c == '?' || c == '!' || c == '=' || c == '<' || c == '>' || c == '`';
    }

    /**
     * "error상태", "CPU사용률", "sig-eng팀": one Latin and one Korean word written without a space, each a word the
     * assets or the estate's values know, are those two words — not a name, unless a CI is called so.
     */
    private boolean knownAcrossScripts(String core) {
        int cut = -1;
        for (int i = 1; i < core.length(); i++) {
            if (Folding.isHangul(core.charAt(i)) != Folding.isHangul(core.charAt(i - 1))) {
                if (cut >= 0) {
                    return false; // more than two parts
                }
                cut = i;
            }
        }
        if (cut < 0 || dictionary.exact().containsCompact(Analyzed.compactOf(core))) {
            return false;
        }
        return known(core.substring(0, cut)) && known(core.substring(cut));
    }

    private boolean known(String word) {
        String c = Analyzed.compactOf(word);
        return lexicon.phrases().containsCompact(c) || dictionary.values().containsCompact(c);
    }

    /** "hosts/vms", "cpu/mem": words the assets know joined by a slash are a list of them, not a name. */
    private boolean vocabularyList(String core) {
        // "cpu_usage", "ci_type": a measure's or a field's own name, copied from a trace or a screen
        if (lexicon.phrases().get(Analyzed.compactOf(core)).stream()
                .anyMatch(w -> w.kind() == Word.Kind.METRIC || w.kind() == Word.Kind.FIELD)) {
            return true;
        }
        String[] parts = core.split("/");
        if (parts.length < 2) {
            return false;
        }
        for (String p : parts) {
            if (p.isBlank() || lexicon.phrases().get(Analyzed.compactOf(p)).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
