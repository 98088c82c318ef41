package dev.opsuite.executor.domain;

import dev.opsuite.model.AssetDoc;
import java.util.List;

/**
 * Searches a document collection (a Source of type {@code documents}) for the passages that best
 * answer a question. The adapter owns the index; failures are {@code OpsException}s (UNAVAILABLE
 * when the index cannot be read, FAILED_PRECONDITION when this executor keeps no document index).
 */
public interface DocumentPort {
    /**
     * @param source the Source asset naming the collection
     * @param query  the bound search
     */
    Result search(AssetDoc source, Query query, int timeoutSeconds);

    /** Whether a table-backed collection was last read from its table longer ago than this. */
    boolean syncDue(String collection, int refreshSeconds);

    /**
     * Makes a collection hold exactly these documents (a table's rows): new and changed ones indexed,
     * unchanged ones left alone, those no longer there removed; marks the collection read now.
     */
    Synced replaceAll(String collection, List<dev.opsuite.estate.docs.DocFile> documents);

    /** What a table sync did. */
    record Synced(int indexed, int unchanged, int removed) {}

    /** The passages found, best first, and how many documents the collection holds (0: nothing imported). */
    record Result(String collection, List<Passage> passages, long documents) {
        public Result {
            passages = List.copyOf(passages);
        }
    }

    /**
     * One bound search: the words to look for (analysed, never parsed as query syntax), the CI and type
     * a document applying to them is preferred for, the kinds and tags it must have (empty: any), the
     * question's language (its documents first), how many documents and how long a passage, and the
     * kinds the question's words suggest (a runbook for "how do I", an alert explanation for "what does
     * it mean": preferred, not required).
     */
    record Query(String text, String ciCode, String ciType, List<String> kinds, List<String> tags, String lang,
                 int topK, int passageChars, List<String> preferKinds) {
        public Query(String text, String ciCode, String ciType, List<String> kinds, List<String> tags, String lang,
                     int topK, int passageChars) {
            this(text, ciCode, ciType, kinds, tags, lang, topK, passageChars, List.of());
        }

        public Query {
            preferKinds = preferKinds == null ? List.of() : List.copyOf(preferKinds);
            text = text == null ? "" : text;
            ciCode = ciCode == null ? "" : ciCode;
            ciType = ciType == null ? "" : ciType;
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            tags = tags == null ? List.of() : List.copyOf(tags);
            lang = lang == null ? "" : lang;
        }
    }

    /**
     * The best section of one document: where it is (collection, path, section trail, line), its
     * score, and its text cut to the passage length with the question's words marked {@code **…**}.
     */
    record Passage(String collection, String path, String title, String section, int line, double score,
                   String text, String kind, String lang, List<String> cis) {
        public Passage {
            cis = cis == null ? List.of() : List.copyOf(cis);
        }
    }
}
