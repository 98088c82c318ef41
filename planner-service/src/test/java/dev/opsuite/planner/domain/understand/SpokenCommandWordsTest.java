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
 * Commands as they are spoken, read from set 32's dev half (a kind, not its wording): a hesitation before the verb
 * ("uh, delete …", "um restart …", "hmm, shut down …"; the Policy's request_words) and an adverb between a Korean
 * command noun and its 하다 ("재시작 좀 해줘", "삭제 빨리 해 주세요") still order, so they are refused as read-only; the
 * same words asked about (a count, what was done, a past) are read, and a filler before a question is a stopword (the
 * Resolver's). Asked of an estate of its own (a ferry operator's booking systems).
 */
class SpokenCommandWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2058-03-05T10:00:00+09:00"),
            new EntityDictionary(3, List.of(ci("FR-1", "berth-api", "app"), ci("FR-2", "ticket-db", "database"),
                    ci("FR-3", "gate-vm 2", "vm")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "uh, delete gate-vm 2",
        "um restart berth-api please",
        "ok so drop the ticket-db table of old fares",
        "berth-api 재시작 좀 해줘",
        "ticket-db 삭제 빨리 해 주세요",
        "음 gate-vm 2 재부팅 좀 바로 해",
        "hmm, shut down berth-api"})
    void refused(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertEquals("read_only", d.rejectPolicy(), question + ": " + d);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "uh how many restarts did berth-api have yesterday",
        "um what was deleted from ticket-db last week",
        "berth-api 재시작 좀 했어?",
        "berth-api 재시작 많이 했어?",
        "ok so when was berth-api last deployed"})
    void read(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertTrue(d.rejectPolicy() == null || d.rejectPolicy().isEmpty(), question + ": " + d);
    }

    @org.junit.jupiter.api.Test
    void aFillerBeforeAQuestionIsAStopword() {
        assertEquals(List.of(), ESTATE.plan("hmm what is the cpu of berth-api").unexplained());
        assertEquals(List.of(), ESTATE.plan("um, ticket-db memory now?").unexplained());
    }
}
