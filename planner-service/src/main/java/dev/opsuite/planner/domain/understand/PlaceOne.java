package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "CPU of the Rocks thing right now? You know, the Sydney one.", "부산 쪽 CPU 어때?": a place followed by a word of
 * Prompt {@code rules.understanding.place_one_words} ("one", "thing", "쪽", "거") names one CI there, not all of them.
 * When no CI and no type is named and the question asks for a measure — no list, count, search, comparison,
 * ranking or threshold — the CIs at that place are asked between (the only one is answered; more than
 * {@code definite_max_candidates}: nothing changes, and the place stays a filter). Never a guess, never an answer for
 * every CI at the place as if that were what was asked.
 */
final class PlaceOne {
    private static final List<String> PARTICLES = List.of("은", "는", "의", "에", "도", "이", "가");
    private final Reading reading;

    PlaceOne(Reading reading) {
        this.reading = reading;
    }

    void ask() {
        List<Claim> claims = reading.claims;
        var u = reading.rules.understanding();
        if (reading.entities.size() == 1) {
            partOfAPlace(reading.entities.get(0));
        }
        if (!reading.entities.isEmpty() || claims.stream().noneMatch(c -> c.kind().equals("metric"))
                || claims.stream().anyMatch(c -> c.kind().equals("top") || c.kind().equals("threshold")
                || c.kind().equals("entity_type") || c.kind().equals("enum") && c.value().contains(".ci_type=")
                || c.kind().equals("intent") && List.of("list", "count", "search", "compare").contains(c.value())
                && !u.questionWords().contains(c.text()))) {
            return;
        }
        List<Claim> places = claims.stream().filter(c -> (c.kind().equals("value") || c.kind().equals("enum"))
                && c.value().contains("=")
                && u.placeFields().contains(c.value().substring(0, c.value().indexOf('=')))).toList();
        List<Claim> marked = places.stream().filter(p -> oneWordAfter(p.span().end(), u.placeOneWords()) != null).toList();
        if (marked.isEmpty()) {
            return;
        }
        List<EntityDictionary.Entity> there = new ArrayList<>();
        for (EntityDictionary.Entity e : reading.dictionary.ofType("", Integer.MAX_VALUE - 1)) {
            // every place word describes it ("the Rocks thing … the Sydney one"; "busan": either value of one word)
            if (places.stream().anyMatch(p -> p.value().substring(p.value().indexOf('=') + 1)
                    .equals(e.fields().get(p.value().substring(0, p.value().indexOf('='))))) && !there.contains(e)) {
                there.add(e);
            }
        }
        if (there.isEmpty() || there.size() > u.definiteMaxCandidates()) {
            return;
        }
        Claim place = marked.get(0);
        claims.removeIf(c -> places.contains(c) && c != place);
        places.stream().filter(p -> p != place).forEach(p ->
                claims.add(new Claim(p.span(), p.text(), "descriptor", p.value(), p.score())));
        claims.removeIf(c -> c == place);
        reading.link(place.span(), EntityDictionary.Rank.TOKEN, 0, there);
        for (Claim p : places) { // the word that made the place one CI is read, as what it said
            Span one = oneWordAfter(p.span().end(), u.placeOneWords());
            if (one != null && claims.stream().noneMatch(c -> c.span().overlaps(one))) {
                claims.add(new Claim(one, reading.a.span(one.start(), one.end()), "stopword", "place_one", 1));
            }
        }
    }

    /**
     * "the Mokpo one": a word that is a word of a CI's name and of a place ("Mokpo Ledger" at "Mokpo Depot"), read
     * as part of that name, is the place when a word for one CI follows it — the name's CI is one of those there.
     * So is a one-word name that is the place's own word ("the Fremantle one" of the server Fremantle at
     * Perth/Fremantle: which CI there is meant is asked, the server among them), and a Korean word that is a word of
     * the place by its romanized form ("프리맨틀 거", "오동도 거").
     */
    private void partOfAPlace(LinkedEntity e) {
        var u = reading.rules.understanding();
        if (oneWordAfter(e.span().end(), u.placeOneWords()) == null) {
            return;
        }
        String word = Folding.fold(e.mention()).trim();
        List<String> values = new ArrayList<>();
        for (EntityDictionary.Entity ci : reading.dictionary.ofType("", Integer.MAX_VALUE - 1)) {
            for (String field : u.placeFields()) {
                String v = ci.fields().get(field);
                if (v != null && !values.contains(field + "=" + v) && List.of(Folding.fold(v).split("[^\\p{L}\\p{N}]+")).contains(word)) {
                    values.add(field + "=" + v);
                }
            }
        }
        if (values.isEmpty() && !word.contains(" ")) {
            // "오동도 거" of the place Yeosu/Odongdo: the word in Hangul, a word of the place by its romanized form
            new EstateValues(reading).valuesByWord(Analyzed.compactOf(e.mention())).stream()
                    .filter(w -> u.placeFields().contains(w.group())).forEach(w -> values.add(w.group() + "=" + w.value()));
        }
        if (values.isEmpty() || e.rank().score >= EntityDictionary.Rank.EXACT_NAME.score && e.mention().contains(" ")) {
            return; // a name of several words is that name ("the Mokpo Ledger one"); one word is the place's too
        }
        if (values.size() != 1 || e.candidates().stream().anyMatch(c -> !values.get(0)
                .equals(u.placeFields().stream().map(f -> f + "=" + c.fields().get(f)).filter(values::contains)
                        .findFirst().orElse("")))) {
            return; // one place, and every CI the word named is there
        }
        reading.entities.remove(e);
        reading.claims.removeIf(c -> c.kind().equals("entity") && c.span().equals(e.span()));
        reading.claims.add(new Claim(e.span(), e.mention(), "value", values.get(0), e.score()));
    }

    /** The span of a word of the list right after a place, or null. */
    private Span oneWordAfter(int end, List<String> words) {
        String text = reading.a.text();
        String after = text.substring(end).stripLeading().toLowerCase(Locale.ROOT);
        int at = text.length() - after.length();
        for (String w : words) {
            String v = w.toLowerCase(Locale.ROOT);
            if (v.isEmpty() || !after.startsWith(v)) {
                continue;
            }
            String rest = after.substring(v.length());
            boolean hangul = Folding.hasHangul(v);
            boolean ends = rest.isEmpty() || !Character.isLetterOrDigit(rest.charAt(0))
                    || hangul && PARTICLES.stream().anyMatch(p -> rest.startsWith(p)
                    && (rest.length() == p.length() || !Character.isLetterOrDigit(rest.charAt(p.length()))));
            if (ends) {
                return new Span(at, at + v.length());
            }
        }
        return null;
    }
}
