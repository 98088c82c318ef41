package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kinds met in the dev halves of the weather, port, shipyard, library, broadcaster, ski-resort, cinema and real-CPU
 * sets (issue 12), in words of this test's own: a place of the estate written in Hangul, its English word said as a
 * loanword ("평창 베이스" for Pyeongchang Base, "군산 포트" for Gunsan Port), is that place; and a host's whole stack —
 * "vm 위에 있는 것까지", "the VMs and everything inside", "everything on its VMs" — goes through the type it names
 * rather than keeping only CIs of that type; and a command word that is a word of a CI's name spelt out ("Year Close
 * 이벤트", "Reset Portal 상태") is the name, while a command beside the name is still refused; a level passed ("95%
 * 넘긴", "90% 넘어선") is a threshold on the maximum, as "hit over 95%" is; and 수 right after a type word ("장비 수",
 * "서버 수") asks how many.
 */
class LayersAndSpeltPlacesWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = new ArrayList<>();
        cis.add(WordsEstate.at("hv-1", "Anchor Host", "server", "Gunsan Port"));
        cis.add(WordsEstate.at("vm-1", "Anchor VM", "vm", "Gunsan Port"));
        cis.add(WordsEstate.at("app-1", "Berth Planner", "app", "Gunsan Port"));
        cis.add(WordsEstate.at("app-2", "Gate Kiosk", "app", "Gunsan Tower"));
        cis.add(WordsEstate.at("db-1", "Crane DB", "database", "Mokpo Base"));
        cis.add(WordsEstate.at("srv-2", "Mokpo Host", "server", "Mokpo Summit"));
        cis.add(WordsEstate.at("job-1", "Year Close", "app", "Mokpo Base"));
        cis.add(WordsEstate.at("app-9", "Reset Portal", "app", "Mokpo Base"));
        estate = new WordsEstate(OffsetDateTime.parse("2041-05-06T10:00:00+09:00"),
                new EntityDictionary(3, cis, List.of(), List.of(Map.entry("ci.location", "Gunsan Port"),
                        Map.entry("ci.location", "Gunsan Tower"), Map.entry("ci.location", "Mokpo Base"),
                        Map.entry("ci.location", "Mokpo Summit"))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "군산 포트 앱 몇 개야?|Gunsan Port",
        "군산 포트에 있는 장비 CPU 50% 넘는 거|Gunsan Port",
        "목포 베이스 쪽 서버 목록|Mokpo Base",
        "목포 서밋에서 현재 CPU 상위 2개|Mokpo Summit"})
    void aPlaceSpeltInHangulIsThatPlace(String question, String place) {
        PlanModel p = estate.plan(question);
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("location")
                && f.values().equals(List.of(place))), question + ": " + p);
        assertTrue(String.join(" ", p.unexplained()).indexOf('군') < 0 && String.join(" ", p.unexplained()).indexOf('목') < 0,
                question + ": " + p.unexplained());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"군산 센터 앱 몇 개야?", "목포 사이트 서버 목록"})
    void aWordOfNoPlaceThereSpellsNone(String question) {
        PlanModel p = estate.plan(question);
        assertTrue(p.primary().filters().stream().noneMatch(f -> f.field().equals("location")
                && f.values().size() == 1 && (f.values().get(0).equals("Gunsan Port") || f.values().get(0).equals("Mokpo Base"))),
                question + ": " + p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Anchor Host에 올라간 거 전부 (vm 위에 있는 것까지)",
        "Anchor Host 위에 있는 거 다 보여줘, VM 위에서 도는 것까지", "what runs on Anchor Host, including everything on its VMs?",
        "list what is on Anchor Host: the VMs and everything inside"})
    void aHostsWholeStackGoesThroughTheTypeItNames(String question) {
        PlanModel p = estate.plan(question);
        assertEquals(Intent.EXPAND, p.intent(), question + ": " + p);
        assertEquals("hv-1", p.primary().ciCode(), question + ": " + p);
        assertTrue(p.primary().filters().stream().noneMatch(f -> f.field().equals("ci_type")), question + ": " + p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"what VMs run on Anchor Host?|vm", "Anchor Host 위에 있는 vm 목록|vm"})
    void aTypeAskedForStaysAFilter(String question, String type) {
        PlanModel p = estate.plan(question);
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("ci_type") && f.values().contains(type)),
                question + ": " + p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Year Close 이벤트 어제부터 지금까지|job-1", "Reset Portal 상태 알려줘|app-9",
        "Year Close 배치 지난주 이벤트 보여줘|job-1", "events of Reset Portal today|app-9"})
    void aCommandWordOfANameSpeltOutIsTheName(String question, String code) {
        var d = estate.decide(question);
        assertTrue(!"reject".equals(d.kind()), question + " names a CI, it commands nothing: " + d);
        assertEquals(code, d.plan().primary().ciCode(), question + ": " + d.plan());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Year Close 이벤트 기록 지워줘", "close Year Close now", "Reset Portal 재시작해",
        "please reset Reset Portal", "delete the Year Close events"})
    void aCommandBesideTheNameIsStillRefused(String question) {
        assertEquals("reject", estate.decide(question).kind(), question);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"5월 3일 cpu 95% 넘긴 앱 있어?", "어제 CPU 90%를 넘어선 서버", "지난주 cpu 80프로 넘겼던 거 있나"})
    void aLevelPassedIsAThresholdOnTheMaximum(String question) {
        PlanModel p = estate.plan(question);
        assertEquals("max", p.metric().agg(), question + ": " + p);
        assertEquals("gt", p.metric().threshold().op(), question + ": " + p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"지금 cpu 95% 넘는 앱", "cpu 평균 90% 넘은 서버"})
    void aLevelNowOrOfTheAverageIsNoMaximum(String question) {
        PlanModel p = estate.plan(question);
        assertTrue(!"max".equals(p.metric().agg()), question + ": " + p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Gunsan Port에 있는 장비 수 확인 부탁드립니다", "서버 수 알려줘", "목포 베이스 앱 수는?"})
    void aNumberAfterATypeWordIsACount(String question) {
        PlanModel p = estate.plan(question);
        assertTrue(p.output().count(), question + ": " + p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"CPU 볼 수 있는 서버 목록", "Anchor Host 메모리 확인할 수 있어?"})
    void theSuOfCanIsNoCount(String question) {
        PlanModel p = estate.plan(question);
        assertTrue(!p.output().count(), question + ": " + p);
    }
}
