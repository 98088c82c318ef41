package dev.opsuite.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortedWindowTest {

    @Test
    void medianAndMadEqualASortOfTheWindowAsItSlides() {
        Random random = new Random(7);
        SortedWindow window = new SortedWindow();
        Deque<Double> held = new ArrayDeque<>();
        for (int step = 0; step < 5_000; step++) {
            // few distinct values (ties, zeros of both signs) and wide ones
            double x = step % 3 == 0 ? random.nextInt(4) * (random.nextBoolean() ? 0.0 : -0.0) + random.nextInt(3)
                    : random.nextGaussian() * 100;
            window.add(x);
            held.addLast(x);
            if (held.size() > 1 + random.nextInt(60)) {
                window.remove(held.removeFirst());
            }
            double[] sorted = held.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double m = median(sorted);
            assertEquals(m, window.median(), 1e-12, "median at step " + step);
            double[] dev = Arrays.stream(sorted).map(v -> Math.abs(v - m)).sorted().toArray();
            assertEquals(median(dev), window.medianAbsoluteDeviation(m), 1e-9, "MAD at step " + step);
        }
    }

    @Test
    void removingAValueNeverAddedIsRefused() {
        SortedWindow window = new SortedWindow();
        window.add(1.0);
        assertThrows(IllegalStateException.class, () -> window.remove(2.0));
    }

    @Test
    void quickselectMedianEqualsASort() {
        Random random = new Random(11);
        for (int n = 1; n < 200; n++) {
            double[] a = random.doubles(n, -5, 5).map(v -> Math.rint(v)).toArray();
            double expected = median(a.clone());
            assertEquals(expected, Quickselect.median(a, n), 1e-12, "n=" + n);
        }
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
