package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Policy's {@code rbac}: which roles may ask which intents (VALIDATE) and which roles may call an
 * API operation, narrowing the gateway's access table. Without {@code rbac} ({@link #declared}
 * false) every caller may ask everything.
 *
 * @param allowedIntents per role of {@code rbac.roles}, its {@code allowed_intents} ("*": all)
 * @param operations {@code rbac.operations} in order, each with whether it is a list of roles at all
 */
public record Rbac(boolean declared, List<String> defaultRoles, Map<String, List<String>> allowedIntents,
                   List<Operation> operations) {
    public Rbac {
        defaultRoles = List.copyOf(defaultRoles);
        allowedIntents = Map.copyOf(allowedIntents);
        operations = List.copyOf(operations);
    }

    /** One entry of {@code rbac.operations}: an operation name and the roles it is limited to. */
    public record Operation(String name, boolean listsRoles, List<String> roles) {
        public Operation {
            roles = List.copyOf(roles);
        }
    }

    /** The intents a role may ask (empty for a role not listed). */
    public List<String> intentsOf(String role) {
        return allowedIntents.getOrDefault(role, List.of());
    }

    static Rbac from(JsonNode r) {
        Map<String, List<String>> intents = new LinkedHashMap<>();
        Read.members(r.path("roles")).forEach((role, v) -> intents.put(role, Read.strings(v.path("allowed_intents"))));
        List<Operation> operations = Read.members(r.path("operations")).entrySet().stream()
                .map(e -> new Operation(e.getKey(), e.getValue().isArray(), Read.strings(e.getValue()))).toList();
        return new Rbac(Read.given(r), Read.strings(r.path("default_roles")), intents, operations);
    }
}
