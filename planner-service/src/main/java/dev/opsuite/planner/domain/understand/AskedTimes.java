package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptTime;
import dev.opsuite.planner.domain.Phrases;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of a question's times are the times asked: a time that dates people's work ("the year-end capacity
 * report", "지난주 회의에서") is that work's date, not the data's; a clause before the asking one is context when the
 * asking clause names its own day, or asks of the present ("I'm covering this week … which VMs are above 65% memory
 * at the moment?").
 */
final class AskedTimes {
    private final Reading reading;
    private final Analyzed a;
    private final PromptTime time;

    AskedTimes(Reading reading) {
        this.reading = reading;
        this.a = reading.a;
        this.time = reading.rules.time();
    }

    List<TimeAtom> of(List<TimeAtom> atoms) {
        return asked(notDatesOfWork(atoms));
    }

    /**
     * "for the year-end capacity report I need the average CPU … over last month", "지난주 회의에서 말씀드린 …":
     * a time right before a noun of rules.time.date_of_nouns (one word between at most) dates that work. It is
     * set aside when another time is named or it stands outside the asking clause — a time alone in the asking
     * clause stays the data's ("yesterday's CPU report"). What is set aside is read as context, not left unexplained,
     * and the reading says it.
     */
    private List<TimeAtom> notDatesOfWork(List<TimeAtom> atoms) {
        String text = a.text();
        int last = Clauses.last(text);
        List<TimeAtom> ofWork = atoms.stream().filter(this::datesWork).toList();
        if (ofWork.isEmpty()) {
            return atoms;
        }
        List<TimeAtom> out = new ArrayList<>();
        for (TimeAtom t : atoms) {
            if (ofWork.contains(t) && (atoms.size() > ofWork.size() || Clauses.of(text, t.span().start()) != last)) {
                context(t, "date_of_work");
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private boolean datesWork(TimeAtom t) {
        String rest = a.text().substring(t.span().end()).stripLeading();
        if (rest.startsWith("의 ")) {
            rest = rest.substring(1).stripLeading();
        }
        String[] words = rest.split("[\\s,.?!:;]+", 3);
        for (int k = 0; k < Math.min(2, words.length); k++) {
            String w = words[k];
            for (String noun : time.dateOfNouns()) {
                String n = Folding.fold(noun);
                if (!n.isEmpty() && (Folding.hasHangul(n) ? w.startsWith(n) : w.equals(n))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "Alert 'disaster sms delivery delayed' at 04:10. Average error rate … between 4am and 6:30am on Aug 13?",
     * "[2029-07-01T15:42Z] cpu high on X -- max CPU on the UTC day 2029-07-01?": when the last clause states its
     * own day (with or without times of day), or asks of the present, the times of the clauses before (the pasted
     * alert's moment, the week a greeting names) are context, not part of the range asked.
     */
    private List<TimeAtom> asked(List<TimeAtom> atoms) {
        String text = a.text();
        int last = Clauses.last(text);
        if (Clauses.single(text)) {
            return atoms;
        }
        // a zone anywhere says how the times asked are read ("…11월 6일 최고 몇 찍음? 뉴저지 현지 날짜 기준(EDT)")
        List<TimeAtom> asked = atoms.stream().filter(t -> Clauses.of(text, t.span().start()) == last
                || t.kind().equals("zone")).toList();
        boolean day = asked.stream().anyMatch(t -> List.of("day", "month", "weekday", "relative", "instant").contains(t.kind()));
        boolean clock = asked.stream().anyMatch(t -> t.kind().equals("tod") || t.kind().equals("clock_range"));
        // a day alone counts when the last clause asks ("-- what was the max CPU on the UTC day 2029-07-01?"), not
        // when it remarks ("…average error rate? Sunday afternoons are our biggest basket hours.")
        if (day && (clock || asks(last)) || !day && !clock && nowAsked(last)) {
            atoms.stream().filter(t -> !asked.contains(t)).forEach(t -> context(t, "context_time"));
            return asked;
        }
        return atoms;
    }

    /** A time set aside: claimed as context (not left unexplained) and said in the reading. */
    private void context(TimeAtom t, String why) {
        String written = a.span(t.span().start(), t.span().end());
        reading.claims.add(new Claim(t.span(), written, "stopword", why, 1));
        if (written.codePoints().anyMatch(Character::isLetterOrDigit) && !reading.contextTimes.contains(written)) {
            reading.contextTimes.add(written);
        }
    }

    /** Whether a clause holds a question word, a word of intent or a measure: it asks, it does not remark. */
    private boolean asks(int clause) {
        String text = a.text();
        return a.tokens().stream().filter(t -> Clauses.of(text, t.start()) == clause).anyMatch(t -> {
            String c = Analyzed.compactOf(t.surface());
            return reading.lexicon.questionWord(c) || reading.lexicon.phrases().get(c).stream()
                    .anyMatch(w -> w.kind() == Word.Kind.INTENT || w.kind() == Word.Kind.METRIC);
        });
    }

    /** A word of the present in the clause ("at the moment", "지금"), not "until now" ("지금까지", "so far"). */
    private boolean nowAsked(int clause) {
        String text = a.text();
        for (String word : time.nowWords()) {
            String w = Folding.fold(word);
            int from = 0;
            int i;
            while (!w.isEmpty() && from < text.length() && (i = Phrases.indexOf(text.substring(from), w)) >= 0) {
                int at = from + i;
                String after = text.substring(at + w.length()).stripLeading();
                if (Clauses.of(text, at) == clause && !after.startsWith("까지") && !after.startsWith("until")) {
                    return asks(clause);
                }
                from = at + w.length();
            }
        }
        return false;
    }
}
