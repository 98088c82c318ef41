package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Places as operators type them, read from set 32's dev half (kinds, not its wording): a place written with its accents
 * or without them is one place ("Málaga" and the estate's "Malaga Port", "cordoba" and "Córdoba Plant": Folding reads a
 * Latin letter with an accent as its plain letter), and a time in the local clock of a Spanish, Portuguese, Italian or
 * Japanese region the place table lacked ("9am to 5pm Sevilla time", "바르셀로나 시간으로 오후 3시", "Nagano time",
 * "Lisbon local day": Prompt time.places) is that place's time. Asked of an estate of its own, on Tuesday 2058-03-05.
 */
class AccentedPlacesWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2058-03-05T10:00:00+09:00"),
            new EntityDictionary(2, List.of(at("OL-1", "press-ctl 1", "server", "Malaga Port"),
                    at("OL-2", "press-ctl 2", "server", "Córdoba Plant"),
                    at("OL-3", "olive-api", "app", "Malaga Port")), List.of(),
                    List.of(Map.entry("ci.location", "Malaga Port"), Map.entry("ci.location", "Córdoba Plant"))));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "how many servers are in Málaga?|Malaga Port",
        "list what runs at the cordoba plant|Córdoba Plant",
        "servers in Cordoba, count please|Córdoba Plant"})
    void aPlaceWithOrWithoutItsAccentsIsOnePlace(String question, String location) {
        PlanModel p = ESTATE.plan(question);
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("location") && f.values().contains(location)),
                question + ": " + p);
        assertTrue(p.candidates().isEmpty(), question + ": " + p.candidates());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "olive-api average latency on 2 March, 9am to 5pm Sevilla time|2058-03-02T09:00|Europe/Madrid",
        "바르셀로나 시간으로 3월 2일 오후 3시부터 5시까지 olive-api cpu 평균|2058-03-02T15:00|Europe/Madrid",
        "press-ctl 1 peak cpu on 3 March, from 1pm in Nagano time until 4pm|2058-03-03T13:00|Asia/Tokyo",
        "olive-api error rate on 1 March from 8am to 11am Lisbon time|2058-03-01T08:00|Europe/Lisbon"})
    void aTimeInAFarRegionsOwnClock(String question, String from, String zone) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(LocalDateTime.parse(from).atZone(ZoneId.of(zone)).toOffsetDateTime().toString(),
                p.metric().timeFrom(), question + ": " + p);
    }
}
