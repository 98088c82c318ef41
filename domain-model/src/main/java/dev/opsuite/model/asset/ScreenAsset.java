package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.opsuite.model.AssetDoc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Screen asset, typed: how PRESENT shows an answer — the UI component of each block type, the
 * page size of tables, the longest table, and the follow-up actions — with the defaults the reader
 * applies declared here once (trace-service {@code ScreenFields} shows them). Anything parses: an
 * absent member, or one of the wrong kind, reads as its default ({@link Read}); an action that is no
 * object is left out.
 *
 * @param components per block type, the component showing it (see {@link #component})
 */
public record ScreenAsset(String name, String layout, Map<String, String> components, int pageSize, int maxTableRows,
                          List<Action> actions) {
    /** The name a screen is given when the request applies none (or its content names none). */
    public static final String DEFAULT_NAME = "screen";
    public static final String DEFAULT_LAYOUT = "stack";
    /** The component of a block type the asset does not map. */
    public static final String DEFAULT_COMPONENT = "Block";
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int DEFAULT_MAX_TABLE_ROWS = 200;
    /** The Screen of a request that applies none: every default, no action. */
    public static final ScreenAsset DEFAULTS = from(MissingNode.getInstance());

    public ScreenAsset {
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
        actions = List.copyOf(actions);
    }

    /**
     * {@code actions[]}: a follow-up action, offered when its condition ({@code when}: one of
     * {@link #CONDITIONS}; any other never holds) holds; {@code options} are sent with a has_metric action.
     */
    public record Action(String actionId, String when, Text label, List<String> options) {
        public static final String TABLE_TRUNCATED = "table_truncated";
        public static final String HAS_CANDIDATES = "has_candidates";
        public static final String HAS_CI = "has_ci";
        public static final String HAS_METRIC = "has_metric";
        /** The conditions PRESENT knows. */
        public static final List<String> CONDITIONS = List.of(TABLE_TRUNCATED, HAS_CANDIDATES, HAS_CI, HAS_METRIC);

        public Action {
            options = List.copyOf(options);
        }

        static Action from(JsonNode a) {
            return new Action(Read.string(a.path("action_id"), ""), Read.string(a.path("when"), ""),
                    Text.from(a.path("label")), Read.strings(a.path("options")));
        }
    }

    /** The component showing blocks of this type: the asset's, else {@link #DEFAULT_COMPONENT}. */
    public String component(String blockType) {
        return components.getOrDefault(blockType, DEFAULT_COMPONENT);
    }

    /** Parses a Screen content (null or missing: {@link #DEFAULTS}); unknown members are ignored. */
    public static ScreenAsset from(JsonNode content) {
        JsonNode c = content == null ? MissingNode.getInstance() : content;
        Map<String, String> components = new LinkedHashMap<>();
        Read.members(c.path("components")).forEach((type, component) -> {
            if (component.isTextual()) {
                components.put(type, component.textValue());
            }
        });
        return new ScreenAsset(Read.string(c.path("name"), DEFAULT_NAME), Read.string(c.path("layout"), DEFAULT_LAYOUT),
                components, Read.integer(c.path("page_size"), DEFAULT_PAGE_SIZE),
                Read.integer(c.path("max_table_rows"), DEFAULT_MAX_TABLE_ROWS),
                Read.objects(c.path("actions")).stream().map(Action::from).toList());
    }

    /** The typed content of an applied Screen (none, or no content: {@link #DEFAULTS}), parsed once per content. */
    public static ScreenAsset of(AssetDoc screen) {
        if (screen == null || screen.content() == null || screen.content().isMissingNode()) {
            return DEFAULTS;
        }
        return ParsedAssets.parsed(screen.content(), ScreenAsset.class, ScreenAsset::from);
    }
}
