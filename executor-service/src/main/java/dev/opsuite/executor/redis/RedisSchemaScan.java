package dev.opsuite.executor.redis;

import dev.opsuite.executor.domain.ScannedSchema;
import dev.opsuite.executor.domain.SchemaScanPort;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.SourceAsset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;

/**
 * Schema Scan on Redis: a bounded SCAN sample of the keyspace ({@link #MAX_CALLS} calls of COUNT
 * {@link #COUNT}, at most the source's max_keys keys) folded into key patterns — a segment between
 * ':' holding a digit stands for an id ({@code ci:APP001:queue} → {@code ci:*:queue}) — each an
 * entity of kind {@code redis:<type>} with the fields of one example key (a hash's fields from one
 * HSCAN page, a stream's from its newest entry; member/score for a sorted set …). Patterns whose
 * first segment the Policy blocks are left out. Only commands of the read-only user's allowlist.
 */
public final class RedisSchemaScan implements SchemaScanPort {
    static final int MAX_CALLS = 50;
    static final int COUNT = 200;

    private final RedisCommandAdapter adapter;

    public RedisSchemaScan(RedisCommandAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public ScannedSchema scan(AssetDoc source, Set<String> blockedTables, int timeoutSeconds, int maxEntities) {
        int maxKeys = Math.max(1, SourceAsset.of(source).limits().maxKeys());
        return adapter.with(source, "SCAN", jedis -> {
            Map<String, String> examples = new LinkedHashMap<>();
            String cursor = "0";
            int seen = 0;
            for (int call = 0; call < MAX_CALLS && seen < maxKeys; call++) {
                List<Object> reply = RedisReader.list(jedis.sendCommand(RedisReader.command("SCAN"), cursor, "COUNT",
                        Integer.toString(COUNT)));
                cursor = RedisReader.text(reply.get(0));
                for (Object k : RedisReader.list(reply.get(1))) {
                    String key = RedisReader.text(k);
                    examples.putIfAbsent(pattern(key), key);
                    seen++;
                }
                if ("0".equals(cursor)) {
                    break;
                }
            }
            List<ScannedSchema.Entity> entities = new ArrayList<>();
            List<String> excluded = new ArrayList<>();
            for (Map.Entry<String, String> e : examples.entrySet()) {
                String first = e.getKey().split(":", 2)[0].toLowerCase(Locale.ROOT);
                if (blockedTables.contains(first)) {
                    excluded.add(e.getKey());
                } else if (entities.size() < maxEntities) {
                    String type = RedisReader.text(jedis.sendCommand(RedisReader.command("TYPE"), e.getValue()));
                    entities.add(new ScannedSchema.Entity("redis", e.getKey(), "redis:" + type,
                            fields(jedis, type, e.getValue()), List.of()));
                }
            }
            return new ScannedSchema(entities, List.of(), excluded);
        });
    }

    /** A key's pattern: each ':'-separated segment holding a digit becomes '*'. */
    static String pattern(String key) {
        String[] parts = key.split(":", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].chars().anyMatch(Character::isDigit)) {
                parts[i] = "*";
            }
        }
        return String.join(":", parts);
    }

    private static List<ScannedSchema.Field> fields(UnifiedJedis jedis, String type, String key) {
        List<ScannedSchema.Field> out = new ArrayList<>();
        switch (type) {
            case "hash" -> {
                List<Object> page = RedisReader.list(RedisReader.list(jedis.sendCommand(RedisReader.command("HSCAN"),
                        key, "0", "COUNT", "50")).get(1));
                for (int i = 0; i + 1 < page.size() && out.size() < 50; i += 2) {
                    out.add(field(RedisReader.text(page.get(i)), "string"));
                }
            }
            case "stream" -> {
                out.add(field("id", "stream id"));
                List<Object> newest = RedisReader.list(jedis.sendCommand(RedisReader.command("XREVRANGE"), key, "+", "-",
                        "COUNT", "1"));
                if (!newest.isEmpty()) {
                    List<Object> kv = RedisReader.list(RedisReader.list(newest.get(0)).get(1));
                    for (int i = 0; i + 1 < kv.size(); i += 2) {
                        out.add(field(RedisReader.text(kv.get(i)), "string"));
                    }
                }
            }
            case "zset" -> {
                out.add(field("member", "string"));
                out.add(field("score", "double"));
            }
            case "list" -> {
                out.add(field("index", "integer"));
                out.add(field("value", "string"));
            }
            case "set" -> out.add(field("member", "string"));
            default -> out.add(field("value", type));
        }
        return out;
    }

    private static ScannedSchema.Field field(String name, String type) {
        return new ScannedSchema.Field(name, type, true, false);
    }
}
