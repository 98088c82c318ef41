package dev.opsuite.planner.domain.understand;

import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The time zones of countries named in English or Korean ("Philippines date", "필리핀 현지 시간", "Nepal time"), from
 * ICU: every region's display name in both languages, with the canonical location zones ICU gives the region. A
 * country with one zone names it; a country with several names none of them (the caller says so and asks which).
 */
final class CountryZones {
    private CountryZones() {}

    private static final Map<String, List<String>> BY_NAME = load();

    private static Map<String, List<String>> load() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String region : ULocale.getISOCountries()) {
            Set<String> ids = TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, region, null);
            if (ids.isEmpty()) {
                continue;
            }
            List<String> zones = oneClock(new TreeSet<>(ids.stream().map(CountryZones::iana).toList()).stream().toList());
            ULocale place = new ULocale("und", region);
            for (ULocale language : List.of(ULocale.ENGLISH, ULocale.KOREAN)) {
                String name = place.getDisplayCountry(language);
                if (name != null && !name.isBlank() && !name.equalsIgnoreCase(region)) {
                    out.putIfAbsent(Folding.fold(name).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), zones);
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The zones of a country whose clocks all read alike (the same offsets in January and in July of every year
     * from this one to ten years on: Argentina's, Malaysia's) as one, its first; zones of different clocks as they
     * are.
     */
    private static List<String> oneClock(List<String> zones) {
        int year = java.time.Year.now().getValue();
        java.util.Set<String> clocks = new java.util.HashSet<>();
        for (String z : zones) {
            try {
                java.time.zone.ZoneRules rules = java.time.ZoneId.of(z).getRules();
                StringBuilder clock = new StringBuilder();
                for (int y = year; y <= year + 10; y++) {
                    for (int m : new int[] {1, 7}) {
                        clock.append(rules.getOffset(java.time.LocalDateTime.of(y, m, 15, 12, 0))).append(' ');
                    }
                }
                clocks.add(clock.toString());
            } catch (java.time.DateTimeException e) {
                return zones; // a zone the JDK does not know: kept as ICU lists them
            }
        }
        return clocks.size() == 1 ? List.of(zones.get(0)) : zones;
    }

    /** ICU's canonical id as the JDK's time-zone database spells it now ("Asia/Katmandu" → Asia/Kathmandu). */
    private static String iana(String id) {
        String iana = TimeZone.getIanaID(id);
        return iana == null || iana.equals(TimeZone.UNKNOWN_ZONE_ID) ? id : iana;
    }

    /** The zones of the country a place word names (one or several); empty when it names no country. */
    static List<String> of(String place) {
        return BY_NAME.getOrDefault(place.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT), List.of());
    }
}
