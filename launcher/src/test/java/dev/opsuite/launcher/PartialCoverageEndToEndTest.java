package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An aggregate over a range longer than the data says how much of it the samples cover (never substitute
 * silently): the demo estate holds 7 days of metrics, so "average CPU of SVR001 over the last 30 days" is answered
 * from the samples there are, and says they begin only days into the range, in both languages; over the last 24
 * hours, which the samples cover, nothing is added.
 */
class PartialCoverageEndToEndTest {
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        http = new Http(OpsStack.get());
    }

    @Test
    void aRangeLongerThanTheDataIsSaid() throws Exception {
        for (String[] q : List.of(new String[] {"average CPU of SVR001 over the last 30 days", "Only samples from "},
                new String[] {"SVR001 지난 30일 CPU 평균", "샘플은 "})) {
            Http.Reply r = http.post("/ops/ci/ask", Http.ask(q[0]));
            assertEquals(200, r.status(), r.raw());
            String answer = r.data().path("answer").asText();
            assertTrue(answer.contains(q[1]) && !answer.contains("{"), q[0] + " → " + answer);
        }
    }

    @Test
    void aRangeTheSamplesCoverAddsNothing() throws Exception {
        for (String q : List.of("average CPU of SVR001 over the last 24 hours", "SVR001 지난 24시간 CPU 평균")) {
            Http.Reply r = http.post("/ops/ci/ask", Http.ask(q));
            assertEquals(200, r.status(), r.raw());
            String answer = r.data().path("answer").asText();
            assertTrue(!answer.contains("Only samples") && !answer.contains("까지만 있습니다") && answer.contains("SVR001"),
                    q + " → " + answer);
        }
    }
}
