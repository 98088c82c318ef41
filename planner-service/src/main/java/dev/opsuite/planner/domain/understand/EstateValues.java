package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptRules;
import java.util.List;
import java.util.Optional;

/**
 * Field values of the estate read from the question (a place, a team, the estate's own form of a
 * label's value), the words after a value that belong to it, and the bracketed gloss of a name or a
 * value already read.
 */
final class EstateValues {
    private final Reading reading;
    private final Analyzed a;
    private final Lexicon lexicon;
    private final EntityDictionary dictionary;
    private final PromptRules rules;
    private final List<Claim> claims;

    /** A Hangul word read as a value by its sound sounds at least this many consonants ("샌드박스": S N T B K S). */
    private static final int MIN_SOUND_UNITS = 5;

    EstateValues(Reading reading) {
        this.reading = reading;
        this.a = reading.a;
        this.lexicon = reading.lexicon;
        this.dictionary = reading.dictionary;
        this.rules = reading.rules;
        this.claims = reading.claims;
    }

    /** The words, Korean ones romanized, spell one value of the estate whole ("가산 dr" → gasan-dr). */
    Optional<Word> romanizedValue(List<String> words) {
        StringBuilder latin = new StringBuilder();
        for (String w : words) {
            String r = Romanized.of(w);
            latin.append(r.isEmpty() ? w : r);
        }
        List<Word> found = dictionary.values().get(latin.toString());
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * "평창 베이스" (Pyeongchang Base), "판교 데이터 센터": two or more words in a row that are, in the same order,
     * words of one value — a Korean word by its romanized form (within one letter for 5+ letters) or as an English
     * word said in Hangul by its consonants ("베이스" → base, {@link SoundKeys}) — spell that value, when exactly one
     * value is so spelt and at least one word is met by its letters or romanized form, not by sound alone.
     */
    Optional<Word> spelledValue(List<String> words) {
        if (words.size() < 2 || words.stream().noneMatch(Folding::hasHangul)) {
            return Optional.empty();
        }
        List<Word> found = new java.util.ArrayList<>();
        dictionary.valueWordLists().forEach((value, valueWords) -> {
            for (int j = 0; j + words.size() <= valueWords.size(); j++) {
                boolean byLetters = false;
                boolean all = true;
                for (int i = 0; i < words.size() && all; i++) {
                    int how = meets(words.get(i), valueWords.get(j + i));
                    all = how > 0;
                    byLetters |= how == 2;
                }
                if (all && byLetters && !found.contains(value)) {
                    found.add(value);
                }
            }
        });
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** 2: the word is the value's word by its letters or romanized form; 1: by its sound in Hangul; 0: not. */
    private static int meets(String word, String valueWord) {
        if (word.equals(valueWord)) {
            return 2;
        }
        String latin = Romanized.of(word);
        if (latin.isEmpty()) {
            return 0;
        }
        if (latin.equals(valueWord) || latin.length() >= 5 && valueWord.length() >= 5 && Edits.distance(latin, valueWord) <= 1) {
            return 2;
        }
        String key = SoundKeys.ofHangul(word);
        return SoundKeys.units(key) >= 1 && valueWord.matches("[a-z]+") && SoundKeys.ofPlaceWord(valueWord).contains(key) ? 1 : 0;
    }

    /**
     * "오창 DC": a word several CIs share in their names, next to a field word (DC, 센터, team…), is
     * the value of that field those CIs have in common — a place or a team, not one of them.
     */
    Optional<Word> sharedValue(Span span, List<EntityDictionary.Partial> hits) {
        List<EntityDictionary.Entity> cis = hits.stream().map(h -> h.name().entity()).distinct().toList();
        // "in Gwacheon": a word of one field value every matching CI shares is the value, not a name
        String word = Analyzed.compactOf(a.span(span.start(), span.end()));
        List<String> words = EntityDictionary.words(a.span(span.start(), span.end()));
        // "Ontario CA": two or more words in a row of one value ("US Ontario CA")
        List<Word> inARow = OwnValuesFirst.partial(dictionary.valuesByWords(words), dictionary);
        List<Word> values = inARow.isEmpty() ? valuesByWord(word) : inARow;
        boolean place = values.size() == 1 && rules.understanding().placeFields().contains(values.get(0).group());
        if (cis.size() >= 2 && place
                && cis.stream().allMatch(e -> values.get(0).value().equals(e.fields().get(values.get(0).group())))) {
            return Optional.of(values.get(0));
        }
        if (values.isEmpty()) {
            Optional<Word> weak = PlaceByItsCis.of(word, cis, dictionary, rules.understanding().placeFields());
            if (weak.isPresent()) {
                return weak;
            }
        }
        for (Claim c : claims) {
            // "오창 DC": a field word names the field; "과천 VM": a type none of the CIs has means a place
            // (not the status: "무선 컨트롤러 상태" asks the state of those CIs, it does not name a state)
            boolean fieldWord = c.kind().equals("field") && c.span().start() >= span.end()
                    && a.text().substring(span.end(), c.span().start()).isBlank() && !c.value().endsWith(".status");
            boolean otherType = c.kind().equals("enum") && c.value().contains(".ci_type=") && adjacentAfter(span, c.span())
                    && cis.stream().noneMatch(e -> c.value().endsWith("=" + e.ciType()));
            if (!fieldWord && !otherType) {
                continue;
            }
            String field = fieldWord ? c.value() : c.value().substring(0, c.value().indexOf('.')) + ".location";
            java.util.Set<String> seen = new java.util.HashSet<>();
            cis.forEach(e -> seen.add(e.fields().getOrDefault(field, "")));
            if (seen.size() == 1 && !seen.contains("")) {
                return Optional.of(new Word(Word.Kind.VALUE, field, seen.iterator().next(), a.span(span.start(), span.end())));
            }
        }
        return Optional.empty();
    }

    /**
     * Field values one whole word of which is this word: "incheon" of "incheon-dc", and a Korean word
     * by its romanized form ("이천" → "icheon" of "icheon-hub"; within one letter for 5+ letters, as
     * sound changes are not romanized: "종로" → "jonglo" for "jongno"), or an English word said in Hangul by its
     * sound ("샌드박스" → sandbox).
     */
    List<Word> valuesByWord(String compact) {
        return OwnValuesFirst.partial(anyValuesByWord(compact), dictionary);
    }

    private List<Word> anyValuesByWord(String compact) {
        if (compact.length() >= 3) {
            List<Word> direct = dictionary.valuesByWord(compact);
            if (!direct.isEmpty()) {
                return direct;
            }
        }
        String latin = Romanized.of(compact);
        if (latin.length() < 3) {
            return List.of();
        }
        List<Word> exact = dictionary.valuesByWord(latin);
        List<Word> near = exact.isEmpty() && latin.length() >= 5 ? dictionary.valuesByWordWithin(latin, 1) : exact;
        if (!near.isEmpty() || !compact.chars().allMatch(c -> Folding.isHangul((char) c))) {
            return near;
        }
        // "샌드박스": an English value said in Hangul, by the sound of its consonants — three syllables or more
        // and five consonants, as short native words sound as much as a Latin word does ("별관" is no "blackin")
        String key = SoundKeys.ofHangul(compact);
        return compact.length() >= 3 && SoundKeys.units(key) >= MIN_SOUND_UNITS ? dictionary.valuesBySound(key) : List.of();
    }

    /**
     * "학사 쪽 haksa-it", "이천 icheon-hub": a Korean word right before a value spelt out (a side word, a field
     * word or a particle may stand between) whose romanized form is a word of that value is its gloss —
     * accounted for, not a partial name of the CIs whose names hold the word.
     */
    void romanizedGlosses() {
        for (Claim v : List.copyOf(claims)) {
            int eq = v.value().indexOf('=');
            if (!v.kind().equals("value") || v.score() < 1 || eq < 0) {
                continue;
            }
            String field = v.value().substring(0, eq);
            String value = v.value().substring(eq + 1);
            int between = 0;
            for (int i = a.tokens().size() - 1; i >= 0 && between <= 2; i--) {
                Token t = a.tokens().get(i);
                if (t.end() > v.span().start()) {
                    continue;
                }
                Span ts = new Span(t.start(), t.end());
                boolean minor = claims.stream().anyMatch(c -> c.span().overlaps(ts) && (c.kind().equals("function")
                        || c.kind().equals("stopword") || c.kind().equals("field")));
                if (minor || t.function()) {
                    between++;
                    continue;
                }
                boolean gloss = t.hangul() && reading.free(ts) && !reading.claimed(t)
                        && valuesByWord(Analyzed.compactOf(t.surface())).stream()
                                .anyMatch(w -> w.group().equals(field) && w.value().equals(value));
                if (gloss) {
                    reading.claimExclusive(ts, "stopword", "gloss", 1);
                }
                break;
            }
        }
    }

    /**
     * "창고팀(wms-crew)", "wms-crew(창고팀)", "결제 DB(SB-DB-PAY)": a word written right before or inside
     * brackets around a name or value already read is its gloss — accounted for, not a second reference.
     */
    void glosses() {
        // up to three words before the bracket: "the cloud region (cloud-apne2)", "창고팀(wms-crew)"; a value with
        // brackets of its own in the bracket: "이스탄불(Istanbul (Maslak))"
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "((?:[^\\s()]+\\s+){0,2}[^\\s()]+)\\s*\\(((?:[^()]|\\([^()]*\\))+)\\)")
                .matcher(a.text());
        while (m.find()) {
            // "창고팀(wms-crew)": 창고 is the gloss, 팀 the field's word
            Span outer = glossStart(beforeFieldWord(new Span(m.start(1), m.end(1))));
            Span inner = new Span(m.start(2), m.end(2));
            int lastWord = m.group(1).lastIndexOf(' ') + 1;
            Span last = new Span(m.start(1) + lastWord, m.end(1));
            labelOfBracketedValue(new Span(m.start(1), m.end(1)), inner);
            if (reading.covered(inner) && outer.length() > 0 && reading.free(outer)) {
                reading.claimExclusive(outer, "stopword", "gloss", 1);
            } else if (reading.covered(last)) {
                // "Last Friday (Black Friday)": what the bracket adds to a reading already made is its gloss
                for (Token t : a.tokensIn(inner.start(), inner.end())) {
                    Span ts = new Span(t.start(), t.end());
                    if (!t.function() && reading.free(ts) && !reading.claimed(t)) {
                        reading.claimExclusive(ts, "stopword", "gloss", 1);
                    }
                }
            }
        }
    }

    /** The span less the field words that end it ("창고팀" → 창고); empty when nothing is left. */
    private Span beforeFieldWord(Span outer) {
        int end = outer.end();
        boolean cut = true;
        while (cut) {
            cut = false;
            for (Claim c : claims) {
                if (c.kind().equals("field") && c.span().end() == end && c.span().start() > outer.start()) {
                    end = c.span().start();
                    cut = true;
                    break;
                }
            }
        }
        return new Span(outer.start(), end);
    }

    /**
     * "운영 환경(sb-live)": the bracket names the value, and a word of the same field before it is the
     * value's label, not a second value (no filter environment=prod|sb-live).
     */
    private void labelOfBracketedValue(Span before, Span inner) {
        java.util.Set<String> fields = new java.util.HashSet<>();
        for (Claim c : claims) {
            if (inner.contains(c.span()) && (c.kind().equals("value") || c.kind().equals("enum")) && c.value().indexOf('=') > 0) {
                fields.add(c.value().substring(0, c.value().indexOf('=')));
            }
        }
        List<Claim> labels = claims.stream().filter(c -> before.contains(c.span()) && !c.span().overlaps(inner)
                && (c.kind().equals("value") || c.kind().equals("enum")) && c.value().indexOf('=') > 0
                && fields.contains(c.value().substring(0, c.value().indexOf('=')))).toList();
        for (Claim c : labels) {
            claims.remove(c);
            if (claims.stream().noneMatch(x -> x.span().equals(c.span()) && x.kind().equals("stopword"))) {
                claims.add(new Claim(c.span(), c.text(), "stopword", "gloss", 1));
            }
        }
    }

    /**
     * "운영 환경" is the schema's label for environment "prod"; an imported estate calls it "hx-prod".
     * A label's value also reads as every value of the estate's same field one whole word of which it
     * is, so the filter keeps both; for a place, the word written too ("Seoul" of "Seoul (Seongsu)").
     */
    void estateValuesOfLabels() {
        for (Claim c : List.copyOf(claims)) {
            int eq = c.value().indexOf('=');
            if (!c.kind().equals("enum") || eq < 0) {
                continue;
            }
            String field = c.value().substring(0, eq);
            String value = c.value().substring(eq + 1);
            List<Word> same = new java.util.ArrayList<>(dictionary.valuesByWord(Analyzed.compactOf(value)));
            if (rules.understanding().placeFields().contains(field)) {
                // "servers in Seoul": the schema's label of dc1-seoul is also the word of the estate's "Seoul (Seongsu)"
                valuesByWord(Analyzed.compactOf(c.text())).stream().filter(w -> !same.contains(w)).forEach(same::add);
            }
            if (same.stream().noneMatch(w -> w.group().equals(field))) {
                same.addAll(shortValues(field, value)); // "stg" is the estate's stage
            }
            boolean own = false;
            for (Word w : same) {
                if (w.group().equals(field) && !w.value().equals(value)
                        && claims.stream().noneMatch(x -> x.value().equals(field + "=" + w.value()))) {
                    claims.add(new Claim(c.span(), c.text(), "value", field + "=" + w.value(), c.score()));
                    own |= dictionary.ownValue(field + "=" + w.value());
                }
            }
            // beside the demo, "서울" is the operator's "Seoul Office", not also the demo's dc1-seoul whose label it is:
            // a schema value none of the operator's CIs holds gives way to theirs (OwnValuesFirst)
            if (own && !dictionary.ownValue(c.value())) {
                claims.remove(c);
            }
        }
    }

    /**
     * The estate's values of a field that write the schema's value short, as the only thing they say (a word of
     * three letters or more, its letters in order from the first, "stg" for stage, "prd" for prod), when no value of
     * that field has the schema's value as a word: the estate's spelling of that value, not another.
     */
    private List<Word> shortValues(String field, String value) {
        String schema = Analyzed.compactOf(value);
        List<Word> out = new java.util.ArrayList<>();
        dictionary.valueWordLists().forEach((w, words) -> {
            if (w.group().equals(field) && words.stream().anyMatch(x -> x.length() >= 3 && x.matches("[a-z]+")
                    && ShortenedNames.shortens(x, schema))) {
                out.add(w);
            }
        });
        return out;
    }

    /** The words of the span from the last one any claim (a stopword too) covers, or the last word alone. */
    private Span glossStart(Span words) {
        int start = words.end();
        for (int i = words.end() - 1; i >= words.start(); i--) {
            int at = i;
            if (reading.readAt(at, true)) {
                break;
            }
            start = i;
        }
        while (start < words.end() && Character.isWhitespace(a.text().charAt(start))) {
            start++;
        }
        return new Span(start, words.end());
    }

    /**
     * "가산 DR센터", "Icheon hub", "gwacheon DC": the words right after a place read from the estate that
     * are more of the same value ("dr" of gasan-dr) or a word for its field (센터, DC) belong to it.
     */
    void valueTails() {
        for (Claim c : List.copyOf(claims)) {
            if (c.kind().equals("value") && c.value().indexOf('=') > 0) {
                valueTail(c);
            }
        }
    }

    /** A value read from the estate, with the words after it that belong to it. */
    void claimValue(Span span, Word value, double score) {
        reading.claimExclusive(span, "value", value.group() + "=" + value.value(), score);
        valueTail(claims.get(claims.size() - 1));
    }

    private void valueTail(Claim c) {
        int eq = c.value().indexOf('=');
        String field = c.value().substring(0, eq);
        java.util.Set<String> words = new java.util.HashSet<>(java.util.Arrays.asList(
                c.value().substring(eq + 1).toLowerCase(java.util.Locale.ROOT).split("[-_./]+")));
        int end = c.span().end();
        for (Token t : a.tokens()) {
            if (t.start() < end || t.function()) {
                continue;
            }
            if (!a.text().substring(end, t.start()).isBlank()) {
                break;
            }
            String w = Analyzed.compactOf(t.surface());
            boolean same = words.contains(w);
            boolean fieldWord = lexicon.phrases().get(w).stream().anyMatch(x -> x.kind() == Word.Kind.FIELD
                    && field.endsWith("." + x.value()));
            Span ts = new Span(t.start(), t.end());
            if ((!same && !fieldWord) || !reading.free(ts) || reading.claimed(t)) {
                break;
            }
            reading.claimExclusive(ts, "stopword", "of " + c.value(), 1);
            end = t.end();
        }
    }

    /** Nothing but grammar or stopwords ("오창쪽 스토리지", "과천에 있는 VM") between the two. */
    private boolean adjacentAfter(Span word, Span next) {
        if (next.start() < word.end()) {
            return false;
        }
        for (Token t : a.tokensIn(word.end(), next.start())) {
            if (!t.function() && !lexicon.phrases().get(Analyzed.compactOf(t.surface())).stream()
                    .allMatch(w -> w.kind() == Word.Kind.STOPWORD) || lexicon.phrases().get(Analyzed.compactOf(t.surface())).isEmpty()
                    && !t.function()) {
                return false;
            }
        }
        return true;
    }
}
