package dev.opsuite.executor.redis;

import dev.opsuite.executor.domain.SqlPort;
import dev.opsuite.guard.RedisTemplates;
import dev.opsuite.model.errors.OpsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * Sends one allowlisted command and reads its reply into the command's own columns, bounded: an
 * index range is clamped to the rows wanted (the collection's size asked first), a hash or set
 * larger than the rows wanted is read with HSCAN/SSCAN up to them, a SCAN stops after
 * {@link #MAX_SCAN_CALLS} calls or the keys wanted, and a string value over {@link #MAX_VALUE_BYTES}
 * is not read (its cell says so). Every argument is its own bulk string.
 */
final class RedisReader {
    static final int MAX_VALUE_BYTES = 64 * 1024;
    static final int MAX_SCAN_CALLS = 200;

    private final UnifiedJedis jedis;
    private final int maxKeys;

    RedisReader(UnifiedJedis jedis, int maxKeys) {
        this.jedis = jedis;
        this.maxKeys = Math.max(1, maxKeys);
    }

    SqlPort.Tabular read(RedisTemplates.Bound b, int maxRows) {
        List<String> a = b.args();
        String key = a.isEmpty() ? "" : a.get(0);
        return switch (b.command()) {
            case "GET" -> oneValue(List.of("key", "value"), List.of(key), "STRLEN", key, null);
            case "HGET" -> oneValue(List.of("key", "field", "value"), List.of(key, a.get(1)), "HSTRLEN", key, a.get(1));
            case "MGET" -> mget(a, maxRows);
            case "HGETALL" -> hash(key, maxRows);
            case "SMEMBERS" -> set(key, maxRows);
            case "SISMEMBER" -> table(List.of("key", "member", "is_member"),
                    List.of(List.of(key, a.get(1), toLong(send("SISMEMBER", a)) == 1)), false);
            case "ZRANGE", "ZREVRANGE" -> isIndexRange(a) ? zIndexRange(b, maxRows) : zScored(b, maxRows);
            case "ZRANGEBYSCORE" -> zScored(b, maxRows);
            case "LRANGE" -> lrange(a, maxRows);
            case "XRANGE", "XREVRANGE" -> cut(RedisReplies.stream(send(b.command(), a)), maxRows);
            case "SCAN" -> scan(a, maxRows);
            case "TTL" -> table(List.of("key", "ttl_seconds"), List.of(List.of(key, toLong(send("TTL", a)))), false);
            case "TYPE" -> table(List.of("key", "type"), List.of(List.of(key, text(send("TYPE", a)))), false);
            case "EXISTS" -> table(List.of("keys", "existing"), List.of(List.of(a.size(), toLong(send("EXISTS", a)))),
                    false);
            case "TS.GET" -> series(key, () -> RedisReplies.timeSeries(List.of(send("TS.GET", a))));
            case "TS.RANGE" -> series(key, () -> cut(RedisReplies.timeSeries(list(send("TS.RANGE", a))), maxRows));
            default -> throw OpsException.denied("redis command " + b.command() + " is not on the read-only allowlist");
        };
    }

    /**
     * RedisTimeSeries answers a key that is not there with an error ("TSDB: the key does not exist");
     * like GET's missing key it is "no data" — but only when EXISTS agrees, so that any other error
     * (no module loaded: "unknown command"; a key of another type) is said as it is.
     */
    private SqlPort.Tabular series(String key, java.util.function.Supplier<SqlPort.Tabular> read) {
        try {
            return read.get();
        } catch (redis.clients.jedis.exceptions.JedisDataException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not exist")
                    && toLong(send("EXISTS", List.of(key))) == 0) {
                return RedisReplies.timeSeries(List.of());
            }
            throw e;
        }
    }

    private SqlPort.Tabular oneValue(List<String> columns, List<Object> lead, String lengthCommand, String key,
                                     String field) {
        long length = toLong(field == null ? send(lengthCommand, List.of(key)) : send(lengthCommand, List.of(key, field)));
        if (length > MAX_VALUE_BYTES) {
            List<Object> row = new ArrayList<>(lead);
            row.add(overCap(length));
            return table(columns, List.of(row), false);
        }
        Object v = field == null ? send("GET", List.of(key)) : send("HGET", List.of(key, field));
        if (v == null) {
            return table(columns, List.of(), false); // no such key or field: no row, "no data"
        }
        List<Object> row = new ArrayList<>(lead);
        row.add(text(v));
        return table(columns, List.of(row), false);
    }

    private SqlPort.Tabular mget(List<String> keys, int maxRows) {
        List<Object> values = list(send("MGET", keys));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < keys.size() && i < values.size(); i++) {
            if (values.get(i) != null) {
                rows.add(List.of(keys.get(i), capped(values.get(i))));
            }
        }
        return cut(table(List.of("key", "value"), rows, false), maxRows);
    }

    private SqlPort.Tabular hash(String key, int maxRows) {
        long size = toLong(send("HLEN", List.of(key)));
        List<Object> flat = size <= maxRows ? list(send("HGETALL", List.of(key))) : scanCollection("HSCAN", key, maxRows, 2);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i + 1 < flat.size() && rows.size() < maxRows; i += 2) {
            rows.add(List.of(text(flat.get(i)), capped(flat.get(i + 1))));
        }
        return table(List.of("field", "value"), rows, size > rows.size());
    }

    private SqlPort.Tabular set(String key, int maxRows) {
        long size = toLong(send("SCARD", List.of(key)));
        List<Object> members = size <= maxRows ? list(send("SMEMBERS", List.of(key))) : scanCollection("SSCAN", key, maxRows, 1);
        List<List<Object>> rows = new ArrayList<>();
        members.stream().map(RedisReader::text).sorted().limit(maxRows).forEach(m -> rows.add(List.of(m)));
        return table(List.of("member"), rows, size > rows.size());
    }

    /** HSCAN/SSCAN until {@code wanted} items (each {@code width} elements) or the scan budget is spent. */
    private List<Object> scanCollection(String command, String key, int wanted, int width) {
        List<Object> out = new ArrayList<>();
        String cursor = "0";
        for (int call = 0; call < MAX_SCAN_CALLS && out.size() < wanted * width; call++) {
            List<Object> reply = list(send(command, List.of(key, cursor, "COUNT", "100")));
            cursor = text(reply.get(0));
            out.addAll(list(reply.get(1)));
            if ("0".equals(cursor)) {
                break;
            }
        }
        return out.subList(0, Math.min(out.size(), wanted * width));
    }

    private static boolean isIndexRange(List<String> a) {
        return a.stream().noneMatch(x -> Arrays.asList("BYSCORE", "BYLEX").contains(x.toUpperCase(Locale.ROOT)));
    }

    /** ZRANGE/ZREVRANGE key start stop [WITHSCORES]: stop clamped so that at most maxRows + 1 come back. */
    private SqlPort.Tabular zIndexRange(RedisTemplates.Bound b, int maxRows) {
        List<String> a = new ArrayList<>(b.args());
        clampIndexRange(a, toLong(send("ZCARD", List.of(a.get(0)))), maxRows);
        boolean scores = a.stream().anyMatch("WITHSCORES"::equalsIgnoreCase);
        return cut(RedisReplies.members(list(send(b.command(), a)), scores), maxRows);
    }

    private SqlPort.Tabular zScored(RedisTemplates.Bound b, int maxRows) {
        boolean scores = b.args().stream().anyMatch("WITHSCORES"::equalsIgnoreCase);
        return cut(RedisReplies.members(list(send(b.command(), b.args())), scores), maxRows);
    }

    private SqlPort.Tabular lrange(List<String> args, int maxRows) {
        List<String> a = new ArrayList<>(args);
        long start = clampIndexRange(a, toLong(send("LLEN", List.of(a.get(0)))), maxRows);
        List<Object> values = list(send("LRANGE", a));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            rows.add(List.of(start + i, capped(values.get(i))));
        }
        return cut(table(List.of("index", "value"), rows, false), maxRows);
    }

    /** Resolves negative indices against the size and lowers stop to start + maxRows; returns start. */
    private static long clampIndexRange(List<String> a, long size, int maxRows) {
        long start = index(a.get(1), size);
        long stop = index(a.get(2), size);
        stop = Math.min(stop, start + maxRows); // one more than wanted: the result can say it was cut
        a.set(1, Long.toString(start));
        a.set(2, Long.toString(stop));
        return start;
    }

    private static long index(String s, long size) {
        long i;
        try {
            i = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw OpsException.invalid("redis: range index '" + s + "' is not a whole number");
        }
        return Math.max(0, i < 0 ? size + i : i);
    }

    /** SCAN cursor MATCH p COUNT n [TYPE t], repeated from the cursor until keys wanted or the call budget. */
    private SqlPort.Tabular scan(List<String> args, int maxRows) {
        int wanted = Math.min(maxRows, maxKeys);
        List<String> a = new ArrayList<>(args);
        List<String> keys = new ArrayList<>();
        String cursor = a.get(0);
        boolean more = false;
        for (int call = 0; call < MAX_SCAN_CALLS; call++) {
            a.set(0, cursor);
            List<Object> reply = list(send("SCAN", a));
            cursor = text(reply.get(0));
            for (Object k : list(reply.get(1))) {
                String key = text(k);
                if (!keys.contains(key)) { // SCAN may return a key twice
                    keys.add(key);
                }
            }
            more = !"0".equals(cursor);
            if (!more || keys.size() > wanted) {
                break;
            }
        }
        keys.sort(null);
        List<List<Object>> rows = new ArrayList<>();
        keys.stream().limit(wanted).forEach(k -> rows.add(List.of(k)));
        return table(List.of("key"), rows, more || keys.size() > wanted);
    }

    private Object send(String command, List<String> args) {
        return jedis.sendCommand(command(command), args.toArray(new String[0]));
    }

    static ProtocolCommand command(String name) {
        byte[] raw = name.getBytes(StandardCharsets.US_ASCII);
        return () -> raw;
    }

    /** The server's version from INFO server (health check only; never a template). */
    static String serverVersion(UnifiedJedis jedis) {
        String info = text(jedis.sendCommand(command("INFO"), "server"));
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                return line.substring("redis_version:".length()).trim();
            }
        }
        return "(version unknown)";
    }

    static SqlPort.Tabular cut(SqlPort.Tabular t, int maxRows) {
        if (t.rows().size() <= maxRows) {
            return t;
        }
        return new SqlPort.Tabular(t.columns(), List.copyOf(t.rows().subList(0, maxRows)), true);
    }

    private static SqlPort.Tabular table(List<String> columns, List<List<Object>> rows, boolean truncated) {
        return new SqlPort.Tabular(columns, rows, truncated);
    }

    static Object capped(Object v) {
        if (v instanceof byte[] b && b.length > MAX_VALUE_BYTES) {
            return overCap(b.length);
        }
        return text(v);
    }

    private static String overCap(long length) {
        return "(value of " + length + " bytes not read: over the " + MAX_VALUE_BYTES + "-byte cap)";
    }

    static String text(Object v) {
        if (v == null) {
            return null;
        }
        return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(v);
    }

    static long toLong(Object v) {
        if (v instanceof Long l) {
            return l;
        }
        return Long.parseLong(text(v));
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object v) {
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
