package dev.opsuite.incident;

import java.util.Arrays;

/**
 * One metric of one CI as samples in time order: {@code times[i]} (epoch milliseconds, strictly
 * increasing) and {@code values[i]} (finite). The arrays are copied in and never handed out.
 */
public final class MetricSeries {
    private final long[] times;
    private final double[] values;

    public MetricSeries(long[] times, double[] values) {
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length: " + times.length + " vs " + values.length);
        }
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] <= times[i - 1]) {
                throw new IllegalArgumentException("times must increase strictly (index " + i + ")");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value at index " + i + " is not finite");
            }
        }
        this.times = times.clone();
        this.values = values.clone();
    }

    public int size() {
        return times.length;
    }

    public long time(int i) {
        return times[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** The index of the first sample at or after {@code epochMillis} (size() when none). */
    public int indexAtOrAfter(long epochMillis) {
        int i = Arrays.binarySearch(times, epochMillis);
        return i >= 0 ? i : -i - 1;
    }
}
