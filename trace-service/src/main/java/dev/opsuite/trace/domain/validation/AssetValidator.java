package dev.opsuite.trace.domain.validation;

import dev.opsuite.model.errors.OpsException;
import dev.opsuite.model.AssetType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an asset's content against its type and reports every problem with its JSON path in one
 * INVALID_ARGUMENT, so that a half-valid asset is never stored: first every field the asset model
 * declares ({@link AssetModel}: kinds, bounds, closed values, required members), then the rules of
 * the type that no single field says (duplicates, cross references, data scopes, secrets…).
 * Members the model does not declare are allowed.
 */
public final class AssetValidator {
    private final Map<AssetType, ContentRules> rules = new EnumMap<>(AssetType.class);

    public AssetValidator() {
        rules.put(AssetType.SOURCE, new SourceRules());
        rules.put(AssetType.RESOLVER, new ResolverRules());
        rules.put(AssetType.QUERY, new QueryRules());
        rules.put(AssetType.POLICY, new PolicyRules());
        rules.put(AssetType.PROMPT, new PromptPatternRules());
    }

    /** Every problem as "$.path: message"; empty when the content is valid. */
    public List<String> problems(AssetType type, String name, Map<String, ?> content) {
        Problems problems = new Problems();
        Node root = new Node(content, "$", problems);
        root.string("name", false).ifPresent(n -> {
            if (!n.equals(name)) {
                problems.add("$.name", "must equal the asset name '" + name + "', got '" + n + "'");
            }
        });
        AssetModel.check(type, content, problems);
        ContentRules typeRules = rules.get(type);
        if (typeRules != null) {
            typeRules.check(root);
        }
        return problems.items();
    }

    /** Fails with INVALID_ARGUMENT listing every problem, e.g. "policy p is invalid: $.a: ...; $.b: ...". */
    public void requireValid(AssetType type, String name, Map<String, ?> content) {
        List<String> problems = problems(type, name, content);
        if (!problems.isEmpty()) {
            throw OpsException.invalid(type.wireName() + " " + name + " is invalid: " + String.join("; ", problems));
        }
    }
}
