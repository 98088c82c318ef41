package dev.opsuite.planner.domain.understand;

import java.util.List;
import java.util.Set;

/**
 * "2공장에서 가동되는 PLC-07 CPU", "press-gw installed on Line 2: its cpu?": a hosting word (Prompt {@code runs_on}) asks what
 * runs on a host only where a CI stands on its host side (before it in Korean, "X에서 가동되는"; after it in English,
 * "installed on X"). In a question that names a CI and asks a measure, one with no CI there says where the CI is —
 * a place, a rack —, and the measure of the CI named is what is asked: the word is read as a description of it
 * (claimed, so nothing is left unexplained), not as a question of its graph.
 */
final class HostingBesidePlace {
    private static final Set<String> ARTICLES = Set.of("the", "a", "an");
    private final Reading reading;

    HostingBesidePlace(Reading reading) {
        this.reading = reading;
    }

    void read() {
        List<Claim> claims = reading.claims;
        if (reading.entities.isEmpty() || claims.stream().noneMatch(c -> c.kind().equals("metric"))) {
            return;
        }
        for (Claim c : List.copyOf(claims)) {
            if (!c.kind().equals("intent") || !c.value().equals("runs_on") || hostNamed(c)) {
                continue;
            }
            claims.remove(c);
            claims.add(new Claim(c.span(), c.text(), "descriptor", "hosted_at", c.score()));
        }
    }

    private boolean hostNamed(Claim word) {
        boolean korean = Folding.hasHangul(word.text());
        for (LinkedEntity e : reading.entities) {
            if (korean && e.span().end() <= word.span().start() && joins(e.span().end(), word.span().start())
                    || !korean && e.span().start() >= word.span().end() && joins(word.span().end(), e.span().start())) {
                return true;
            }
        }
        return false;
    }

    /** Only particles, an article or type words ("X 서버에 설치된", "installed on the X box") lie between. */
    private boolean joins(int from, int to) {
        StringBuilder rest = new StringBuilder(reading.a.text().substring(from, to));
        for (Claim c : reading.claims) {
            boolean typeWord = c.kind().equals("entity_type") || c.kind().equals("enum") && c.value().contains(".ci_type=");
            if (typeWord && c.span().start() >= from && c.span().end() <= to) {
                for (int i = c.span().start(); i < c.span().end(); i++) {
                    rest.setCharAt(i - from, ' ');
                }
            }
        }
        String kept = rest.toString().strip();
        return Signals.joining(kept) || ARTICLES.contains(kept.toLowerCase(java.util.Locale.ROOT));
    }
}
