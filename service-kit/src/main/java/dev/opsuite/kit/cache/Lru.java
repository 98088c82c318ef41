package dev.opsuite.kit.cache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bounded caches of the ask path: thread-safe maps that drop the least recently used entry beyond a size. */
public final class Lru {
    private Lru() {}

    public static <K, V> Map<K, V> bounded(int maxEntries) {
        return Collections.synchronizedMap(new LinkedHashMap<>(Math.min(maxEntries, 256), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > maxEntries;
            }
        });
    }
}
