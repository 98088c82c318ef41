package dev.opsuite.trace.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON object of an asset's content (plain Java: Map, List, String, Number, Boolean, null) at
 * a JSON path, with typed accessors that record a problem instead of failing, so that one walk
 * reports everything wrong. A missing optional member yields empty without a problem. The rules of
 * a type read with it; the kinds of declared fields are checked before, from {@link AssetModel}.
 */
final class Node {
    private final Map<String, ?> map;
    private final String path;
    private final Problems problems;

    Node(Map<String, ?> map, String path, Problems problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    /** Plain conversion: empty arrays and objects are content here (ModelJson's mapper leaves them out). */
    private static final com.fasterxml.jackson.databind.ObjectMapper TREE = new com.fasterxml.jackson.databind.ObjectMapper();

    String path() {
        return path;
    }

    /** This object as a Jackson tree, exactly as given, for checks shared with the services that enforce them. */
    com.fasterxml.jackson.databind.JsonNode tree() {
        return TREE.valueToTree(map);
    }

    Map<String, ?> map() {
        return map;
    }

    Problems problems() {
        return problems;
    }

    String pathOf(String key) {
        return path + "." + key;
    }

    boolean has(String key) {
        return map.containsKey(key) && map.get(key) != null;
    }

    Optional<String> string(String key, boolean required) {
        return member(key, required).flatMap(v -> {
            if (v instanceof String s) {
                return Optional.of(s);
            }
            problems.add(pathOf(key), "must be a string");
            return Optional.empty();
        });
    }

    Optional<Node> object(String key, boolean required) {
        return member(key, required).flatMap(v -> asObject(v, pathOf(key)));
    }

    Optional<List<?>> array(String key, boolean required) {
        return member(key, required).flatMap(v -> {
            if (v instanceof List<?> l) {
                return Optional.of(l);
            }
            problems.add(pathOf(key), "must be an array");
            return Optional.empty();
        });
    }

    /** The objects of an array member; each element that is not an object is a problem. */
    List<Node> objects(String key, boolean required) {
        List<Node> out = new ArrayList<>();
        array(key, required).ifPresent(list -> {
            for (int i = 0; i < list.size(); i++) {
                asObject(list.get(i), pathOf(key) + "[" + i + "]").ifPresent(out::add);
            }
        });
        return out;
    }

    /** The strings of an array member; each element that is not a string is a problem. */
    List<String> strings(String key, boolean required) {
        List<String> out = new ArrayList<>();
        array(key, required).ifPresent(list -> {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof String s) {
                    out.add(s);
                } else {
                    problems.add(pathOf(key) + "[" + i + "]", "must be a string");
                }
            }
        });
        return out;
    }

    private Optional<Object> member(String key, boolean required) {
        Object v = map.get(key);
        if (v == null) {
            if (required) {
                problems.add(pathOf(key), "is required");
            }
            return Optional.empty();
        }
        return Optional.of(v);
    }

    @SuppressWarnings("unchecked")
    private Optional<Node> asObject(Object v, String at) {
        if (v instanceof Map<?, ?> m) {
            return Optional.of(new Node((Map<String, ?>) m, at, problems));
        }
        problems.add(at, "must be an object");
        return Optional.empty();
    }
}
