package dev.opsuite.executor.present;

import java.util.List;
import java.util.Map;

/** The ScreenModel as plain Java. */
public record Screen(String screenId, String layout, List<Component> components, List<UiAction> actions) {
    public record Component(String component, String blockRef, Map<String, Object> props) {}

    public record UiAction(String actionId, String label, Map<String, Object> inputs, String blockRef) {}
}
