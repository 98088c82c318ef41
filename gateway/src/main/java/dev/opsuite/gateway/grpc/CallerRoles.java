package dev.opsuite.gateway.grpc;

import dev.opsuite.gateway.auth.Authenticator;
import dev.opsuite.gateway.auth.Principal;
import java.util.List;

/** The roles of the caller the gateway authenticated (never a header the caller wrote). */
final class CallerRoles {
    private CallerRoles() {}

    static List<String> current() {
        return Authenticator.current().map(Principal::roles).orElse(List.of());
    }
}
