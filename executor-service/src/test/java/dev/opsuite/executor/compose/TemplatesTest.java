package dev.opsuite.executor.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Number agreement and Korean particles chosen by what was written just before them. */
class TemplatesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "1|1 CI is impacted.", "2|2 CIs are impacted.", "0|0 CIs are impacted.", "11|11 CIs are impacted.",
        "1,001|1,001 CIs are impacted.", "21|21 CIs are impacted."})
    void englishAgreesWithTheCount(String total, String expected) {
        assertEquals(expected, Templates.fill("{total} {plural:CI is/CIs are} impacted.", Map.of("total", total)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"서버A|서버A는", "db-01(DB001)|db-01(DB001)은"})
    void aParticleFollowsTheLastSyllable(String name, String expected) {
        assertEquals(expected, Templates.fill("{name}{josa:은/는}", Map.of("name", name)));
    }
}
