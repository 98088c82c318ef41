package dev.opsuite.estate.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * When the planted incidents happen, relative to the end of the demo window, so that questions
 * like "어제 payment-api 장애" find them whatever day the demo is generated.
 */
final class DemoTimeline {
    static final Duration STEP = Duration.ofMinutes(5);

    final Instant end;
    final Instant start;
    final int points;
    /** SVR007 cpu_usage above 95 % for two hours, two days before the end. */
    final Instant spikeStart;
    final Instant spikeEnd;
    /** VM0012 mem_usage climbs from ~40 % to ~97 % over three days, then the VM is restarted. */
    final Instant leakStart;
    final Instant restart;
    /** DB003 payment-db outage, one hour, one day before the end. */
    final Instant outageStart;
    final Instant outageEnd;

    DemoTimeline(Instant requestedEnd, int days) {
        if (days < 1 || days > 366) {
            throw new IllegalArgumentException("days must be 1..366");
        }
        long step = STEP.getSeconds();
        this.end = Instant.ofEpochSecond(Math.floorDiv(requestedEnd.getEpochSecond(), step) * step);
        this.points = days * (int) (Duration.ofDays(1).getSeconds() / step);
        this.start = end.minus(STEP.multipliedBy(points - 1L));
        this.spikeStart = end.minus(Duration.ofDays(2));
        this.spikeEnd = spikeStart.plus(Duration.ofHours(2));
        this.restart = end.minus(Duration.ofHours(20));
        this.leakStart = restart.minus(Duration.ofDays(3));
        this.outageStart = end.minus(Duration.ofDays(1));
        this.outageEnd = outageStart.plus(Duration.ofHours(1));
    }

    Instant at(int point) {
        return start.plus(STEP.multipliedBy(point));
    }

    boolean inWindow(Instant t) {
        return !t.isBefore(start) && !t.isAfter(end);
    }

    static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    /** Leak level at t: 40 % at leakStart rising linearly to 97 % at the restart. */
    double leakLevel(Instant t) {
        double f = (double) Duration.between(leakStart, t).getSeconds() / Duration.between(leakStart, restart).getSeconds();
        return 40 + 57 * f;
    }

    /** When the leak crosses {@code percent}, rounded down to a sample. */
    Instant leakCrossing(double percent) {
        long total = Duration.between(leakStart, restart).getSeconds();
        long offset = (long) ((percent - 40) / 57 * total);
        long step = STEP.getSeconds();
        return leakStart.plusSeconds(offset / step * step);
    }
}
