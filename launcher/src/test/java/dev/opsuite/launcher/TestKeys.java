package dev.opsuite.launcher;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** API keys for the tests: one per stack and set of roles, minted through the gateway's own key store. */
final class TestKeys {
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private TestKeys() {}

    /** A token holding exactly these roles (comma-separated), e.g. "operator" or "asset_admin,estate_admin". */
    static String token(AllInOne ops, String roles) {
        List<String> list = Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return TOKENS.computeIfAbsent(System.identityHashCode(ops) + ":" + ops.httpPort() + ":" + list,
                k -> ops.apiKeys().create("test " + String.join(" ", list), list).token());
    }

    static Optional<String> optional(AllInOne ops, String roles) {
        return Optional.of(token(ops, roles));
    }
}
