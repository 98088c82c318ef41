package dev.opsuite.planner.domain.understand;

import java.util.List;
import java.util.regex.Pattern;

/**
 * "신고서 작성 서비스가 직접 호출하는 대상", "what does the relay-api service call": a word for a CI type right after a
 * CI's name, the two written as one noun phrase — in Korean a particle on the type word ("서비스가", "서비스의"), in
 * English a determiner before the name and the type word in the singular ("the X service") — calls that CI by its
 * kind: it is the CI's own word, no filter for CIs of that type. Only a type word that fits the CI: its own type, or
 * a service word for an app (apps are what people call services). The word is read as a descriptor.
 */
final class NameTypeWord {
    private static final String TYPE = "ci.ci_type=";
    private static final Pattern KO_PARTICLE = Pattern.compile("^(?:이|가|은|는|의|을|를|에서|에|도)(?![가-힣])");
    private static final Pattern EN_DETERMINER = Pattern.compile("(?i)(?:^|\\s)(?:the|this|that|our|your)\\s+$");
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
                        && o.value().startsWith(TYPE)).allMatch(o -> fits(o.value().substring(TYPE.length()), own));
                if (fits && onePhrase(text, e, c)) {
                    reading.claims.remove(c);
                    reading.claims.add(new Claim(c.span(), c.text(), "descriptor", "name_type", c.score()));
                }
            }
        }
    }

    private static boolean fits(String named, String own) {
        return named.equals(own) || named.equals("service") && own.equals("app");
    }

    private static boolean onePhrase(String text, LinkedEntity e, Claim c) {
        boolean korean = c.text().chars().anyMatch(ch -> ch >= 0xAC00 && ch <= 0xD7A3);
        if (korean) {
            return KO_PARTICLE.matcher(text.substring(c.span().end())).find();
        }
        String word = c.text().toLowerCase(java.util.Locale.ROOT);
        boolean singular = !word.endsWith("s") || word.endsWith("ss");
        return singular && EN_DETERMINER.matcher(text.substring(0, e.span().start())).find();
    }
}
