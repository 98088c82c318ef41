package dev.opsuite.planner.domain;

import dev.opsuite.planner.domain.understand.Token;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Two wordings of a command the Policy's words alone miss. A phrasal verb whose particle follows its object, as
 * English allows ("roll ticket-queue back to 4.3", "take the old VM down", "scale the workers out"): the verb, one to
 * three words of an object, and the particle. And a record word that begins a hyphenated or dotted name ("restart
 * ticket-queue", "delete log.shipper") belongs to the name: it does not make the verb before it a noun, as "the change
 * ticket" does.
 */
final class SplitPhrasal {
    private SplitPhrasal() {}

    /**
     * A two-word phrasal verb with one to three words between the verb and its particle, compiled once per Policy
     * version (the words quoted); empty for a phrasal verb of another length.
     */
    static Optional<Pattern> pattern(String phrasal) {
        String[] words = phrasal.trim().split("\\s+");
        if (words.length != 2) {
            return Optional.empty();
        }
        return Optional.of(Pattern.compile("(?<![\\w.-])" + Pattern.quote(words[0]) + "\\s+(?:[^\\s,?!;]+\\s+){1,3}?"
                + Pattern.quote(words[1]) + "(?![\\w-])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** Whether the token is glued to more of a name by '-', '_' or '.' ("ticket" in "ticket-queue"). */
    static boolean nameHead(String text, Token t) {
        int end = t.end();
        return end + 1 < text.length() && "-_.".indexOf(text.charAt(end)) >= 0
                && Character.isLetterOrDigit(text.charAt(end + 1));
    }
}
