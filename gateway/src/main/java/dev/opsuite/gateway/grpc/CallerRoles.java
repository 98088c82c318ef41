package dev.opsuite.gateway.grpc;

import com.linecorp.armeria.server.ServiceRequestContext;
import dev.opsuite.kit.errors.OpsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The caller's roles, from the x-ops-roles header / metadata (comma-separated). */
final class CallerRoles {
    static final String HEADER = "x-ops-roles";
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private CallerRoles() {}

    static List<String> current() {
        ServiceRequestContext ctx = ServiceRequestContext.currentOrNull();
        String raw = ctx == null ? null : ctx.request().headers().get(HEADER);
        return parse(raw);
    }

    static List<String> parse(String raw) {
        List<String> roles = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            return roles;
        }
        for (String r : raw.split(",")) {
            String role = r.trim().toLowerCase(java.util.Locale.ROOT);
            if (!ROLE.matcher(role).matches()) {
                throw OpsException.invalid(HEADER + " holds an invalid role name");
            }
            roles.add(role);
        }
        if (roles.size() > 8) {
            throw OpsException.invalid(HEADER + " holds more than 8 roles");
        }
        return roles;
    }
}
