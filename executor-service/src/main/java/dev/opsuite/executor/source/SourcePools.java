package dev.opsuite.executor.source;

import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.SourceAsset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection pools (or drivers) per Source asset version: a newly published version gets its own
 * pool, and the pool of an archived version is closed by {@link #retire}. A missed retire cannot
 * leak: pools unused for {@code idleAfter} are closed, and above {@code maxPools} the least
 * recently used one is closed (both checked whenever a pool is taken).
 */
public final class SourcePools<T extends AutoCloseable> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourcePools.class);

    /** One version's pool; the connection hash keeps a changed connection block from reusing it. */
    private record Key(String name, int version, boolean draft, int connectionHash) {
        String ref() {
            return name + "@" + version + (draft ? "(draft)" : "");
        }
    }

    private static final class Entry<T> {
        final T pool;
        volatile long lastUsed = System.nanoTime();

        Entry(T pool) {
            this.pool = pool;
        }
    }

    private final Map<Key, Entry<T>> pools = new ConcurrentHashMap<>();
    private final int maxPools;
    private final long idleAfterNanos;

    public SourcePools(int maxPools, Duration idleAfter) {
        this.maxPools = Math.max(1, maxPools);
        this.idleAfterNanos = idleAfter.toNanos();
    }

    /** The pool of this source version, created on first use. */
    public T get(AssetDoc source, Function<AssetDoc, T> create) {
        Key key = new Key(source.name(), source.version(), "draft".equals(source.status()),
                SourceAsset.of(source).connection().hashCode());
        Entry<T> e = pools.computeIfAbsent(key, k -> new Entry<>(create.apply(source)));
        e.lastUsed = System.nanoTime();
        evict(key);
        return e.pool;
    }

    /** Closes the pools of name@version (every version when version is 0); returns their refs. */
    public List<String> retire(String name, int version) {
        List<String> closed = new ArrayList<>();
        for (Key k : List.copyOf(pools.keySet())) {
            if (k.name().equals(name) && (version == 0 || k.version() == version)) {
                closeEntry(k, "retired");
                closed.add(k.ref());
            }
        }
        return closed;
    }

    /** name@version of every open pool, sorted; for tests and diagnostics. */
    public List<String> open() {
        return pools.keySet().stream().map(Key::ref).sorted().toList();
    }

    private void evict(Key keep) {
        long now = System.nanoTime();
        for (Map.Entry<Key, Entry<T>> e : List.copyOf(pools.entrySet())) {
            if (!e.getKey().equals(keep) && now - e.getValue().lastUsed > idleAfterNanos) {
                closeEntry(e.getKey(), "idle");
            }
        }
        // bounded: each pass removes one pool, and there are at most size() - maxPools passes
        int excess = pools.size() - maxPools;
        for (int i = 0; i < excess; i++) {
            pools.entrySet().stream().filter(e -> !e.getKey().equals(keep))
                    .min(Comparator.comparingLong(e -> e.getValue().lastUsed))
                    .ifPresent(e -> closeEntry(e.getKey(), "over the limit of " + maxPools + " pools"));
        }
    }

    private void closeEntry(Key key, String why) {
        Entry<T> e = pools.remove(key);
        if (e == null) {
            return;
        }
        try {
            e.pool.close();
            log.info("closed the pool of source {} ({})", key.ref(), why);
        } catch (Exception ex) {
            log.warn("closing the pool of source {}: {}", key.ref(), ex.getMessage());
        }
    }

    @Override
    public void close() {
        List.copyOf(pools.keySet()).forEach(k -> closeEntry(k, "shutdown"));
    }
}
