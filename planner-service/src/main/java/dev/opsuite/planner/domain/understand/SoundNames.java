package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * English names said in Hangul ("택스 디비 박스" = Tax DB Box, "엠에이지" = MAG): written words that sound as a
 * name or alias of the estate in Latin letters ({@link SoundKeys}), linked with the rank {@code sound}.
 */
final class SoundNames {
    private final Reading reading;
    private final Analyzed a;
    private final EntityDictionary dictionary;
    private final List<Claim> claims;

    SoundNames(Reading reading) {
        this.reading = reading;
        this.a = reading.a;
        this.dictionary = reading.dictionary;
        this.claims = reading.claims;
    }

    private static final java.util.regex.Pattern LATIN_WORD = java.util.regex.Pattern.compile("[A-Za-z]+(?:-[A-Za-z]+)*");

    /** Written words this many at most are tried together as one name said in Hangul. */
    private static final int MAX_SOUND_WORDS = 4;

    /**
     * "택스 디비 박스", "호스트 일레븐하고", "엠에이지를": an English name written in Hangul, one to four written
     * words (their particles aside) that sound as a name or alias of the estate ({@link SoundKeys}) — the
     * longest run first, only where nothing exclusive was read and at least one Hangul word is unread. A Latin
     * word the Resolver made of a Hangul one ("디비" → db) counts with its sound. Several CIs that sound the
     * same are asked between.
     */
    void link() {
        romanized();
        List<Span> words = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[^\\s]+").matcher(a.text());
        while (m.find()) {
            Span w = new Span(m.start(), m.end());
            // a noun said in Hangul (or a spelt acronym), or a type word the Resolver wrote for one ("디비" → db);
            // never a verb, an adverb or a bound noun ("돌아가는", "더 많이", "때문에")
            boolean hangul = m.group().chars().allMatch(c -> Folding.isHangul((char) c))
                    && (SoundKeys.spelledLetters(m.group()) || nominal(w));
            // (with its particle: "디비는" → "db는")
            boolean typeWord = m.group().matches("[a-z]{2,3}[가-힣]{0,2}") && !words.isEmpty() && claims.stream()
                    .anyMatch(c -> w.contains(c.span()) && c.span().start() == w.start() && c.kind().equals("enum")
                            && c.value().contains(".ci_type="));
            // "PIS 콘텐츠 디비" (PIS Content DB): a name's acronym or word kept in Latin letters among words said in Hangul
            boolean latin = m.group().matches("[A-Za-z]{2,8}");
            words.add(hangul || typeWord || latin ? w : null);
        }
        for (int i = 0; i < words.size(); i++) {
            for (int len = Math.min(MAX_SOUND_WORDS, words.size() - i); len >= 1; len--) {
                List<Span> run = words.subList(i, i + len);
                if (!run.contains(null) && len >= 2 && run.stream().allMatch(reading::free) && latinAlias(run)) {
                    i += len - 1;
                    break;
                }
                if (run.contains(null) || !run.stream().allMatch(reading::free)
                        || !Folding.hasHangul(a.span(run.get(0).start(), run.get(0).end()))
                        && (len < 2 || !Folding.hasHangul(a.span(run.get(1).start(), run.get(1).end())))) {
                    continue; // a Latin word begins a run only before a word said in Hangul
                }
                boolean unread = run.stream().anyMatch(w -> Folding.hasHangul(a.span(w.start(), w.end()))
                        && a.tokensIn(w.start(), w.end()).stream().anyMatch(t -> !t.function() && !reading.claimed(t)));
                // words read otherwise ("큐" queue, "vm") still sound as a name of two words or more ("queue vm")
                Sounded found = unread || len >= 2 ? soundsOf(run) : null;
                if (found != null) {
                    claims.removeIf(c -> c.span().overlaps(found.span())); // "db" of 택스 디비 박스 is no type filter
                    reading.link(found.span(), EntityDictionary.Rank.SOUND, 0, found.cis());
                    i += len - 1;
                    break;
                }
            }
        }
    }

