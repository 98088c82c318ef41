package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of clock wordings (no set's questions), asked on 2047-10-05 19:30 in Seoul: "아까 3시쯤 X cpu" was read
 * as 03:00 — sixteen hours before, in the night — with "아까" ("a while ago") unread. A clock time written with a word of
 * the recent past (아까, 좀 전에, 조금 전에: Prompt rules.time.meridiem "recent") and no 오전/오후 is the latest such time
 * not after now: 15:00 at 19:30, but 11:00 for "아까 11시" (23:00 has not come).
 */
class RecentClockWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2047-10-05T19:30:00+09:00"),
            new EntityDictionary(5, List.of(ci("RC-1", "dock-srv", "server")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "아까 3시쯤 dock-srv cpu|15|0",
        "dock-srv cpu 아까 3시에 얼마였어?|15|0",
        "좀 전에 2시 반에 dock-srv 메모리|14|30",
        "dock-srv cpu 아까 11시|11|0",
        "조금 전에 7시쯤 dock-srv cpu|19|0",
        "dock-srv cpu 오전 3시|3|0"})
    void aClockTimeOfTheRecentPastIsTheLatestOne(String question, int hour, int minute) {
        PlanModel p = ESTATE.plan(question);
        OffsetDateTime to = OffsetDateTime.parse(p.metric().timeTo());
        assertEquals("2047-10-05", to.toLocalDate().toString(), p.toString());
        assertEquals(hour * 60 + minute, to.getHour() * 60 + to.getMinute() - 1, p.toString()); // the sample at it
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }
}
