package dev.opsuite.executor.present;

import dev.opsuite.executor.compose.Block;
import dev.opsuite.executor.compose.Templates;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.ScreenAsset;
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
        ScreenAsset screen = assets.screen();
        String lang = plan.language().isEmpty() ? "en" : plan.language();
        int pageSize = screen.pageSize();
        List<Screen.Component> components = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String component = screen.component(b.type());
            components.add(new Screen.Component(component, "block-" + i, Map.of("type", b.type())));
        }
        List<Screen.UiAction> actions = new ArrayList<>();
        for (ScreenAsset.Action a : screen.actions()) {
            String id = a.actionId();
            String label = a.label().in(lang);
            switch (a.when()) {
                case ScreenAsset.Action.TABLE_TRUNCATED -> {
                    for (int i = 0; i < blocks.size(); i++) {
                        Block b = blocks.get(i);
                        if ("table".equals(b.type()) && Boolean.TRUE.equals(b.data().get("truncated"))) {
                            int shown = ((List<?>) b.data().getOrDefault("rows", List.of())).size();
                            actions.add(new Screen.UiAction(id, label, inputs("offset", shown, "limit", pageSize,
                                    "query", b.data().get("query")), "block-" + i));
                        }
                    }
                }
                case ScreenAsset.Action.HAS_CANDIDATES -> {
                    for (PlanModel.Candidate c : plan.candidates()) {
                        actions.add(new Screen.UiAction(id, Templates.fill(label, Map.of("ci_code", c.ciCode(),
                                "ci_name", c.ciName())), inputs("selected_ci_id", c.ciCode(), "ci_name", c.ciName()),
                                ""));
                    }
                }
                case ScreenAsset.Action.HAS_CI -> {
                    if (!plan.primary().ciCode().isEmpty() && plan.missingSlots().isEmpty()) {
                        actions.add(new Screen.UiAction(id, Templates.fill(label, Map.of("ci_code",
                                plan.primary().ciCode())), inputs("ci_code", plan.primary().ciCode()), ""));
                    }
                }
                case ScreenAsset.Action.HAS_METRIC -> {
                    if (!plan.metric().metricName().isEmpty() && plan.missingSlots().isEmpty()) {
                        actions.add(new Screen.UiAction(id, label, inputs("metric_name", plan.metric().metricName(),
                                "options", a.options()), ""));
                    }
                }
                default -> { }
            }
        }
        return new Screen(screen.name(), screen.layout(), components, actions);
    }

    /** A table longer than the Screen asset's max_table_rows: the screen shows a page and offers more. */
    public java.util.Optional<String> overLimit(List<Block> blocks, AssetBundle assets) {
        int max = assets.screen().maxTableRows();
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
