package dev.opsuite.gateway.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who is calling, as the gateway authenticated them: an API key's name and roles, or the anonymous
 * caller on loopback. Roles come only from here — never from a header the caller writes.
 *
 * <p>The product's roles imply lesser ones: admin holds every role; reviewer, asset_admin and
 * estate_admin each hold operator; operator holds viewer. asset_admin does not hold reviewer: a
 * review is a second principal's (a key holding both may still never approve its own draft). Any
 * other role name (a Policy asset's own, such as guest) implies nothing and only counts where the
 * Policy names it.
 */
public record Principal(String id, String name, String kind, List<String> roles) {
    /** The product's roles, least to most. */
    public static final List<String> ROLES = List.of("viewer", "operator", "reviewer", "asset_admin", "estate_admin",
            "admin");
    /** A role a key may hold: a product role or a Policy asset's own role name. */
    public static final Pattern ROLE_NAME = Pattern.compile("[a-z][a-z0-9_]{1,31}");
    private static final Map<String, List<String>> IMPLIES = Map.of(
            "admin", ROLES,
            "reviewer", List.of("reviewer", "operator", "viewer"),
            "asset_admin", List.of("asset_admin", "operator", "viewer"),
            "estate_admin", List.of("estate_admin", "operator", "viewer"),
            "operator", List.of("operator", "viewer"));

    public Principal {
        roles = expand(roles);
    }

    /** A principal whose id is its kind and name (the anonymous caller, tests). */
    public Principal(String name, String kind, List<String> roles) {
        this(kind + ":" + name, name, kind, roles);
    }

    /** The anonymous loopback caller: every anonymous request is the same caller. */
    static Principal anonymous(String role) {
        return new Principal("anonymous", "anonymous", "anonymous", List.of(role));
    }

    /** Whether this caller may see a trace: its own, or every trace for an operator. */
    public boolean maySee(String traceCaller) {
        return has("operator") || (!traceCaller.isEmpty() && traceCaller.equals(id));
    }

    static List<String> expand(List<String> given) {
        List<String> out = new ArrayList<>();
        for (String r : given) {
            for (String implied : IMPLIES.getOrDefault(r, List.of(r))) {
                if (!out.contains(implied)) {
                    out.add(implied);
                }
            }
        }
        return List.copyOf(out);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
