package dev.opsuite.estate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The time range of a metrics file, gathered during validation: the UTC months (one partition
 * each) and the first and last instant, so the load pass can tell whether the file can overlap
 * rows already stored. Constant size whatever the file's length.
 */
final class TimeSpan {
    private final Set<YearMonth> months = new TreeSet<>();
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private long lastDay = Long.MIN_VALUE;

    void add(long epochSecond) {
        min = Math.min(min, epochSecond);
        max = Math.max(max, epochSecond);
        long day = Math.floorDiv(epochSecond, 86_400);
        if (day != lastDay) { // rows come in runs of the same day; skip the date maths for those
            lastDay = day;
            months.add(YearMonth.from(LocalDate.ofEpochDay(day)));
        }
    }

    boolean isEmpty() {
        return min > max;
    }

    Set<YearMonth> months() {
        return Collections.unmodifiableSet(months);
    }

    long minEpochSecond() {
        return min;
    }

    long maxEpochSecond() {
        return max;
    }
}
