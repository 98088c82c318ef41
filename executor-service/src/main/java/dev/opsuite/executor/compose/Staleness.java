package dev.opsuite.executor.compose;

import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.MappingAsset;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Whether a "current" value is old: its sample was taken more than the Mapping's
 * {@code stale_after_minutes} before the question was asked (the plan's understanding.asked_at). A
 * stopped VM's last sample is days old; an answer calling it "current" would substitute it silently.
 * With no asked_at in the plan (a hand-written or older plan) nothing is judged stale.
 */
record Staleness(OffsetDateTime askedAt, Duration after) {
    static final int DEFAULT_MINUTES = MappingAsset.DEFAULT_STALE_AFTER_MINUTES;
    /** Nothing is judged (mode mock: fixtures). */
    static final Staleness NONE = new Staleness(null, Duration.ofMinutes(DEFAULT_MINUTES));

    static Staleness of(PlanModel plan, MappingAsset mapping) {
        Object at = plan.understanding().get("asked_at");
        OffsetDateTime asked = null;
        if (at != null && !at.toString().isEmpty()) {
            try {
                asked = OffsetDateTime.parse(at.toString());
            } catch (DateTimeParseException e) {
                asked = null; // not a timestamp: nothing is judged
            }
        }
        return new Staleness(asked, Duration.ofMinutes(mapping.staleAfterMinutes()));
    }

    /** How long before the question the sample at {@code ts} was taken, when that is longer than allowed. */
    java.util.Optional<Duration> staleAge(Object ts) {
        if (askedAt == null || ts == null) {
            return java.util.Optional.empty();
        }
        try {
            Duration age = Duration.between(OffsetDateTime.parse(ts.toString()), askedAt);
            return age.compareTo(after) > 0 ? java.util.Optional.of(age) : java.util.Optional.empty();
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** "4 days 16 hours", "3시간 10분": the two largest units. */
    static String words(Duration d, String lang) {
        boolean ko = "ko".equals(lang);
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        StringBuilder b = new StringBuilder();
        if (days > 0) {
            unit(b, days, ko ? "일" : " day", ko);
            if (hours > 0) {
                unit(b, hours, ko ? "시간" : " hour", ko);
            }
        } else if (hours > 0) {
            unit(b, hours, ko ? "시간" : " hour", ko);
            if (minutes > 0) {
                unit(b, minutes, ko ? "분" : " minute", ko);
            }
        } else {
            unit(b, Math.max(1, minutes), ko ? "분" : " minute", ko);
        }
        return b.toString();
    }

    private static void unit(StringBuilder b, long n, String unit, boolean ko) {
        if (!b.isEmpty()) {
            b.append(' ');
        }
        b.append(n).append(unit).append(!ko && n != 1 ? "s" : "");
    }
}
