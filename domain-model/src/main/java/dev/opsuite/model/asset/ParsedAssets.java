package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Asset contents parsed once: the typed record of a content tree is kept by the tree's identity.
 * The services share one tree per asset version (service-kit's AssetProtos and AssetContents keep
 * them), and contents are read-only, so a version is parsed once however many requests apply it.
 * Bounded (LRU): a version no longer applied is parsed again if it ever comes back.
 */
public final class ParsedAssets {
    static final int MAX_PARSED = 256;

    private record Key(JsonNode content, Class<?> type) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.content == content && k.type == type;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(content) * 31 + type.hashCode();
        }
    }

    private static final Map<Key, Object> PARSED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > MAX_PARSED;
        }
    };

    private ParsedAssets() {}

    /**
     * The record of this content, parsed by {@code parser} the first time it is asked for (also for the
     * services' own readings of an asset, e.g. the planner's Resolver rules).
     */
    public static <T> T parsed(JsonNode content, Class<T> type, Function<JsonNode, T> parser) {
        if (content == null || content.isMissingNode()) {
            return parser.apply(content);
        }
        Key key = new Key(content, type);
        synchronized (PARSED) {
            Object kept = PARSED.get(key);
            if (kept != null) {
                return type.cast(kept);
            }
        }
        T parsed = parser.apply(content); // outside the lock: two first readers may both parse, one wins
        synchronized (PARSED) {
            PARSED.putIfAbsent(key, parsed);
        }
        return parsed;
    }

    /** How many parsed records are kept (tests). */
    static int size() {
        synchronized (PARSED) {
            return PARSED.size();
        }
    }
}
