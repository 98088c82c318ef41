package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptRules;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.opsuite.planner.domain.Patterns;
import java.util.Locale;

/**
 * Ids of events the question names ("INC-5327", "CHG-7712"), by the Prompt asset's
 * {@code rules.references}: each pattern's first group is the id, its {@code event_type} what kind of
 * event carries it. A reference is claimed before time and numbers read its digits, and only where
 * no CI name was spelt out. Claim value: {@code "<event_type>:<ID>"}, the id in upper case.
 */
final class EventReferences {
    private EventReferences() {}

    static void claim(Reading reading, Analyzed a, PromptRules rules) {
        for (PromptRules.Reference r : rules.references()) {
            Pattern p = Patterns.of(r.pattern(), Pattern.CASE_INSENSITIVE);
            Matcher m = p.matcher(a.text());
            while (m.find()) {
                int g = m.groupCount() >= 1 && m.group(1) != null ? 1 : 0;
                Span s = new Span(m.start(g), m.end(g));
                if (s.end() > s.start() && reading.free(s)) {
                    reading.claimExclusive(s, "reference", r.eventType() + ":"
                            + m.group(g).toUpperCase(Locale.ROOT), 1);
                }
            }
        }
    }
}
