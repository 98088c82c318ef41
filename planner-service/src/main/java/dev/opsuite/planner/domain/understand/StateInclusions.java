package dev.opsuite.planner.domain.understand;

import com.google.re2j.Pattern;
import dev.opsuite.planner.domain.Patterns;
import java.util.List;

/**
 * "메모리 40% 이하인 거, 꺼져 있는 것도 포함해서", "how many VMs, including stopped ones": a state word (or the only
 * type word of the question: "서비스까지 다 쳐서") inside one of
 * Prompt {@code rules.understanding.state_inclusions} (a pattern around {@code @state}) includes the CIs in that state
 * — it widens the answer, so it is no filter of it. The word is read (a descriptor), not left unexplained, and no
 * other filter of the question changes.
 */
final class StateInclusions {
    static final String MARK = "@state";
    private final Reading reading;

    StateInclusions(Reading reading) {
        this.reading = reading;
    }

    /** Whether one of the patterns matches the text with the claim's words written {@code @state}. */
    static boolean around(String text, Claim c, List<String> patterns) {
        String marked = text.substring(0, c.span().start()) + MARK + text.substring(c.span().end());
        return patterns.stream().anyMatch(p -> Patterns.of(p, Pattern.CASE_INSENSITIVE).matcher(marked).find());
    }

    void read() {
        List<String> patterns = reading.rules.understanding().stateInclusions();
        if (patterns.isEmpty()) {
            return;
        }
        String text = reading.a.text();
        for (Claim c : List.copyOf(reading.claims)) {
            boolean state = c.value().contains(".status=");
            if (!c.kind().equals("enum") && !c.kind().equals("value") || !state && !onlyType(c)) {
                continue;
            }
            if (around(text, c, patterns)) {
                reading.claims.remove(c);
                reading.claims.add(new Claim(c.span(), c.text(), "descriptor", state ? "included_state" : "included_type",
                        c.score()));
            }
        }
    }

    /**
     * "애월에 등록된 거 전부 몇 개야? 서비스까지 다 쳐서", "how many CIs at X, including services": a type word
     * included, when no other type is asked, widens to every type. Beside another type ("apps, including the
     * services") it stays a filter value, read with the other: apps and services.
     */
    private boolean onlyType(Claim c) {
        String type = reading.lexicon.primaryEntity() + ".ci_type=";
        return c.value().startsWith(type) && reading.claims.stream()
                .noneMatch(o -> o.value().startsWith(type) && !o.span().overlaps(c.span()));
    }
}
