package dev.opsuite.trace.domain.validation;

import dev.opsuite.model.AssetType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed description of one asset type: what it is for, which stages read it, and every field,
 * in groups (a heading each in the reference; declaration order is the walk's and the reference's).
 */
record AssetSpec(AssetType type, String purpose, String readers, List<Group> groups) {
    /** Fields that belong together (one table of the reference). */
    record Group(String title, List<Field> fields) {
        Group {
            fields = List.copyOf(fields);
        }
    }

    AssetSpec {
        groups = List.copyOf(groups);
        Map<String, Field> seen = new LinkedHashMap<>();
        for (Group g : groups) {
            for (Field f : g.fields()) {
                if (seen.put(f.path(), f) != null) {
                    throw new IllegalStateException(type.wireName() + ": field " + f.path() + " is declared twice");
                }
            }
        }
        for (Field f : seen.values()) {
            boolean element = f.parent().endsWith("[]");
            String parent = element ? f.parent().substring(0, f.parent().length() - 2) : f.parent();
            if (parent.isEmpty()) {
                continue;
            }
            Field p = seen.get(parent);
            Kind holder = p == null ? null : element ? p.kind().element() : p.kind();
            if (holder == null || !holder.isObject() && holder.base() != Kind.Base.MAP) {
                throw new IllegalStateException(type.wireName() + ": field " + f.path() + " needs a declared parent "
                        + f.parent() + " holding objects");
            }
        }
    }

    static Group group(String title, Field... fields) {
        return new Group(title, List.of(fields));
    }

    /** Every field in declaration order. */
    List<Field> fields() {
        List<Field> out = new ArrayList<>();
        groups.forEach(g -> out.addAll(g.fields()));
        return out;
    }
}
