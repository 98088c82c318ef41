package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one answer against the facts a question of the understanding set expects (the keys of
 * launcher/src/test/resources/understanding/README.md): route, the CI, a value within a tolerance,
 * a count, codes (all, exactly, in order, absent), substrings, and the time range the plan used.
 * Returns why it is wrong, or an empty string.
 */
final class UnderstandingCheck {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private UnderstandingCheck() {}

    static String check(JsonNode expect, Http.Reply reply, Set<String> estateCodes) {
        if (reply.status() != 200) {
            return expect.path("route").asText().equals("reject") && reply.status() == 403 ? ""
                    : "HTTP " + reply.status() + ": " + reply.body().path("message").asText();
        }
        JsonNode data = reply.data();
        String route = data.path("meta").path("route").asText();
        boolean asks = asksBack(data);
        String want = expect.path("route").asText();
        switch (want) {
            case "reject" -> {
                return route.equals("reject") ? "" : "not refused (route " + route + ")";
            }
            case "clarify" -> {
                return asks ? "" : "did not ask which CI was meant (route " + route + ")";
            }
            default -> {
                if (!route.equals("orch")) {
                    return "route " + route + ": " + data.path("answer").asText();
                }
                if (asks) {
                    return "asked back instead of answering";
                }
            }
        }
        String text = text(data);
        List<List<String>> tables = tables(data);
        List<String> codeColumn = codeColumn(data);
        String all = (text + " " + String.join(" ", tables.stream().flatMap(List::stream).toList()))
                .toLowerCase(Locale.ROOT);
        if (expect.has("ci") && !all.contains(expect.path("ci").asText().toLowerCase(Locale.ROOT))) {
            return "CI " + expect.path("ci").asText() + " not in the answer";
        }
        if (expect.has("value") && !hasNumber(text, expect.path("value").asDouble(), expect.path("tol").asDouble(0.051))) {
            return "value " + expect.path("value").asDouble() + " not in the text";
        }
        if (expect.has("count") && !Pattern.compile("(?<![\\w.:/-])" + expect.path("count").asInt() + "(?![\\w.:/-]|\\.\\d)")
                .matcher(text).find()) {
            return "count " + expect.path("count").asInt() + " not in the text";
        }
        for (JsonNode c : expect.path("codes")) {
            if (!all.contains(c.asText().toLowerCase(Locale.ROOT))) {
                return "code " + c.asText() + " missing";
            }
        }
        if (expect.path("codes_exact").asBoolean(false)) {
            List<String> allowed = new ArrayList<>();
            expect.path("codes").forEach(c -> allowed.add(c.asText()));
            allowed.add(expect.path("ci").asText(""));
            for (String c : codeColumn) {
                if (estateCodes.contains(c) && !allowed.contains(c)) {
                    return "extra code " + c;
                }
            }
        }
        if (expect.has("ordered_codes")) {
            List<String> order = new ArrayList<>();
            expect.path("ordered_codes").forEach(c -> order.add(c.asText()));
            if (codeColumn.size() < order.size() || !codeColumn.subList(0, order.size()).equals(order)) {
                return "order " + codeColumn.subList(0, Math.min(codeColumn.size(), order.size())) + " != " + order;
            }
        }
        for (JsonNode c : expect.path("absent_codes")) {
            if (all.contains(c.asText().toLowerCase(Locale.ROOT))) {
                return "code " + c.asText() + " should be absent";
            }
        }
        for (JsonNode c : expect.path("contains")) {
            if (!all.contains(c.asText().toLowerCase(Locale.ROOT))) {
                return "'" + c.asText() + "' missing";
            }
        }
        if (expect.has("time_from")) {
            JsonNode plan = data.path("trace").path("route_output").path("plan_validated").path("plan");
            JsonNode spec = plan.path("metric").has("time_from") ? plan.path("metric") : plan.path("history");
            String from = spec.path("time_from").asText();
            String to = spec.path("time_to").asText();
            if (from.isEmpty() || !OffsetDateTime.parse(from).isEqual(OffsetDateTime.parse(expect.path("time_from").asText()))
                    || !OffsetDateTime.parse(to).isEqual(OffsetDateTime.parse(expect.path("time_to").asText()))) {
                return "time " + from + ".." + to;
            }
        }
        return "";
    }

    /** A direct answer offering actions, or a choice of CIs (select_ci). */
    static boolean asksBack(JsonNode data) {
        for (JsonNode a : data.path("next_actions")) {
            String id = a.path("action_id").asText();
            if (id.equals("select_ci") || id.equals("rerun")) {
                return true;
            }
        }
        return false;
    }

    static String text(JsonNode data) {
        StringBuilder t = new StringBuilder(data.path("answer").asText());
        for (JsonNode b : data.path("blocks")) {
            if (!b.path("title").asText().equals("reading") && (b.path("type").asText().equals("text")
                    || b.path("type").asText().equals("markdown"))) {
                t.append('\n').append(b.path("content").asText());
            }
        }
        return t.toString();
    }

    static List<List<String>> tables(JsonNode data) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode b : data.path("blocks")) {
            if (b.path("type").asText().equals("table")) {
                for (JsonNode row : b.path("data").path("rows")) {
                    List<String> cells = new ArrayList<>();
                    row.forEach(c -> cells.add(c.asText()));
                    out.add(cells);
                }
            }
        }
        return out;
    }

    /** The ci_code column of the first table that has one, in row order. */
    static List<String> codeColumn(JsonNode data) {
        for (JsonNode b : data.path("blocks")) {
            if (!b.path("type").asText().equals("table")) {
                continue;
            }
            int col = -1;
            JsonNode columns = b.path("data").path("columns");
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).asText().equals("ci_code")) {
                    col = i;
                }
            }
            if (col >= 0) {
                List<String> out = new ArrayList<>();
                for (JsonNode row : b.path("data").path("rows")) {
                    out.add(row.path(col).asText());
                }
                return out;
            }
        }
        return List.of();
    }

    private static boolean hasNumber(String text, double value, double tol) {
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            if (Math.abs(Double.parseDouble(m.group()) - value) <= tol) {
                return true;
            }
        }
        return false;
    }
}
