package dev.opsuite.executor.domain;

import dev.opsuite.guard.DataScope;
import dev.opsuite.kit.cache.Lru;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CI codes a data scope lets a caller see, from the estate's dictionary templates (the same
 * rows and the same {@link DataScope#admits} as the planner's entity linking, so the two never
 * disagree). Kept per estate revision: the revision template runs on each scoped request and the
 * rows are read again only when it moved (an import). Without a revision template the rows are
 * read every time.
 */
public final class ScopeMembers {
    private static final int MAX_SCOPES = 64;

    private final DictionaryLoader loader;
    private final Map<String, Held> held = Lru.bounded(16);

    private static final class Held {
        long revision = -1;
        Map<String, Map<String, String>> cis = Map.of();
        final Map<String, Set<String>> members = new HashMap<>();
    }

    public ScopeMembers(DictionaryLoader loader) {
        this.loader = loader;
    }

    /** The codes visible in this scope (sorted), for binding and for checking rows. Not for scope.all(). */
    public Set<String> of(DataScope scope, AssetBundle assets, boolean mock) {
        String key = key(assets, mock);
        Held h;
        synchronized (held) {
            h = held.computeIfAbsent(key, k -> new Held());
        }
        synchronized (h) {
            DictionaryLoader.Loaded loaded = loader.load(assets, mock, h.revision);
            if (!loaded.unchanged() || loaded.revision() < 0) {
                h.cis = facts(loaded.tables());
                h.revision = loaded.revision();
                h.members.clear();
            }
            if (h.members.size() > MAX_SCOPES) {
                h.members.clear();
            }
            Map<String, Map<String, String>> cis = h.cis;
            return h.members.computeIfAbsent(scope.key(), k -> {
                Set<String> codes = new TreeSet<>();
                cis.forEach((code, fields) -> {
                    if (scope.admits(fields)) {
                        codes.add(code);
                    }
                });
                return Set.copyOf(new TreeSet<>(codes));
            });
        }
    }

    /** Each CI's fields by code, from the dictionary table holding ci_code (one row per alias). */
    private static Map<String, Map<String, String>> facts(List<DictionaryLoader.Table> tables) {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (DictionaryLoader.Table t : tables) {
            List<String> columns = t.rows().columns();
            int code = columns.indexOf("ci_code");
            if (code < 0) {
                continue;
            }
            for (List<Object> row : t.rows().rows()) {
                Object c = row.get(code);
                if (c == null || out.containsKey(String.valueOf(c))) {
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                for (int i = 0; i < columns.size() && i < row.size(); i++) {
                    if (DataScope.FACTS.contains(columns.get(i)) && row.get(i) != null) {
                        fields.put(columns.get(i), String.valueOf(row.get(i)).strip());
                    }
                }
                out.put(String.valueOf(c), Map.copyOf(fields));
            }
        }
        return out;
    }

    private static String key(AssetBundle assets, boolean mock) {
        StringBuilder k = new StringBuilder(mock ? "mock" : "real");
        assets.get("query").ifPresent(q -> k.append('|').append(ref(q)));
        assets.sources().values().forEach(s -> k.append('|').append(ref(s)));
        return k.toString();
    }

    private static String ref(AssetDoc d) {
        return d.ref() + (d.version() == 0 ? "#" + d.content().hashCode() : "");
    }
}
