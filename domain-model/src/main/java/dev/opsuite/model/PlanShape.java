package dev.opsuite.model;

import java.util.Locale;

/**
 * The shape of a request's plan, the key RCA compares a trace's stage timings under: traces of one
 * shape run the same stages over the same kind of statement, so their timings are comparable. It is
 * {@code feature:mode:route:intent:view}, e.g. {@code ci:real:orch:lookup:summary}; a request without
 * a plan (direct, reject) has {@code -} for intent and view. The CI, the time range and the values are
 * not part of it. trace-service stores it with every trace; the gateway computes it for the trace RCA
 * analyses, both here.
 */
public final class PlanShape {
    public static final int MAX_LENGTH = 200;

    private PlanShape() {}

    /**
     * @param intent the Intent's enum name ("INTENT_LOOKUP") or "" when the trace has no plan
     * @param view the View's enum name ("VIEW_SUMMARY") or ""
     */
    public static String of(String feature, String mode, String route, String intent, String view) {
        String key = part(feature) + ":" + part(mode) + ":" + part(route) + ":" + part(strip(intent, "INTENT_")) + ":"
                + part(strip(view, "VIEW_"));
        return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key;
    }

    private static String strip(String name, String prefix) {
        String n = name == null ? "" : name;
        n = n.startsWith(prefix) ? n.substring(prefix.length()) : n;
        return n.equals("UNSPECIFIED") ? "" : n;
    }

    private static String part(String s) {
        String p = s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replace(':', '_');
        return p.isEmpty() ? "-" : p;
    }
}
