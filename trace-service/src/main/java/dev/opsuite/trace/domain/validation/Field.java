package dev.opsuite.trace.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One field of an asset type, as the validator checks it and the reference documents it.
 *
 * <p>{@code path} is a pattern from the content's root: {@code budget.max_depth}, {@code
 * queries[].params[].name} (every element of an array), {@code rbac.roles.<role>} (any key the
 * author chooses). {@code byDefault} is what the readers use when the field is absent, as Markdown
 * ("—" when nothing is). {@code values} is the closed set of values the readers act on; when
 * {@code enforced}, others are refused on save. {@code keys} names the keys a map's readers look
 * up. {@code min}/{@code max} bound a number, {@code notBlank} refuses blank strings, and {@code
 * mustBe} replaces the problem's wording ("a port number (1-65535)").
 */
record Field(String path, Kind kind, String meaning, boolean isRequired, String byDefault, List<String> values,
             boolean enforced, List<String> keys, Double min, Double max, boolean notBlank, String mustBe) {
    static final String NONE = "—";

    Field {
        values = List.copyOf(values);
        keys = List.copyOf(keys);
    }

    /** An optional field without default, closed values or bounds. */
    static Field field(String path, Kind kind, String meaning) {
        return new Field(path, kind, meaning, false, NONE, List.of(), false, List.of(), null, null, false, null);
    }

    /** The {@code name} member every asset may carry. */
    static Field assetName() {
        return field("name", Kind.STRING, "The asset's name; when given it must equal the name the asset is saved "
                + "under (seed files must give it).");
    }

    Field required() {
        return new Field(path, kind, meaning, true, byDefault, values, enforced, keys, min, max, notBlank, mustBe);
    }

    /** The default as a JSON literal (shown as code): {@code byDefault("10")}, {@code byDefault("\"stack\"")}. */
    Field byDefault(String json) {
        return defaultIs("`" + json + "`");
    }

    /** A number default, from the constant the readers apply (domain-model's asset records). */
    Field byDefault(double value) {
        return byDefault(number(value));
    }

    Field byDefault(boolean value) {
        return byDefault(Boolean.toString(value));
    }

    /** A string default, from the constant the readers apply; shown quoted. */
    Field byDefaultText(String value) {
        return byDefault("\"" + value + "\"");
    }

    /** The default in words, when it is not one literal ("the query's name"). */
    Field defaultIs(String markdown) {
        return new Field(path, kind, meaning, isRequired, markdown, values, enforced, keys, min, max, notBlank, mustBe);
    }

    /** The only values accepted on save. */
    Field oneOf(String... allowed) {
        return new Field(path, kind, meaning, isRequired, byDefault, List.of(allowed), true, keys, min, max, notBlank,
                mustBe);
    }

    /** The values the readers act on (others are ignored or fail when used, as the meaning says); not checked. */
    Field known(String... acted) {
        return known(List.of(acted));
    }

    Field known(List<String> acted) {
        return new Field(path, kind, meaning, isRequired, byDefault, acted, false, keys, min, max, notBlank, mustBe);
    }

    /** The keys the readers look up in a map (or a {@code <key>} field). */
    Field keys(String... looked) {
        return keys(List.of(looked));
    }

    Field keys(List<String> looked) {
        return new Field(path, kind, meaning, isRequired, byDefault, values, enforced,
                looked, min, max, notBlank, mustBe);
    }

    Field min(double least) {
        return new Field(path, kind, meaning, isRequired, byDefault, values, enforced,
                keys, least, max, notBlank, mustBe);
    }

    Field between(double least, double most) {
        return new Field(path, kind, meaning, isRequired, byDefault, values, enforced,
                keys, least, most, notBlank, mustBe);
    }

    Field nonBlank() {
        return new Field(path, kind, meaning, isRequired, byDefault, values, enforced, keys, min, max, true, mustBe);
    }

    Field mustBe(String wording) {
        return new Field(path, kind, meaning, isRequired, byDefault, values, enforced,
                keys, min, max, notBlank, wording);
    }

    /** The last segment of the path: the member name, or {@code <key>} for any key. */
    String name() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The pattern of the object holding this field ("" for the root). */
    String parent() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** Whether this field stands for any key of its object ({@code <role>}). */
    boolean anyKey() {
        return name().startsWith("<");
    }

    /** What a value of the wrong kind, or out of bounds, is told: "must be an integer >= 1". */
    String requirement() {
        if (mustBe != null) {
            return "must be " + mustBe;
        }
        if (min != null && max != null) {
            return "must be " + kind.article() + " between " + number(min) + " and " + number(max);
        }
        if (min != null) {
            return "must be " + kind.article() + " >= " + number(min);
        }
        if (notBlank) {
            return "must be a non-empty string";
        }
        return "must be " + kind.article();
    }

    /** The problem with a value of the right kind, or null: bounds, blank text, values outside a closed set. */
    String problemWith(Object v) {
        if (v instanceof Number n && (min != null && n.doubleValue() < min || max != null && n.doubleValue() > max)) {
            return requirement();
        }
        if (v instanceof String s && notBlank && s.isBlank()) {
            return requirement();
        }
        if (v instanceof String s && enforced && !values.contains(s)) {
            return "must be one of " + String.join(", ", new TreeSet<>(values));
        }
        return null;
    }

    /** The constraints as the reference lists them next to the values. */
    List<String> constraints() {
        List<String> out = new ArrayList<>();
        if (min != null && max != null) {
            out.add(number(min) + " to " + number(max));
        } else if (min != null) {
            out.add(">= " + number(min));
        }
        if (notBlank) {
            out.add("not blank");
        }
        return out;
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
