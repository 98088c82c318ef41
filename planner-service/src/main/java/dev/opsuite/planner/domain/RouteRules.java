package dev.opsuite.planner.domain;

import dev.opsuite.model.asset.PolicyAsset;
import dev.opsuite.model.asset.PolicySecurity;
import dev.opsuite.model.asset.PromptRules;
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
    private final PolicyAsset policy;
    private final PromptRules rules;

    /** @param rules the Prompt asset's rules (their {@code direct} answers) */
    public RouteRules(PolicyAsset policy, PromptRules rules) {
        this.policy = policy;
        this.rules = rules;
    }

    public record Rejection(String policy, String reason, String matched) {}

    public Optional<Rejection> reject(String folded, String language) {
        return reject(folded, language, dev.opsuite.planner.domain.understand.Analyses.ofOneQuestion());
    }

    /** As above, analysing the text through the question's {@code analyses} (shared with its understanding). */
    public Optional<Rejection> reject(String folded, String language,
                                      dev.opsuite.planner.domain.understand.Analyses analyses) {
        return reject(folded, folded, language, analyses);
    }

    /**
     * As above, the command words looked for in {@code commandText} — the text with the estate's names masked
     * ({@link NamesInCommands}) — and the other rejects in the text as written.
     */
    Optional<Rejection> reject(String folded, String commandText, String language,
                               dev.opsuite.planner.domain.understand.Analyses analyses) {
        PolicySecurity security = policy.security();
        Optional<CommandRequests.Hit> hit = CommandRequests.of(security.commands()).find(commandText,
                commandText.equals(folded) ? analyses : dev.opsuite.planner.domain.understand.Analyses.ofOneQuestion());
        if (hit.isPresent()) {
            return Optional.of(new Rejection(hit.get().policy(), hit.get().reason().in(language), hit.get().word()));
        }
        for (String t : security.blockedTables()) {
            if (!t.isEmpty() && Phrases.contains(folded, t)) {
                String reason = security.blockedTableReason().in(language).replace("{table}", t);
                if (reason.isEmpty()) {
                    reason = PolicySecurity.DEFAULT_BLOCKED_TABLE_REASON.replace("{table}", t);
                }
                return Optional.of(new Rejection("blocked_tables", reason, t));
            }
        }
        for (PolicySecurity.RejectRule rule : security.rejectRules()) {
            String matched = Phrases.firstMatch(folded, rule.patterns());
            if (matched != null) {
                return Optional.of(new Rejection(rule.policy(), rule.reason().in(language), matched));
            }
        }
        for (PolicySecurity.RejectRule rule : security.rejectRules()) {
            Optional<String> misspelt = misspelt(folded, rule.patterns());
            if (misspelt.isPresent()) {
                return Optional.of(new Rejection(rule.policy(), rule.reason().in(language), misspelt.get()));
            }
        }
        return Optional.empty();
    }

    /** Letters from which a one-word Latin pattern also matches a word one edit from it. */
    static final int MISSPELT_FROM = 8;

    private static final java.util.regex.Pattern LATIN_WORD = java.util.regex.Pattern.compile("[a-z]{7,}");

    /**
     * "giv me the root pasword": a word of the question one edit (insert, delete, substitute, swap)
     * from a one-word Latin pattern of {@link #MISSPELT_FROM} letters or more ("password",
     * "credentials") matches it, so a typo does not walk past a reject rule. Shorter patterns have too
     * many everyday neighbours ("passwd" / "passed") and match only as written.
     */
    private static Optional<String> misspelt(String folded, Iterable<String> patterns) {
        java.util.regex.Matcher words = LATIN_WORD.matcher(folded);
        while (words.find()) {
            String w = words.group();
            for (String p : patterns) {
                if (p.length() >= MISSPELT_FROM && p.chars().allMatch(c -> c >= 'a' && c <= 'z')
                        && Math.abs(p.length() - w.length()) <= 1
                        && dev.opsuite.planner.domain.understand.Edits.distance(w, p) == 1) {
                    return Optional.of(w + " (" + p + ")");
                }
            }
        }
        return Optional.empty();
    }

    public record Direct(String name, String answer) {}

    public Optional<Direct> direct(String folded, String language, OffsetDateTime now) {
        for (PromptRules.DirectRule rule : rules.direct()) {
            if (Phrases.firstMatch(folded, rule.patterns()) != null) {
                String answer = fill(rule.answer().in(language), now);
                return Optional.of(new Direct(rule.name(), answer));
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
