package dev.opsuite.estate;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The time range of a metrics file, gathered during validation: the UTC days its samples fall on (what
 * partitions it needs) and the first and last instant, so the load pass can tell whether the file can
 * overlap rows already stored. Its size grows with the days spanned, not with the rows.
 */
final class TimeSpan {
    private final Set<LocalDate> days = new TreeSet<>();
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private long lastDay = Long.MIN_VALUE;

    void add(long epochSecond) {
        min = Math.min(min, epochSecond);
        max = Math.max(max, epochSecond);
        long day = Math.floorDiv(epochSecond, 86_400);
        if (day != lastDay) { // rows come in runs of the same day; skip the date maths for those
            lastDay = day;
            LocalDate d = LocalDate.ofEpochDay(day);
            days.add(d);
        }
    }

    boolean isEmpty() {
        return min > max;
    }

    /** The UTC days the file's samples fall on (one partition each when ci_metric is cut by day). */
    Set<LocalDate> days() {
        return Collections.unmodifiableSet(days);
    }

    long minEpochSecond() {
        return min;
    }

    long maxEpochSecond() {
        return max;
    }
}
