package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A hosting word ("가동되는", "installed on", "위에서 도는") asks what runs on a host only where a host is named on its
 * host side; beside a place, in a question that names a CI and asks a measure, it says where that CI is, and the
 * measure of that CI is what is asked — not the CI's graph.
 */
class HostingWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        estate = new WordsEstate(OffsetDateTime.parse("2031-03-02T10:00:00+09:00"), new EntityDictionary(4,
                List.of(at("PX-7", "PLC-07", "server", "2공장"), at("PX-8", "press-gw", "app", "Line 2"),
                        at("PX-9", "cell-host-1", "server", "2공장")),
                List.of(), List.of(Map.entry("ci.location", "2공장"), Map.entry("ci.location", "Line 2"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2공장에서 가동되는 PLC-07 CPU 알려줘|PX-7|cpu_usage",
        "2공장에서 가동하는 PLC-07의 메모리 사용량은?|PX-7|mem_usage",
        "press-gw installed on Line 2: what's its cpu right now?|PX-8|cpu_usage"})
    void aHostingWordBesideAPlaceDescribesTheCiWhoseMeasureIsAsked(String question, String code, String metric) {
        PlanModel p = estate.plan(question);
        assertNotEquals(Intent.EXPAND, p.intent(), question + ": " + p);
        assertEquals(code, p.primary().ciCode(), question + ": " + p);
        assertEquals(metric, p.metric().metricName(), question + ": " + p);
    }

    /**
     * Korean "설치된" is not a hosting word: "X에 설치된 OS 버전", "2공장에 설치된 장비" name a CI's own software or its
     * place as often as what runs on it — the word is left unexplained and said, never read as a relation.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"cell-host-1에 설치된 것 알려줘", "2공장에 설치된 PLC-07 펌웨어 버전은?"})
    void installedInKoreanIsNotReadAsARelation(String question) {
        PlanModel p = estate.plan(question);
        assertNotEquals(Intent.EXPAND, p.intent(), question + ": " + p);
        assertTrue(p.unexplained().stream().anyMatch(w -> w.contains("설치")), question + ": " + p.unexplained());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"cell-host-1에서 가동되는 것 알려줘", "what is installed on cell-host-1?",
        "cell-host-1 위에서 도는 앱 목록", "what runs on the cell-host-1 server?"})
    void besideANamedHostItStillAsksWhatRunsOnIt(String question) {
        PlanModel p = estate.plan(question);
        assertEquals(Intent.EXPAND, p.intent(), question + ": " + p);
        assertEquals("PX-9", p.primary().ciCode(), question + ": " + p);
    }
}
