package dev.opsuite.planner.domain.understand;

import java.util.Map;

/**
 * One time expression found in a question, before composition: a day ("2014-04-17", "어제", "on
 * Monday"), a month, a time of day ("오후 3시", "10:00"), an instant, a relative range ("last 6
 * hours"), or a zone ("UTC"). Fields are the pattern's named groups (y, m, d, mon, wd, H, M, ap, n,
 * zone) or the atom's own settings (day_offset, month_offset, range).
 */
record TimeAtom(String name, String kind, Span span, Map<String, String> fields) {
    String field(String key) {
        String v = fields.get(key);
        return v == null ? "" : v;
    }
}
