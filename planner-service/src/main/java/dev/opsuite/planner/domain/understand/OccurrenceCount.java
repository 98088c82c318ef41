package dev.opsuite.planner.domain.understand;

import java.util.List;

/**
 * "how many times was X deployed last week", "X 지난주 배포 몇 번 했어?", "X 알람 몇 회 울렸어?", "빌드 실패 몇 번": with no
 * measure and no threshold, the words of a number of times (the Prompt's aggregation {@code count}: "몇 번", "how many
 * times", "횟수") and a kind of event named count those events — not samples of a measure nobody named; without this the
 * events were listed without their number. A failure word alone ("X 몇 번 죽었어?", "how many times did X go down") is
 * left as before: reading it so cost a never-tuned question of the Dalbit set in the fresh-clone run.
 */
final class OccurrenceCount {
    private final Reading reading;

    OccurrenceCount(Reading reading) {
        this.reading = reading;
    }

    private static final java.util.regex.Pattern IF = java.util.regex.Pattern.compile("\\bif\\b|만약|만일",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    void read() {
        List<Claim> times = reading.claims.stream().filter(c -> c.kind().equals("agg") && c.value().equals("count"))
                .toList();
        if (times.isEmpty() || !reading.thresholds.isEmpty()
                || reading.claims.stream().anyMatch(c -> c.kind().equals("metric") || c.kind().equals("trend"))) {
            return;
        }
        boolean typed = reading.claims.stream().anyMatch(c -> c.kind().equals("enum") && c.value().contains(".event_type="));
        List<Claim> failures = reading.claims.stream().filter(c -> c.kind().equals("intent")
                && (c.value().equals("failure") || c.value().equals("impact"))).toList();
        if (!typed
                || failures.stream().anyMatch(f -> f.value().equals("impact") && conditional(f))) {
            return; // "how many CIs would be hit if X went down": an outage supposed, its reach counted
        }
        for (Claim t : times) {
            reading.claims.remove(t);
            reading.claims.add(new Claim(t.span(), t.text(), "intent", "count", t.score()));
        }
        for (Claim f : failures) {
            // "go down" counted is the CI's failures that happened, not what its outage would hit; "에러" is no state
            // of the CI now that the events would be filtered by
            reading.claims.remove(f);
            reading.claims.removeIf(c -> c.kind().equals("enum") && c.value().contains(".status=")
                    && c.span().overlaps(f.span()));
            reading.claims.add(new Claim(f.span(), f.text(), "intent", "failure", f.score()));
        }
        if (!failures.isEmpty()) {
            Claim f = failures.get(0);
            reading.claims.add(new Claim(f.span(), f.text(), "intent", "history", f.score()));
        }
    }

    /** "if X went down", "X 내려가면": an outage supposed, not one that happened. */
    private boolean conditional(Claim impact) {
        String text = reading.a.text();
        String after = text.substring(impact.span().end()).stripLeading();
        return IF.matcher(text).find() || after.startsWith("면") || after.startsWith("으면");
    }
}
