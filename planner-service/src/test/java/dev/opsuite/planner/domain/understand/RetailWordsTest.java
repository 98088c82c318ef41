package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Everyday words read from set 27's dev half (kinds, not its wordings), asked on Sunday 2044-03-06 19:00 in Seoul
 * of an estate of their own: a cache-clearing command ("flush", "evict", "비워줘", "플러시 해") is refused like any
 * other change (Policy read_only verbs); "host of X", "X의 호스트" name what X runs on, of any type, not servers only
 * (Prompt intent hosting_role); "VM과 그 위에서 도는 것", "the VMs on X and what runs on them" ask for the VMs and
 * everything above them, not the VMs only (Prompt intent stack_above, pointing_back). Found while writing these: a
 * command noun with its 하다 after a space ("삭제 해 주세요") was not refused as the glued "삭제해 주세요" is.
 */
class RetailWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2044-03-06T19:00:00+09:00"),
            new EntityDictionary(5, List.of(ci("RT-1", "hv-north-2", "server"), ci("RT-2", "core-vm7", "vm"),
                    ci("RT-3", "ledger-cache 3", "database"), ci("RT-4", "quote-api", "app")), List.of(), List.of()));

    private static List<String> types(PlanModel p) {
        return p.primary().filters().stream().filter(f -> f.field().equals("ci_type")).flatMap(f -> f.values().stream())
                .toList();
    }

    /** Clearing a cache changes what is stored: refused in every wording, with or without a CI named. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "flush the ledger-cache 3 cache",
        "please flush ledger-cache 3 right away",
        "can you clear the cache on quote-api",
        "evict everything from ledger-cache 3",
        "invalidate the quote-api cache now",
        "ledger-cache 3 캐시 비워줘",
        "ledger-cache 3 캐시 플러시해 주세요",
        "ledger-cache 3 캐시 플러시 해 주세요"})
    void clearingACacheIsRefused(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertEquals("read_only", d.rejectPolicy(), question + ": " + d);
    }

    /**
     * A command noun and its 하다 after a space ("삭제 해 주세요") is the same command as "삭제해 주세요" — also when the
     * analyser splits a prefix off the noun ("재시작" read as 재 + 시작).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ledger-cache 3 매출 테이블 삭제 해 주세요",
        "quote-api 중지 해 줘",
        "core-vm7 종료 해주세요",
        "quote-api 재시작 해 줘",
        "core-vm7 재부팅 해주세요"})
    void aCommandNounWithASpacedHadaIsRefused(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertEquals("read_only", d.rejectPolicy(), question + ": " + d);
    }

    /** Done or asked about, the same words are read: "재시작 했어?", "재시작 한 적 있어?". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "quote-api 어제 재시작 했어?",
        "core-vm7 재시작 한 적 있어?",
        "ledger-cache 3 삭제 된 테이블 있어?"})
    void aSpacedHadaInThePastIsNoCommand(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertTrue(d.rejectPolicy() == null || d.rejectPolicy().isEmpty(), question + ": " + d);
    }

    /** The same verbs in a question about the past or as nouns are read, not refused. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "when was ledger-cache 3 last flushed?",
        "how many cache evictions did ledger-cache 3 have yesterday"})
    void aFlushAskedAboutIsNoCommand(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertTrue(d.rejectPolicy() == null || d.rejectPolicy().isEmpty(), question + ": " + d);
    }

    /** "host of X": what X runs on, whatever its type (a VM hosts a database) — no filter to servers. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "host of ledger-cache 3?|RT-3",
        "what is the host of quote-api|RT-4",
        "what's ledger-cache 3's host|RT-3",
        "ledger-cache 3의 호스트가 뭐야|RT-3",
        "quote-api 호스트 어디야|RT-4"})
    void theHostOfACiIsWhatItRunsOnOfAnyType(String question, String code) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(code, p.primary().ciCode(), p.toString());
        assertEquals("out", p.graph().direction(), p.toString());
        assertTrue(p.graph().relationTypes().contains("RUNS_ON"), p.toString());
        assertTrue(types(p).isEmpty(), p.toString());
    }

    /** A type asked by its own word stays a filter: a server, a physical host, the hosts of the estate. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "which server is ledger-cache 3 on|server",
        "physical host of ledger-cache 3|server",
        "list the hosts|server",
        "which vm is quote-api on|vm"})
    void aTypeAskedByNameStaysAFilter(String question, String type) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(List.of(type), types(p), p.toString());
    }

    /** "the VMs on X and what runs on them": the VMs and everything above them — the type word is no filter. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hv-north-2 위 VM과 그 위에서 도는 것 전부",
        "hv-north-2에 있는 VM하고 그 위에 올라간 거 다 보여줘",
        "the VMs on hv-north-2 and what runs on them",
        "VMs hosted by hv-north-2 plus whatever is hosted on those",
        "hv-north-2의 VM과 그 위에서 구동되는 애플리케이션 보여줘",
        "hv-north-2 vm이랑 그 위 app, db 다 알려줘"})
    void theVmsAndWhatRunsOnThemIsTheWholeStack(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("RT-1", p.primary().ciCode(), p.toString());
        assertEquals("in", p.graph().direction(), p.toString());
        assertTrue(types(p).isEmpty(), p.toString());
    }

    /** Without a conjunction and a word pointing back up, the VMs on X are the VMs. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hv-north-2 그 위에서 도는 VM",
        "what VMs run on hv-north-2",
        "list the VMs on hv-north-2 and compare them"})
    void theVmsOnAHostStayVms(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("RT-1", p.primary().ciCode(), p.toString());
        assertEquals(List.of("vm"), types(p), p.toString());
    }
}
