package dev.opsuite.planner.domain;

import dev.opsuite.planner.domain.understand.Token;
import java.util.List;
import java.util.Set;

/**
 * A command noun's clause joined by a connective ending to a clause about a state is context, not a request: the
 * writer says what was done (or would be) and asks how things are ({@link CommandRequests}).
 */
final class StateClause {
    /** Connective endings that join the command's clause to the next one: 하고, 하고 나서, 하면, 해서, 하니까. */
    private static final Set<String> CONNECTIVES = Set.of("고", "면", "으면", "서", "아서", "어서", "니까", "으니까");

    private StateClause() {}

    /**
     * Whether a clause about a state follows: "재부팅 하고 괜찮아졌어?", "재시작 하면 괜찮아질까?", "재부팅하고 좀 나아졌는지
     * 궁금해요" — the command's clause, joined by a connective ending at {@code from}, sets the scene for a clause about a state — a quality (괜찮다, 궁금하다, 어떻다)
     * or something done (나아졌) — and nothing after it asks for an action: no 주다, no request word, and the sentence
     * does not end on an active verb ("재시작하고 확인해", "중지하고 지워", "재시작 하고 결과 알려줘" stay commands).
     */
    static boolean follows(List<Token> tokens, int from, Set<String> requestWords) {
        if (from >= tokens.size() || !tokens.get(from).pos().equals("E") || !CONNECTIVES.contains(tokens.get(from).morpheme())) {
            return false;
        }
        boolean state = false;
        boolean lastActive = false;
        for (int j = from + 1; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            String pos = t.pos();
            if (pos.equals("VX") && t.morpheme().equals("주") || requestWords.contains(t.morpheme())
                    || requestWords.contains(t.surface())) {
                return false; // "…하고 결과 알려 줘", "…하고 확인 부탁"
            }
            if (pos.equals("VA") || pos.equals("XSA")) {
                state = true;
                lastActive = false;
            } else if ((pos.equals("VV") || pos.equals("XSV")) && !(tokens.get(j - 1).end() == t.start()
                    && tokens.get(j - 1).pos().equals("E"))) {
                // (a verb glued after an ending inside one word — "궁굼해서여" read as 궁굼 + 해 + 서이 — is the analyser's
                // guess at a misspelt word, no predicate of its own)
                boolean done = CommandRequests.pastOrDone(tokens, j + 1);
                state |= done;
                lastActive = !done && !wished(tokens, j + 1);
            }
        }
        return state && !lastActive;
    }

    /** "알고 싶어요": a verb wished for, said of oneself — not a request to the reader. */
    private static boolean wished(List<Token> tokens, int from) {
        for (int j = from; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.pos().equals("VX") && t.morpheme().equals("싶")) {
                return true;
            }
            if (!t.pos().equals("E")) {
                return false;
            }
        }
        return false;
    }
}
