package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CIs meant but not named: a definite type word ("the storage") or vocabulary words written inside CI
 * names ("DB VM"), when no CI is named and the question is about one CI.
 */
final class ImpliedEntities {
    private final Reading reading;
    private final Analyzed a;
    private final EntityDictionary dictionary;
    private final PromptRules rules;
    private final List<Claim> claims;
    private final List<LinkedEntity> entities;

    ImpliedEntities(Reading reading) {
        this.reading = reading;
        this.a = reading.a;
        this.dictionary = reading.dictionary;
        this.rules = reading.rules;
        this.claims = reading.claims;
        this.entities = reading.entities;
    }

    /**
     * "What does the load balancer route traffic to?", "how is the storage doing?", "mem on the ochang
     * vm", "the stopped system": no CI named, one type word (or a word for any CI) said in the singular
     * and definite, and a question about one CI — not a list, count, ranking or threshold. The CIs of
     * that type, narrowed by the values the question names (ochang-dc, stopped), are who is meant: the
     * only one, or several to choose from (never a guess).
     */
    void definiteType() {
        if (!entities.isEmpty() || claims.stream().anyMatch(c -> c.kind().equals("top") || c.kind().equals("threshold")
                || c.kind().equals("intent") && List.of("list", "count", "search", "compare").contains(c.value())
                && !questionWord(c))) {
            return;
        }
        List<Claim> types = claims.stream().filter(c -> c.kind().equals("enum") && c.value().contains(".ci_type=")
                || c.kind().equals("entity_type")).filter(distinctBy(c -> c.value() + "@" + c.span())).toList();
        // one word may name several types ("the Busan machine": a server or a VM): its claims are one type word
        if (types.isEmpty() || types.stream().anyMatch(c -> !c.span().equals(types.get(0).span()))) {
            return;
        }
        Claim t = types.get(0);
        // "storage devices", "database servers": the noun after the type word counts too
        String next = a.text().substring(t.span().end()).stripLeading().split("[ ,.?!]", 2)[0];
        // "서버들", and "db별" (per db), "각 db" (each db): every CI of the type, as a plural names them
        boolean plural = t.text().endsWith("s") && !t.text().endsWith("ss") || a.text().startsWith("들", t.span().end())
                || a.text().startsWith("별", t.span().end())
                || a.text().substring(0, t.span().start()).stripTrailing().matches("(?s)(?:.*\\s)?각")
                || next.length() > 3 && next.endsWith("s") && !next.endsWith("ss") && next.chars().allMatch(Character::isLetter);
        List<String> typeNames = types.stream().filter(c -> c.kind().equals("enum"))
                .map(c -> c.value().substring(c.value().indexOf('=') + 1)).distinct().toList();
        String type = typeNames.isEmpty() ? "" : typeNames.get(0);
        List<Claim> values = claims.stream().filter(c -> (c.kind().equals("value") || c.kind().equals("enum"))
                && !c.value().contains(".ci_type=") && c.value().contains("=")).toList();
        // Korean has no article: "오창쪽 스토리지" is definite by the place that narrows it
        java.util.Set<String> narrowed = new java.util.HashSet<>();
        values.forEach(v -> narrowed.add(v.value().substring(0, v.value().indexOf('='))));
        boolean aboutOne = claims.stream().anyMatch(c -> c.kind().equals("metric")
                || c.kind().equals("field") && !narrowed.contains(c.value())
                || c.kind().equals("intent") && rules.understanding().relationIntents().contains(c.value()));
        // "Da Nang host CPU now": a place written right before a singular type word narrows it in English as well
        boolean definite = definiteBefore(t) || !values.isEmpty() && aboutOne
                && (Folding.hasHangul(a.text()) || values.stream().anyMatch(v -> v.span().end() <= t.span().start()
                && a.text().substring(v.span().end(), t.span().start()).isBlank()))
                || bareKorean(t, type, aboutOne);
        if (plural || !definite) {
            return;
        }
        if (type.isEmpty() && values.isEmpty()) {
            return; // "the system" alone names nothing
        }
        int max = rules.understanding().definiteMaxCandidates();
        List<EntityDictionary.Entity> fit = new ArrayList<>();
        // the values one word names for one field ("busan": a place of the schema and one of the estate) are either
        java.util.Map<String, List<Claim>> either = new java.util.LinkedHashMap<>();
        values.forEach(v -> either.computeIfAbsent(v.span() + v.value().substring(0, v.value().indexOf('=')),
                k -> new ArrayList<>()).add(v));
        for (String ty : typeNames.isEmpty() ? List.of("") : typeNames) {
            for (EntityDictionary.Entity e : dictionary.ofType(ty, Integer.MAX_VALUE - 1)) {
                boolean ok = true;
                for (List<Claim> vs : either.values()) {
                    String field = vs.get(0).value().substring(0, vs.get(0).value().indexOf('=')); // "ci.location"
                    ok &= vs.stream().anyMatch(v -> v.value().substring(v.value().indexOf('=') + 1)
                            .equals(e.fields().get(field))) != reading.negatedClaim(vs.get(0));
                }
                if (ok && !fit.contains(e)) {
                    fit.add(e);
                }
            }
        }
        if (fit.isEmpty() || fit.size() > max) {
            return;
        }
        claims.removeIf(c -> c.span().equals(t.span()) && (c.kind().equals("enum") || c.kind().equals("entity_type")));
        // the narrowing words describe the CI now: they stay read, not as filters
        List<Claim> described = new ArrayList<>();
        for (Claim v : values) {
            claims.removeIf(c -> c == v);
            described.add(new Claim(v.span(), v.text(), "descriptor", v.value(), v.score()));
        }
        claims.addAll(described);
        reading.link(t.span(), EntityDictionary.Rank.TOKEN, 0, fit);
    }

