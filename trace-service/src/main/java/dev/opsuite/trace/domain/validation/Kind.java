package dev.opsuite.trace.domain.validation;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a field of an asset holds, as the readers take it: a JSON kind, an array or a map of one
 * kind, localized text, or one of several kinds when a reader accepts several (a port as a number
 * or as digits). Content is plain Java (Map, List, String, Number, Boolean), numbers possibly as
 * doubles (protobuf Struct): an integer is any whole number.
 */
record Kind(Base base, Kind element, List<Kind> options) {
    enum Base { STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ANY, TEXT, ARRAY, MAP, EITHER }

    static final Kind STRING = new Kind(Base.STRING, null, List.of());
    static final Kind INTEGER = new Kind(Base.INTEGER, null, List.of());
    static final Kind NUMBER = new Kind(Base.NUMBER, null, List.of());
    static final Kind BOOLEAN = new Kind(Base.BOOLEAN, null, List.of());
    /** An object whose members are described by the fields under it (or free-form when none is). */
    static final Kind OBJECT = new Kind(Base.OBJECT, null, List.of());
    /** Any JSON value. */
    static final Kind ANY = new Kind(Base.ANY, null, List.of());
    /** Text for people: a string, or an object of language code → string (domain-model Text). */
    static final Kind TEXT = new Kind(Base.TEXT, null, List.of());
    /** A constant of a time pattern: whatever JSON scalar, read as text. */
    static final Kind SCALAR = either(STRING, NUMBER, BOOLEAN);
    static final Kind STRINGS = arrayOf(STRING);

    Kind {
        options = List.copyOf(options);
    }

    static Kind arrayOf(Kind element) {
        return new Kind(Base.ARRAY, element, List.of());
    }

    /** An object with keys the author chooses, every value of one kind. */
    static Kind mapOf(Kind element) {
        return new Kind(Base.MAP, element, List.of());
    }

    static Kind either(Kind... kinds) {
        return new Kind(Base.EITHER, null, List.of(kinds));
    }

    /** Whether the value, at its top level, is of this kind (elements are checked one by one by the walk). */
    boolean accepts(Object v) {
        return switch (base) {
            case STRING -> v instanceof String;
            case INTEGER -> v instanceof Number n && isWhole(n);
            case NUMBER -> v instanceof Number n && Double.isFinite(n.doubleValue());
            case BOOLEAN -> v instanceof Boolean;
            case OBJECT, MAP -> v instanceof Map<?, ?>;
            case ANY -> true;
            case TEXT -> v instanceof String || v instanceof Map<?, ?>;
            case ARRAY -> v instanceof List<?>;
            case EITHER -> options.stream().anyMatch(o -> o.accepts(v));
        };
    }

    /** The first option that accepts the value (the kind itself unless one of several). */
    Kind resolve(Object v) {
        if (base != Base.EITHER) {
            return this;
        }
        return options.stream().filter(o -> o.accepts(v)).findFirst().orElse(this);
    }

    /** As the reference writes it: "integer", "array of string", "map of text", "integer or string". */
    String describe() {
        return switch (base) {
            case ARRAY -> "array of " + element.describe();
            case MAP -> "map of " + element.describe();
            case EITHER -> options.stream().map(Kind::describe).collect(Collectors.joining(" or "));
            default -> base.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** As a problem says it: "an integer", "an array", "a string or an object of language → string". */
    String article() {
        return switch (base) {
            case STRING -> "a string";
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT, MAP -> "an object";
            case ANY -> "a JSON value";
            case TEXT -> "a string or an object of language → string";
            case ARRAY -> "an array";
            case EITHER -> options.stream().map(Kind::article).collect(Collectors.joining(" or "));
        };
    }

    /** Whether values of this kind are objects whose members the walk descends into. */
    boolean isObject() {
        return base == Base.OBJECT || base == Base.EITHER && options.stream().anyMatch(Kind::isObject);
    }

    static boolean isWhole(Number n) {
        double d = n.doubleValue();
        return Double.isFinite(d) && d == Math.rint(d);
    }
}
