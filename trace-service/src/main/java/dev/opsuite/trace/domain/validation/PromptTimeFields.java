package dev.opsuite.trace.domain.validation;

import static dev.opsuite.trace.domain.validation.Field.field;
import static dev.opsuite.trace.domain.validation.Kind.INTEGER;
import static dev.opsuite.trace.domain.validation.Kind.OBJECT;
import static dev.opsuite.trace.domain.validation.Kind.SCALAR;
import static dev.opsuite.trace.domain.validation.Kind.STRING;
import static dev.opsuite.trace.domain.validation.Kind.STRINGS;
import static dev.opsuite.trace.domain.validation.Kind.arrayOf;
import static dev.opsuite.trace.domain.validation.Kind.mapOf;

import dev.opsuite.model.asset.PromptTime;

/** The time patterns of a Prompt asset ({@code rules.time}): what the data says, not what a day means. */
final class PromptTimeFields {
    private PromptTimeFields() {}

    static AssetSpec.Group group() {
        return AssetSpec.group("Rules: time",
                field("rules.time", OBJECT, "How times in questions are read: patterns (atoms) and the words around "
                        + "and inside them."),
                field("rules.time.atoms", arrayOf(OBJECT), "Time patterns, tried in order; text an earlier atom "
                        + "matched is not matched again. Besides the members below, any constant member is a field of "
                        + "the match."),
                field("rules.time.atoms[].name", STRING, "Name of the atom, kept with the reading (for kind `zone`, "
                        + "the zone word when the pattern has no `zone` group).").byDefault("\"\""),
                field("rules.time.atoms[].pattern", STRING, "A pattern whose named groups (`n`, `d`, `m`, `y`, `mon`, "
                        + "`wd`, `H`, `M`, `ap`, `zone`…) are the fields of the match; `n` may be a number word; a month with a `q` "
                        + "group (and `y`) is that quarter's three months; a day with `d2` runs to that day, a month with "
                        + "`m2` or `mon2` to that month (\"Jan to Mar\", \"1~3월\"; `y` is the last month's year), a weekday with "
                        + "`wd2` to that weekday (\"Mon-Wed\", \"월~수\"); a "
                        + "match in which a group named `ago` or `not` took part is a reading the atom is not (\"2주 "
                        + "전\", \"22.04.3 LTS\"): no time, and the next match is tried. A `zone` group on a time of day "
                        + "or a clock range (\"16:00Z\", \"0800-1100Z\") is the zone the question's times are read in."),
                field("rules.time.atoms[].not_after", STRING, "A pattern (RE2, any case, over the text lower-cased) "
                        + "for the words right before a match that make it no time — \"Ubuntu 22.04.3\", \"버전 "
                        + "23.10.1\" hold a version, not a dotted date; spaces and a colon between are allowed."),
                field("rules.time.atoms[].only_after", STRING, "A pattern (RE2, any case, over the text lower-cased) "
                        + "for the words that must stand right before a match (spaces between): \"at 0830\", \"since "
                        + "0415\" are clocks, a bare \"0830\" is none."),
                field("rules.time.atoms[].kind", STRING, "What the match is: a named range (`relative`), a day, "
                        + "month or year, an instant, a time of day (`tod`), a part of the day, a weekday, the "
                        + "weekend, a clock range, a time zone, or `week_of` (the calendar week holding the day "
                        + "written beside it; with a `start` group, the seven days from that day), or a `holiday` "
                        + "(see `rules.time.holidays`), or `iso_week` (an ISO 8601 week, Monday to Monday, from groups "
                        + "`w` and `y` — its week-based year; without `y` the latest such week that has begun); others "
                        + "are ignored.")
                        .byDefaultText(PromptTime.Atom.DEFAULT_KIND)
                        .known("relative", "day", "month", "year", "instant", "tod", "part", "weekday", "weekend",
                                "clock_range", "zone", "week_of", "holiday", "iso_week"),
                field("rules.time.atoms[].unless_name", SCALAR, "Any value: the match is no time when its `word` "
                        + "group is a whole word of some CI's name or alias (\"전주\" is last week, but a place in "
                        + "\"CDN Cache 전주\")."),
                field("rules.time.atoms[].beside_day", SCALAR, "Any value, kind clock_range: the match is a clock "
                        + "range only with a day written right before or after it (spaces, a comma, \"on\", \"the\" or "
                        + "\"of\" between) and no unit of `rules.understanding.value_units` after it — \"between 10 and "
                        + "12 on apr 17\" is hours, \"between 10 and 12% on apr 17\" a band of values."),
                field("rules.time.atoms[].after_clock", SCALAR, "Any value, kind zone: the match is a zone only "
                        + "right after a time of day (spaces or a comma between): \"midnight Pacific\", \"9 am "
                        + "Central\"; the same word elsewhere is no zone."),
                field("rules.time.atoms[].holiday", SCALAR, "kind holiday: the holiday named (a group named after a "
                        + "holiday that matched names it too); `any` or none: the holiday break we are in or the last "
                        + "one (with a `prev` group: the last that ended before today). A named holiday is its days off "
                        + "with their substitute days, of the year written (`y`, `lastyear`) or else the latest that "
                        + "began by today; a `day` group asks for its day alone, `eve` for the day before it. Dates "
                        + "written beside a holiday are what is read."),
                field("rules.time.atoms[].range", SCALAR, "kind relative: the named range (`last_{n}h`, "
                        + "`this_week`, `last_week`, `week_before_last`); `{group}` is replaced by that group's text."),
                field("rules.time.atoms[].day_offset", SCALAR, "Days from today (`-1`: yesterday; `-{n}`)."),
                field("rules.time.atoms[].hour_offset", SCALAR, "kind instant: hours from now, as that moment "
                        + "(`-{n}`: \"5 hours ago\", \"5시간 전\")."),
                field("rules.time.atoms[].minute_offset", SCALAR, "kind instant: minutes from now, as that moment "
                        + "(`-{n}`: \"30분 전\")."),
                field("rules.time.atoms[].week_offset", SCALAR, "kind day: weeks from today, as that one day "
                        + "(`-{n}`: \"2주 전\", \"two weeks ago\"); kind weekday: weeks before the weekday read "
                        + "(`-1`: \"the Tuesday before last\")."),
                field("rules.time.atoms[].month_offset", SCALAR, "Months from this month (`-1`: last month); with "
                        + "kind day, the day `d` of that month (\"지난달 3일\", \"the 3rd of last month\"; a day the "
                        + "month does not have is said, not moved)."),
                field("rules.time.atoms[].quarter_offset", SCALAR, "kind month: calendar quarters from this one "
                        + "(`0`: this quarter, `-1`: the last); a group or constant `q` (1–4) names one — of the year "
                        + "`y`, else this year's when it has begun, else last year's —, `h` (1–2) a half-year."),
                field("rules.time.atoms[].days", SCALAR, "kind month: the days of the month named — `11-20` (days 11 "
                        + "to 20), `21-` (day 21 to the month's end), `last7` (its last seven days), `last1` (its last day): "
                        + "\"mid-March\", \"3월 초\", \"the last week of February\", \"4월 말일\"."),
                field("rules.time.atoms[].year_offset", SCALAR, "Years from this year."),
                field("rules.time.atoms[].day_of", SCALAR, "kind day: `previous` — the whole day of the date named "
                        + "before it in the question (\"that day\", \"그날\"); its times of day are dropped."),
                field("rules.time.atoms[].start", SCALAR, "kind part: the hour the part of the day starts."),
                field("rules.time.atoms[].end", SCALAR, "kind part: the hour it ends (past 24: the next day)."),
                field("rules.time.atoms[].H", SCALAR, "kind tod: the hour (midnight `0`, noon `12`)."),
                field("rules.time.atoms[].<field>", SCALAR, "Any other field given as a constant, as if a group of "
                        + "that name had matched (a group that matched wins)."),
                field("rules.time.connectors", OBJECT, "Words right before or after a time that make it a start "
                        + "or an end, or that only belong to it."),
                field("rules.time.connectors.since_before", STRINGS, "Before a start (\"since\", \"from\")."),
                field("rules.time.connectors.since_after", STRINGS, "After a start (\"부터\", \"이후\")."),
                field("rules.time.connectors.until_before", STRINGS, "Before an end (\"until\")."),
                field("rules.time.connectors.until_after", STRINGS, "After an end (\"까지\")."),
                field("rules.time.connectors.end_before", STRINGS, "Before a time of day that ends the range "
                        + "(\"before 9am\": the day up to 09:00); dates keep no role."),
                field("rules.time.connectors.end_after", STRINGS, "After a time of day, the same way (\"9시 전\")."),
                field("rules.time.connectors.join_before", STRINGS, "Before a time, belonging to it without a role "
                        + "(\"between\", \"and\", \"during\")."),
                field("rules.time.connectors.join_after", STRINGS, "After a time, the same way (\"사이\")."),
                field("rules.time.zones", mapOf(STRING), "Zone words → time-zone id (\"kst\": `Asia/Seoul`); a word "
                        + "not listed is tried as a zone id itself."),
                field("rules.time.meridiem", mapOf(STRING), "Words for before or after noon (\"오후\": `pm`).")
                        .known("am", "pm"),
                field("rules.time.weekdays", mapOf(STRING), "Weekday words → English day name (\"화\": "
                        + "`tuesday`); full English names need no entry."),
                field("rules.time.month_names", mapOf(INTEGER), "Month words → month number (\"sept\": 9)."),
                field("rules.time.ordinal_words", mapOf(INTEGER), "Ordinal words → their number (\"ninth\": 9): a "
                        + "day of the month written in words, the group `od` of an atom (\"november ninth\", \"the "
                        + "twenty-third of april\": tens from `rules.number_words`, then one of these)."),
                field("rules.time.whole_day_words", STRINGS, "Words that ask for a whole day (\"that whole day\", "
                        + "\"하루 종일\"): beside a day and a part of it (\"Friday evening … over that whole day\"), the "
                        + "day is read whole; the part only said which day."),
                field("rules.time.holidays", arrayOf(OBJECT), "The public holidays of the calendar questions are asked "
                        + "in. A holiday break is a run of at least 3 days off (weekends, holidays, substitute "
                        + "days) with a holiday in it. One-off days off (elections, temporary holidays) are not known "
                        + "unless listed."),
                field("rules.time.holidays[].name", STRING, "The holiday's name, as atoms of kind `holiday` name it."),
                field("rules.time.holidays[].calendar", STRING, "`solar` (Gregorian) or `lunar` (the Korean "
                        + "lunisolar calendar, by ICU's Dangi calendar).").byDefaultText(PromptTime.Holiday.SOLAR)
                        .known(PromptTime.Holiday.SOLAR, PromptTime.Holiday.LUNAR),
                field("rules.time.holidays[].month", INTEGER, "Its month in that calendar (1–12)."),
                field("rules.time.holidays[].day", INTEGER, "Its day of the month in that calendar."),
                field("rules.time.holidays[].days_before", INTEGER, "Days off before it that belong to it (설날: 1).")
                        .byDefault("0"),
                field("rules.time.holidays[].days_after", INTEGER, "Days off after it that belong to it.").byDefault("0"),
                field("rules.time.holidays[].substitute", STRING, "When a substitute day off (the first working day "
                        + "after it) is given: `sunday` — one of its days is a Sunday or another holiday; `weekend` — "
                        + "a Saturday, a Sunday or another holiday; `none`.")
                        .byDefaultText(PromptTime.Holiday.NO_SUBSTITUTE).known("none", "sunday", "weekend"),
                field("rules.time.holidays[].substitute_since", INTEGER, "The first year substitute days are given.")
                        .byDefault("0"),
                field("rules.time.span_words", STRINGS, "Words after which a bare count of days is that many days "
                        + "up to now, not a day of the month (\"30일 추이\": the last 30 days)."),
                field("rules.time.now_words", STRINGS, "Words of the present (\"right now\", \"지금\"): a question's "
                        + "asking clause holding one asks of now, not of the times its other clauses name (\"I'm "
                        + "covering this week … which VMs are above 65% memory at the moment?\")."),
                field("rules.time.date_of_nouns", STRINGS, "Nouns of people's work (\"report\", \"meeting\", "
                        + "\"회의\"): a time right before one, at most one word between, is that thing's date and not "
                        + "the data's (\"the year-end capacity report\", \"지난주 회의에서\") — when another time is "
                        + "named or it stands in a clause that does not ask."),
                field("rules.time.places", mapOf(STRING), "Place word → time-zone id (\"뉴욕\": `America/New_York`): "
                        + "the zone of \"local time\" (a zone atom named `local`) is the zone of the place the "
                        + "question names; none named, or two of different zones, is a stated problem. Also the "
                        + "places of \"<place> date/time\" — cities, countries, US states, Canadian provinces, "
                        + "Australian states —, before the time-zone database's cities and ICU's countries (a "
                        + "country of one zone names it; one of several, or a word a longer place of another zone "
                        + "ends with, \"Jersey\" beside \"new jersey\", is asked which)."));
    }
}
