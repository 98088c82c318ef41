package dev.opsuite.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.asset.PolicyRedis;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** VALIDATE's guard of redis templates: the allowlist, bounded scans, bound values and the Policy's narrowing. */
class RedisCommandGuardTest {
    private static final PolicyRedis OPEN = new PolicyRedis(List.of(), List.of(), Map.of());

    @ParameterizedTest
    @ValueSource(strings = {"GET ci:{ci_code}:state", "MGET a b c", "HGET ci:{ci_code}:queue depth",
            "HGETALL ci:{ci_code}:heartbeat", "SMEMBERS oncall:{team}", "SISMEMBER maintenance {ci_code}",
            "ZRANGE heartbeat:last_seen 0 -1 WITHSCORES", "ZRANGEBYSCORE heartbeat:last_seen -inf {time_from} WITHSCORES",
            "ZREVRANGE queue:depths 0 9 WITHSCORES", "LRANGE deploys:{ci_code} 0 9", "XRANGE alerts:open - +",
            "XREVRANGE alerts:open + - COUNT 10", "SCAN 0 MATCH ci:*:heartbeat COUNT 100", "TTL lock:{ci_code}",
            "TYPE ci:{ci_code}:queue", "EXISTS ci:{ci_code}:queue", "TS.RANGE ts:{ci_code}:cpu - +",
            "TS.GET ts:{ci_code}:cpu", "hgetall ci:{ci_code}:heartbeat"})
    void everyAllowlistedCommandPasses(String template) {
        assertEquals(Optional.empty(), RedisCommandGuard.refusal(template, Set.of()), template);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SET ci:x 1", "DEL ci:x", "HSET h f v", "EXPIRE k 1", "EVAL return 1 0",
            "EVALSHA abc 0", "FCALL f 0", "SCRIPT FLUSH", "CONFIG GET *", "CONFIG SET save x", "KEYS *", "FLUSHALL",
            "FLUSHDB", "MODULE LIST", "MODULE LOAD /tmp/x.so", "DEBUG SLEEP 10", "SHUTDOWN", "MONITOR",
            "SUBSCRIBE c", "BLPOP q 0", "XREAD STREAMS s 0", "ACL LIST", "CLIENT LIST", "SELECT 1",
            "MIGRATE h 1 k 0 1", "REPLICAOF h 1", "SAVE", "{cmd} ci:x", "ZADD z 1 m"})
    void everyForbiddenFamilyIsRefused(String template) {
        Optional<String> r = RedisCommandGuard.refusal(template, Set.of());
        assertTrue(r.isPresent(), template);
    }

    @Test
    void theRefusalSaysWhyForKnownFamilies() {
        assertTrue(RedisCommandGuard.refusal("KEYS ci:*", Set.of()).orElseThrow().contains("SCAN"));
        assertTrue(RedisCommandGuard.refusal("EVAL x 0", Set.of()).orElseThrow().contains("script"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCAN 0", "SCAN 0 COUNT 100", "SCAN 0 MATCH ci:*", "SCAN 0 MATCH * COUNT 10",
            "SCAN 0 MATCH ci:* COUNT 100000", "SCAN 0 MATCH ci:* COUNT {n}", "SCAN 0 MATCH ci:* COUNT 0",
            "SCAN 0 MATCH ci:* COUNT 10 NOPE x"})
    void anUnboundedOrMalformedScanIsRefused(String template) {
        assertTrue(RedisCommandGuard.refusal(template, Set.of()).isPresent(), template);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET \"a b\"", "GET a\\b", "GET ci:{ci_code", "GET a\u0000b", "GET ключ", "HGET k",
            "GET a b", "SISMEMBER s a b"})
    void malformedTemplatesAreRefused(String template) {
        assertTrue(RedisCommandGuard.refusal(template, Set.of()).isPresent(), template);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SVR001*", "SVR?01", "SVR[0-9]", "a b", "x\r\nFLUSHALL", "x\nDEL y", "{ci_code}",
            "a}b", "\"q\"", "'q'", "a\\b", ""})
    void aCiCodeThatCouldWidenOrInjectIsRefusedNeverEscaped(String code) {
        OpsException e = assertThrows(OpsException.class, () -> RedisTemplates.bind("HGETALL ci:{ci_code}:heartbeat",
                Map.of("ci_code", code), OPEN, List.of(), 100));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), code);
        assertTrue(!e.getMessage().contains(code) || code.isEmpty(), "the value is not echoed: " + e.getMessage());
    }

    @Test
    void valuesBindAsOneArgumentEachAndListsExpand() {
        RedisTemplates.Bound b = RedisTemplates.bind("HGETALL ci:{ci_code}:heartbeat", Map.of("ci_code", "SVR001"),
                OPEN, List.of(), 100);
        assertEquals(new RedisTemplates.Bound("HGETALL", List.of("ci:SVR001:heartbeat")), b);
        RedisTemplates.Bound m = RedisTemplates.bind("MGET ci:{ci_codes}:state", Map.of("ci_codes",
                List.of("SVR001", "APP002")), OPEN, List.of(), 100);
        assertEquals(List.of("ci:SVR001:state", "ci:APP002:state"), m.args());
        assertEquals("MGET ci:SVR001:state ci:APP002:state", m.display());
        RedisTemplates.Bound z = RedisTemplates.bind("ZRANGEBYSCORE hb -inf {t} WITHSCORES", Map.of("t",
                java.time.OffsetDateTime.parse("2026-12-04T10:00:00Z")), OPEN, List.of(), 100);
        assertEquals(List.of("hb", "-inf", "1796378400", "WITHSCORES"), z.args());
        // RedisTimeSeries timestamps and stream ids are milliseconds: the same moment, three more digits
        java.time.OffsetDateTime t = java.time.OffsetDateTime.parse("2026-12-04T10:00:00.250Z");
        assertEquals(List.of("ts:SVR001:cpu", "1796378400250", "+"), RedisTemplates.bind("TS.RANGE ts:{ci_code}:cpu "
                + "{t} +", Map.of("ci_code", "SVR001", "t", t), OPEN, List.of(), 100).args());
        assertEquals(List.of("alerts:open", "1796378400250", "+"), RedisTemplates.bind("XRANGE alerts:open {t} +",
                Map.of("t", t), OPEN, List.of(), 100).args());
        assertEquals(List.of("alerts:open", "+", "1796378400250"), RedisTemplates.bind("XREVRANGE alerts:open + {t}",
                Map.of("t", t.toInstant()), OPEN, List.of(), 100).args());
    }

    @Test
    void maxKeysBoundsTheKeysOneCallNames() {
        OpsException e = assertThrows(OpsException.class, () -> RedisTemplates.bind("MGET ci:{ci_codes}:state",
                Map.of("ci_codes", List.of("A1", "A2", "A3")), OPEN, List.of(), 2));
        assertEquals(ErrorCode.POLICY_DENIED, e.code());
    }

    @Test
    void thePolicyNarrowsCommandsAndKeyPatternsPerRole() throws Exception {
        JsonNode security = ModelJson.MAPPER.readTree("""
                {"redis": {"allowed_commands": ["HGETALL", "ZRANGEBYSCORE", "GET"], "key_patterns": ["ci:*", "heartbeat:*"],
                 "roles": {"viewer": {"allowed_commands": ["HGETALL"], "key_patterns": ["ci:*:queue"]}}}}""");
        PolicyRedis policy = dev.opsuite.model.asset.PolicyAsset.from(ModelJson.MAPPER.createObjectNode()
                .set("security", security)).security().redis();
        assertTrue(RedisTemplates.refusal("TTL ci:{ci_code}:queue", policy, List.of()).isPresent(), "not allowed at all");
        assertTrue(RedisTemplates.refusal("GET ci:{ci_code}:state", policy, List.of("operator")).isEmpty());
        assertTrue(RedisTemplates.refusal("GET ci:{ci_code}:state", policy, List.of("viewer")).isPresent(),
                "the viewer may only HGETALL");
        assertTrue(RedisTemplates.refusal("GET secrets:token", policy, List.of()).isPresent(), "a literal key outside");
        RedisTemplates.bind("HGETALL ci:{ci_code}:queue", Map.of("ci_code", "APP001"), policy, List.of("viewer"), 10);
        OpsException e = assertThrows(OpsException.class, () -> RedisTemplates.bind("HGETALL ci:{ci_code}:heartbeat",
                Map.of("ci_code", "SVR001"), policy, List.of("viewer"), 10));
        assertEquals(ErrorCode.POLICY_DENIED, e.code());
        assertTrue(e.getMessage().contains("key patterns"), e.getMessage());
    }

    @Test
    void globMatchingIsLinear() {
        assertTrue(RedisCommandGuard.globMatches("ci:*:queue", "ci:APP001:queue"));
        assertTrue(!RedisCommandGuard.globMatches("ci:*:queue", "ci:APP001:heartbeat"));
        assertTrue(RedisCommandGuard.globMatches("ci:*", "ci:*:queue"), "a scanned pattern under a policy pattern");
        assertTrue(!RedisCommandGuard.globMatches("heartbeat:*", "ci:*:heartbeat"));
        String text = "a".repeat(5000);
        long t0 = System.nanoTime();
        assertTrue(!RedisCommandGuard.globMatches("*a*a*a*a*a*a*b", text));
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
    }
}
