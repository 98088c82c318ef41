package dev.opsuite.planner.domain.understand;

import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.ULocale;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words a zone is called by before "date", "time" or "day" ("Korean date", "Pacific day", "Australian Eastern
 * time", "미 태평양 시간"), from ICU's names of the metazones in English and Korean with their last word ("Time",
 * "Standard Time", "시간", "표준시") taken off, each with ICU's reference zone of the metazone. A word two metazones
 * of different zones share names neither.
 */
final class MetazoneWords {
    private MetazoneWords() {}

    private static final List<String> SUFFIXES = List.of(" standard time", " time", " 표준시", " 시간");
    private static final Map<String, String> BY_WORD = load();

    private static Map<String, String> load() {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> clashes = new HashSet<>();
        for (ULocale language : List.of(ULocale.ENGLISH, ULocale.KOREAN)) {
            TimeZoneNames names = TimeZoneNames.getInstance(language);
            for (String mz : names.getAvailableMetaZoneIDs()) {
                String zone = names.getReferenceZoneID(mz, "001");
                if (zone == null) {
                    continue;
                }
                for (TimeZoneNames.NameType type : List.of(TimeZoneNames.NameType.LONG_GENERIC,
                        TimeZoneNames.NameType.LONG_STANDARD)) {
                    String name = names.getMetaZoneDisplayName(mz, type);
                    String word = name == null ? null : stripped(Folding.fold(name).replace('-', ' '));
                    if (word == null || word.isBlank()) {
                        continue;
                    }
                    String id = known(zone);
                    if (id == null) {
                        continue;
                    }
                    String had = out.putIfAbsent(word, id);
                    if (had != null && !had.equals(id)) {
                        clashes.add(word);
                    }
                }
            }
        }
        clashes.forEach(out::remove);
        return Collections.unmodifiableMap(out);
    }

    /** The zone as the JDK knows it (ICU's "Asia/Katmandu" as Asia/Kathmandu); null when the JDK has none. */
    private static String known(String icuId) {
        String iana = com.ibm.icu.util.TimeZone.getIanaID(icuId);
        String id = iana == null || iana.equals(com.ibm.icu.util.TimeZone.UNKNOWN_ZONE_ID) ? icuId : iana;
        try {
            return java.time.ZoneId.of(id).getId();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String stripped(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        for (String s : SUFFIXES) {
            if (n.endsWith(s)) {
                return n.substring(0, n.length() - s.length()).strip();
            }
        }
        return null;
    }

    /** The zone a metazone's word names ("korean" → Asia/Seoul); null when none does. */
    static String zoneOf(String word) {
        return BY_WORD.get(word.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }
}
