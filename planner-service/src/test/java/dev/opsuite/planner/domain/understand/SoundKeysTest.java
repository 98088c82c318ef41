package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SoundKeysTest {
    @Test
    void anEnglishNameAndItsHangulSpellingMeet() {
        assertTrue(SoundKeys.ofLatin("Tax DB Box").contains(SoundKeys.ofHangul("택스") + "|" + SoundKeys.ofHangul("디비")
                + "|" + SoundKeys.ofHangul("박스")));
        assertTrue(SoundKeys.ofLatin("Host Eleven").contains("HST|LBN"));
        assertEquals("HST", SoundKeys.ofHangul("호스트"));
        assertEquals("LBN", SoundKeys.ofHangul("일레븐"));
        assertTrue(SoundKeys.ofLatin("Search+").contains("SJ|PLS"), "a plus sign is said");
        assertTrue(SoundKeys.ofLatin("MAG").contains(SoundKeys.ofHangul("엠에이지")), "an acronym spelt letter by letter");
        assertEquals(Set.of(), SoundKeys.ofLatin("세금 DB"), "a name with Hangul in it is not said in Hangul");
    }

    @Test
    void wordsStayApart() {
        assertFalse(SoundKeys.ofLatin("auth db").contains(SoundKeys.ofHangul("시티") + "|" + SoundKeys.ofHangul("웹")));
        assertTrue(SoundKeys.ofLatin("City Web").contains(SoundKeys.ofHangul("시티") + "|" + SoundKeys.ofHangul("웹")));
    }

    @Test
    void lettersSpeltByTheirKoreanNames() {
        assertTrue(SoundKeys.spelledLetters("엠에이지"));
        assertTrue(SoundKeys.spelledLetters("씨씨티비"));
        assertFalse(SoundKeys.spelledLetters("게이트웨이"));
        // overlapping names ("에이", "에이치") are read in linear time, not by backtracking
        assertFalse(SoundKeys.spelledLetters("에이".repeat(19) + "홍"));
        assertFalse(SoundKeys.spelledLetters("에이".repeat(30)), "no acronym is that long");
    }
}
