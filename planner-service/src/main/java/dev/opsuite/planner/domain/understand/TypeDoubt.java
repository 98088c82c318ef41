package dev.opsuite.planner.domain.understand;

import com.google.re2j.Matcher;
import dev.opsuite.planner.domain.Patterns;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "The Whistler box — no idea if it's the host or the VM", "마블 쪽 CPU … 서버인지 VM인지는 모르겠습니다", "Keel 서버 VM
 * CPU … 어느 VM인지는 전달받지 못했습니다": a question about one CI whose writer says, by a pattern of
 * rules.understanding.type_doubts, that they do not know which of the CI types named in that sentence is meant
 * asks between the CIs of those types at the place the question points to — the place value it names, or else
 * the place of the CI it names — instead of answering for one guessed CI (or for all of them as a list). The only
 * one fitting is simply meant; none, or more than definite_max_candidates, changes nothing. One type named in the
 * sentence of doubt is doubted only with a question word there ("어느 VM인지", "which VM").
 */
final class TypeDoubt {
    private static final String TYPE = ".ci_type=";
    private final Reading reading;
    private final Analyzed a;

    TypeDoubt(Reading reading) {
        this.reading = reading;
        this.a = reading.a;
    }

    void ask() {
        if (reading.claims.stream().noneMatch(c -> c.kind().equals("metric")) || reading.claims.stream()
                .anyMatch(c -> c.kind().equals("top") || c.kind().equals("threshold"))) {
            return;
        }
        Span doubt = doubt();
        if (doubt == null) {
            return;
        }
        String text = a.text();
        int from = sentenceStart(text, doubt.start());
        int to = sentenceEnd(text, doubt.end());
        Set<String> types = new LinkedHashSet<>();
        boolean which = false;
        for (Claim c : reading.claims) {
            if (c.span().start() < from || c.span().end() > to) {
                continue;
            }
            if (c.kind().equals("enum") && c.value().contains(TYPE)) {
                types.add(c.value().substring(c.value().indexOf(TYPE) + TYPE.length()));
            }
            which |= c.kind().equals("intent") && c.value().equals("which");
        }
        if (types.isEmpty() || types.size() == 1 && !which) {
            return;
        }
        List<String> placeFields = reading.rules.understanding().placeFields();
        Set<String> places = new LinkedHashSet<>();
        Claim placeClaim = null;
        for (Claim c : reading.claims) {
            if (c.kind().equals("value") && c.value().contains("=")
                    && placeFields.contains(c.value().substring(0, c.value().indexOf('=')))) {
                places.add(c.value());
                placeClaim = c;
            }
        }
        Span anchor = placeClaim == null ? null : placeClaim.span();
        if (places.isEmpty()) {
            for (LinkedEntity e : reading.entities) {
                for (EntityDictionary.Entity x : e.candidates()) {
                    for (String f : placeFields) {
                        if (x.fields().get(f) != null) {
                            places.add(f + "=" + x.fields().get(f));
                        }
                    }
                }
                anchor = anchor == null ? e.span() : anchor;
            }
        }
        if (places.size() != 1 || anchor == null) {
            return;
        }
        String place = places.iterator().next();
        String field = place.substring(0, place.indexOf('='));
        String value = place.substring(place.indexOf('=') + 1);
        List<EntityDictionary.Entity> fit = new ArrayList<>();
        for (EntityDictionary.Entity e : reading.dictionary.ofType("", Integer.MAX_VALUE - 1)) {
            if (types.contains(e.ciType()) && value.equals(e.fields().get(field))) {
                fit.add(e);
            }
        }
        // the operator's own CIs before the demo's, as everywhere a name is linked
        if (fit.stream().anyMatch(e -> !e.demo())) {
            fit.removeIf(EntityDictionary.Entity::demo);
        }
        if (fit.isEmpty() || fit.size() > reading.rules.understanding().definiteMaxCandidates()) {
            return;
        }
        // the names, the place and the types now describe the CIs to choose from: none of them is a filter
        List<Claim> described = new ArrayList<>();
        for (LinkedEntity e : List.copyOf(reading.entities)) {
            reading.entities.remove(e);
            reading.claims.removeIf(c -> c.kind().equals("entity") && c.span().equals(e.span()));
            if (!e.span().overlaps(anchor)) {
                described.add(new Claim(e.span(), e.mention(), "descriptor", "ci", e.score()));
            }
        }
        for (Claim c : List.copyOf(reading.claims)) {
            boolean type = c.kind().equals("entity_type") || c.kind().equals("enum") && c.value().contains(TYPE);
            if (type || c == placeClaim) {
                reading.claims.remove(c);
                if (!c.span().overlaps(anchor)) {
                    described.add(new Claim(c.span(), c.text(), "descriptor", c.value(), c.score()));
                }
            }
        }
        reading.claims.addAll(described);
        reading.claims.add(new Claim(doubt, a.span(doubt.start(), doubt.end()), "descriptor", "type_doubt", 1));
        reading.link(anchor, EntityDictionary.Rank.TOKEN, 0, fit);
    }

    /** The first words saying the writer does not know which type is meant, if any. */
    private Span doubt() {
        String lowered = Patterns.lower(a.text());
        for (String p : reading.rules.understanding().typeDoubts()) {
            Patterns.Caseless c = Patterns.caseless(p);
            if (!c.mayMatch(lowered)) {
                continue;
            }
            Matcher m = c.matcher(a.text(), lowered);
            if (m.find() && m.end() > m.start()) {
                return new Span(m.start(), m.end());
            }
        }
        return null;
    }

    private static int sentenceStart(String text, int at) {
        int i = at;
        while (i > 0 && ".?!\n".indexOf(text.charAt(i - 1)) < 0) {
            i--;
        }
        return i;
    }

    private static int sentenceEnd(String text, int at) {
        int i = at;
        while (i < text.length() && ".?!\n".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }
}