    /**
     * "Before the Jeonju VOD outage on the evening of September 24th, what changed?": a question about
     * what changed before an incident that names the place it happened (a value of a place field,
     * rules.understanding.place_fields) and no CI of that place means the CIs there — a partial name it
     * holds of a CI elsewhere ("vod" of a NAS in another site) is not where the incident was and only
     * describes it. The one of them that had the incident is found when the plan runs (the anchor
     * candidates), never guessed here; more than rules.understanding.definite_max_candidates: nothing.
     */
    void incidentAtPlace() {
        boolean before = claims.stream().anyMatch(c -> c.kind().equals("intent")
                && (c.value().equals("changed_before") || c.value().equals("before")));
        boolean incident = claims.stream().anyMatch(c -> c.kind().equals("enum") && c.value().endsWith(".event_type=incident")
                || c.kind().equals("intent") && c.value().equals("failure"));
        List<String> placeFields = rules.understanding().placeFields();
        List<Claim> places = claims.stream().filter(c -> c.kind().equals("value") && c.value().contains("=")
                && placeFields.contains(c.value().substring(0, c.value().indexOf('=')))).toList();
        if (!before || !incident || places.size() != 1) {
            return;
        }
        Claim place = places.get(0);
        String field = place.value().substring(0, place.value().indexOf('='));
        String value = place.value().substring(place.value().indexOf('=') + 1);
        boolean named = entities.stream().anyMatch(e -> e.rank().score >= EntityDictionary.Rank.EXACT_NAME.score
                || e.candidates().stream().anyMatch(x -> value.equals(x.fields().get(field))));
        if (named) {
            return;
        }
        int max = rules.understanding().definiteMaxCandidates();
        List<EntityDictionary.Entity> there = dictionary.ofType("", Integer.MAX_VALUE - 1).stream()
                .filter(e -> value.equals(e.fields().get(field))).toList();
        if (there.isEmpty() || there.size() > max) {
            return;
        }
        for (LinkedEntity e : List.copyOf(entities)) {
            entities.remove(e);
            claims.removeIf(c -> c.kind().equals("entity") && c.span().equals(e.span()));
            claims.add(new Claim(e.span(), e.mention(), "descriptor", "incident", e.score()));
        }
        claims.removeIf(c -> c == place);
        reading.link(place.span(), EntityDictionary.Rank.TOKEN, 0, there);
    }

    /** Intents that read events: an event word in a question with one of these is the event filter. */
    private static final Set<String> EVENT_INTENTS = Set.of("history", "why", "failure", "happened", "before",
            "changed_before");

    /**
     * "DB VM 메모리 지금 얼마에요?", "알림 쪽 CPU": words the vocabulary knows that are written whole
     * inside CI names or aliases ("창고 DB VM", "주문 DB VM", "알림 VM") name those CIs — the only one, or
     * several to choose from, never a filter nothing applies. Two kinds: type words side by side (the
     * last is the CI, the first says which), and an event word in a question about a metric with no
     * event intent (there the event meaning applies to nothing). Only when no CI is named and the
     * question is about one CI (as {@link #definiteType}).
     */
    void vocabularyAsNames() {
        if (!entities.isEmpty() || claims.stream().anyMatch(c -> c.kind().equals("top") || c.kind().equals("threshold")
                || c.kind().equals("intent") && List.of("list", "count", "search", "compare").contains(c.value())
                && !questionWord(c))) {
            return;
        }
        boolean metricOnly = claims.stream().anyMatch(c -> c.kind().equals("metric"))
                && claims.stream().noneMatch(c -> c.kind().equals("intent") && EVENT_INTENTS.contains(c.value()));
        List<Token> content = a.tokens().stream().filter(t -> !t.function()).toList();
        List<Token> run = new ArrayList<>();
        for (int i = 0; i <= content.size(); i++) {
            Token t = i < content.size() ? content.get(i) : null;
            Claim typed = t == null ? null : vocabularyClaimOf(t);
            boolean joins = typed != null && typed.value().contains(".ci_type=") && (run.isEmpty()
                    || a.text().substring(run.get(run.size() - 1).end(), t.start()).isBlank());
            if (joins) {
                run.add(t);
                continue;
            }
            if (run.size() >= 2 && !pluralAfter(run.get(run.size() - 1))) {
                nameFromVocabulary(new Span(run.get(0).start(), run.get(run.size() - 1).end()));
            }
            run.clear();
            if (typed != null && typed.value().contains(".ci_type=")) {
                run.add(t);
            } else if (typed != null && metricOnly && typed.value().startsWith("ci_event.")) {
                nameFromVocabulary(typed.span());
            }
        }
    }

