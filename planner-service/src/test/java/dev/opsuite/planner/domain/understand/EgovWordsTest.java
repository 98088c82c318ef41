package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.RulesPlanner;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Everyday words read from set 26's dev half (kinds, not its wordings), asked on Monday 2041-09-30 11:20 in Seoul:
 * a date with a two-digit year and dots ("41.9.3", Prompt time atom short_year_dot_date; a longer dotted number is no
 * date), the moment a CI was at its slowest or fastest ("제일 느렸을 때", "at its fastest": Prompt aggregations),
 * "depend, directly or indirectly, on X" (what depends on X), a type word that names the CI it follows ("the
 * relay-api service", "중계 API 서비스가": no filter) and an article before a threshold's number ("above a 1%").
 */
class EgovWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2041-09-30T11:20:00+09:00"),
            new EntityDictionary(3, List.of(ci("KV-1", "ledger-node", "server"), ci("KV-2", "relay-api", "app"),
                    ci("KV-3", "Archive DB", "database")), List.of(java.util.Map.entry(1, "중계 API")), List.of()));

    /** A date written with a two-digit year and dots ("41.9.3", "41.09.03"), as Korean writers shorten dates. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "41.9.3 ledger-node 평균 cpu | 2041-09-03T00:00+09:00 | 2041-09-04T00:00+09:00",
        "ledger-node 41.09.03 최대 메모리 | 2041-09-03T00:00+09:00 | 2041-09-04T00:00+09:00",
        "Archive DB cpu max on 40.12.25 | 2040-12-25T00:00+09:00 | 2040-12-26T00:00+09:00",
        "41.8.30에 relay-api 응답시간 평균 | 2041-08-30T00:00+09:00 | 2041-08-31T00:00+09:00"})
    void aDottedDateWithATwoDigitYearIsThatDay(String question, String from, String to) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(from, p.metric().timeFrom(), p.toString());
        assertEquals(to, p.metric().timeTo(), p.toString());
        assertTrue(p.unexplained().isEmpty(), "every word read: " + p.unexplained());
    }

    /**
     * A three-part dotted number after a version word ("Ubuntu 22.04.3", "버전 23.10.1", "kernel: 24.4.1") or before
     * one ("22.04.3 LTS") is a version, not a day: no time read (the atom's {@code not_after} and its {@code not} group).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "which servers run Ubuntu 22.04.3 | 2022-04-03",
        "ledger-node OS 버전 23.10.1 맞아? | 2023-10-01",
        "ledger-node kernel: 24.4.1 still? | 2024-04-01",
        "is ledger-node on 22.04.3 LTS | 2022-04-03",
        "ledger-node v 21.3.2 패치 적용됐어? | 2021-03-02"})
    void aVersionIsNoDate(String question, String day) {
        PlanModel p = ESTATE.plan(question);
        assertTrue(!p.toString().contains(day), p.toString());
        // the same number with no version word beside it is that day
        PlanModel dated = ESTATE.plan("ledger-node 평균 cpu " + question.replaceAll(".*?(\\d{2}\\.\\d{1,2}\\.\\d{1,2}).*", "$1"));
        assertEquals(day + "T00:00+09:00", dated.metric().timeFrom(), dated.toString());
    }

    /** "제일 느렸을 때", "at its slowest": the moment a CI was at its worst over a range is its maximum (fastest: minimum). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "relay-api 어제 제일 느렸을 때 응답시간 | max",
        "지난주 relay-api 가장 느렸을 때 응답 시간이 몇이었어? | max",
        "relay-api latency yesterday at its slowest | max",
        "relay-api 어제 제일 빨랐을 때 응답시간 | min",
        "what was relay-api's latency at its fastest last week | min"})
    void aSuperlativeMomentOfOneCiIsItsExtreme(String question, String agg) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("KV-2", p.primary().ciCode(), p.toString());
        assertEquals(agg, p.metric().agg(), p.toString());
    }

    /**
     * "How many CIs depend, directly or indirectly, on X": the things that depend on X (impact), not X's own
     * dependencies, also with adverbs between the verb and its 'on'.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "How many CIs depend, directly or indirectly, on Archive DB?",
        "which apps depend heavily on Archive DB",
        "what depends, even indirectly, on the Archive DB?"})
    void thingsThatDependOnXAreItsImpact(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("KV-3", p.primary().ciCode(), p.toString());
        assertEquals("IMPACT", p.view().name(), p.toString());
        assertEquals("in", p.graph().direction(), p.toString());
    }

    /** What X itself depends on stays its dependencies, adverbs or not. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "what does Archive DB depend on?",
        "what does relay-api depend directly on"})
    void whatXDependsOnStaysItsDependencies(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("DEPENDENCY", p.view().name(), p.toString());
        assertEquals("out", p.graph().direction(), p.toString());
    }

    /** Digits that go on past a dot are a longer dotted number (an address), not a date. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"ledger-node 10.41.9.3 평균 cpu", "avg cpu of ledger-node 41.9.3.7"})
    void aDottedNumberLongerThanADateIsNoDate(String question) {
        PlanModel p = ESTATE.plan(question);
        assertTrue(!p.metric().timeFrom().startsWith("2041-09-03"), p.toString());
    }

    /**
     * "the relay-api service", "중계 API 서비스가": a word for the CI's kind right after its name, one noun phrase with it
     * (a determiner before, a particle after), is the CI's own word — no filter for CIs of that type.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "what does the relay-api service call directly? | DEPENDENCY",
        "중계 API 서비스가 직접 부르는 건 뭐야? | DEPENDENCY",
        "중계 API 서비스의 응답시간 지금 얼마예요? | SUMMARY",
        "if the relay-api service goes down what breaks | IMPACT",
        "is your relay-api service slow right now? | SUMMARY"})
    void aTypeWordThatNamesTheCiIsNoFilter(String question, String view) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("KV-2", p.primary().ciCode(), p.toString());
        assertEquals(view, p.view().name(), p.toString());
        assertTrue(p.primary().filters().isEmpty(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }

    /** A plural, or a type word with no particle, still asks for CIs of that type. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"relay-api services impact", "중계 API 서비스 영향 범위"})
    void aTypeWordForOtherCisStaysAFilter(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("KV-2", p.primary().ciCode(), p.toString());
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.values().contains("service")), p.toString());
    }

    /** "above a 1% error rate": an article between the comparison word and the number. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Which systems are currently above a 1% error rate?",
        "what is over a 500 ms latency right now"})
    void anArticleBeforeTheNumberIsStillAThreshold(String question) {
        PlanModel p = ESTATE.plan(question);
        assertTrue(p.metric().threshold() != null, p.toString());
        assertEquals("gt", p.metric().threshold().op(), p.toString());
        assertTrue(p.missingSlots().isEmpty() && p.unexplained().isEmpty(), p.toString());
    }

    /**
     * The words are the Prompt's: without {@code rules.understanding.type_word_also} a service word names no app, and
     * without a determiner in {@code definite_words} the English phrase is not one noun phrase — a filter again.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"what does the relay-api service call directly? | type_word_also",
        "what does the relay-api service call directly? | definite_words",
        "중계 API 서비스가 직접 부르는 건 뭐야? | type_word_also"})
    void thePromptHoldsTheWords(String question, String removed) {
        AssetBundle shipped = WordsEstate.assets();
        ObjectNode prompt = shipped.content("prompt").deepCopy();
        ObjectNode understanding = (ObjectNode) prompt.path("rules").path("understanding");
        if (removed.equals("definite_words")) {
            understanding.putArray(removed).add("this");
        } else {
            understanding.remove(removed);
        }
        List<AssetDoc> docs = new java.util.ArrayList<>();
        for (String type : List.of("schema", "resolver", "mapping", "query", "policy", "screen")) {
            shipped.get(type).ifPresent(docs::add);
        }
        docs.addAll(shipped.sources().values());
        docs.add(new AssetDoc("prompt", "ci_planner", 99, "published", prompt));
        PlanModel p = new RulesPlanner().plan(question, new AssetBundle(docs), ESTATE.now(), EstateFixture.SEOUL,
                ESTATE.dictionary()).plan();
        assertEquals("KV-2", p.primary().ciCode(), p.toString());
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.values().contains("service")), p.toString());
        assertTrue(ESTATE.plan(question).primary().filters().isEmpty(), "with the shipped Prompt: no filter");
    }
}
