package dev.opsuite.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one grounding check of model-written texts: names, times and numbers must be among what was given. */
class GroundingTest {
    private static final List<String> KNOWN = List.of("SVR001", "payment-api", "2026-11-25T21:25:00+09:00",
            "execute", "stage_outputs[2].duration_ms");
    private static final List<BigDecimal> NUMBERS = List.of(new BigDecimal("42.46"), new BigDecimal("1200"));

    @Test
    void whatWasGivenIsGroundedAtThePrecisionWritten() {
        assertEquals(Set.of(), Grounding.ungrounded(
                "SVR001 ran at 42.5% on 2026-11-25 21:25; payment-api handled 1,200 calls.", KNOWN, NUMBERS));
        // the numbers inside a given text (an index in a path) are given too, when the caller adds them
        List<BigDecimal> withPath = new java.util.ArrayList<>(NUMBERS);
        withPath.addAll(Grounding.numbersIn(String.join("\n", KNOWN)));
        assertEquals(Set.of("2"), Grounding.ungrounded("stage_outputs[2].duration_ms was 42 ms.", KNOWN, NUMBERS));
        assertTrue(Grounding.ungrounded("stage_outputs[2].duration_ms was 42 ms.", KNOWN, withPath).isEmpty());
    }

    @Test
    void anythingElseIsNamed() {
        Set<String> missing = Grounding.ungrounded("SVR002 peaked at 43.1% at 21:40 after billing-api failed.",
                KNOWN, NUMBERS);
        assertEquals(Set.of("SVR002", "43.1", "21:40", "billing-api"), missing);
    }

    @Test
    void numbersAreReadWithTheirSeparators() {
        assertEquals(List.of(new BigDecimal("1200"), new BigDecimal("3.5")), Grounding.numbersIn("1,200 of 3.5"));
        assertTrue(Grounding.isNumber("-12.5"));
    }
}
