package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Korean and English words glued: the half in the other script read in the script that makes a phrase. */
class ScriptJoinsTest {
    private static final Lexicon LEXICON = WordsEstate.lexicon();

    private static String fix(String q) {
        return ScriptJoins.fix(q, LEXICON, c -> c.equals("상태db"));
    }

    @Test
    void theHalfInTheOtherScriptIsReadWhereThatMakesAPhrase() {
        assertEquals("error rate 1% 넘는 앱", fix("에러rate 1% 넘는 앱"));
        assertEquals("Maintenance앱 error rate 지금", fix("Maintenance앱 에러rate 지금"));
        assertEquals("메모리사용량 가장 높은 서버", fix("memory사용량 가장 높은 서버"));
    }

    @Test
    void wordsThatMakeNoPhraseOrNameACiStayAsWritten() {
        assertEquals("서버A의 CPU", fix("서버A의 CPU"));
        assertEquals("CPU사용률", fix("CPU사용률"), "a phrase as written");
        assertEquals("상태db", fix("상태db"), "a CI's name");
        assertEquals("결제rate", fix("결제rate"));
    }
}
