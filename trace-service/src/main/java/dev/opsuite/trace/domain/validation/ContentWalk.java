package dev.opsuite.trace.domain.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks one content along its type's fields: each declared field present is checked against its
 * kind and bounds (its elements, entries and members too), a required field missing is a problem,
 * and members no field describes are collected apart — they are not refused (operators' assets
 * carry their own), but the shipped assets must have none. An object field with no field declared
 * under it is free-form (e.g. a few-shot plan): its members are not walked.
 */
final class ContentWalk {
    private final Map<String, List<Field>> children = new LinkedHashMap<>();
    private final Problems problems;
    private final List<String> undeclared = new ArrayList<>();

    private ContentWalk(AssetSpec spec, Problems problems) {
        this.problems = problems;
        for (Field f : spec.fields()) {
            children.computeIfAbsent(f.parent(), k -> new ArrayList<>()).add(f);
        }
    }

    /** Records the kind problems of the content. */
    static void check(AssetSpec spec, Map<String, ?> content, Problems problems) {
        new ContentWalk(spec, problems).object(content, "", "$", null);
    }

    /** The JSON paths of the members no field of the type describes. */
    static List<String> undeclared(AssetSpec spec, Map<String, ?> content) {
        ContentWalk walk = new ContentWalk(spec, new Problems());
        walk.object(content, "", "$", null);
        return List.copyOf(walk.undeclared);
    }

    /**
     * The members of an object at {@code pattern}: its declared fields in order, then the other keys
     * — as its {@code <key>} field, else as {@code others} (a map's entries), else undeclared.
     */
    private void object(Map<?, ?> object, String pattern, String at, Kind others) {
        List<Field> declared = children.getOrDefault(pattern, List.of());
        Set<String> named = new HashSet<>();
        Field anyKey = null;
        for (Field f : declared) {
            if (f.anyKey()) {
                anyKey = f;
                continue;
            }
            named.add(f.name());
            Object v = object.get(f.name());
            if (v != null) {
                value(f, v, at + "." + f.name());
            } else if (f.isRequired()) {
                problems.add(at + "." + f.name(), "is required");
            }
        }
        for (Map.Entry<?, ?> e : object.entrySet()) {
            String key = String.valueOf(e.getKey());
            String where = at + "." + key;
            if (named.contains(key) || e.getValue() == null) {
                continue;
            }
            if (anyKey != null) {
                value(anyKey, e.getValue(), where);
            } else if (others != null) {
                element(others, pattern + ".<key>", e.getValue(), where);
            } else if (!declared.isEmpty()) {
                undeclared.add(where);
            }
        }
    }

    private void value(Field f, Object v, String at) {
        if (!f.kind().accepts(v)) {
            problems.add(at, f.requirement());
            return;
        }
        String problem = f.problemWith(v);
        if (problem != null) {
            problems.add(at, problem);
            return;
        }
        inside(f.kind().resolve(v), f.path(), v, at);
    }

    /** An array element or a map entry: its kind, then what is inside it. */
    private void element(Kind kind, String pattern, Object v, String at) {
        if (!kind.accepts(v)) {
            problems.add(at, "must be " + kind.article());
        } else {
            inside(kind.resolve(v), pattern, v, at);
        }
    }

    /** What is inside a value already of its kind: elements, entries, members, languages. */
    private void inside(Kind kind, String pattern, Object v, String at) {
        switch (kind.base()) {
            case ARRAY -> {
                List<?> list = (List<?>) v;
                Kind e = kind.element();
                for (int i = 0; i < list.size(); i++) { // every element's kind first, as one reads a list
                    if (!e.accepts(list.get(i))) {
                        problems.add(at + "[" + i + "]", "must be " + e.article());
                    }
                }
                for (int i = 0; i < list.size(); i++) {
                    if (e.accepts(list.get(i))) {
                        inside(e.resolve(list.get(i)), pattern + "[]", list.get(i), at + "[" + i + "]");
                    }
                }
            }
            case MAP -> object((Map<?, ?>) v, pattern, at, kind.element());
            case OBJECT -> object((Map<?, ?>) v, pattern, at, null);
            case TEXT -> {
                if (v instanceof Map<?, ?> languages) {
                    languages.forEach((language, text) -> {
                        if (!(text instanceof String)) {
                            problems.add(at + "." + language, "must be a string");
                        }
                    });
                }
            }
            default -> { }
        }
    }
}
