package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptTime;
import java.util.List;

/** Where a "local time" is: a place the question names, else the place of a CI it names (rules.time.places). */
final class LocalZones {
    private LocalZones() {}

    /**
     * The zone of "local time" ("현지 시각 기준 … 뉴욕 지국"): the zone of the place of rules.time.places the question
     * names, else the place a CI it names stands in (a field value naming a place: "singapore.desk"); null when
     * neither names one (the question's zone stays, and the reading names it), and a stated problem when places of
     * different zones are named.
     */
    static String of(Analyzed a, PromptTime time, List<String> problems, List<String> placesOfNamed) {
        java.util.Map<String, String> named = placesIn(List.of(a.text()), time);
        if (named.isEmpty()) {
            // "yesterday local time" of Merlion at singapore.desk: the place is where the CI named stands
            named = placesIn(placesOfNamed.stream().map(v -> Folding.fold(v).replaceAll("[._/@-]+", " ")).toList(), time);
        }
        if (named.size() > 1) {
            problems.add("'local time' of which place: " + String.join(" or ", named.values()));
            return null;
        }
        return named.isEmpty() ? null : named.keySet().iterator().next();
    }

    /** The zones of rules.time.places named in the texts, each with the first place that named it. */
    private static java.util.Map<String, String> placesIn(List<String> texts, PromptTime time) {
        java.util.Map<String, String> named = new java.util.LinkedHashMap<>();
        ZonePlaces.all(time).forEach((place, zone) -> {
            String p = Folding.fold(place);
            if (texts.stream().anyMatch(t -> dev.opsuite.planner.domain.Phrases.indexOf(t, p) >= 0)) {
                named.putIfAbsent(zone, place);
            }
        });
        return named;
    }
}
