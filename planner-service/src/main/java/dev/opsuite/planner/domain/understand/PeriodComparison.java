package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptRules;
import dev.opsuite.planner.domain.Phrases;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Two periods of the same length compared ("web-01 cpu today vs yesterday", "지난주 대비 이번주", "어제랑 오늘 비교"): the
 * measure per period, not one figure over both nor the first period alone. Read as the run from the earlier period's
 * start to the later one's end, bucketed by the period — a day or a week (a {@code trend} claim of that width on the
 * comparison word, so the answer has one row per period). Two months cannot be bucketed as months: that is said, not
 * answered as one range, nor are periods of different lengths ("yesterday vs last week"). Only when the question
 * names exactly these two periods and a word of the Prompt's {@code compare} intent.
 */
final class PeriodComparison {
    /** The comparison read: the run over both periods and the bucket that separates them. */
    record Compared(TimeReading time, String bucket) {}

    private PeriodComparison() {}

    /**
     * @param compose reads a list of atoms as {@link TimeComposer#compose} does
     */
    static Optional<Compared> of(Analyzed a, List<TimeAtom> atoms, PromptRules rules,
                                 java.util.function.Function<List<TimeAtom>, TimeReading> compose) {
        if (atoms.size() != 2 || rules.intentKeywords().getOrDefault("compare", List.of()).stream()
                .noneMatch(w -> Phrases.contains(a.text(), Folding.fold(w)))) {
            return Optional.empty();
        }
        List<TimeReading> periods = new ArrayList<>();
        for (TimeAtom t : atoms) {
            TimeReading r = compose.apply(List.of(t));
            if (!r.present() || !r.problems().isEmpty() || r.instant()) {
                return Optional.empty();
            }
            periods.add(r);
        }
        String first = unit(periods.get(0).name());
        String second = unit(periods.get(1).name());
        if (first.isEmpty() || second.isEmpty()) {
            return Optional.empty();
        }
        periods.sort(Comparator.comparing(TimeReading::from));
        TimeReading early = periods.get(0);
        TimeReading late = periods.get(1);
        if (late.from().isBefore(early.to())) {
            return Optional.empty(); // overlapping: not two periods
        }
        List<Span> spans = new ArrayList<>();
        periods.forEach(p -> spans.addAll(p.spans()));
        String named = "'" + a.span(atoms.get(0).span().start(), atoms.get(0).span().end()) + "', '"
                + a.span(atoms.get(1).span().start(), atoms.get(1).span().end()) + "'";
        if (!first.equals(second) || first.equals("month")) {
            // "yesterday vs last week", "this month vs last month": no bucket gives one row per period
            return Optional.of(new Compared(TimeReading.none(spans, List.of("the periods compared (" + named
                    + ") are not read as one answer: ask for each on its own")), ""));
        }
        OffsetDateTime from = early.from();
        OffsetDateTime to = late.to();
        return Optional.of(new Compared(new TimeReading("range:" + from + "/" + to, from, to, late.zone(), spans,
                List.of(), true, false), first.equals("day") ? "1 day" : "1 week"));
    }

    /** day | week | month | "" from a reading's name ("yesterday", "day:2041-05-03", "last_week", "month:2041-04"). */
    private static String unit(String name) {
        if (name.equals("today") || name.equals("yesterday") || name.startsWith("day:")) {
            return "day";
        }
        if (name.equals("this_week") || name.equals("last_week") || name.equals("week_before_last") || name.startsWith("week:")) {
            return "week";
        }
        if (name.equals("this_month") || name.equals("last_month") || name.startsWith("month:")) {
            return "month";
        }
        return "";
    }
}
