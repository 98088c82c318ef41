package dev.opsuite.planner.domain.understand;

import java.util.Locale;
import java.util.Set;

/**
 * Whether "&lt;words&gt; time" that names no place of rules.time.places still names a place ("9am Houston time",
 * "on the Austin clock"): every word of it written as a name — with a capital where no sentence starts — and the
 * noun a clock's ("time", "clock"), not a day's ("Christmas Day", "Ochi Day" name days, not places). Words that
 * name a kind of time rather than a place ("Standard Time", "Summer Time", "Response Time" in a title-cased
 * question) are not places. Such a place is asked about, since its time cannot be read.
 */
final class UnknownPlaces {
    private UnknownPlaces() {}

    /** Words that qualify a time rather than name a place. */
    private static final Set<String> KINDS_OF_TIME = Set.of("standard", "daylight", "summer", "winter", "saving",
            "savings", "local", "same", "real", "run", "response", "lead", "wait", "idle", "boot", "start", "end",
            "down", "up", "prime", "peak", "business", "office", "working", "server", "system", "network", "mean",
            "average", "total", "cpu", "query", "load", "build", "deploy", "restart", "recovery", "repair",
            "resolution", "processing", "execution", "elapsed", "uptime", "downtime", "the", "our", "their", "my");

    static boolean namesAPlace(Analyzed a, String place, String matched) {
        String noun = matched.strip().toLowerCase(Locale.ROOT);
        if (!(noun.endsWith(" time") || noun.endsWith(" clock"))) {
            return false;
        }
        String[] words = place.trim().toLowerCase(Locale.ROOT).split("\\s+");
        for (String w : words) {
            if (w.length() < 3 || !w.chars().allMatch(c -> c < 128 && Character.isLetter(c))
                    || KINDS_OF_TIME.contains(w) || !a.capitalizedMidSentence(w)) {
                return false;
            }
        }
        return true;
    }
}
