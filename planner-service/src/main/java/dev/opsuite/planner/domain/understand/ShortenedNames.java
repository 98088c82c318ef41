package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * "mdg k8s node 2", "the oslo relay 3 cpu": words in a row that spell one CI's name piece by piece where the name
 * writes a word short (its first letters, "n" for node in "mdg-k8s-n2", or some of its letters in order from the
 * first, "rly" for relay in "osl-rly-03", see {@link #shortens}) and a
 * number by its value ("2" for "02"), and where the name's first piece, a site code, may be said as a word of the
 * place the CI stands at ("oslo" for "osl" of a CI at "Oslo Depot"). At least one word must be shortened in the
 * name (a name written out is read by the other passes) and one piece of letters met whole or as the place ("top 3"
 * is no "t3"), and exactly one CI must be so spelt; several stay unread
 * for the other passes to ask between. Words are compared by their letters and digits, pieces being the runs of
 * one or the other ("k8s" is k, 8, s).
 */
final class ShortenedNames {
    /** At most this many tokens ("k8s" is three). */
    private static final int MAX_TOKENS = 8;
    /** A word a name piece shortens is at least this long ("node", "ant"enna), the piece at least one letter. */
    private static final int MIN_LONG_WORD = 3;
    /** A name of at least this many pieces ("mdg-k8s-n2" has six): a shorter one is too easily met by chance. */
    private static final int MIN_PIECES = 3;

    private final Reading reading;
    private final Analyzed a;

    ShortenedNames(Reading reading) {
        this.reading = reading;
        this.a = reading.a;
    }

    void link() {
        List<Token> tokens = a.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            for (int len = Math.min(MAX_TOKENS, tokens.size() - i); len >= 2; len--) {
                List<Token> part = tokens.subList(i, i + len);
                Span span = new Span(part.get(0).start(), part.get(len - 1).end());
                if (!sideBySide(part) || !reading.free(span)) {
                    continue;
                }
                String written = a.span(span.start(), span.end());
                List<EntityDictionary.Entity> found = new ArrayList<>();
                for (EntityDictionary.Entity e : byShape(reading.dictionary).getOrDefault(shape(written), List.of())) {
                    if (spells(written, e)) {
                        found.add(e);
                    }
                }
                if (found.size() == 1) {
                    reading.link(span, EntityDictionary.Rank.PREFIX, 0, found);
                    i += len - 1;
                    break;
                }
            }
        }
    }

    /** Per dictionary (by identity, dropped with it), its own CIs by the {@link #shape} of their names. */
    private static final Map<EntityDictionary, Map<String, List<EntityDictionary.Entity>>> BY_SHAPE =
            Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * The own CIs whose names could be spelt by words of a shape: a name is only ever spelt by words with as many pieces,
     * letters where it has letters and the same numbers where it has digits ({@link #spells}) — so each question looks
     * at those few, not at every CI of a large estate for each run of its words.
     */
    private static Map<String, List<EntityDictionary.Entity>> byShape(EntityDictionary dictionary) {
        return BY_SHAPE.computeIfAbsent(dictionary, d -> {
            Map<String, List<EntityDictionary.Entity>> out = new HashMap<>();
            for (EntityDictionary.Entity e : d.entities()) {
                if (!e.demo() && pieces(e.ciName()).size() >= MIN_PIECES) {
                    out.computeIfAbsent(shape(e.ciName()), k -> new ArrayList<>()).add(e);
                }
            }
            return out;
        });
    }

    /** "mdg-k8s-n2" and "mdg k8s node 2" alike: per piece "a" for letters, the number without leading zeros for digits. */
    static String shape(String written) {
        StringBuilder b = new StringBuilder();
        for (String p : pieces(written)) {
            b.append(Character.isDigit(p.charAt(0)) ? p.replaceFirst("^0+(?=.)", "") : "a").append(',');
        }
        return b.toString();
    }

    /** Written words side by side, Latin letters and digits only, none of them grammar. */
    private boolean sideBySide(List<Token> part) {
        int start = part.get(0).start();
        int end = part.get(part.size() - 1).end();
        return part.stream().noneMatch(Token::function) && a.span(start, end).matches("[A-Za-z0-9]+( [A-Za-z0-9]+)+")
                && (start == 0 || !Character.isLetterOrDigit(a.text().charAt(start - 1)))
                && (end >= a.text().length() || !Character.isLetterOrDigit(a.text().charAt(end))); // whole words
    }

    private static boolean spells(String written, EntityDictionary.Entity e) {
        List<String> name = pieces(e.ciName());
        List<String> said = new ArrayList<>();
        List<Boolean> wholeWord = new ArrayList<>();
        for (String word : written.split(" ")) {
            List<String> p = pieces(word);
            said.addAll(p);
            for (int k = 0; k < p.size(); k++) {
                wholeWord.add(p.size() == 1);
            }
        }
        if (name.size() != said.size() || name.size() < MIN_PIECES) {
            return false;
        }
        String place = e.fields().getOrDefault("ci.location", "").toLowerCase(Locale.ROOT);
        boolean shortened = false;
        boolean anchored = false; // a piece of letters met whole, or as the place: "top 3" is no "t3"
        for (int k = 0; k < name.size(); k++) {
            String n = name.get(k);
            String w = said.get(k);
            boolean digits = Character.isDigit(n.charAt(0));
            if (digits != Character.isDigit(w.charAt(0))) {
                return false;
            }
            if (digits) {
                if (n.length() > 9 || w.length() > 9 || Long.parseLong(n) != Long.parseLong(w)) {
                    return false;
                }
            } else if (n.equals(w)) {
                anchored = true;
            } else if (k == 0 && wholeWord.get(k) && w.length() >= MIN_LONG_WORD
                    && List.of(place.split("[^a-z0-9]+")).contains(w)) {
                anchored = true; // the site code said as the place's word
            } else if (wholeWord.get(k) && w.length() >= MIN_LONG_WORD && shortens(n, w)) {
                shortened = true;
            } else {
                return false;
            }
        }
        return shortened && anchored;
    }

    /**
     * The name's piece writes the word short: its first letters ("n" of node, "ant" of antenna), or, from two letters
     * on, some of its letters in order from the first ("pmp" of pump, "rtr" of router, "sw" of switch).
     */
    static boolean shortens(String piece, String word) {
        if (piece.length() >= word.length() || piece.charAt(0) != word.charAt(0)) {
            return false;
        }
        if (word.startsWith(piece)) {
            return true;
        }
        int at = 1;
        for (int k = 1; k < piece.length(); k++) {
            at = word.indexOf(piece.charAt(k), at) + 1;
            if (at == 0) {
                return false;
            }
        }
        return piece.length() >= 2;
    }

    /** The runs of letters and of digits of a written name, in lower case ("mdg-k8s-n2" → mdg, k, 8, s, n, 2). */
    static List<String> pieces(String written) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        String s = written.toLowerCase(Locale.ROOT);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean letter = c >= 'a' && c <= 'z';
            boolean digit = c >= '0' && c <= '9';
            if (!letter && !digit || b.length() > 0 && Character.isDigit(b.charAt(0)) != digit) {
                if (b.length() > 0) {
                    out.add(b.toString());
                    b.setLength(0);
                }
            }
            if (letter || digit) {
                b.append(c);
            }
        }
        if (b.length() > 0) {
            out.add(b.toString());
        }
        return out;
    }
}
