package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "목록 쪽 시스템의 현재 CPU", "the billing one's memory": a word the vocabulary knows (an intent, a field or a value
 * word: 목록 is "list") followed by a word of Prompt {@code rules.understanding.place_one_words} ("쪽", "one",
 * "thing") names one CI of that side, not what the word means — when the word is written whole in the names or
 * aliases of the estate's CIs ("목록 VM", "목록 DB", "목록 편집기"). A type word after it ("쪽 DB", "쪽 시스템") narrows
 * them to that type. The only one is answered; several are asked between (never a guess); none, or more than
 * {@code definite_max_candidates}, changes nothing. Only when no CI is named and the question asks about one CI (a
 * measure or a field) — not a ranking or a threshold, and no other list or count word. A place field's word
 * ("the Sydney one", "부산 쪽") is no side word: {@link PlaceOne} reads it as the CIs at that place.
 */
final class SideWords {
    private static final Set<String> MEANING_KINDS = Set.of("intent", "field", "enum", "value");
    private final Reading reading;

    SideWords(Reading reading) {
        this.reading = reading;
    }

    void read() {
        List<Claim> claims = reading.claims;
        var u = reading.rules.understanding();
        if (!reading.entities.isEmpty() || claims.stream().noneMatch(c -> c.kind().equals("metric") || c.kind().equals("field"))
                || claims.stream().anyMatch(c -> c.kind().equals("top") || c.kind().equals("threshold"))) {
            return;
        }
        for (Claim word : List.copyOf(claims)) {
            if (!MEANING_KINDS.contains(word.kind()) || word.value().contains(".ci_type=") || placeWord(word)) {
                continue;
            }
            Span one = oneAfter(word.span().end(), u.placeOneWords());
            if (one == null || otherListWord(word)) {
                continue;
            }
            List<String> types = typesAfter(one.end());
            Set<EntityDictionary.Entity> found = new LinkedHashSet<>();
            reading.preferOwnData(reading.dictionary.partial(EntityDictionary.words(word.text()), Analyzed.compactOf(word.text())))
                    .stream().filter(p -> p.rank() == EntityDictionary.Rank.TOKEN)
                    .filter(p -> types.isEmpty() || types.contains(p.name().entity().ciType()))
                    .forEach(p -> found.add(p.name().entity()));
            if (found.isEmpty() || found.size() > u.definiteMaxCandidates()) {
                continue;
            }
            Span span = word.span();
            claims.removeIf(c -> c.span().overlaps(span) && MEANING_KINDS.contains(c.kind()));
            // the type word after the side word describes the CIs now: it filters nothing
            List<Claim> typeWords = claims.stream().filter(c -> (c.kind().equals("enum") && c.value().contains(".ci_type=")
                    || c.kind().equals("entity_type")) && c.span().start() >= one.end()
                    && reading.a.text().substring(one.end(), c.span().start()).isBlank()).toList();
            claims.removeAll(typeWords);
            typeWords.stream().map(Claim::span).distinct().forEach(s -> claims.add(
                    new Claim(s, reading.a.span(s.start(), s.end()), "descriptor", "type", 1)));
            reading.link(span, EntityDictionary.Rank.TOKEN, 0, new ArrayList<>(found));
            if (claims.stream().noneMatch(c -> c.span().overlaps(one))) {
                claims.add(new Claim(one, reading.a.span(one.start(), one.end()), "stopword", "place_one", 1));
            }
            return;
        }
    }

    /** A place field's word ("the Sydney one", "부산 쪽"): PlaceOne reads it as the CIs at that place. */
    private boolean placeWord(Claim word) {
        int eq = word.value().indexOf('=');
        return (word.kind().equals("value") || word.kind().equals("enum")) && eq > 0
                && reading.rules.understanding().placeFields().contains(word.value().substring(0, eq));
    }

    /** A list, count, search or comparison word elsewhere in the question: it asks for more than one CI. */
    private boolean otherListWord(Claim word) {
        var u = reading.rules.understanding();
        return reading.claims.stream().anyMatch(c -> c != word && !c.span().overlaps(word.span()) && c.kind().equals("intent")
                && List.of("list", "count", "search", "compare").contains(c.value()) && !u.questionWords().contains(c.text()));
    }

    /** The types named right after the side word ("쪽 DB": database), or none ("쪽 시스템": any CI). */
    private List<String> typesAfter(int end) {
        List<String> out = new ArrayList<>();
        String text = reading.a.text();
        for (Claim c : reading.claims) {
            if (c.kind().equals("enum") && c.value().contains(".ci_type=") && c.span().start() >= end
                    && text.substring(end, c.span().start()).isBlank()) {
                out.add(c.value().substring(c.value().indexOf('=') + 1));
            }
        }
        return out;
    }

    /** The span of a place-one word right after {@code end} (a Korean one may carry a particle), or null. */
    private Span oneAfter(int end, List<String> words) {
        String text = reading.a.text();
        String after = text.substring(end).stripLeading().toLowerCase(Locale.ROOT);
        int at = text.length() - after.length();
        if (at == end && !after.isEmpty() && !Folding.hasHangul(after.substring(0, 1))) {
            return null; // "X's one" glued: not a side word
        }
        for (String w : words) {
            String v = w.toLowerCase(Locale.ROOT);
            if (v.isEmpty() || !after.startsWith(v)) {
                continue;
            }
            String rest = after.substring(v.length());
            if (rest.isEmpty() || !Character.isLetterOrDigit(rest.charAt(0))
                    || Folding.hasHangul(v) && (List.of("은", "는", "의", "에", "도", "이", "가").stream().anyMatch(rest::startsWith)
                    || !Folding.hasHangul(rest.substring(0, 1)))) { // "검색쪽cpu": Latin glued after it
                return new Span(at, at + v.length());
            }
        }
        return null;
    }
}
