package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The zone id of a place word (spaces as one): the asset's, else a city of the time-zone database, else a country
     * with one zone (ICU); null when none knows it or the country has several zones (see {@link #severalZones}).
     */
    static String zoneOf(String place, PromptTime time) {
        String p = place.replaceAll("\\s+", " ");
        String own = time.places().get(p);
        if (own != null) {
            return own;
        }
        String city = TZ_CITIES.get(p);
        if (city != null) {
            return city;
        }
        List<String> country = CountryZones.of(p);
        if (country.size() == 1) {
            return country.get(0);
        }
        return country.isEmpty() ? MetazoneWords.zoneOf(p) : null; // "Korean date", "Pacific day"
    }

    /** The zones of a country with several ("Canada", "미국") that no place of the asset or city names; else empty. */
    static List<String> severalZones(String place, PromptTime time) {
        String p = place.replaceAll("\\s+", " ");
        if (time.places().containsKey(p) || TZ_CITIES.containsKey(p)) {
            return List.of();
        }
        List<String> country = CountryZones.of(p);
        return country.size() > 1 ? country : List.of();
    }

    /**
     * A longer place of the asset whose last words are this place word and whose zone is another ("jersey" of "new
     * jersey", beside the island of Jersey): the word may name either, so it is asked; null when there is none or the
     * word is the asset's own place.
     */
    static String longerPlace(String place, PromptTime time) {
        String p = place.replaceAll("\\s+", " ");
        String zone = zoneOf(p, time);
        if (time.places().containsKey(p)) {
            return null;
        }
        return time.places().entrySet().stream()
                .filter(e -> e.getKey().endsWith(" " + p) && !e.getValue().equals(zone))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /**
     * What keeps a place word's zone from being read, said as a question: a country of several zones ("'Canada
     * date' names a country of several time zones (…): which one?") or a word a longer place of another zone ends
     * with ("'Jersey date' may be jersey (Europe/Jersey) or new jersey (America/New_York): which one?"); null when
     * the zone is known and single.
     */
    static String doubt(String place, String written, String id, PromptTime time) {
        String longer = longerPlace(place, time);
        List<String> several = severalZones(place, time);
        if (longer != null) {
            return "'" + written + "' may be " + place + " (" + (id != null ? id : String.join(", ", several))
                    + ") or " + longer + " (" + zoneOf(longer, time) + "): which one?";
        }
        return id == null && !several.isEmpty() ? "'" + written + "' names a country of several time zones ("
                + String.join(", ", several) + "): which one?" : null;
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
