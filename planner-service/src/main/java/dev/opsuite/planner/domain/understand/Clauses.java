package dev.opsuite.planner.domain.understand;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a sentence, or a clause that stands as one, ends in a question: a full stop (not of "..", a range, nor of
 * "i.e." or "e.g."), a
 * colon or semicolon,
 * a dash between spaces ("-", "--", "—"), ", so" ("I'm new to the substation side of things, so can you
 * list …"), a polite Korean ending or reason before a comma ("…민원 때문에요, …", "…알려 주세요, 고객님이 …"), a Korean
 * connective of background ("06:30 경보 떴던데 대외 VIP 오늘 이벤트 보여줘": -는데, -던데, -은데, and the copula's -인데: "점검 중인데"), or
 * the end of a pasted bracket ("[2029-07-01T15:42Z] …", "{"panel":"gate latency"} top 3 apps …"). The last one is what is asked; the ones before are the context an operator gives (a pasted alert,
 * what they are doing; a pasted ticket's fields " | "), whose names, times and document words do not override what the last one asks.
 */
public final class Clauses {
    private static final Pattern END = Pattern.compile("(?<!\\.)(?<!\\.\\p{L})[.?!。？！;:](?<!\\.\\.)\\s|,\\s+so\\b|\\s(?:[—–|]|-{1,2})\\s|[가-힣][는던은인]데,?\\s|[}\\]]\\s"
            + "|(?:때문에요|거든요|해서요|어서요|아서요|라서요|니까요|주세요|니다),\\s");

    /**
     * What makes a clause ask: a question mark, or a request ("please", "could you", "알려 주시면", "부탁", "주세요").
     * Clauses after the last one that asks are remarks ("No rush at all. Cheers, Priya", "감사합니다. 최유나").
     */
    private static final Pattern ASKS = Pattern.compile("[?？]|(?i)\\b(?:please|pls|could you|can you|would you|tell me"
            + "|let me know|show me|give me|list|i need|i'd like|what|which|who|where|when|how|is there|are there)\\b"
            + "|주세요|주실|주시면|줘|부탁|알려|보여|될까요|있을까요|인가요|습니까|나요|해요\\b|ㄱㄱ");

    /**
     * What makes a clause ask beyond doubt: a question mark or an explicit request. After such a clause, a later one
     * asks only when it opens with a question word ("Can I ask something? What is …"); one that merely holds a word
     * of asking is a remark ("…at the moment? I'd like to add them to the watch list", "…? Just curious where X sits").
     */
    private static final Pattern STRONG = Pattern.compile("[?？]|(?i)\\b(?:please|pls|could you|can you|would you"
            + "|tell me|let me know|show me|give me)\\b|주세요|주실|주시면|줘|부탁|알려|보여|될까요|있을까요|인가요|습니까|나요"
            + "|해요\\b|ㄱㄱ");
    private static final Pattern OPENS_ASKING = Pattern.compile("^[\\s\\p{P}]*(?i)(?:what|which|who|where|when|how|is there"
            + "|are there)\\b");

    private Clauses() {}

    /**
     * Which clause a position is in (0 = the first); -1 in a remark after the clause that asks, which is context
     * like the clauses before it.
     */
    public static int of(String text, int pos) {
        int n = count(text, pos);
        return n > last(text) ? -1 : n;
    }

    /** The last text asked about on this thread and its asking clause: of() is called for every claim of a question. */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[] {null, 0});

    /** The index of the clause that asks: the last one, or the last that asks when remarks follow it (0: one clause). */
    public static int last(String text) {
        Object[] memo = LAST.get();
        if (memo[0] == text) {
            return (Integer) memo[1];
        }
        int asking = asking(text);
        memo[0] = text;
        memo[1] = asking;
        return asking;
    }

    private static int asking(String text) {
        List<String> clauses = clauses(text);
        if (clauses.size() == 1) {
            return 0;
        }
        int asking = -1;
        int strong = -1;
        for (int k = 0; k < clauses.size(); k++) {
            String c = clauses.get(k);
            if (STRONG.matcher(c).find()) {
                strong = k;
                asking = k;
            } else if (ASKS.matcher(c).find() && (strong < 0 || OPENS_ASKING.matcher(c).find())) {
                asking = k;
            }
        }
        return asking < 0 ? clauses.size() - 1 : asking;
    }

    /** The question's clauses in order, each with the end that closes it. */
    private static List<String> clauses(String text) {
        List<String> out = new java.util.ArrayList<>();
        int start = 0;
        Matcher m = END.matcher(text);
        while (m.find()) {
            out.add(text.substring(start, m.end()));
            start = m.end();
        }
        out.add(text.substring(start));
        return out;
    }

    /** Whether the clause of this index (0 = the first) holds a question mark or a request. */
    public static boolean asks(String text, int clause) {
        List<String> clauses = clauses(text);
        return clause >= 0 && clause < clauses.size() && ASKS.matcher(clauses.get(clause)).find();
    }

    /** Whether the question is one clause: nothing before the clause that asks, no remark after it. */
    public static boolean single(String text) {
        return count(text, text.length()) == 0;
    }

    private static int count(String text, int pos) {
        Matcher m = END.matcher(text.substring(0, Math.max(0, Math.min(pos, text.length()))));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
