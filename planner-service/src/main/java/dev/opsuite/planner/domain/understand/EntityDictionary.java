package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The estate's names: every CI's code, name and aliases (any language) and the values its fields
 * take (locations, owners, environments…), as loaded from the Query asset's dictionary templates.
 * Exact names match by compact form; partial ones — a whole word of a name, a prefix, a name
 * within one or two edits — through an in-memory Lucene index (phrase, prefix, fuzzy and
 * Levenshtein-automaton queries). Immutable; rebuilt when the estate's revision changes.
 */
public final class EntityDictionary {
    public enum NameKind { CODE, NAME, ALIAS }

    /**
     * One CI. {@code demo}: part of the bundled demo estate, not the operator's own data;
     * {@code fields}: its values of the primary entity's fields ("ci.location" → "ochang-dc"…).
     */
    public record Entity(String ciCode, String ciName, String ciType, boolean demo, Map<String, String> fields) {
        public Entity {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }

        public Entity(String ciCode, String ciName, String ciType, boolean demo) {
            this(ciCode, ciName, ciType, demo, Map.of());
        }
    }

    public record Name(Entity entity, String surface, NameKind kind) {}

    /** A partial match and how it was found. */
    public record Partial(Name name, Rank rank, int distance) {}

    /** Match ranks, best first. */
    public enum Rank {
        EXACT_CODE(1.0), EXACT_NAME(0.95), TOKEN(0.75), PREFIX(0.65), SOUND(0.6), FUZZY(0.55), FUZZY_PREFIX(0.45);

        public final double score;

        Rank(double score) {
            this.score = score;
        }
    }

    /** A name and a gloss in brackets at its end: "session-db (primary)", "transcode-ctl (LA)". */
    private static final java.util.regex.Pattern GLOSS = java.util.regex.Pattern.compile("(.*\\S)\\s*[(\\[][^()\\[\\]]+[)\\]]\\s*");

    private final long revision;
    private final List<Name> names = new ArrayList<>();
    private final PhraseTable<Name> exact = new PhraseTable<>();
    private final PhraseTable<Word> values = new PhraseTable<>();
    private final Map<String, List<Word>> valueTokens = new LinkedHashMap<>();
    /** Each field value with its words as the question analyser reads them ("US Ontario CA" → us, ontario, ca). */
    private final Map<Word, List<String>> valueWords = new LinkedHashMap<>();
    /** Field values by the sound of one of their words in Latin letters ("sandbox" → SNTBKS, for 샌드박스). */
    private final Map<String, List<Word>> valueSounds = new LinkedHashMap<>();
    /** Names and aliases in Latin letters by their consonant keys ({@link SoundKeys}). */
    private final Map<String, List<Name>> sounds = new java.util.HashMap<>();
    /** Names and aliases with a word in Hangul, by sound ("로그인 VM" as LKN|BM): said in English, "login vm". */
    private final Map<String, List<Name>> hangulSounds = new java.util.HashMap<>();
    /** Names and aliases written in Hangul by their romanized form ("napbu yeongye" for 납부 연계). */
    private final RomanizedNames romanized;
    private final int entityCount;
    private final Map<String, Entity> byCode = new java.util.HashMap<>();
    /** The names' Lucene index: whole words, prefixes, names within an edit or two. */
    private final NameIndex index;
    private final List<Entity> entities;
    /** Words of four letters or more of the names and aliases: "standby" of "Seat Inventory DB (Standby)". */
    private final java.util.Set<String> nameWords = new java.util.HashSet<>();
    /** Every word of every name and alias, short ones too ("전주" of "CDN Cache 전주"). */
    private final java.util.Set<String> allNameWords = new java.util.HashSet<>();
    private final List<Map.Entry<Integer, String>> aliases;
    private final List<Map.Entry<String, String>> fieldValues;
    /** "ci.owner=dba-sora": the field values of the operator's own CIs (not the demo's). */
    private final java.util.Set<String> ownValues = new java.util.HashSet<>();

    public static final EntityDictionary EMPTY = new EntityDictionary(0, List.of(), List.of(), List.of());

