package dev.opsuite.planner.domain.understand;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The time a question names, resolved: [from, to) in the zone it names (else the product's),
 * a canonical name for the plan ("last_6h", "yesterday", "day:2014-04-17", "month:2026-11",
 * "since:2026-11-01", "range:…"), the spans it claimed, and what could not be read (an impossible
 * date is reported, never dropped). {@code dayNamed} is false when the question names a time of day
 * alone ("at 14:10"), read as today's. {@code instant} is true when the question names one moment ("at
 * 14:30 on 2014-04-17", "2014-04-17T14:30Z") rather than a span: [from, to) is then the hour from it,
 * and a measure asked "at" it is the last sample at or before it (see the planner's metric plan). {@code second}
 * is true when that moment is written to the second ("09:20:00", "09시 20분 00초") or said to be exact ("exactly
 * 9:15 AM", "9시 15분 정각"): the sample at or before that second, not the last one of its minute.
 */
public record TimeReading(String name, OffsetDateTime from, OffsetDateTime to, String zone, List<Span> spans,
                          List<String> problems, boolean dayNamed, boolean instant, List<String> context,
                          boolean second) {
    public TimeReading {
        context = List.copyOf(context);
    }

    public TimeReading(String name, OffsetDateTime from, OffsetDateTime to, String zone, List<Span> spans,
                       List<String> problems, boolean dayNamed, boolean instant, List<String> context) {
        this(name, from, to, zone, spans, problems, dayNamed, instant, context, false);
    }

    /** The same reading, its moment taken to the second or not. */
    public TimeReading toSecond(boolean exact) {
        return new TimeReading(name, from, to, zone, spans, problems, dayNamed, instant, context, exact);
    }

    public TimeReading(String name, OffsetDateTime from, OffsetDateTime to, String zone, List<Span> spans,
                       List<String> problems, boolean dayNamed, boolean instant) {
        this(name, from, to, zone, spans, problems, dayNamed, instant, List.of());
    }

    /**
     * The times the question names that are not the time asked — the date of the work a noun names ("the
     * year-end report"), the moment of a pasted alert before the asking clause — as written; the reading says
     * them so that setting them aside is never silent.
     */
    public TimeReading withContext(List<String> times) {
        return new TimeReading(name, from, to, zone, spans, problems, dayNamed, instant, times, second);
    }

    public boolean present() {
        return from != null;
    }

    public static TimeReading none(List<Span> spans, List<String> problems) {
        return new TimeReading("", null, null, "", spans, problems, false, false);
    }
}
