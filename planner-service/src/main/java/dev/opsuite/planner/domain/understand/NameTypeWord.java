package dev.opsuite.planner.domain.understand;

import java.util.List;
import java.util.Locale;

/**
 * "신고서 작성 서비스가 직접 호출하는 대상", "what does the relay-api service call": a word for a CI type right after a
 * CI's name, the two written as one noun phrase — in Korean a particle on the type word ("서비스가", "서비스의": the
 * morpheme after it tagged a particle by Nori), in English one of Prompt {@code rules.understanding.definite_words}
 * before the name and the type word in the singular ("the X service") — calls that CI by its kind: it is the CI's own
 * word, no filter for CIs of that type. Only a type word that fits the CI: its own type, or one Prompt
 * {@code rules.understanding.type_word_also} lets name it (a service word for an app: apps are what people call
 * services). The word is read as a descriptor.
 */
final class NameTypeWord {
    private static final String TYPE = "ci.ci_type=";
    /** Nori's tag of a particle (조사): 이/가, 은/는, 의, 을/를, 에서 … */
    private static final String PARTICLE = "J";
    private final Reading reading;

    NameTypeWord(Reading reading) {
        this.reading = reading;
    }

    void read() {
        String text = reading.a.text();
        for (LinkedEntity e : List.copyOf(reading.entities)) {
            if (!e.resolved()) {
                continue;
            }
            String own = e.entity().ciType();
            for (Claim c : List.copyOf(reading.claims)) {
                if (!c.kind().equals("enum") || !c.value().startsWith(TYPE) || c.span().start() < e.span().end()
                        || !text.substring(e.span().end(), c.span().start()).isBlank()) {
                    continue;
                }
                // "the Night Owl box" (box: a server or a VM): a word of several types is left to the other readings
                boolean fits = reading.claims.stream().filter(o -> o.span().equals(c.span()) && o.kind().equals("enum")
                        && o.value().startsWith(TYPE)).allMatch(o -> reading.rules.understanding()
                                .typeWordNames(o.value().substring(TYPE.length()), own));
                if (fits && onePhrase(text, e, c)) {
                    reading.claims.remove(c);
                    reading.claims.add(new Claim(c.span(), c.text(), "descriptor", "name_type", c.score()));
                }
            }
        }
    }

    private boolean onePhrase(String text, LinkedEntity e, Claim c) {
        boolean korean = c.text().chars().anyMatch(ch -> ch >= 0xAC00 && ch <= 0xD7A3);
        if (korean) {
            return reading.a.tokens().stream().anyMatch(t -> t.start() == c.span().end() && t.pos().equals(PARTICLE));
        }
        String word = c.text().toLowerCase(Locale.ROOT);
        boolean singular = !word.endsWith("s") || word.endsWith("ss");
        String lead = text.substring(0, e.span().start());
        if (!singular || lead.isEmpty() || !Character.isWhitespace(lead.charAt(lead.length() - 1))) {
            return false;
        }
        String[] words = lead.strip().toLowerCase(Locale.ROOT).split("\\s+");
        return reading.rules.understanding().definiteWords().contains(words[words.length - 1]);
    }
}