    /**
     * @param entities  the CIs
     * @param aliases   (entity index, alias) pairs; codes and names are added from the entities
     * @param fieldValues (entity.field, value) pairs from the estate's data
     */
    public EntityDictionary(long revision, List<Entity> entities, List<Map.Entry<Integer, String>> aliases,
                            List<Map.Entry<String, String>> fieldValues) {
        this.revision = revision;
        this.entityCount = entities.size();
        this.entities = List.copyOf(entities);
        this.aliases = List.copyOf(aliases);
        this.fieldValues = List.copyOf(fieldValues);
        for (Entity e : entities) {
            byCode.put(e.ciCode(), e);
            if (!e.demo()) {
                e.fields().forEach((f, v) -> ownValues.add(f + "=" + v));
            }
            addName(new Name(e, e.ciCode(), NameKind.CODE));
            // "FIDS v2" beside the code "fidsV2": the same letters, but its words ("fids" of FIDS v2, FIDS v3 and
            // Legacy FIDS VM) are a name's — kept as the name too, so a partial name finds it
            if (!Analyzed.compactOf(e.ciName()).equals(Analyzed.compactOf(e.ciCode()))
                    || !words(e.ciName()).equals(words(e.ciCode()))) {
                addName(new Name(e, e.ciName(), NameKind.NAME));
            }
        }
        for (Map.Entry<Integer, String> a : aliases) {
            Entity e = entities.get(a.getKey());
            String c = Analyzed.compactOf(a.getValue());
            if (!c.equals(Analyzed.compactOf(e.ciCode())) && !c.equals(Analyzed.compactOf(e.ciName()))) {
                addName(new Name(e, a.getValue(), NameKind.ALIAS));
            }
        }
        // "interlocking three", "node 2": a number in a name said or written another way (Interlocking III, Node II)
        java.util.Set<String> taken = new java.util.HashSet<>();
        names.forEach(n -> taken.add(Analyzed.compactOf(n.surface())));
        for (Name n : List.copyOf(names)) {
            if (n.kind() == NameKind.CODE) {
                continue;
            }
            List<String> variants = new ArrayList<>(Numerals.variants(n.surface()));
            variants.add(QuestionAnalyzer.withoutPossessives(n.surface())); // the question is read without them
            String unpadded = Numerals.unpadded(n.surface()); // "web-1" for web-01, unless another CI is called so
            if (unpadded != null) {
                variants.add(unpadded);
            }
            for (String variant : variants) {
                if (taken.add(Analyzed.compactOf(variant))) {
                    addName(new Name(n.entity(), variant, NameKind.ALIAS));
                }
            }
        }
        // "session-db" of "session-db (primary)" beside "session-db replica": a name said without its bracketed gloss is
        // still that CI's whole name — when no other CI's name, alias or glossless name is so spelt
        Map<String, List<Name>> glossless = new LinkedHashMap<>();
        for (Name n : List.copyOf(names)) {
            java.util.regex.Matcher m = GLOSS.matcher(n.surface());
            if (n.kind() != NameKind.CODE && m.matches() && !Analyzed.compactOf(m.group(1)).isEmpty()) {
                glossless.computeIfAbsent(Analyzed.compactOf(m.group(1)), k -> new ArrayList<>()).add(n);
            }
        }
        glossless.forEach((compact, named) -> {
            if (named.stream().map(Name::entity).distinct().count() == 1 && taken.add(compact)) {
                Name n = named.get(0);
                java.util.regex.Matcher m = GLOSS.matcher(n.surface());
                if (m.matches()) {
                    addName(new Name(n.entity(), m.group(1).strip(), NameKind.ALIAS));
                }
            }
        });
        for (Map.Entry<String, String> v : fieldValues) {
            Word w = new Word(Word.Kind.VALUE, v.getKey(), v.getValue(), v.getValue());
            values.add(v.getValue(), w);
            List<String> spelt = new ArrayList<>();
            QuestionAnalyzer.tokenize(Folding.fold(v.getValue())).forEach(t -> spelt.add(Analyzed.compactOf(t.surface())));
            spelt.removeIf(String::isEmpty);
            valueWords.putIfAbsent(w, List.copyOf(spelt));
            for (String tok : words(v.getValue())) {
                if (tok.length() >= 3 && !tok.chars().allMatch(Character::isDigit)) {
                    valueTokens.computeIfAbsent(tok, k -> new ArrayList<>()).add(w);
                }
                if (tok.length() >= 4 && tok.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                    for (String key : SoundKeys.ofLatin(tok)) {
                        List<Word> same = valueSounds.computeIfAbsent(key, k -> new ArrayList<>());
                        if (SoundKeys.units(key) >= SoundKeys.MIN_ALONE && !same.contains(w)) {
                            same.add(w);
                        }
                    }
                }
            }
        }
        for (Name n : names) {
            if (n.kind() != NameKind.CODE) { // names and aliases are said; codes are written
                for (String key : SoundKeys.ofLatin(n.surface())) {
                    List<Name> same = sounds.computeIfAbsent(key, k -> new ArrayList<>());
                    if (same.stream().noneMatch(x -> x.entity().equals(n.entity()))) {
                        same.add(n);
                    }
                }
            }
        }
        for (Name n : names) {
            if (n.kind() != NameKind.CODE && Folding.hasHangul(n.surface())) {
                for (String key : SoundKeys.ofWords(List.of(n.surface().strip().split("\\s+")))) {
                    List<Name> same = hangulSounds.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!same.contains(n)) {
                        same.add(n);
                    }
                }
            }
        }
        this.index = new NameIndex(names);
        this.romanized = new RomanizedNames(names);
        names.stream().filter(n -> n.kind() != NameKind.CODE).flatMap(n -> words(n.surface()).stream())
                .forEach(allNameWords::add);
        allNameWords.stream().filter(w -> w.length() >= 4).forEach(nameWords::add);
    }

    /**
     * The CIs one of whose names or aliases in Latin letters sounds as this consonant key ({@link SoundKeys}):
     * "Tax DB Box" for 택스 디비 박스.
     */
    public List<Entity> bySound(String key) {
        return sounds.getOrDefault(key, List.of()).stream().map(Name::entity).distinct().toList();
    }

    /** The names and aliases written with Hangul words that sound as this key ("login vm" for 로그인 VM). */
    public List<Name> byHangulSound(String key) {
        return hangulSounds.getOrDefault(key, List.of());
    }

    /** The names and aliases written in Hangul that these Latin words spell romanized ("napbu yeongye"). */
    public List<Name> byRomanized(List<String> latinWords) {
        return romanized.find(latinWords);
    }

    /** Whether no name or alias is written in Hangul, so no Latin words can spell one romanized. */
    boolean noRomanizedNames() {
        return romanized.isEmpty();
    }

    /** Whether one of the operator's own CIs (not a demo one) has this value ("ci.owner=dba-sora"). */
    public boolean ownValue(String fieldEqualsValue) {
        return ownValues.contains(fieldEqualsValue);
    }

    private void addName(Name n) {
        if (Analyzed.compactOf(n.surface()).isEmpty()) {
            return;
        }
        names.add(n);
        exact.add(n.surface(), n);
    }

    /**
     * The same estate with only the CIs a caller may see (its data scope): their names and aliases
     * are all that linking and ambiguity choices can offer. The fields' values stay (vocabulary).
     */
    public EntityDictionary restrictedTo(java.util.function.Predicate<Entity> visible) {
        List<Entity> kept = new ArrayList<>();
        Map<Integer, Integer> moved = new java.util.HashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            if (visible.test(entities.get(i))) {
                moved.put(i, kept.size());
                kept.add(entities.get(i));
            }
        }
        List<Map.Entry<Integer, String>> keptAliases = new ArrayList<>();
        for (Map.Entry<Integer, String> a : aliases) {
            Integer to = moved.get(a.getKey());
            if (to != null) {
                keptAliases.add(Map.entry(to, a.getValue()));
            }
        }
        return new EntityDictionary(revision, kept, keptAliases, fieldValues);
    }

    /** The CI's values by field name without the entity prefix (ci_code, ci_type, environment…), for data scopes. */
    public static Map<String, String> scopeFields(Entity e) {
        Map<String, String> m = new java.util.HashMap<>();
        e.fields().forEach((k, v) -> m.put(k.substring(k.indexOf('.') + 1), v));
        m.put("ci_code", e.ciCode());
        m.put("ci_type", e.ciType());
        return m;
    }

    /** Every CI of the dictionary. */
    public List<Entity> entities() {
        return entities;
    }

    public long revision() {
        return revision;
    }

    public int size() {
        return entityCount;
    }

    /** The CI with this code, if the dictionary has it. */
    public java.util.Optional<Entity> byCode(String code) {
        return java.util.Optional.ofNullable(byCode.get(code));
    }

    /** Up to {@code max + 1} CIs of a type ("" any), the estate's own before the demo's (more than max: too many to ask). */
    public List<Entity> ofType(String ciType, int max) {
        List<Entity> own = new ArrayList<>();
        List<Entity> demo = new ArrayList<>();
        for (Entity e : byCode.values()) {
            if (ciType.isEmpty() || e.ciType().equals(ciType)) {
                (e.demo() ? demo : own).add(e);
            }
        }
        List<Entity> out = own.isEmpty() ? demo : own;
        out.sort(java.util.Comparator.comparing(Entity::ciCode));
        return out.subList(0, Math.min(out.size(), max + 1));
    }

    public PhraseTable<Name> exact() {
        return exact;
    }

    public PhraseTable<Word> values() {
        return values;
    }

    /** Every field value with its words in order, as the question analyser splits them ("Pyeongchang Base" → pyeongchang, base). */
    public Map<Word, List<String>> valueWordLists() {
        return java.util.Collections.unmodifiableMap(valueWords);
    }

    /** Field values one whole word of which is this word ("incheon" of "incheon-dc"). */
    public List<Word> valuesByWord(String compactWord) {
        return valueTokens.getOrDefault(compactWord, List.of());
    }

    /** Field values one word of which sounds as this consonant key ({@link SoundKeys}): "sandbox" for 샌드박스. */
    public List<Word> valuesBySound(String key) {
        return valueSounds.getOrDefault(key, List.of());
    }

    /**
     * Field values whose words hold these two or more words in a row ("Ontario CA" of "US Ontario CA"), each
     * value once.
     */
    public List<Word> valuesByWords(List<String> compactWords) {
        List<Word> out = new ArrayList<>();
        if (compactWords.size() < 2) {
            return out;
        }
        valueWords.forEach((w, ws) -> {
            if (java.util.Collections.indexOfSubList(ws, compactWords) >= 0 && !out.contains(w)) {
                out.add(w);
            }
        });
        return out;
    }

    /** Field values a whole word of which is within {@code edits} of this word (5+ letters). */
    public List<Word> valuesByWordWithin(String compactWord, int edits) {
        List<Word> out = new ArrayList<>();
        valueTokens.forEach((tok, ws) -> {
            if (tok.length() >= 5 && Edits.distance(tok, compactWord) <= edits) {
                ws.stream().filter(w -> !out.contains(w)).forEach(out::add);
            }
        });
        return out;
    }

    /** Whether a word (compact) is a whole word of some CI's name or alias, however short. */
    public boolean hasNameWord(String compact) {
        return allNameWords.contains(compact);
    }

    /** Whether a compact Latin word is (a word of) some name: used to split glued words. */
    public boolean knows(String compact) {
        return exact.containsCompact(compact) || values.containsCompact(compact) || nameWords.contains(compact);
    }

    /** The words of a name as the question analyser splits them ("Ledger API" → ledger, api). */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (Token t : QuestionAnalyzer.tokenize(Folding.fold(name))) {
            if (!t.function()) {
                String c = Analyzed.compactOf(t.surface());
                if (!c.isEmpty()) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /**
     * The span as whole words of a name, in order (a phrase); a Korean span is also read alone, as the
     * names were analysed. No prefix or fuzzy fallback.
     */
    public List<Partial> wholeWords(List<String> words, String compact) {
        return index.wholeWords(words, compact);
    }

    /**
     * Partial matches of a span of the question (its words, compact), best rank first: the span as
     * whole words of a name, as a prefix of a name (4+ characters), within edit distance of a name
     * (1 edit for 5–8 characters, 2 above; never a code), or within one edit of a name's beginning.
     * Only the best rank that has any hit is returned.
     */
    public List<Partial> partial(List<String> words, String compact) {
        return index.partial(words, compact);
    }
}
