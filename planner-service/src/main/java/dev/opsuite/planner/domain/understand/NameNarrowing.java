package dev.opsuite.planner.domain.understand;

import java.util.List;

/**
 * Words beside an ambiguous name that pick one of its CIs (after {@link Signals}' type words): the rest of a
 * misspelt whole name, and a value of the estate (a place, a team) only some of the CIs have. The words that
 * narrowed are recorded as descriptors of the CI, not filters.
 */
final class NameNarrowing {
    private final Understanding u;
    private final String primaryEntity;
    private final List<Claim> descriptors;

    NameNarrowing(Understanding u, String primaryEntity, List<Claim> descriptors) {
        this.u = u;
        this.primaryEntity = primaryEntity;
        this.descriptors = descriptors;
    }

    /**
     * "bookng db" among Booking DB and Booking DB Replica: a misspelt word that partly names several CIs, with the
     * type word right after it, spells one of their whole names within the same one edit — that CI, not a question.
     */
    LinkedEntity byWholeName(LinkedEntity e) {
        if (e.resolved() || e.distance() == 0) {
            return e;
        }
        String text = u.analyzed().text();
        for (Claim c : u.of("enum")) {
            if (!c.value().startsWith(primaryEntity + ".ci_type=") || c.span().start() < e.span().end()
                    || !text.substring(e.span().end(), c.span().start()).isBlank()) {
                continue;
            }
            String whole = Analyzed.compactOf(text.substring(e.span().start(), c.span().end()));
            List<EntityDictionary.Entity> kept = e.candidates().stream()
                    .filter(x -> Edits.distance(whole, Analyzed.compactOf(x.ciName())) <= e.distance()).toList();
            if (kept.size() == 1) {
                descriptors.add(c);
                return e.narrowedTo(kept);
            }
        }
        return e;
    }

    /**
     * "the Hongdae store server" among two store servers: a value of the estate right beside an ambiguous name (a
     * place, a team), or in brackets after it ("the store server (Hongdae)"), that only some of its CIs have narrows it
     * to those, and describes them rather than filtering.
     */
    LinkedEntity byPlace(LinkedEntity e) {
        if (e.resolved()) {
            return e;
        }
        for (Claim c : u.of("value")) {
            int eq = c.value().indexOf('=');
            if (eq < 0 || !c.value().startsWith(primaryEntity + ".") || !adjacent(c.span(), e.span())) {
                continue;
            }
            String field = c.value().substring(0, eq);
            String value = c.value().substring(eq + 1);
            List<EntityDictionary.Entity> kept = e.candidates().stream()
                    .filter(x -> value.equals(x.fields().get(field))).toList();
            if (!kept.isEmpty() && kept.size() < e.candidates().size()) {
                descriptors.add(c);
                return e.narrowedTo(kept);
            }
        }
        return e;
    }

    /**
     * The value and the name side by side: nothing between them but what joins two words, or the value in brackets
     * right after the name ("선별 2라인(김제)", "line 2 host (Gimje)": the place glossing which one).
     */
    private boolean adjacent(Span value, Span name) {
        Span left = value.start() < name.start() ? value : name;
        Span right = left == value ? name : value;
        if (left.end() > right.start()) {
            return false;
        }
        String between = u.analyzed().text().substring(left.end(), right.start());
        return Signals.joining(between) || left == name && List.of("(", "[").contains(between.strip());
    }
}