    /**
     * "napbu yeongye", "jeongsan-batch": a name or alias written in Hangul said in Latin letters, romanized
     * ({@link RomanizedNames}) — one to four unread Latin words in a row, the longest run first, linked with the
     * rank {@code sound} when they spell the romanized name whole; never when other CIs' names hold the words as
     * written. Several CIs so spelt are asked between.
     */
    private void romanized() {
        if (dictionary.noRomanizedNames()) {
            return; // an estate with no name in Hangul: nothing to spell
        }
        List<Span> latin = new ArrayList<>();
        java.util.regex.Matcher m = LATIN_WORD.matcher(a.text());
        while (m.find()) {
            boolean alone = (m.start() == 0 || !Character.isLetterOrDigit(a.text().charAt(m.start() - 1)))
                    && (m.end() == a.text().length() || !Character.isLetterOrDigit(a.text().charAt(m.end())));
            latin.add(alone ? new Span(m.start(), m.end()) : null);
        }
        for (int i = 0; i < latin.size(); i++) {
            for (int len = Math.min(MAX_SOUND_WORDS, latin.size() - i); len >= 1; len--) {
                List<Span> run = latin.subList(i, i + len);
                if (run.contains(null) || !run.stream().allMatch(reading::free) || !adjacentWords(run)) {
                    continue;
                }
                List<String> said = run.stream().map(w -> a.span(w.start(), w.end())).toList();
                List<EntityDictionary.Entity> found = dictionary.byRomanized(said).stream()
                        .map(EntityDictionary.Name::entity).distinct().toList();
                Span span = new Span(run.get(0).start(), run.get(run.size() - 1).end());
                String text = a.span(span.start(), span.end());
                if (found.isEmpty() || dictionary.partial(EntityDictionary.words(text), Analyzed.compactOf(text))
                        .stream().anyMatch(h -> !found.contains(h.name().entity()))) {
                    continue;
                }
                reading.link(span, EntityDictionary.Rank.SOUND, 0, found);
                i += len - 1;
                break;
            }
        }
    }

