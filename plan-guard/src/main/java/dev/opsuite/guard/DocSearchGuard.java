package dev.opsuite.guard;

import dev.opsuite.model.asset.PolicyDocuments;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.asset.SourceAsset;
import java.util.List;
import java.util.Optional;

/**
 * The bounds of a {@code language: search} template (a document search): how many documents it
 * cites ({@code search.top_k}), how long each quoted passage is ({@code search.passage_chars}), and
 * whether the caller's roles may search the Source's collection. The top-k is held within the
 * Policy's {@code security.documents.max_k} and the Source's {@code limits.max_rows}; the passage
 * within {@code max_passage_chars}. VALIDATE records the outcome; EXECUTE applies it again.
 */
public final class DocSearchGuard {
    /** A documents Source reading its documents from a PostgreSQL table names it here (connection.table) … */
    public static final String TABLE = "table";
    /** … and the postgres Source to read it with (connection.from_source). */
    public static final String FROM_SOURCE = "from_source";
    /** The most rows a documents table may hold. */
    public static final int MAX_TABLE_ROWS = 10_000;
    private static final java.util.regex.Pattern TABLE_NAME =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    /** The bounds a search runs with, and whether either was cut to the Policy's or the Source's. */
    public record Bounds(int topK, int passageChars, boolean clamped) {}

    private DocSearchGuard() {}

    /** For a template's {@code search} (its defaults: {@link QueryTemplate.Search}). */
    public static Bounds bounds(QueryTemplate template, PolicyDocuments policy, SourceAsset source) {
        int k = template.search().topK();
        int chars = template.search().passageChars();
        int maxK = Math.max(1, Math.min(policy.maxK(), source.limits().maxRows()));
        int maxChars = Math.max(80, policy.maxPassageChars());
        int topK = Math.max(1, Math.min(k, maxK));
        int passage = Math.max(80, Math.min(chars, maxChars));
        return new Bounds(topK, passage, topK != k || passage != chars);
    }

    /**
     * The statement that reads a documents table (one more row than allowed, to tell a table that is too
     * big), or empty when the name is not a plain (schema-qualified) table name.
     */
    public static Optional<String> tableStatement(String table) {
        return TABLE_NAME.matcher(table).matches()
                ? Optional.of("SELECT * FROM " + table + " LIMIT " + (MAX_TABLE_ROWS + 1)) : Optional.empty();
    }

    /** Why this caller may not search the collection, or empty when it may. */
    public static Optional<String> refusal(String collection, PolicyDocuments policy, List<String> roles) {
        if (policy.allows(collection, roles)) {
            return Optional.empty();
        }
        return Optional.of("the Policy does not let roles " + roles + " search the document collection '" + collection
                + "' (security.documents)");
    }
}
