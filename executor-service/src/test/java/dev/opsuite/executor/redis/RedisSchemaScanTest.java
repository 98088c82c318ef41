package dev.opsuite.executor.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.executor.domain.SchemaScanner;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.asset.PolicyAsset;
import dev.opsuite.stores.EmbeddedRedisProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;

/** Schema Scan of a real Redis (as the read-only user): key patterns, types and example fields; Policy exclusions. */
class RedisSchemaScanTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void keyPatternsWithTheirTypesAndFieldsBecomeACatalogDraft() throws Exception {
        try (EmbeddedRedisProcess redis = EmbeddedRedisProcess.start(dir, 0)) {
            try (JedisPooled admin = new JedisPooled(new HostAndPort("127.0.0.1", redis.port()),
                    DefaultJedisClientConfig.builder().password(redis.adminPassword()).build())) {
                for (int i = 1; i <= 40; i++) {
                    admin.hset(String.format("ci:APP%03d:queue", i), Map.of("depth", "1", "consumers", "2"));
                }
                admin.zadd("heartbeat:server:last_seen", 1, "SVR001");
                admin.xadd("alerts:open", StreamEntryID.NEW_ENTRY, Map.of("ci_code", "DB015", "title", "disk"));
                admin.set("secret:token", "x");
            }
            try (RedisCommandAdapter adapter = RedisSourceTest.adapter(Map.of(
                    "OPS_SECRET_REDIS_PORT", Integer.toString(redis.port()),
                    "OPS_SECRET_REDIS_USER", EmbeddedRedisProcess.READER,
                    "OPS_SECRET_REDIS_PASSWORD", redis.readerPassword()))) {
                PolicyAsset policy = PolicyAsset.from(ModelJson.MAPPER.readTree(
                        "{\"security\": {\"redis\": {\"key_patterns\": [\"ci:*\", \"heartbeat:*\", \"alerts:*\"]}}}"));
                SchemaScanner.Proposal p = new SchemaScanner(null, null, new RedisSchemaScan(adapter))
                        .scan(RedisSourceTest.live(), policy, "live_catalog");
                List<Map<String, Object>> entities = (List<Map<String, Object>>) p.catalog().get("entities");
                Map<String, Map<String, Object>> byName = new java.util.LinkedHashMap<>();
                entities.forEach(e -> byName.put((String) e.get("name"), e));
                assertEquals(java.util.Set.of("ci:*:queue", "heartbeat:server:last_seen", "alerts:open"), byName.keySet(),
                        "40 queue keys fold into one pattern");
                assertEquals("redis:hash", byName.get("ci:*:queue").get("kind"));
                List<Map<String, Object>> fields = (List<Map<String, Object>>) byName.get("ci:*:queue").get("fields");
                assertEquals(java.util.Set.of("depth", "consumers"),
                        new java.util.HashSet<>(fields.stream().map(f -> f.get("name")).toList()));
                assertEquals("redis:zset", byName.get("heartbeat:server:last_seen").get("kind"));
                List<Map<String, Object>> stream = (List<Map<String, Object>>) byName.get("alerts:open").get("fields");
                assertTrue(stream.stream().anyMatch(f -> f.get("name").equals("ci_code")), stream.toString());
                assertEquals(List.of("secret:token"), p.excluded(), "outside the Policy's key patterns");
                assertFalse(byName.containsKey("secret:token"));
            }
        }
    }

    @Test
    void aSegmentWithADigitIsAnId() {
        assertEquals("ci:*:queue", RedisSchemaScan.pattern("ci:APP001:queue"));
        assertEquals("heartbeat:server:last_seen", RedisSchemaScan.pattern("heartbeat:server:last_seen"));
    }
}
