package dev.opsuite.executor.present;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.executor.compose.Block;
import dev.opsuite.executor.compose.Templates;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Localized;
import dev.opsuite.model.PlanModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PRESENT: the Screen asset maps each block to a UI component and offers the actions whose
 * condition holds (table_truncated, has_candidates, has_ci, has_metric).
 */
public final class ScreenPresenter {
    public Screen present(PlanModel plan, List<Block> blocks, AssetBundle assets) {
        JsonNode screen = assets.content("screen");
        String lang = plan.language().isEmpty() ? "en" : plan.language();
        int pageSize = screen.path("page_size").asInt(50);
        List<Screen.Component> components = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String component = screen.path("components").path(b.type()).asText("Block");
            components.add(new Screen.Component(component, "block-" + i, Map.of("type", b.type())));
        }
        List<Screen.UiAction> actions = new ArrayList<>();
        for (JsonNode a : screen.path("actions")) {
            String id = a.path("action_id").asText();
            String when = a.path("when").asText();
            String label = Localized.text(a.path("label"), lang);
            switch (when) {
                case "table_truncated" -> {
                    for (int i = 0; i < blocks.size(); i++) {
                        Block b = blocks.get(i);
                        if ("table".equals(b.type()) && Boolean.TRUE.equals(b.data().get("truncated"))) {
                            int shown = ((List<?>) b.data().getOrDefault("rows", List.of())).size();
                            actions.add(new Screen.UiAction(id, label, inputs("offset", shown, "limit", pageSize,
                                    "query", b.data().get("query")), "block-" + i));
                        }
                    }
                }
                case "has_candidates" -> {
                    for (PlanModel.Candidate c : plan.candidates()) {
                        actions.add(new Screen.UiAction(id, Templates.fill(label, Map.of("ci_code", c.ciCode(),
                                "ci_name", c.ciName())), inputs("selected_ci_id", c.ciCode(), "ci_name", c.ciName()),
                                ""));
                    }
                }
                case "has_ci" -> {
                    if (!plan.primary().ciCode().isEmpty() && plan.missingSlots().isEmpty()) {
                        actions.add(new Screen.UiAction(id, Templates.fill(label, Map.of("ci_code",
                                plan.primary().ciCode())), inputs("ci_code", plan.primary().ciCode()), ""));
                    }
                }
                case "has_metric" -> {
                    if (!plan.metric().metricName().isEmpty() && plan.missingSlots().isEmpty()) {
                        List<String> options = new ArrayList<>();
                        a.path("options").forEach(o -> options.add(o.asText()));
                        actions.add(new Screen.UiAction(id, label, inputs("metric_name", plan.metric().metricName(),
                                "options", options), ""));
                    }
                }
                default -> { }
            }
        }
        return new Screen(screen.path("name").asText("screen"), screen.path("layout").asText("stack"), components,
                actions);
    }

    /** A table longer than the Screen asset's max_table_rows: the screen shows a page and offers more. */
    public java.util.Optional<String> overLimit(List<Block> blocks, AssetBundle assets) {
        int max = assets.content("screen").path("max_table_rows").asInt(200);
        for (Block b : blocks) {
            if ("table".equals(b.type()) && ((List<?>) b.data().getOrDefault("rows", List.of())).size() > max) {
                return java.util.Optional.of("table of " + ((List<?>) b.data().get("rows")).size()
                        + " rows exceeds max_table_rows " + max);
            }
        }
        return java.util.Optional.empty();
    }

    private static Map<String, Object> inputs(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
