package dev.opsuite.executor.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.executor.domain.DefaultAssets;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.asset.MappingAsset;
import org.junit.jupiter.api.Test;

/** The default Mapping's labels of named ranges, as sentences read them ("… over {time_range}"). */
class TimeLabelsTest {
    private static final MappingAsset MAPPING = new AssetBundle(DefaultAssets.docs()).mapping();

    @Test
    void sinceAWeekdayIsSaidInTheAnswersLanguage() {
        String from = "2026-11-26T00:00+09:00";
        String to = "2026-11-29T01:40+09:00";
        assertEquals("목요일부터", TimeLabels.label(MAPPING, "since_thursday", from, to, "ko"));
        assertEquals("the period since Thursday", TimeLabels.label(MAPPING, "since_thursday", from, to, "en"));
        assertEquals("월요일부터", TimeLabels.label(MAPPING, "since_monday", from, to, "ko"));
        assertEquals("일요일부터", TimeLabels.label(MAPPING, "since_sunday", from, to, "ko"));
        assertEquals("the last 3 days", TimeLabels.label(MAPPING, "last_3d", from, to, "en"));
    }
}
