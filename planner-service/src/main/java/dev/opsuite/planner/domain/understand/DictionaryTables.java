package dev.opsuite.planner.domain.understand;

import dev.opsuite.guard.DataScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an {@link EntityDictionary} from the rows of the Query asset's dictionary templates: a
 * table with a {@code ci_code} column lists CIs (ci_code, ci_name, ci_type, alias, origin — one row
 * per alias); any other table's columns are fields of the primary entity and its cells their values
 * (environment, location, owner…).
 */
public final class DictionaryTables {
    private final Map<String, EntityDictionary.Entity> entities = new LinkedHashMap<>();
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final List<Map.Entry<Integer, String>> aliases = new ArrayList<>();
    private final Set<Map.Entry<String, String>> values = new LinkedHashSet<>();
    private final String entity;

    public DictionaryTables(String primaryEntity) {
        this.entity = primaryEntity;
    }

    public void add(List<String> columns, List<List<Object>> rows) {
        int code = columns.indexOf("ci_code");
        if (code >= 0) {
            int name = columns.indexOf("ci_name");
            int type = columns.indexOf("ci_type");
            int alias = columns.indexOf("alias");
            int origin = columns.indexOf("origin");
            for (List<Object> r : rows) {
                String c = text(r, code);
                if (c.isEmpty()) {
                    continue;
                }
                Integer at = index.get(c);
                if (at == null) {
                    at = entities.size();
                    index.put(c, at);
                    Map<String, String> fields = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        String col = columns.get(i);
                        if (!List.of("ci_code", "ci_name", "ci_type", "alias", "origin").contains(col)
                                && !text(r, i).isEmpty()) {
                            fields.put(entity + "." + col, text(r, i));
                            // tags are a data-scope fact, not a filter any template applies: a tag word in
                            // a question stays unexplained rather than becoming a filter nothing honours
                            if (!col.equals(DataScope.TAGS)) {
                                values.add(Map.entry(entity + "." + col, text(r, i)));
                            }
                        }
                    }
                    entities.put(c, new EntityDictionary.Entity(c, name >= 0 ? text(r, name) : c,
                            type >= 0 ? text(r, type) : "", "demo".equals(text(r, origin)), fields));
                }
                String a = text(r, alias);
                if (!a.isEmpty()) {
                    aliases.add(Map.entry(at, a));
                }
            }
            return;
        }
        for (List<Object> r : rows) {
            for (int i = 0; i < columns.size(); i++) {
                String v = text(r, i);
                if (!v.isEmpty()) {
                    values.add(Map.entry(entity + "." + columns.get(i), v));
                }
            }
        }
    }

    private static String text(List<Object> row, int i) {
        if (i < 0 || i >= row.size() || row.get(i) == null) {
            return "";
        }
        return String.valueOf(row.get(i)).strip();
    }

    public EntityDictionary build(long revision) {
        return new EntityDictionary(revision, new ArrayList<>(entities.values()), aliases, new ArrayList<>(values));
    }
}
