package dev.opsuite.planner.domain.understand;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.AttributeFactory;

/**
 * Korean written with Hanja ("前月 誤謬率 最大値 報告") read as its Hangul ("전월 오류율 최대치 보고"): each word's
 * reading as Nori's dictionary gives it (mecab-ko-dic's Hanja entries), one syllable per character, so offsets stay.
 * Two rules of Korean spelling the dictionary does not apply are: 率 律 列 烈 裂 劣 read 율/열 after a vowel or ㄴ and
 * 률/렬 after another consonant (誤謬率 오류율, 使用率 사용률); the numerals 一 … 十, 百, 千 have their Sino-Korean
 * readings where the dictionary has none (第3四半期). A character without a reading stays as written.
 */
public final class HanjaReadings {
    private HanjaReadings() {}

    /** The suffixes whose ㄹ falls after a vowel or ㄴ (두음 법칙 in the middle of a word): char → {after vowel/ㄴ, after other}. */
    private static final Map<Character, String[]> RYUL = Map.of('率', new String[] {"율", "률"}, '律', new String[] {"율", "률"},
            '列', new String[] {"열", "렬"}, '烈', new String[] {"열", "렬"}, '裂', new String[] {"열", "렬"},
            '劣', new String[] {"열", "렬"});
    private static final String NUMERALS = "一二三四五六七八九十百千";
    private static final String NUMERAL_READINGS = "일이삼사오육칠팔구십백천";

    /** Whether the text holds a CJK ideograph (after NFKC, compatibility ideographs are unified ones). */
    public static boolean hasHanja(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isHanja(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** More runs of Hanja than words in Latin letters ("前月 Settlement 誤謬率 最大値", not "電池ラボ — where does it live?"). */
    public static boolean mostlyHanja(String s) {
        return HANJA_RUN.matcher(s).results().count() > LATIN_WORD.matcher(s).results().count();
    }

    private static final java.util.regex.Pattern HANJA_RUN = java.util.regex.Pattern.compile("[\\u3400-\\u4DBF\\u4E00-\\u9FFF]+");
    private static final java.util.regex.Pattern LATIN_WORD = java.util.regex.Pattern.compile("[A-Za-z]+");

    static boolean isHanja(char c) {
        return c >= '\u4E00' && c <= '\u9FFF' || c >= '\u3400' && c <= '\u4DBF';
    }

    /** The text with every Hanja character the dictionary reads replaced by its Hangul syllable; as long as the text. */
    public static String read(String text) {
        if (!hasHanja(text)) {
            return text;
        }
        char[] out = text.toCharArray();
        try (KoreanTokenizer t = new KoreanTokenizer(AttributeFactory.DEFAULT_ATTRIBUTE_FACTORY, null,
                KoreanTokenizer.DecompoundMode.NONE, false, false)) {
            t.setReader(new StringReader(text));
            CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = t.addAttribute(OffsetAttribute.class);
            ReadingAttribute reading = t.addAttribute(ReadingAttribute.class);
            t.reset();
            while (t.incrementToken()) {
                String r = reading.getReading();
                int start = off.startOffset();
                int end = off.endOffset();
                if (r == null || r.length() != end - start || !hasHanja(term.toString())) {
                    continue;
                }
                for (int i = start; i < end; i++) {
                    if (isHanja(out[i]) && Folding.isHangul(r.charAt(i - start))) {
                        out[i] = r.charAt(i - start);
                    }
                }
            }
            t.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            String[] ryul = RYUL.get(c);
            if (ryul != null) {
                boolean soft = i == 0 || !Folding.isHangul(out[i - 1]) || softBefore(out[i - 1]);
                out[i] = (soft ? ryul[0] : ryul[1]).charAt(0);
            } else if (isHanja(out[i]) && NUMERALS.indexOf(c) >= 0) {
                out[i] = NUMERAL_READINGS.charAt(NUMERALS.indexOf(c));
            }
        }
        return new String(out);
    }

    /** A syllable with no final consonant, or ending in ㄴ. */
    private static boolean softBefore(char syllable) {
        if (syllable < '\uAC00' || syllable > '\uD7A3') {
            return true;
        }
        int finalIndex = (syllable - 0xAC00) % 28;
        return finalIndex == 0 || finalIndex == 4;
    }
}
