package dev.opsuite.planner.domain;

import dev.opsuite.planner.domain.understand.Token;
import java.util.List;
import java.util.Set;

/**
 * A Korean command noun with nothing after it but grammar and words that hurry it along: "재부팅좀 빨리", "재기동 당장",
 * "롤백 얼른 좀". Written on a phone, the 하다 of the command is dropped and an urging adverb takes its place; such a
 * sentence orders, it does not ask ("재부팅 언제 했어?", "재부팅 이후 cpu" have content after the noun and stay
 * questions). The urging words are few and closed, so they are listed here rather than in the Policy.
 */
final class UrgedCommand {
    private UrgedCommand() {}

    /** Adverbs that urge: please, quickly, now, at once. */
    private static final Set<String> URGING = Set.of("좀", "빨리", "얼른", "당장", "바로", "어서", "즉시", "급히", "빨랑", "후딱",
            "지금", "지금당장", "빨리빨리");

    /** The first token from {@code from} on that is not an urging word ("재시작 좀 해줘": the 해 after 좀). */
    static int past(List<Token> tokens, int from) {
        int j = from;
        while (j < tokens.size() && (URGING.contains(tokens.get(j).surface()) || URGING.contains(tokens.get(j).morpheme()))) {
            j++;
        }
        return j;
    }

    /** Whether at least one urging word and nothing but grammar follows the command noun at {@code i}. */
    static boolean after(List<Token> tokens, int i) {
        boolean urged = false;
        for (int j = i + 1; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (URGING.contains(t.surface()) || URGING.contains(t.morpheme())) {
                urged = true;
            } else if (!t.function()) {
                return false;
            }
        }
        return urged;
    }
}
