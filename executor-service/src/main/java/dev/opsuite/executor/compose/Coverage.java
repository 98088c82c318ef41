package dev.opsuite.executor.compose;

import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.MappingAsset;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * An aggregate over a range whose samples cover only part of it is said, never presented as the whole range's:
 * "the average CPU of X over 2026-11-20–2026-12-02" read from samples that begin on 2026-11-30 (the series starts
 * later, or retention removed what was older; a public series that ends before the day asked) adds "Samples were
 * found only from 2026-11-30 01:50 to 2026-12-02 23:55 of the range asked." The rows' {@code ts_from} and
 * {@code ts_to} (the first and last sample read) are compared with the plan's range, its end taken at the moment
 * asked when that is earlier; a gap counts when it is longer than an hour and than a twentieth of the range, so a
 * series' own step (5 minutes, an hour) is no gap.
 */
final class Coverage {
    static final String FIRST = "ts_from";
    static final String LAST = "ts_to";
    private static final Duration MIN_GAP = Duration.ofHours(1);

    private Coverage() {}

    /** The note for this output, if its samples leave an edge of the range asked uncovered. */
    static Optional<String> note(PlanModel plan, ToolOutput out, MappingAsset.Messages messages, String lang,
                                 ZoneOffset zone, Map<String, String> vars) {
        int first = out.columnIndex(FIRST);
        int last = out.columnIndex(LAST);
        OffsetDateTime from = time(plan.metric().timeFrom());
        OffsetDateTime to = time(plan.metric().timeTo());
        if (first < 0 || last < 0 || out.rows().isEmpty() || from == null || to == null || !to.isAfter(from)) {
            return Optional.empty();
        }
        Object askedAt = plan.understanding().get("asked_at");
        OffsetDateTime asked = askedAt == null ? null : time(askedAt.toString());
        if (asked != null && asked.isBefore(to)) {
            to = asked; // "today" ends now: no sample can be later
        }
        OffsetDateTime seenFirst = null;
        OffsetDateTime seenLast = null;
        for (java.util.List<Object> row : out.rows()) {
            OffsetDateTime f = row.size() > first ? time(row.get(first)) : null;
            OffsetDateTime l = row.size() > last ? time(row.get(last)) : null;
            seenFirst = f != null && (seenFirst == null || f.isBefore(seenFirst)) ? f : seenFirst;
            seenLast = l != null && (seenLast == null || l.isAfter(seenLast)) ? l : seenLast;
        }
        if (seenFirst == null || seenLast == null) {
            return Optional.empty();
        }
        Duration range = Duration.between(from, to);
        Duration gap = range.dividedBy(20).compareTo(MIN_GAP) > 0 ? range.dividedBy(20) : MIN_GAP;
        boolean lateStart = Duration.between(from, seenFirst).compareTo(gap) > 0;
        boolean earlyEnd = Duration.between(seenLast, to).compareTo(gap) > 0;
        if (!lateStart && !earlyEnd) {
            return Optional.empty();
        }
        String template = messages.partialCoverage().in(lang);
        return Optional.of(Templates.stripUnfilled(template.replace("{first}", ComposeVars.local(seenFirst.toString(), zone))
                .replace("{last}", ComposeVars.local(seenLast.toString(), zone))
                .replace("{range}", vars.getOrDefault("time_range", ""))));
    }

    private static OffsetDateTime time(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof OffsetDateTime t) {
            return t;
        }
        String s = v.toString();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s.replace(' ', 'T'));
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
