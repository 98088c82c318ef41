package dev.opsuite.planner.domain;

import dev.opsuite.planner.domain.understand.Analyses;
import dev.opsuite.planner.domain.understand.Analyzed;
import dev.opsuite.planner.domain.understand.EntityDictionary;
import dev.opsuite.planner.domain.understand.PhraseTable;
import dev.opsuite.planner.domain.understand.QuestionAnalyzer;
import java.util.List;
import java.util.Set;

/**
 * A command word that is a word of a CI's name spelt out in the question ("FY Close 이벤트", "Reset Portal 상태",
 * "Change Tracker CPU") is the name, not a command: the policy's command words are looked for again with every exact
 * name or alias of the estate masked ({@link #masked}). A command beside the name still reads as one ("close FY
 * Close", "FY Close 지워줘"), and the policy's other rejects (phrases, tables) are judged on the text as written.
 */
final class NamesInCommands {
    /** What a name spelt out is replaced by: a noun no command rule names. */
    static final String MASK = "ci";

    private NamesInCommands() {}

    /** The folded text with the estate's exact names and aliases masked; the text itself when none is named. */
    static String masked(String folded, EntityDictionary dictionary) {
        if (dictionary == null) {
            return folded;
        }
        Analyzed a = QuestionAnalyzer.analyze(folded, w -> false, w -> false, w -> Set.of(), List.of(), Analyses.ofOneQuestion());
        List<PhraseTable.Match<EntityDictionary.Name>> found = dictionary.exact().find(a);
        if (found.isEmpty()) {
            return folded;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (PhraseTable.Match<EntityDictionary.Name> m : found.stream()
                .sorted(java.util.Comparator.comparingInt(m -> m.span().start())).toList()) {
            if (m.span().start() < at) {
                continue; // overlapping matches: the first one masks
            }
            out.append(a.text(), at, m.span().start()).append(MASK);
            at = m.span().end();
        }
        return out.append(a.text().substring(at)).toString();
    }
}
