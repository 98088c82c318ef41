package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Policy's {@code security.redis}: how far the Redis templates may reach, narrowing the product's
 * read-only allowlist (plan-guard {@code RedisCommandGuard}), never widening it.
 *
 * <pre>
 * "redis": {"allowed_commands": ["GET", "HGETALL", "ZRANGEBYSCORE", "XREVRANGE"],
 *           "key_patterns": ["ci:*", "heartbeat:*", "alerts:*"],
 *           "roles": {"viewer": {"allowed_commands": ["HGETALL"], "key_patterns": ["ci:*:queue"]}}}
 * </pre>
 *
 * An empty list means "no narrowing" at that level. A caller's effective set is the global one
 * intersected with that of every role of the caller the Policy names (a role it does not name is
 * not narrowed further).
 */
public record PolicyRedis(List<String> allowedCommands, List<String> keyPatterns, Map<String, Narrowing> roles) {
    public PolicyRedis {
        allowedCommands = List.copyOf(allowedCommands);
        keyPatterns = List.copyOf(keyPatterns);
        roles = Map.copyOf(roles);
    }

    /** One role's narrowing. */
    public record Narrowing(List<String> allowedCommands, List<String> keyPatterns) {
        public Narrowing {
            allowedCommands = List.copyOf(allowedCommands);
            keyPatterns = List.copyOf(keyPatterns);
        }
    }

    /** What a caller with these roles may run: commands (upper-case; empty = all) and key pattern sets (each must match). */
    public record Effective(Set<String> commands, List<List<String>> keyPatternSets, boolean nothing) {}

    /** The effective narrowing for these roles. */
    public Effective forRoles(List<String> callerRoles) {
        Set<String> commands = new LinkedHashSet<>(upper(allowedCommands));
        List<List<String>> patterns = new ArrayList<>();
        if (!keyPatterns.isEmpty()) {
            patterns.add(keyPatterns);
        }
        boolean nothing = false;
        for (String role : callerRoles == null ? List.<String>of() : callerRoles) {
            Narrowing n = roles.get(role);
            if (n == null) {
                continue;
            }
            if (!n.allowedCommands().isEmpty()) {
                Set<String> mine = new LinkedHashSet<>(upper(n.allowedCommands()));
                if (commands.isEmpty()) {
                    commands = mine;
                } else {
                    commands.retainAll(mine);
                    nothing |= commands.isEmpty(); // two narrowings that share nothing allow nothing
                }
            }
            if (!n.keyPatterns().isEmpty()) {
                patterns.add(n.keyPatterns());
            }
        }
        return new Effective(Set.copyOf(commands), List.copyOf(patterns), nothing);
    }

    private static List<String> upper(List<String> in) {
        return in.stream().map(s -> s.toUpperCase(java.util.Locale.ROOT)).toList();
    }

    static PolicyRedis from(JsonNode r) {
        Map<String, Narrowing> roles = new LinkedHashMap<>();
        Read.members(r.path("roles")).forEach((role, n) -> roles.put(role,
                new Narrowing(Read.strings(n.path("allowed_commands")), Read.strings(n.path("key_patterns")))));
        return new PolicyRedis(Read.strings(r.path("allowed_commands")), Read.strings(r.path("key_patterns")), roles);
    }
}
