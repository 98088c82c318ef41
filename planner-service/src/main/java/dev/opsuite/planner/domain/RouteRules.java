package dev.opsuite.planner.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Direct and reject routing. Reject rules come from the Policy asset (security.reject_rules and
 * blocked_tables) and are checked first, so no other rule can override a policy reject. Direct
 * answers come from the Prompt asset's rules.direct.
 */
public final class RouteRules {
    private final JsonNode policy;
    private final JsonNode prompt;

    public RouteRules(JsonNode policy, JsonNode prompt) {
        this.policy = policy;
        this.prompt = prompt;
    }

    public record Rejection(String policy, String reason, String matched) {}

    public Optional<Rejection> reject(String folded, String language) {
        JsonNode security = policy.path("security");
        JsonNode commands = security.path("commands");
        if (!commands.isMissingNode()) {
            Optional<CommandRequests.Hit> hit = new CommandRequests(commands).find(folded);
            if (hit.isPresent()) {
                return Optional.of(new Rejection(hit.get().policy(), Phrases.localized(hit.get().reason(), language),
                        hit.get().word()));
            }
        }
        for (JsonNode table : security.path("blocked_tables")) {
            String t = table.asText();
            if (!t.isEmpty() && Phrases.contains(folded, t)) {
                String reason = Phrases.localized(security.path("blocked_table_reason"), language)
                        .replace("{table}", t);
                if (reason.isEmpty()) {
                    reason = "blocked table: " + t;
                }
                return Optional.of(new Rejection("blocked_tables", reason, t));
            }
        }
        for (JsonNode rule : security.path("reject_rules")) {
            String hit = Phrases.firstMatch(folded, rule.path("patterns"));
            if (hit != null) {
                return Optional.of(new Rejection(rule.path("policy").asText("security"),
                        Phrases.localized(rule.path("reason"), language), hit));
            }
        }
        return Optional.empty();
    }

    public record Direct(String name, String answer) {}

    public Optional<Direct> direct(String folded, String language, OffsetDateTime now) {
        for (JsonNode rule : prompt.path("rules").path("direct")) {
            if (Phrases.firstMatch(folded, rule.path("patterns")) != null) {
                String answer = fill(Phrases.localized(rule.path("answer"), language), now);
                return Optional.of(new Direct(rule.path("name").asText("direct"), answer));
            }
        }
        return Optional.empty();
    }

    private static String fill(String template, OffsetDateTime now) {
        return template
                .replace("{date}", now.toLocalDate().toString())
                .replace("{time}", now.toLocalTime().withNano(0).format(DateTimeFormatter.ofPattern("HH:mm")))
                .replace("{zone}", "UTC" + (now.getOffset().getTotalSeconds() == 0 ? "" : now.getOffset().getId()))
                .replace("{weekday_ko}", now.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.KOREAN))
                .replace("{weekday_en}", now.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }
}
