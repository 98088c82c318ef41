package dev.opsuite.trace.domain.validation;

import dev.opsuite.model.AssetType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The typed asset model: every field of every asset type — path, kind, whether required, the
 * default the readers apply, closed values and meaning — declared once, per type ({@code
 * SourceFields}, {@code SchemaFields}…). The validator checks the kinds of a content with it and the
 * asset reference (docs/reference/assets.md, {@link AssetReference}) is generated from it.
 */
public final class AssetModel {
    private static final Map<AssetType, AssetSpec> SPECS = new EnumMap<>(AssetType.class);

    static {
        for (AssetSpec s : List.of(SourceFields.spec(), SchemaFields.spec(), ResolverFields.spec(), QueryFields.spec(),
                MappingFields.spec(), PromptFields.spec(), PolicyFields.spec(), ScreenFields.spec())) {
            SPECS.put(s.type(), s);
        }
        for (AssetType t : AssetType.values()) {
            if (!SPECS.containsKey(t)) {
                throw new IllegalStateException("no fields declared for asset type " + t.wireName());
            }
        }
    }

    private AssetModel() {}

    static AssetSpec spec(AssetType type) {
        return SPECS.get(type);
    }

    /** The path patterns of every declared field of the type, in declaration order. */
    public static List<String> paths(AssetType type) {
        return spec(type).fields().stream().map(Field::path).toList();
    }

    /**
     * The JSON paths of the members of a content that no field of its type describes. They are not
     * refused on save (operators' assets carry their own); the shipped assets must have none.
     */
    public static List<String> undeclared(AssetType type, Map<String, ?> content) {
        return ContentWalk.undeclared(spec(type), content);
    }

    /** Records the kind problems of a content: every declared field present, and required ones missing. */
    static void check(AssetType type, Map<String, ?> content, Problems problems) {
        ContentWalk.check(spec(type), content, problems);
    }
}
