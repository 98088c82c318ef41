package dev.opsuite.planner.domain.understand;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a sentence, or a clause that stands as one, ends in a question: a full stop, a colon or semicolon,
 * a dash between spaces ("-", "--", "—"), or ", so" ("I'm new to the substation side of things, so can you
 * list …"). The last one is what is asked; the ones before are the context an operator gives (a pasted alert,
 * what they are doing), whose names, times and document words do not override what the last one asks.
 */
final class Clauses {
    private static final Pattern END = Pattern.compile("[.?!。？！;:]\\s|,\\s+so\\b|\\s(?:[—–]|-{1,2})\\s");

    private Clauses() {}

    /** Which clause a position is in (0 = the first). */
    static int of(String text, int pos) {
        Matcher m = END.matcher(text.substring(0, Math.max(0, Math.min(pos, text.length()))));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The index of the last clause (0 when the question is one). */
    static int last(String text) {
        return of(text, text.length());
    }
}
