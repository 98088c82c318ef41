package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shipped calendar (rules.time.holidays of the default Prompt) against the days off Korea actually
 * gave, substitute days included (as published by the government for each year).
 */
class HolidaysTest {
    private static final Holidays KOREA = Holidays.of(WordsEstate.assets().prompt().rules().time().holidays());

    private static Holidays.Days days(String first, String last) {
        return new Holidays.Days(LocalDate.parse(first), LocalDate.parse(last));
    }

    @Test
    void lunarHolidaysFallOnTheirSolarDays() {
        assertEquals(Optional.of(days("2019-02-04", "2019-02-06")), KOREA.of("seollal", 2019));
        assertEquals(Optional.of(days("2022-09-09", "2022-09-12")), KOREA.of("chuseok", 2022),
                "Sept 11 2022 was a Sunday: the 12th was the substitute day");
        assertEquals(Optional.of(days("2025-01-28", "2025-01-30")), KOREA.of("seollal", 2025),
                "the one-off holiday of Jan 27 2025 is not a listed holiday");
        assertEquals(Optional.of(days("2030-09-11", "2030-09-13")), KOREA.of("chuseok", 2030));
        assertEquals(Optional.of(days("2023-05-27", "2023-05-29")), KOREA.of("buddha", 2023),
                "a Saturday: the Monday after, the first year it was given");
        assertEquals(LocalDate.parse("2031-10-01"), KOREA.mainDay("chuseok", 2031).orElseThrow());
    }

    @Test
    void substituteDaysFollowTheRulesOfTheirYear() {
        assertEquals(Optional.of(days("2025-10-05", "2025-10-08")), KOREA.of("chuseok", 2025),
                "Oct 5 2025 was a Sunday: the 8th");
        assertEquals(Optional.of(days("2024-02-09", "2024-02-12")), KOREA.of("seollal", 2024));
        assertEquals(Optional.of(days("2024-05-05", "2024-05-06")), KOREA.of("children", 2024));
        assertEquals(Optional.of(days("2021-10-09", "2021-10-11")), KOREA.of("hangul", 2021));
        assertEquals(Optional.of(days("2020-10-09", "2020-10-09")), KOREA.of("hangul", 2020), "a Friday");
        assertEquals(Optional.of(days("2016-10-03", "2016-10-03")), KOREA.of("foundation", 2016));
        assertEquals(Optional.of(days("2015-10-03", "2015-10-03")), KOREA.of("foundation", 2015),
                "a Saturday before the rule of 2021: no substitute");
        assertEquals(Optional.of(days("2027-12-25", "2027-12-27")), KOREA.of("christmas", 2027));
        // 2025: Children's Day and Buddha's Birthday on one Monday, one substitute day for both
        assertTrue(KOREA.holiday(LocalDate.parse("2025-05-06")));
        assertFalse(KOREA.holiday(LocalDate.parse("2025-05-07")));
    }

    @Test
    void aBreakIsTheRunOfDaysOffAroundAHoliday() {
        // Monday after the Chuseok break of 2030 (Wed 11 – Fri 13, then the weekend)
        LocalDate monday = LocalDate.parse("2030-09-16");
        assertEquals(Optional.of(days("2030-09-11", "2030-09-15")), KOREA.lastBreak(monday, false));
        assertEquals(Optional.of(days("2030-09-11", "2030-09-15")), KOREA.lastBreak(monday, true));
        // on a Saturday of the break, "this break" is it and "the last break" the one before
        LocalDate saturday = LocalDate.parse("2030-09-14");
        assertEquals(Optional.of(days("2030-09-11", "2030-09-15")), KOREA.lastBreak(saturday, false));
        assertTrue(KOREA.lastBreak(saturday, true).orElseThrow().last().isBefore(LocalDate.parse("2030-09-11")));
        // a holiday alone on a Thursday (Liberation Day, Memorial Day 2030) or a plain weekend is no break;
        // Children's Day on a Sunday gives the Monday: Saturday to Monday is one
        assertEquals(Optional.of(days("2030-05-04", "2030-05-06")), KOREA.lastBreak(LocalDate.parse("2030-08-25"), true));
    }
}
