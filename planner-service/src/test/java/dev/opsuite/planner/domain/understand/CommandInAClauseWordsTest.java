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
 * A command noun and its 하다 joined by a connective (하고, 하면, 해서) to a clause about a state is context, not a
 * request: "재부팅 하고 괜찮아졌어?" asks whether the reboot (done) helped, "재시작 하면 괜찮아질까?" asks about an outcome.
 * Followed by an action asked for ("재시작 하고 결과 알려줘", "중지하고 지워"), the same words stay a command. Found when the
 * spaced-prefix rule ("재시작 해 줘" read as 재 + 시작) began refusing the first kind.
 */
class CommandInAClauseWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2045-09-14T10:20:00+09:00"),
            new EntityDictionary(5, List.of(ci("CL-1", "mail-gw", "app"), ci("CL-2", "batch-vm2", "vm")), List.of(),
                    List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "batch-vm2 재부팅 하고 괜찮아졌어?",
        "batch-vm2 재부팅하고 괜찮아 졌는지 궁금해요",
        "mail-gw 어제 재시작 하고 나서 메모리 어때?",
        "mail-gw 재시작 하면 괜찮아질까?",
        "batch-vm2 메모리 지금 몇 퍼센트야? 재부팅 하고 좀 나아졌는지 궁금해서요",
        "batch-vm2 재부팅하고 괜찮아졌는지 알고 싶어요",
        "batch-vm2 재부팅 하고 좀 괜찮아 졌는지 궁굼해서여"})
    void aCommandInAClauseAboutAStateIsContext(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertTrue(d.rejectPolicy() == null || d.rejectPolicy().isEmpty(), question + ": " + d);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mail-gw 재시작 하고 결과 알려줘",
        "batch-vm2 재부팅하고 상태 확인해 줘",
        "mail-gw 재시작 하고 나서 로그 보여 줘",
        "batch-vm2 중지하고 지워",
        "batch-vm2 재부팅 해 줘",
        "batch-vm2 재부팅하고 괜찮은지 확인해",
        "mail-gw 재시작 하고 괜찮아지면 알려 주세요"})
    void aCommandJoinedToAnotherRequestIsRefused(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertEquals("read_only", d.rejectPolicy(), question + ": " + d);
    }
}
