package dev.opsuite.planner.domain.understand;

import java.util.Map;

/**
 * A clock time in Korean words, as people say it: the hour in native numbers and the minutes in Sino-Korean ones
 * ("열한 시 이십 분", "오후 세 시", "여덟 시부터 열 시까지", "새벽 두 시 반"). The Prompt's Korean time-of-day atom
 * catches the words (groups {@code kh} and {@code kmin}); this gives them as the digits the atom's other form
 * carries ({@code H}, {@code M}), so that "열한 시 십 분" is read as "11시 10분". The same words that are no clock
 * are left alone: a duration ("세 시간"), a word that only begins with 시 ("한 시스템", "두 시즌"), a number word ending
 * another word ("대한 시").
 */
final class NativeClock {
    /** What may follow 시 of a clock time in one word: particles and the words of a range ("시부터", "시까지", "시쯤"). */
    private static final String PARTICLES = "에엔부까쯤경께의은는이와과랑을정반";

    private NativeClock() {}

    /**
     * Puts H (and M) into the fields of a match whose hour was written as a native number word; false when the words
     * are no clock time (the caller drops the match).
     *
     * @param hourAt where the hour word starts in text; end where the match ends
     */
    static boolean read(String text, int hourAt, int end, Map<String, String> fields, Map<String, Double> numberWords) {
        Double hour = numberWords.get(fields.get("kh"));
        if (hour == null || hour < 1 || hour > 12) {
            return false;
        }
        if (hourAt > 0 && hangul(text.charAt(hourAt - 1)) && !fields.containsKey("ap")) {
            return false; // "대한 시": the number word ends another word
        }
        if (end < text.length() && hangul(text.charAt(end)) && PARTICLES.indexOf(text.charAt(end)) < 0) {
            return false; // "세 시간", "한 시스템": 시 begins another word
        }
        fields.putIfAbsent("H", String.valueOf(hour.intValue()));
        String minutes = fields.get("kmin");
        if (minutes != null) {
            int m = TimeExpressions.koreanNumber(minutes);
            if (m <= 0 || m > 59) {
                return false;
            }
            fields.putIfAbsent("M", String.valueOf(m));
        }
        return true;
    }

    private static boolean hangul(char c) {
        return c >= '\uac00' && c <= '\ud7a3';
    }
}
