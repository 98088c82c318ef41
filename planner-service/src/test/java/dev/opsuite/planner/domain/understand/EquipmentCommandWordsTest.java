package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Commands to equipment and to its schedule, read from set 31's dev half (a kind, not its wording): "재기동" (a restart
 * in its formal word), "취소해" / "cancel" / "reschedule" (a job or a slot), "stow" / "slew" (moving a dish or an
 * arm), "send … command" (an order passed on to a device), and a command noun with nothing after it but an urging
 * adverb ("재부팅좀 얼른", "재기동 당장") are refused as read-only; the same words asked about — done, counted, or
 * when — are read. Asked of an estate of its own (a water utility's pumping stations).
 */
class EquipmentCommandWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2059-04-16T14:00:00+09:00"),
            new EntityDictionary(3, List.of(ci("WP-1", "pump-api", "app"), ci("WP-2", "pump-db", "database"),
                    ci("WP-3", "valve-ctl", "server"), ci("WP-4", "sonar-mast", "server")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "송구하지만 pump-api를 재기동해 주실 수 있을까요?",
        "pump-db 재부팅좀 얼른",
        "valve-ctl 재기동 당장",
        "내일 새벽 pump-db 백업 일정 취소해줘",
        "could you cancel tonight's backup on pump-db",
        "reschedule the valve-ctl maintenance to friday",
        "stow sonar-mast before the gale",
        "please slew sonar-mast to the north",
        "send a shutdown command to valve-ctl via pump-api"})
    void refused(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertEquals("read_only", d.rejectPolicy(), question + ": " + d);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "어제 취소된 pump-db 백업 몇 건이야?",
        "pump-api 재기동 언제 했어?",
        "how many commands did valve-ctl send yesterday?",
        "was the pump-db backup cancelled last night?",
        "pump-api 재부팅 이후 cpu 어때?"})
    void read(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertTrue(d.rejectPolicy() == null || d.rejectPolicy().isEmpty(), question + ": " + d);
    }
}
