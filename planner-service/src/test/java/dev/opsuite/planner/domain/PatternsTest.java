package dev.opsuite.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.asset.PromptRules;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lower-cased fast path of a case-insensitive asset pattern finds exactly what RE2/J's own folding finds. */
class PatternsTest {
    private static final List<String> TEXTS = List.of("CPU of SRV-01 on 2014-04-17T10:00Z, Last WEEK",
            "Between 10:00 AND 12:00 Yesterday, UTC", "April 17, 2014 and 17 Apr · 11/30 · On Monday",
            "지난주 화요일 오후 3시부터 5시까지 KST", "Since 2026-11-01 … THIS MONTH, the Past 2 Weeks",
            "İstanbul K-node ǅ ß ﬁle", "in the WEEK OF 2014-04-14 at 14:30 (GMT)");

    @Test
    void sameMatchesAtTheSameOffsetsForEveryDefaultTimeAtomAndPhrasePattern() throws Exception {
        List<String> patterns = new ArrayList<>();
        PromptRules rules = DefaultAssets.load().prompt().rules();
        rules.time().atoms().forEach(a -> patterns.add(a.pattern()));
        rules.intentKeywords().values().forEach(list -> list.forEach(w -> {
            if (w.startsWith("^")) {
                patterns.add(w);
            }
        }));
        assertTrue(patterns.size() > 50, "patterns: " + patterns.size());
        int fast = 0;
        for (String regex : patterns) {
            Patterns.Caseless c = Patterns.caseless(regex);
            fast += c.overLowered() ? 1 : 0;
            Pattern slow = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
            for (String text : TEXTS) {
                assertEquals(matches(slow.matcher(text)), matches(c.matcher(text, Patterns.lower(text))), regex + " on " + text);
            }
        }
        assertTrue(fast > patterns.size() / 2, "most asset patterns take the fast path: " + fast);
    }

    @Test
    void aPatternWithUpperCaseOfItsOwnKeepsTheFoldingAndLoweringKeepsOffsets() {
        assertFalse(Patterns.caseless("\\p{Lu}+x").overLowered());
        assertTrue(Patterns.caseless("(?P<H>\\d+)\\s*시\\S*\\b").overLowered());
        assertEquals("İstanbul".length(), Patterns.lower("İstanbul").length());
    }

    private static List<String> matches(Matcher m) {
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.start() + "-" + m.end());
        }
        return out;
    }
}
