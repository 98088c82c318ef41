package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Prompt's {@code rules.time}: how the rules planner finds times in a question — the patterns
 * (atoms) tried in order and the words around and inside them. What a day, a month or "since" means
 * is the planner's; this is only the data.
 *
 * @param atoms         the time patterns, in the asset's order (an earlier atom's match is not matched again)
 * @param connectors    per connector group ({@code since_before}, {@code until_after}, {@code join_before} …,
 *                      and any group an operator adds), the words that make a time a start or an end or
 *                      belong to it; in the asset's order
 * @param monthNames    month word → month number ("sept": 9)
 * @param weekdays      weekday word → English day name ("화": "tuesday")
 * @param zones         zone word → time-zone id ("kst": "Asia/Seoul")
 * @param meridiem      word for before or after noon → {@code am} | {@code pm}
 * @param wholeDayWords words asking for a whole day ("하루 종일")
 * @param spanWords     words after which a bare count of days is that many days up to now ("30일 추이")
 * @param holidays      the public holidays of the calendar the questions are asked in (atoms of kind
 *                      {@code holiday} name them; a run of days off is a holiday break)
 * @param nowWords      words of the present ("right now", "지금"): an asking clause holding one asks of now, not of
 *                      the times its context clauses name
 * @param dateOfNouns   nouns of people's work ("report", "meeting", "회의"): a time right before one (a word between
 *                      at most) is that thing's date, not the data's ("year-end capacity report", "지난주 회의")
 * @param ordinalWords  ordinal word → its number ("ninth": 9, "twelfth": 12): a day of the month written in words
 *                      ({@code od} of an atom: "november ninth", "the twenty-third of april", tens from number_words)
 * @param places        place word → time-zone id ("뉴욕": `America/New_York`): the zone of "local time" (an atom
 *                      of kind {@code zone} named {@code local})
 */
public record PromptTime(List<Atom> atoms, Map<String, List<String>> connectors, Map<String, Integer> monthNames,
                         Map<String, String> weekdays, Map<String, String> zones, Map<String, String> meridiem,
                         List<String> wholeDayWords, List<String> spanWords, List<Holiday> holidays,
                         List<String> nowWords, List<String> dateOfNouns, Map<String, String> places,
                         Map<String, Integer> ordinalWords) {
    public PromptTime {
        holidays = List.copyOf(holidays);
        atoms = List.copyOf(atoms);
        connectors = Read.ordered(connectors);
        monthNames = Read.ordered(monthNames);
        weekdays = Read.ordered(weekdays);
        zones = Read.ordered(zones);
        meridiem = Read.ordered(meridiem);
        wholeDayWords = List.copyOf(wholeDayWords);
        spanWords = List.copyOf(spanWords);
        nowWords = List.copyOf(nowWords);
        dateOfNouns = List.copyOf(dateOfNouns);
        places = Read.ordered(places);
        ordinalWords = Read.ordered(ordinalWords);
    }

    /**
     * {@code rules.time.atoms[]}: one time pattern.
     *
     * @param name      the atom's name, kept with the reading (default "")
     * @param kind      what a match is: {@code relative} (default), {@code day}, {@code tod}, {@code zone} …
     * @param pattern   the RE2 pattern; its named groups are the fields of a match
     * @param constants every scalar member but {@code pattern} (name and kind included), as text, in the
     *                  asset's order: a field of each match unless a group of that name matched; {@code {group}}
     *                  and {@code $n} in it are replaced by the groups' text
     */
    public record Atom(String name, String kind, String pattern, Map<String, String> constants) {
        public static final String DEFAULT_KIND = "relative";

        public Atom {
            constants = Read.ordered(constants);
        }

        static Atom from(JsonNode a) {
            Map<String, String> constants = new LinkedHashMap<>();
            Read.members(a).forEach((k, v) -> {
                if (!k.equals("pattern") && v.isValueNode()) {
                    constants.put(k, v.asText()); // a number is its text ("-1"), as the patterns' fields are
                }
            });
            return new Atom(Read.string(a.path("name"), ""), Read.string(a.path("kind"), DEFAULT_KIND),
                    Read.string(a.path("pattern"), ""), constants);
        }
    }

    /**
     * {@code rules.time.holidays[]}: one public holiday, by its date in the solar (Gregorian) or the Korean
     * lunisolar calendar.
     *
     * @param name            the holiday's name; an atom of kind {@code holiday} with a group of this name
     *                        (or a constant {@code holiday}) names it
     * @param calendar        {@code solar} (default) or {@code lunar} (the Korean lunisolar calendar)
     * @param month           its month (1–12) in that calendar
     * @param day             its day of the month in that calendar
     * @param daysBefore      days off before it that belong to it (설날: 1)
     * @param daysAfter       days off after it that belong to it (설날: 1)
     * @param substitute      when it gives a substitute day off (the first working day after it):
     *                        {@code none} (default), {@code sunday} (one of its days is a Sunday or another
     *                        holiday) or {@code weekend} (a Saturday, a Sunday or another holiday)
     * @param substituteSince the first year substitute days are given (0: always)
     */
    public record Holiday(String name, String calendar, int month, int day, int daysBefore, int daysAfter,
                          String substitute, int substituteSince) {
        public static final String SOLAR = "solar";
        public static final String LUNAR = "lunar";
        public static final String NO_SUBSTITUTE = "none";

        static Holiday from(JsonNode h) {
            return new Holiday(Read.string(h.path("name"), ""), Read.string(h.path("calendar"), SOLAR),
                    Read.integer(h.path("month"), 1), Read.integer(h.path("day"), 1),
                    Read.integer(h.path("days_before"), 0), Read.integer(h.path("days_after"), 0),
                    Read.string(h.path("substitute"), NO_SUBSTITUTE), Read.integer(h.path("substitute_since"), 0));
        }
    }

    /** The words of one connector group ({@code since_before} …; none when the asset has no such group). */
    public List<String> connectors(String group) {
        return connectors.getOrDefault(group, List.of());
    }

    static PromptTime from(JsonNode t) {
        return new PromptTime(Read.objects(t.path("atoms")).stream().map(Atom::from).toList(),
                Read.stringLists(t.path("connectors")), Read.integerMap(t.path("month_names")),
                Read.stringMap(t.path("weekdays")), Read.stringMap(t.path("zones")), Read.stringMap(t.path("meridiem")),
                Read.strings(t.path("whole_day_words")), Read.strings(t.path("span_words")),
                Read.objects(t.path("holidays")).stream().map(Holiday::from).toList(),
                Read.strings(t.path("now_words")), Read.strings(t.path("date_of_nouns")),
                Read.stringMap(t.path("places")), Read.integerMap(t.path("ordinal_words")));
    }
}
