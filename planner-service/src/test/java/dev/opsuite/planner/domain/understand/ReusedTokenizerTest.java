package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The thread's Nori tokenizer, reused, reads every text as a new one would. */
class ReusedTokenizerTest {
    private static final List<String> TEXTS = List.of("지난 24시간 서버a의 cpu 평균은 ?", "what is the cpu usage of srv-seoul-03 ?",
            "", "paymentservice의 에러율 추이", "서버a 재시작해줘", "  ", "db-01 latency 오늘 새벽 3시부터");

    @Test
    void readingTextsInTurnGivesWhatTheFirstReadingGave() {
        List<List<Token>> first = new ArrayList<>();
        TEXTS.forEach(t -> first.add(QuestionAnalyzer.tokenize(t)));
        for (int round = 0; round < 3; round++) {
            for (int i = TEXTS.size() - 1; i >= 0; i--) {
                assertEquals(first.get(i), QuestionAnalyzer.tokenize(TEXTS.get(i)), TEXTS.get(i));
            }
        }
        assertFalse(first.get(0).isEmpty());
    }

    @Test
    void threadsReadAlike() throws Exception {
        List<Token> expected = QuestionAnalyzer.tokenize(TEXTS.get(0));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Token>>> out = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                out.add(pool.submit(() -> QuestionAnalyzer.tokenize(TEXTS.get(0))));
            }
            for (Future<List<Token>> f : out) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