    /** The enum or type claim covering this token alone (no wider than it, a character of slack), if any. */
    private Claim vocabularyClaimOf(Token t) {
        for (Claim c : claims) {
            if ((c.kind().equals("enum") || c.kind().equals("entity_type")) && c.span().start() <= t.start()
                    && c.span().end() >= t.end() && c.span().end() - c.span().start() <= t.end() - t.start() + 1) {
                return c.kind().equals("entity_type") ? new Claim(c.span(), c.text(), c.kind(), "ci.ci_type=", c.score()) : c;
            }
        }
        return null;
    }

    private boolean pluralAfter(Token last) {
        String w = last.surface().toLowerCase(java.util.Locale.ROOT);
        return last.latin() && w.length() >= 3 && w.endsWith("s") && !w.endsWith("ss") // "DB VMs"
                || a.text().startsWith("들", last.end());
    }

    private void nameFromVocabulary(Span span) {
        if (!entities.isEmpty()) {
            return;
        }
        String text = a.span(span.start(), span.end());
        Set<EntityDictionary.Entity> found = new LinkedHashSet<>();
        reading.preferOwnData(dictionary.partial(EntityDictionary.words(text), Analyzed.compactOf(text))).stream()
                .filter(p -> p.rank() == EntityDictionary.Rank.TOKEN).forEach(p -> found.add(p.name().entity()));
        int max = rules.understanding().definiteMaxCandidates();
        if (found.isEmpty() || found.size() > max) {
            return;
        }
        claims.removeIf(c -> (c.kind().equals("enum") || c.kind().equals("entity_type")) && span.overlaps(c.span()));
        reading.link(span, EntityDictionary.Rank.TOKEN, 0, new ArrayList<>(found));
    }

    /** "which", "어떤": a question word the list group also holds, not a request for a list. */
    private boolean questionWord(Claim c) {
        for (String w : rules.understanding().questionWords()) {
            if (c.text().equals(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "로드밸런서 상태 알려주세요": Korean marks no article and no plural; a type word of one type said bare (no 들, no
     * list or count word — those returned before) in a question about one CI's measure or field is one CI of that
     * type: the only one, or those of the type asked between (more than definite_max_candidates: nothing changes).
     * An aggregation or an anomaly over them ("호스트 CPU 평균", "CPU 이상이 있었던 서버는?") and a clause describing
     * which ones ("…있었던 서버") still ask for the set.
     */
    private boolean bareKorean(Claim t, String type, boolean aboutOne) {
        if (!aboutOne || type.isEmpty() || !Folding.hasHangul(a.text()) || claims.stream().anyMatch(c -> c.kind().equals("agg")
                || c.kind().equals("trend") || c.kind().equals("intent") && c.value().startsWith("anomaly"))) {
            return false;
        }
        return a.tokens().stream().noneMatch(k -> k.function() && k.pos().startsWith("E") && k.end() <= t.span().start()
                && a.text().substring(k.end(), t.span().start()).isBlank());
    }

    /** "the", "그", "this" … right before the type word, with only value words ("the ochang vm") between. */
    private boolean definiteBefore(Claim t) {
        String before = a.text().substring(0, t.span().start());
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (Claim c : claims) {
                if ((c.kind().equals("value") || c.kind().equals("enum")) && c.span().end() <= before.length()
                        && c.span().start() < before.length() && before.substring(c.span().end()).isBlank()) {
                    before = before.substring(0, c.span().start());
                    stripped = true;
                }
            }
        }
        before = before.stripTrailing();
        for (String d : rules.understanding().definiteWords()) {
            if (before.endsWith(" " + d) || before.equals(d)) {
                return true;
            }
        }
        return false;
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, Object> key) {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        return x -> seen.add(key.apply(x));
    }
}
