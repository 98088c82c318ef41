package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Policy's {@code security.documents}: how much a document search may return and which
 * collections a caller may search (plan-guard {@code DocSearchGuard}, in VALIDATE and again in
 * EXECUTE).
 *
 * <pre>
 * "documents": {"max_k": 10, "max_passage_chars": 1500, "collections": ["ops_docs"],
 *               "roles": {"viewer": ["ops_docs"]}}
 * </pre>
 *
 * An empty {@code collections} allows every collection; a role the Policy names may search only
 * its own list (a caller with several named roles: the collections all of them allow); a role it
 * does not name is not narrowed.
 */
public record PolicyDocuments(int maxK, int maxPassageChars, List<String> collections, Map<String, List<String>> roles) {
    /** The most documents one search may cite. */
    public static final int DEFAULT_MAX_K = 10;
    /** The longest passage one citation may quote, in characters. */
    public static final int DEFAULT_MAX_PASSAGE_CHARS = 1500;

    public PolicyDocuments {
        collections = List.copyOf(collections);
        roles = Map.copyOf(roles);
    }

    /** Whether a caller with these roles may search this collection. */
    public boolean allows(String collection, List<String> callerRoles) {
        if (!collections.isEmpty() && !collections.contains(collection)) {
            return false;
        }
        for (String role : callerRoles == null ? List.<String>of() : callerRoles) {
            List<String> mine = roles.get(role);
            if (mine != null && !mine.contains(collection)) {
                return false;
            }
        }
        return true;
    }

    static PolicyDocuments from(JsonNode d) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        Read.members(d.path("roles")).forEach((role, list) -> roles.put(role, Read.strings(list)));
        return new PolicyDocuments(Read.integer(d.path("max_k"), DEFAULT_MAX_K),
                Read.integer(d.path("max_passage_chars"), DEFAULT_MAX_PASSAGE_CHARS),
                Read.strings(d.path("collections")), roles);
    }
}
