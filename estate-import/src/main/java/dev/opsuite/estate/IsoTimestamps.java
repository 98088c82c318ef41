package dev.opsuite.estate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 timestamps with an explicit offset. The common shape
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)} is parsed by hand: on a metrics file this runs
 * for every row and java.time's formatter was most of the validation time. Anything else goes
 * through {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}.
 */
final class IsoTimestamps {
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 9999;

    private IsoTimestamps() {}

    /** A parsed timestamp: seconds since the epoch, and the text to hand to PostgreSQL. */
    record Parsed(long epochSecond, String text) {}

    /** @throws DateTimeException when the text is not a timestamp with offset in range */
    static Parsed parse(String text) {
        long fast = fastEpochSecond(text);
        if (fast != Long.MIN_VALUE) {
            return new Parsed(fast, text); // PostgreSQL reads this exact form the same way
        }
        OffsetDateTime t = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        checkYear(t.getYear());
        return new Parsed(t.toEpochSecond(), t.toInstant().toString()); // normalised for PostgreSQL
    }

    /** True when the text is a valid ISO local date-time, i.e. only the offset is missing. */
    static boolean isLocal(String text) {
        try {
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Epoch seconds of the common shape, or Long.MIN_VALUE when the text has another shape. */
    private static long fastEpochSecond(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return Long.MIN_VALUE;
        }
        int i = 19;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i - start > 9) {
                return Long.MIN_VALUE;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return Long.MIN_VALUE;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return Long.MIN_VALUE;
        }
        checkYear(year);
        long epochDay = LocalDate.of(year, month, day).toEpochDay(); // validates month and day
        return epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    }

    private static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new DateTimeException("year out of range " + MIN_YEAR + ".." + MAX_YEAR);
        }
    }

    /** Non-negative value of {@code len} ASCII digits, or -1. */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
