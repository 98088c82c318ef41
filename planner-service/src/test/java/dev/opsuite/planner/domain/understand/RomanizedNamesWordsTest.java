package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A CI named in Hangul said in Latin letters, romanized as writers do ("napbu yeongye" for 납부 연계, with k/p/t where
 * ICU writes g/b/d; glued or hyphenated; within one edit for a longer name) is that CI, read with the rank sound.
 * A word of the name alone, or words another CI's Latin name holds, is not.
 */
class RomanizedNamesWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2045-06-12T14:00:00+09:00"),
            new EntityDictionary(1, List.of(ci("RN-1", "납부 연계", "app"), ci("RN-2", "신고서 작성", "app"),
                    ci("RN-3", "정산 배치", "app"), ci("RN-4", "학습 관리 DB", "database"),
                    ci("RN-5", "hakseup-cache", "app"), ci("RN-6", "edge-gw", "network")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "what is the cpu of napbu yeongye right now | RN-1",
        "nabbu-yeongye error rate yesterday | RN-1",
        "napbuyeongye latency last 3 hours | RN-1",
        "did singoseo jakseong have any incidents this week | RN-2",
        "jeongsan baechi memory on June 3 | RN-3",
        "hakseup gwalli DB cpu max today | RN-4"})
    void aHangulNameSaidInLatinLettersIsThatCi(String question, String code) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(code, p.primary().ciCode(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }

    /** One word of a name is not the name; a word another CI's Latin name holds stays that CI's. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"napbu cpu now | RN-1", "hakseup cache cpu now | RN-4"})
    void notAWordAloneNorAnotherNamesWord(String question, String notCode) {
        PlanModel p = ESTATE.plan(question);
        assertNotEquals(notCode, p.primary().ciCode(), p.toString());
    }
}
