package dev.opsuite.executor.domain;

import dev.opsuite.guard.RedisTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bounds a command that could return more than the rows wanted, before it runs and visibly (the
 * trace shows the bounded command): ZRANGEBYSCORE and ZRANGE BYSCORE|BYLEX get {@code LIMIT 0 n},
 * XRANGE, XREVRANGE and TS.RANGE get {@code COUNT n}, where n is one more than the rows wanted (so
 * the result can say it was truncated) and a larger count in the template is lowered to n. Index
 * ranges (ZRANGE, ZREVRANGE, LRANGE), HGETALL, SMEMBERS and SCAN are bounded by the adapter, which
 * knows the collection's size.
 */
final class RedisBounds {
    private RedisBounds() {}

    static RedisTemplates.Bound apply(RedisTemplates.Bound b, int maxRows) {
        int n = maxRows + 1;
        List<String> args = new ArrayList<>(b.args());
        switch (b.command()) {
            case "ZRANGEBYSCORE" -> limit(args, n);
            case "ZRANGE" -> {
                if (has(args, "BYSCORE") || has(args, "BYLEX")) {
                    limit(args, n);
                }
            }
            case "XRANGE", "XREVRANGE", "TS.RANGE" -> count(args, n);
            default -> { }
        }
        return new RedisTemplates.Bound(b.command(), List.copyOf(args));
    }

    private static boolean has(List<String> args, String word) {
        return args.stream().anyMatch(a -> a.equalsIgnoreCase(word));
    }

    private static void limit(List<String> args, int n) {
        for (int i = 0; i + 2 < args.size(); i++) {
            if (args.get(i).toUpperCase(Locale.ROOT).equals("LIMIT")) {
                long count = parse(args.get(i + 2));
                if (count < 0 || count > n) {
                    args.set(i + 2, Integer.toString(n));
                }
                return;
            }
        }
        args.addAll(List.of("LIMIT", "0", Integer.toString(n)));
    }

    private static void count(List<String> args, int n) {
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).toUpperCase(Locale.ROOT).equals("COUNT")) {
                long count = parse(args.get(i + 1));
                if (count < 1 || count > n) {
                    args.set(i + 1, Integer.toString(n));
                }
                return;
            }
        }
        args.addAll(List.of("COUNT", Integer.toString(n)));
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
