package dev.opsuite.planner.domain.understand;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * "alerts from yesterday", "web-01 errors from last week", "the deploys from March 3": "from" before a day, a week or a
 * month with nothing after it to end a range ("to", "until", "onwards", "now") says where the things asked for come
 * from — that day — not since when; it read as "since yesterday" to now. "since", "after" and Korean "부터" stay since,
 * and "from 9am" (a time of day) is a start.
 */
final class FromADay {
    private static final Set<String> KINDS = Set.of("day", "weekday", "relative", "month");
    private static final Pattern RANGE_GOES_ON = Pattern.compile(
            "\\b(?:to|until|till|thru|through|onwards?|on\\s*wards?|now|present|today|forward|up\\s+to)\\b|[~–-]\\s*\\S",
            Pattern.CASE_INSENSITIVE);

    private FromADay() {
    }

    /** Whether the connector {@code word} before the atom is "from" of a day standing alone. */
    static boolean alone(String word, TimeAtom t, String after) {
        return word.equals("from") && KINDS.contains(t.kind()) && !RANGE_GOES_ON.matcher(after).find();
    }
}
