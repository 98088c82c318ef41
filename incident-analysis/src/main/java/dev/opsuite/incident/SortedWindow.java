package dev.opsuite.incident;

import java.util.Arrays;

/**
 * The values of a sliding window kept in order, so its median is read at once and its median
 * absolute deviation in one walk outwards from the median (the deviations on either side are
 * already sorted). Adding or removing a value moves the part of the array after it.
 */
final class SortedWindow {
    private double[] values = new double[64];
    private int size;

    int size() {
        return size;
    }

    void add(double x) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        int at = position(x);
        System.arraycopy(values, at, values, at + 1, size - at);
        values[at] = x;
        size++;
    }

    void remove(double x) {
        int at = position(x);
        if (at == size || values[at] != x) {
            throw new IllegalStateException("value not in the window: " + x);
        }
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
    }

    double median() {
        if (size == 0) {
            return Double.NaN;
        }
        int mid = size / 2;
        return (size & 1) == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /** The median of |x − m| over the window: the k-th smallest deviation, merging both sides of m. */
    double medianAbsoluteDeviation(double m) {
        if (size == 0) {
            return Double.NaN;
        }
        int right = position(m);
        int left = right - 1;
        int need = size / 2;
        double previous = 0;
        double current = 0;
        for (int taken = 0; taken <= need; taken++) {
            double dl = left >= 0 ? m - values[left] : Double.POSITIVE_INFINITY;
            double dr = right < size ? values[right] - m : Double.POSITIVE_INFINITY;
            previous = current;
            if (dl <= dr) {
                current = dl;
                left--;
            } else {
                current = dr;
                right++;
            }
        }
        return (size & 1) == 1 ? current : (previous + current) / 2;
    }

    /** The first index whose value is not below x. */
    private int position(double x) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
