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
 * Commands spoken as people speak (a kind seen in set 32's dev half, asked here in my own words): "X 재시작 좀 해줘",
 * "삭제 빨리 해" — an adverb between the command noun and its 하다 — and "uh, delete X", "um restart X" — a filler
 * before the verb — were answered with X's attributes instead of refused. Adverbs between a command noun and 하다, and
 * fillers before an English verb (Policy request_words), keep it a command; the same words asked about in the past stay
 * questions, and a filler before a question is a stopword.
 */
class FillerCommandWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2059-04-16T14:00:00+09:00"),
            new EntityDictionary(3, List.of(ci("FC-1", "kiln-api", "app"), ci("FC-2", "kiln-db", "database")),
                    List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kiln-api 재시작 좀 해줘",
        "음 kiln-api 재부팅 좀 해 주세요",
        "kiln-db 삭제 빨리 해",
        "uh delete kiln-db please",
        "um restart kiln-api",
        "hmm, shut down kiln-api"})
    void refused(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertEquals("read_only", d.rejectPolicy(), question + ": " + d);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kiln-api 재시작 좀 했어?",
        "kiln-api 어제 재부팅 좀 했던데 cpu 어때?",
        "hmm what is the cpu of kiln-api"})
    void read(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertTrue(d.rejectPolicy() == null || d.rejectPolicy().isEmpty(), question + ": " + d);
    }

    @org.junit.jupiter.api.Test
    void aFillerBeforeAQuestionIsAStopword() {
        assertEquals(List.of(), ESTATE.plan("hmm what is the cpu of kiln-api").unexplained());
        assertEquals(List.of(), ESTATE.plan("um, kiln-db memory now?").unexplained());
    }
}
