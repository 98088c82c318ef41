package dev.opsuite.executor.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Translations (ko/x.md, en/x.md): the question's language's copy scores the better of the two plus a share. */
class TranslationsTest {
    @Test
    void theCopyInTheQuestionsLanguageNeverRanksBelowItsTranslation() {
        Map<String, Float> score = new HashMap<>(Map.of("ko/runbooks/a.md", 1f, "en/runbooks/a.md", 3f,
                "ko/runbooks/b.md", 2f, "runbooks/c.md", 5f, "en/runbooks/d.md", 4f));
        DocSearch.bridgeTwins(score, "ko");
        assertEquals(3f + DocSearch.TWIN_WEIGHT * 1f, score.get("ko/runbooks/a.md"), 1e-6);
        assertEquals(3f, score.get("en/runbooks/a.md"), 1e-6); // the other language's copy keeps its own
        assertEquals(2f, score.get("ko/runbooks/b.md"), 1e-6); // no translation found
        assertEquals(5f, score.get("runbooks/c.md"), 1e-6); // no language folder
        assertEquals(4f, score.get("en/runbooks/d.md"), 1e-6);
        Map<String, Float> english = new HashMap<>(Map.of("ko/runbooks/a.md", 1f, "en/runbooks/a.md", 3f));
        DocSearch.bridgeTwins(english, "en");
        assertEquals(3f + DocSearch.TWIN_WEIGHT * 1f, english.get("en/runbooks/a.md"), 1e-6);
        assertEquals(1f, english.get("ko/runbooks/a.md"), 1e-6);
    }
}
