package dev.opsuite.incident;

/** The k-th smallest of the first n values of an array, in place (introselect with a median-of-three pivot). */
final class Quickselect {
    private Quickselect() {
    }

    /** The median of a[0..n) (the mean of the two middle values when n is even); reorders a. */
    static double median(double[] a, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int mid = n / 2;
        double upper = select(a, 0, n - 1, mid);
        if ((n & 1) == 1) {
            return upper;
        }
        double lower = a[0];
        for (int i = 1; i < mid; i++) {
            lower = Math.max(lower, a[i]);
        }
        return (lower + upper) / 2;
    }

    /** Places the k-th smallest of a[lo..hi] at a[k], smaller ones before it; returns it. */
    static double select(double[] a, int lo, int hi, int k) {
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) swap(a, mid, lo);
            if (a[hi] < a[lo]) swap(a, hi, lo);
            if (a[hi] < a[mid]) swap(a, hi, mid);
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
