package dev.opsuite.gateway.regression;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A reference whose statement carries its bound instants inline — a redis command is sent with its
 * arguments, "ZRANGEBYSCORE heartbeat:server:last_seen -inf 1769335200 WITHSCORES" — moves with every
 * run as the instants among its params do (those the Judge compares as "&lt;time&gt;"). Such a number is
 * masked as "&lt;time&gt;" in the statement and in the params' argument list, but only where it is
 * exactly the epoch second or millisecond of one of the reference's own instants: a number the
 * template wrote, or a CI code, is compared as it is.
 */
final class InlineInstants {
    private InlineInstants() {}

    static String statement(String statement, Map<String, Object> params, Function<String, Instant> instant) {
        String out = statement;
        for (String epoch : epochs(params, instant)) {
            out = Pattern.compile("(?<![0-9])" + epoch + "(?![0-9])").matcher(out).replaceAll("<time>");
        }
        return out;
    }

    /** The params with every string inside a list (a command's arguments) masked as in {@link #statement}. */
    static Map<String, Object> params(Map<String, Object> params, Function<String, Instant> instant) {
        Set<String> epochs = epochs(params, instant);
        if (epochs.isEmpty()) {
            return params;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (v instanceof List<?> l) {
                List<Object> masked = new ArrayList<>();
                l.forEach(x -> masked.add(x instanceof String s ? statement(s, params, instant) : x));
                out.put(k, masked);
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The epoch seconds and milliseconds, as text, of the instants among the top-level params. */
    private static Set<String> epochs(Map<String, Object> params, Function<String, Instant> instant) {
        Set<String> out = new LinkedHashSet<>();
        for (Object v : params.values()) {
            Instant i = v instanceof String s ? instant.apply(s) : null;
            if (i != null) {
                out.add(Long.toString(i.toEpochMilli()));
                out.add(Long.toString(i.getEpochSecond()));
            }
        }
        return out;
    }
}