    /** Only spaces between the words of a run. */
    private boolean adjacentWords(List<Span> run) {
        for (int k = 1; k < run.size(); k++) {
            if (!a.text().substring(run.get(k - 1).end(), run.get(k).start()).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * "the login vm" for the alias 로그인 VM: Latin words in a row, as many as an alias's words, that meet it word by
     * word — each of its Hangul words by sound ({@link SoundKeys}; a word nothing else read), each of its Latin words
     * as written — with at least one of each. Several CIs so met are asked between.
     */
    private boolean latinAlias(List<Span> run) {
        List<String> said = run.stream().map(w -> a.span(w.start(), w.end())).toList();
        if (!said.stream().allMatch(w -> w.matches("[A-Za-z]{2,}"))) {
            return false;
        }
        List<EntityDictionary.Entity> out = new ArrayList<>();
        for (String key : SoundKeys.ofWords(said)) {
            for (EntityDictionary.Name n : dictionary.byHangulSound(key)) {
                if (!out.contains(n.entity()) && wordByWord(run, said, List.of(n.surface().strip().split("\\s+")))) {
                    out.add(n.entity());
                }
            }
        }
        Span span = new Span(run.get(0).start(), run.get(run.size() - 1).end());
        // "the mobile api" beside mobile.api.uat: words other CIs' names hold as written are read as written (asked
        // between when several), never pre-empted by a sound
        String said0 = a.span(span.start(), span.end());
        if (out.isEmpty() || dictionary.partial(EntityDictionary.words(said0), Analyzed.compactOf(said0)).stream()
                .anyMatch(h -> !out.contains(h.name().entity()))) {
            return false;
        }
        claims.removeIf(c -> c.span().overlaps(span)); // "vm" of the login vm is the alias's word, no type filter
        // every word of the alias, in order, one as written: the alias named whole in other letters, as exact as a
        // name spelt out — never a near-miss set aside beside one ("between the login vm and the shop vm")
        reading.link(span, EntityDictionary.Rank.EXACT_NAME, 0, out);
        return true;
    }

    private boolean wordByWord(List<Span> run, List<String> said, List<String> alias) {
        if (alias.size() != said.size()) {
            return false;
        }
        boolean sound = false;
        boolean written = false;
        for (int k = 0; k < alias.size(); k++) {
            String w = alias.get(k);
            if (Folding.hasHangul(w)) {
                Span s = run.get(k);
                boolean unread = a.tokensIn(s.start(), s.end()).stream().noneMatch(reading::claimed);
                if (!w.chars().allMatch(c -> Folding.isHangul((char) c)) || !unread
                        || SoundKeys.units(SoundKeys.ofHangul(w)) < 3
                        || !SoundKeys.ofLatinWord(said.get(k)).contains(SoundKeys.ofHangul(w))) {
                    return false;
                }
                sound = true;
            } else if (w.equalsIgnoreCase(said.get(k))) {
                written = true;
            } else {
                return false;
            }
        }
        return sound && written;
    }

    /** A written word whose content tokens are all nouns, its particles and endings after them. */
    private boolean nominal(Span w) {
        List<Token> tokens = a.tokensIn(w.start(), w.end());
        boolean content = false;
        for (Token t : tokens) {
            if (t.function()) {
                if (!content) {
                    return false;
                }
                continue;
            }
            if (!t.pos().startsWith("NN") || t.pos().equals("NNB")) {
                return false;
            }
            content = true;
        }
        return content;
    }

    private record Sounded(Span span, List<EntityDictionary.Entity> cis) {}

    /** The CIs the run sounds as, with the span read (the last word's particle aside), or null. */
    private Sounded soundsOf(List<Span> run) {
        Span last = run.get(run.size() - 1);
        String lastText = a.span(last.start(), last.end());
        List<Integer> ends = new ArrayList<>();
        // the Resolver asset's particles, longest first: "엠에이지를", "일레븐하고", "나스에서" carry grammar, not name
        for (String p : reading.lexicon.particles()) {
            if (lastText.length() > p.length() && lastText.endsWith(p) && Folding.hasHangul(lastText)) {
                ends.add(last.end() - p.length()); // the particle aside first: "나스에서" is 나스
                break;
            }
        }
        ends.add(last.end());
        for (int end : ends) {
            Set<String> keys = new LinkedHashSet<>(List.of(""));
            for (Span w : run) {
                String text = a.span(w.start(), w == last ? end : w.end());
                Set<String> parts = Folding.hasHangul(text) ? Set.of(SoundKeys.ofHangul(text)) : SoundKeys.ofLatinWord(text);
                Set<String> next = new LinkedHashSet<>();
                keys.forEach(k -> parts.forEach(p -> next.add(k.isEmpty() ? p : k + "|" + p)));
                keys = next;
            }
            // one word alone must say enough ("세틀먼트"), unless it spells letters ("엠에이지"); several words are a name
            boolean letters = run.size() == 1 && SoundKeys.spelledLetters(a.span(run.get(0).start(), end));
            List<EntityDictionary.Entity> out = new ArrayList<>();
            for (String key : keys) {
                if (run.size() >= 2 && SoundKeys.units(key) >= 3 || letters && SoundKeys.units(key) >= 2
                        || SoundKeys.units(key) >= SoundKeys.MIN_ALONE) {
                    dictionary.bySound(key).stream().filter(e -> !out.contains(e)).forEach(out::add);
                }
            }
            if (!out.isEmpty()) {
                return new Sounded(new Span(run.get(0).start(), end), out);
            }
        }
        return null;
    }

}
