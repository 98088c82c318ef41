package dev.opsuite.planner.domain.understand;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The order a place writes a date in numbers, for a numeric date whose two first numbers could both be a month
 * ("10/06/2034 (Vietnam date)", "2/4/2039 in Adelaide (ACDT)"): a question that names the place or zone of its date
 * names its calendar too, so the date is read in that country's order, day first where its people write the day
 * first (Vietnam, Australia, the UK), month first where they write the month first (the US). The order is CLDR's
 * (ICU): the short date pattern of the country's likely language. A zone of no country (UTC, GMT) is a clock, not a
 * calendar: the date stays read as before. The answer names the day read, so the reading is never silent.
 */
final class DateOrders {
    private DateOrders() {}

    private static final Map<String, Boolean> DAY_FIRST = new ConcurrentHashMap<>();

    /** Whether people of the zone's country write the day before the month; false when it has no country. */
    static boolean dayFirst(ZoneId zone) {
        return DAY_FIRST.computeIfAbsent(zone.getId(), DateOrders::load);
    }

    private static boolean load(String id) {
        String region;
        try {
            region = TimeZone.getRegion(id);
        } catch (IllegalArgumentException e) {
            return false; // "UTC+09:00", "Z": an offset, no country
        }
        if (region == null || !region.matches("[A-Z]{2}")) {
            return false; // "001": UTC, GMT
        }
        ULocale locale = ULocale.addLikelySubtags(new ULocale("und", region));
        String pattern = ((SimpleDateFormat) DateFormat.getDateInstance(DateFormat.SHORT, locale)).toPattern();
        String order = pattern.replaceAll("[^dMy]", "");
        return !order.isEmpty() && order.charAt(0) == 'd';
    }

    /**
     * The atoms with each numeric month/day date ("m/d" as the slash pattern reads it) read day first when the named
     * zone's country writes the day first and both numbers could be a month; other atoms as they are.
     */
    static List<TimeAtom> asWritten(List<TimeAtom> atoms, ZoneId named) {
        if (named == null || !dayFirst(named)) {
            return atoms;
        }
        List<TimeAtom> out = new ArrayList<>(atoms.size());
        for (TimeAtom t : atoms) {
            String m = t.field("m");
            String d = t.field("d");
            boolean numeric = t.kind().equals("day") && m.matches("\\d{1,2}") && d.matches("\\d{1,2}")
                    && t.field("d2").isEmpty();
            if (numeric && t.name().equals("slash_date") && Integer.parseInt(m) <= 12 && Integer.parseInt(d) <= 12
                    && !m.equals(d)) {
                Map<String, String> fields = new HashMap<>(t.fields());
                fields.put("m", d);
                fields.put("d", m);
                out.add(new TimeAtom(t.name(), t.kind(), t.span(), Map.copyOf(fields)));
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
