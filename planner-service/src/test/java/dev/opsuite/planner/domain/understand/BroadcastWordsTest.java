package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings met on a thirteenth estate (a broadcaster with bureaus abroad) and its writers (long e-mails, foreign local
 * times, spreadsheet words, a second-language writer): each case failed before its fix, and each fix is a rule of
 * reading, not a word of this estate.
 */
class BroadcastWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2034-12-22T22:40:00+09:00"); // a Friday evening
    private static WordsEstate estate;

    @BeforeAll
    static void load() throws Exception {
        List<EntityDictionary.Entity> cis = List.of(ci("BUR-951", "London Live Link", "app"),
                ci("vm-2047", "OTT Origin VM", "vm"), ci("vm-2048", "Caption VM", "vm"),
                ci("GFX-302", "Election Night", "app"), ci("TRF-603", "As-Run Reconciler", "app"));
        estate = new WordsEstate(NOW, new EntityDictionary(7, cis, List.of(), List.of()));
    }

    private static EntityDictionary.Entity ci(String code, String name, String type) {
        return new EntityDictionary.Entity(code, name, type, false, Map.of("ci.status", "running"));
    }

    @Test
    void aZoneNamedInWordsIsThatZone() {
        PlanModel london = estate.plan("London Live Link max error rate on 29/10/2034, London time?");
        assertEquals("2034-10-29T00:00+01:00", london.metric().timeFrom(), london.toString());
        PlanModel eastern = estate.plan("미 동부 시간 11월 7일 저녁 7시부터 자정까지 Election Night 응답시간 평균");
        assertEquals("2034-11-07T19:00-05:00", eastern.metric().timeFrom(), eastern.toString());
        assertEquals("2034-11-08T00:00-05:00", eastern.metric().timeTo(), "until midnight, not noon the next day");
    }

    @Test
    void remarksAfterTheQuestionAreContext() {
        PlanModel p = estate.plan("Could you tell me the average CPU of the OTT Origin VM over the past fortnight? No rush at all,"
                + " Monday is a holiday anyway. Cheers, Priya (Digital)");
        assertEquals("last_14d", p.metric().timeRange(), p.toString());
        assertEquals("vm-2047", p.primary().ciCode());
    }

    @Test
    void wordsOfASecondLanguageWriterAndASpreadsheetUser() {
        PlanModel more = estate.plan("디스크 사용률이 60 퍼센트 보다 많이 있는 VM이 지금 어느 것 있습니까?");
        assertEquals(60.0, more.metric().threshold().value(), more.toString());
        assertEquals("gt", more.metric().threshold().op());
        assertNotEquals("reject", estate.decide("Audit trail: the deploy/change rows in the hours before the As-Run"
                + " Reconciler incident.").kind(), "a noun of a list written with a slash is no command");
        PlanModel alerted = estate.plan("Has the Caption VM alerted today?");
        assertTrue(alerted.history().eventTypes().contains("alert"), alerted.toString());
    }
}
