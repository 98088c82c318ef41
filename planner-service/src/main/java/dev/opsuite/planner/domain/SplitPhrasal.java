package dev.opsuite.planner.domain;

import dev.opsuite.planner.domain.understand.Token;
import java.util.Optional;
import java.util.regex.Matcher;
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

    /** Where the verb of a two-word phrasal verb stands with one to three words between it and its particle. */
    static Optional<Integer> at(String text, String phrasal) {
        String[] words = phrasal.trim().split("\\s+");
        if (words.length != 2) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("(?<![\\w.-])" + Pattern.quote(words[0]) + "\\s+(?:[^\\s,?!;]+\\s+){1,3}?"
                + Pattern.quote(words[1]) + "(?![\\w-])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        return m.find() ? Optional.of(m.start()) : Optional.empty();
    }

    /** Whether the token is glued to more of a name by '-', '_' or '.' ("ticket" in "ticket-queue"). */
    static boolean nameHead(String text, Token t) {
        int end = t.end();
        return end + 1 < text.length() && "-_.".indexOf(text.charAt(end)) >= 0
                && Character.isLetterOrDigit(text.charAt(end + 1));
    }
}
