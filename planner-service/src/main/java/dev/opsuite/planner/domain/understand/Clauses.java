package dev.opsuite.planner.domain.understand;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a sentence, or a clause that stands as one, ends in a question: a full stop (not of "..", a range), a
 * colon or semicolon,
 * a dash between spaces ("-", "--", "—"), ", so" ("I'm new to the substation side of things, so can you
 * list …"), a Korean connective of background ("06:30 경보 떴던데 대외 VIP 오늘 이벤트 보여줘": -는데, -던데, -은데), or
 * the end of a pasted bracket ("[2029-07-01T15:42Z] …", "{"panel":"gate latency"} top 3 apps …"). The last one is what is asked; the ones before are the context an operator gives (a pasted alert,
 * what they are doing; a pasted ticket's fields " | "), whose names, times and document words do not override what the last one asks.
 */
public final class Clauses {
    private static final Pattern END = Pattern.compile("(?<!\\.)[.?!。？！;:](?<!\\.\\.)\\s|,\\s+so\\b|\\s(?:[—–|]|-{1,2})\\s|[가-힣][는던은]데,?\\s|[}\\]]\\s");

    private Clauses() {}

    /** Which clause a position is in (0 = the first). */
    public static int of(String text, int pos) {
        Matcher m = END.matcher(text.substring(0, Math.max(0, Math.min(pos, text.length()))));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The index of the last clause (0 when the question is one). */
    public static int last(String text) {
        return of(text, text.length());
    }
}
