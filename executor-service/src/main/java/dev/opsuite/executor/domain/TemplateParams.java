package dev.opsuite.executor.domain;

import dev.opsuite.executor.source.NamedSql;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.errors.OpsException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template's declared, typed parameters ($.queries[].params: name, type and an optional default)
 * checked against given values: every declared one present or defaulted, no unknown one, each value of its declared type, and
 * every placeholder the statement uses declared. Values are converted for binding (int -> Long,
 * timestamp -> OffsetDateTime), never spliced into the statement.
 */
public final class TemplateParams {
    static final int MAX_PARAMS = 50;
    static final int MAX_STRING = 10_000;
    static final int MAX_LIST = 1_000;
    private static final Pattern CYPHER_PARAM = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    private TemplateParams() {}

    /** The bound values by name, in declaration order. */
    public static Map<String, Object> bind(QueryTemplate template, String statement, String language,
                                           Map<String, Object> given) {
        String name = template.name();
        Map<String, String> declared = new LinkedHashMap<>();
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (QueryTemplate.Param p : template.params()) {
            declared.put(p.name(), p.type());
            // an optional parameter: absent means its declared default
            p.byDefault().ifPresent(d -> defaults.put(p.name(),
                    dev.opsuite.kit.json.ModelJson.MAPPER.convertValue(d, Object.class)));
        }
        for (String used : placeholders(statement, language)) {
            if (!declared.containsKey(used)) {
                throw OpsException.invalid("query " + name + " uses parameter " + used + " that its params do not declare");
            }
        }
        if (given.size() > MAX_PARAMS) {
            throw OpsException.invalid("params: at most " + MAX_PARAMS + " values");
        }
        for (String g : given.keySet()) {
            if (!declared.containsKey(g)) {
                throw OpsException.invalid("params." + g + " is not a parameter of query " + name + " (declared: "
                        + String.join(", ", declared.keySet()) + ")");
            }
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        for (Map.Entry<String, String> d : declared.entrySet()) {
            Object v = given.containsKey(d.getKey()) ? given.get(d.getKey()) : defaults.get(d.getKey());
            if (v == null) {
                throw OpsException.invalid("params." + d.getKey() + " is missing (" + d.getValue() + ")");
            }
            bound.put(d.getKey(), convert(d.getKey(), d.getValue(), v));
        }
        return bound;
    }

    /** Bound values as JSON-able values (timestamps as RFC 3339 text), for responses and traces. */
    public static Map<String, Object> printable(Map<String, Object> bound) {
        Map<String, Object> out = new LinkedHashMap<>();
        bound.forEach((k, v) -> out.put(k, v instanceof OffsetDateTime t ? t.toString() : v));
        return out;
    }

    private static Set<String> placeholders(String statement, String language) {
        if ("sql".equals(language)) {
            return new LinkedHashSet<>(NamedSql.parse(statement).paramNames());
        }
        if ("redis".equals(language)) {
            return new LinkedHashSet<>(dev.opsuite.guard.RedisCommandGuard.parameters(statement));
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher m = CYPHER_PARAM.matcher(statement);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Object convert(String name, String type, Object v) {
        String at = "params." + name;
        return switch (type) {
            case "string" -> string(at, v);
            case "int", "integer", "long" -> integer(at, v);
            case "float", "double", "number" -> {
                if (v instanceof Number n) {
                    yield n.doubleValue();
                }
                throw wrong(at, "a number");
            }
            case "bool", "boolean" -> {
                if (v instanceof Boolean b) {
                    yield b;
                }
                throw wrong(at, "a boolean");
            }
            case "timestamp" -> {
                try {
                    yield OffsetDateTime.parse(string(at, v));
                } catch (DateTimeParseException e) {
                    throw wrong(at, "an RFC 3339 timestamp with offset");
                }
            }
            case "string[]" -> list(at, v).stream().map(x -> string(at + "[]", x)).toList();
            case "int[]", "integer[]" -> list(at, v).stream().map(x -> integer(at + "[]", x)).toList();
            default -> throw OpsException.invalid("parameter " + name + " declares unsupported type '" + type
                    + "' (string, int, float, boolean, timestamp, string[], int[])");
        };
    }

    private static String string(String at, Object v) {
        if (v instanceof String s) {
            if (s.length() > MAX_STRING) {
                throw OpsException.invalid(at + " is longer than " + MAX_STRING + " characters");
            }
            return s;
        }
        throw wrong(at, "a string");
    }

    private static Long integer(String at, Object v) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 9.0e15) {
            return n.longValue();
        }
        throw wrong(at, "an integer");
    }

    private static List<?> list(String at, Object v) {
        if (v instanceof List<?> l) {
            if (l.size() > MAX_LIST) {
                throw OpsException.invalid(at + " has more than " + MAX_LIST + " items");
            }
            return new ArrayList<>(l);
        }
        throw wrong(at, "an array");
    }

    private static OpsException wrong(String at, String what) {
        return OpsException.invalid(at + " must be " + what);
    }
}
