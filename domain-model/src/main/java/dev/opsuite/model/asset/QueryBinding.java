package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One binding of a Query asset ({@code bindings[]}): the template a plan runs ({@code query}), the
 * ones run after it ({@code also}), and when ({@code when}). Anything parses: a member of the wrong
 * kind reads as its default ({@link Read}).
 */
public record QueryBinding(String query, List<String> also, When when) {
    public QueryBinding {
        also = List.copyOf(also);
    }

    /**
     * {@code when}: either {@code needs} — the template serves the product itself (resolve,
     * dictionary, documents …), present whenever the member is given ("" when it is no string) — or
     * conditions on the plan, all of which must hold, in the asset's order.
     */
    public record When(Optional<String> needs, List<Condition> conditions) {
        public static final String NEEDS = "needs";
        public static final String RESOLVE = "resolve";
        public static final String DICTIONARY = "dictionary";
        public static final String DICTIONARY_REVISION = "dictionary_revision";
        public static final String DOCUMENTS = "documents";
        public static final String ANCHOR_CANDIDATES = "anchor_candidates";
        public static final String ANCHOR_TITLES = "anchor_titles";
        /** The needs the product knows. */
        public static final List<String> KNOWN_NEEDS = List.of(RESOLVE, DICTIONARY, DICTIONARY_REVISION,
                ANCHOR_CANDIDATES, ANCHOR_TITLES, DOCUMENTS);

        public When {
            conditions = List.copyOf(conditions);
        }

        /** Whether it serves this need of the product. */
        public boolean serves(String need) {
            return needs.filter(need::equals).isPresent();
        }

        static When from(JsonNode w) {
            List<Condition> conditions = new ArrayList<>();
            Read.members(w).forEach((key, v) -> {
                if (!NEEDS.equals(key)) {
                    conditions.add(new Condition(key, Read.string(v, ""), Read.bool(v, false)));
                }
            });
            return new When(Read.given(w.path(NEEDS)) ? Optional.of(Read.string(w.path(NEEDS), ""))
                    : Optional.empty(), conditions);
        }
    }

    /**
     * One condition of {@code when}: its key and its value read as the kind the key takes — {@code text}
     * for the string conditions (intent, view, agg …; "" when it is no string), {@code flag} for the
     * boolean ones (metric, bucket, compare …; false when it is no boolean). An unknown key never holds.
     */
    public record Condition(String key, String text, boolean flag) {}

    static QueryBinding from(JsonNode b) {
        return new QueryBinding(Read.string(b.path("query"), ""), Read.strings(b.path("also")),
                When.from(b.path("when")));
    }
}
