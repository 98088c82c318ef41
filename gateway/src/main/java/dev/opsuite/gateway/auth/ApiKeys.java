package dev.opsuite.gateway.auth;

import java.util.List;
import java.util.Optional;

/** API keys: created with roles, shown once, kept only as a slow hash, revocable. */
public interface ApiKeys {
    record KeyInfo(String id, String name, List<String> roles, String createdAt, String revokedAt) {}

    record Created(KeyInfo key, String token) {}

    Created create(String name, List<String> roles);

    List<KeyInfo> list();

    Optional<KeyInfo> revoke(String id);

    /** The principal of a presented token, or empty when it is unknown, malformed or revoked. */
    Optional<Principal> verify(String token);

    /** Whether an active key holds the admin role. */
    boolean hasActiveAdmin();
}
