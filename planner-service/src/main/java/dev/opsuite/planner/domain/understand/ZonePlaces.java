package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Places whose time a question may name ("Adelaide date", "local time" of a CI in "Istanbul (Maslak)"): the Prompt
 * asset's rules.time.places first (its Korean names, countries, coasts and any city it sets), then every city of the
 * time-zone database the JDK carries ("adelaide" → Australia/Adelaide, "istanbul" → Europe/Istanbul), one city per
 * two-part zone id of a continent or an ocean (not the US/…, Etc/… aliases, not Antarctic stations, not the
 * three-part ids whose last word is a county or a "Center").
 */
final class ZonePlaces {
    private ZonePlaces() {}

    private static final Set<String> REGIONS = Set.of("Africa", "America", "Asia", "Atlantic", "Australia", "Europe",
            "Indian", "Pacific");
    private static final Map<String, String> TZ_CITIES = tzCities();

    private static Map<String, String> tzCities() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            String[] parts = id.split("/");
            if (parts.length == 2 && REGIONS.contains(parts[0])) {
                out.putIfAbsent(parts[1].replace('_', ' ').toLowerCase(Locale.ROOT), id);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The zone id of a place word (spaces as one), the asset's first; null when neither knows it. */
    static String zoneOf(String place, PromptTime time) {
        String p = place.replaceAll("\\s+", " ");
        String own = time.places().get(p);
        return own != null ? own : TZ_CITIES.get(p);
    }

    /** Whether the place word is one of the asset's own places (not only a city of the time-zone database). */
    static boolean ownPlace(String place, PromptTime time) {
        return time.places().containsKey(place.replaceAll("\\s+", " "));
    }

    /** A time-zone id as written in any case ("europe/istanbul" → Europe/Istanbul); null when it is none. */
    static String tzId(String written) {
        return TZ_IDS.get(written.toLowerCase(Locale.ROOT));
    }

    private static final Map<String, String> TZ_IDS = tzIds();

    private static Map<String, String> tzIds() {
        Map<String, String> out = new LinkedHashMap<>();
        ZoneId.getAvailableZoneIds().forEach(id -> out.put(id.toLowerCase(Locale.ROOT), id));
        return Collections.unmodifiableMap(out);
    }

    /** Every place word with its zone id: the asset's, then the time-zone database's cities it does not set. */
    static Map<String, String> all(PromptTime time) {
        Map<String, String> out = new LinkedHashMap<>(time.places());
        TZ_CITIES.forEach(out::putIfAbsent);
        return out;
    }
}
