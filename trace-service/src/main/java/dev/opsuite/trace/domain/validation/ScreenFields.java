package dev.opsuite.trace.domain.validation;

import static dev.opsuite.trace.domain.validation.AssetSpec.group;
import static dev.opsuite.trace.domain.validation.Field.field;
import static dev.opsuite.trace.domain.validation.Kind.INTEGER;
import static dev.opsuite.trace.domain.validation.Kind.OBJECT;
import static dev.opsuite.trace.domain.validation.Kind.STRING;
import static dev.opsuite.trace.domain.validation.Kind.STRINGS;
import static dev.opsuite.trace.domain.validation.Kind.TEXT;
import static dev.opsuite.trace.domain.validation.Kind.arrayOf;
import static dev.opsuite.trace.domain.validation.Kind.mapOf;

import dev.opsuite.model.asset.ScreenAsset;
import dev.opsuite.model.AssetType;
import java.util.List;

/** The fields of a Screen asset (read by PRESENT). */
final class ScreenFields {
    private ScreenFields() {}

    static AssetSpec spec() {
        return new AssetSpec(AssetType.SCREEN,
                "How an answer is presented: the UI component of each block type, the page size of tables and the "
                        + "follow-up actions offered under the answer.",
                "PRESENT (executor-service: components and actions); the gateway runs the actions a user picks.",
                List.of(
                        group("Screen",
                                Field.assetName(),
                                field("layout", STRING, "The layout the UI arranges the components in.")
                                        .byDefaultText(ScreenAsset.DEFAULT_LAYOUT),
                                field("components", mapOf(STRING), "Per block type, the UI component showing it.")
                                        .keys("text", "markdown", "table", "chart", "network", "timeline", "warning")
                                        .byDefaultText(ScreenAsset.DEFAULT_COMPONENT),
                                field("page_size", INTEGER, "Rows a \"more rows\" action asks for.")
                                        .byDefault(ScreenAsset.DEFAULT_PAGE_SIZE),
                                field("max_table_rows", INTEGER, "Rows a table may have; a longer one raises a "
                                        + "`present_limit` trigger (recorded in the trace).")
                                        .byDefault(ScreenAsset.DEFAULT_MAX_TABLE_ROWS),
                                field("actions", arrayOf(OBJECT), "Follow-up actions, each offered when its "
                                        + "condition holds."),
                                field("actions[].action_id", STRING, "The action's id, as the UI sends it back.")
                                        .required(),
                                field("actions[].label", TEXT, "Its label; `{ci_code}` and `{ci_name}` are filled in "
                                        + "(has_ci, has_candidates)."),
                                field("actions[].when", STRING, "When it is offered: `table_truncated` — per table "
                                        + "with more rows (next page); `has_candidates` — per candidate CI of an "
                                        + "ambiguous name; `has_ci` — the question names one CI; `has_metric` — it "
                                        + "names a metric. Any other: never.")
                                        .known(ScreenAsset.Action.CONDITIONS),
                                field("actions[].options", STRINGS, "has_metric: the choices sent with the action "
                                        + "(e.g. time ranges)."))));
    }
}
