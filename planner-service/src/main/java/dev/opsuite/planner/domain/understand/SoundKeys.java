package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Consonant skeletons that let an English name written in Hangul ("택스 디비 박스", "호스트 일레븐", "엠에이지")
 * meet the name it spells ("Tax DB Box", "Host Eleven", "MAG"). Both sides keep only their consonants, in
 * classes Korean loanword spelling does not tell apart (b/v, p/f, k/g/c/q, t/d, s/sh/th, j/ch/z, l/r); an
 * English "r" that no vowel follows is silent, as Korean spelling has it ("search" → 서치); a word in capitals
 * of up to five letters, or one with no vowel, is also read letter by letter as Korean spells letters
 * ("DB" → 디비, "MAG" → 엠에이지). The key of a whole name is its words' keys joined with a word mark, each
 * collapsed on its own (so "auth db" is not "시티 웹"); a name written glued in Hangul ("호스트일레븐") is not met.
 */
final class SoundKeys {
    /** The Korean names of the Latin letters, as consonant classes (A → 에이: none, W → 더블유). */
    private static final String[] LETTERS = {"", "B", "S", "T", "", "P", "J", "J", "", "J", "K", "L", "M", "N", "",
            "P", "K", "L", "S", "T", "", "B", "TBL", "KS", "", "J"};
    /** Korean initial consonants (in Unicode order) as classes; ㅇ has no sound first. */
    private static final String[] INITIAL = {"K", "K", "N", "T", "T", "L", "M", "B", "B", "S", "S", "", "J", "J", "J",
            "K", "T", "P", "H"};
    /** Korean final consonants (in Unicode order, none first) as classes; ㅇ is "ng", ㅅ a stopped t. */
    private static final String[] FINAL = {"", "K", "K", "K", "N", "N", "N", "T", "L", "L", "L", "L", "L", "L", "L",
            "L", "M", "B", "B", "T", "T", "NG", "T", "T", "K", "T", "P", "T"};
    /** A word said alone must sound as at least this many consonants ("세틀먼트", not "불량" for "billing"). */
    static final int MIN_ALONE = 4;
    /** The Korean names of the Latin letters, longest first: a word made only of them spells an acronym. */
    private static final java.util.List<String> LETTER_NAMES = java.util.List.of("더블유", "에이치", "에이", "에프", "에스",
            "케이", "제이", "아이", "브이", "엑스", "와이", "제트", "비", "씨", "디", "이", "지", "엘", "엠", "엔", "오",
            "피", "큐", "알", "티", "유");

    private SoundKeys() {}

    /**
     * The keys of a name written in Latin letters (several when a word may be an acronym or a word), or none
     * when it is no such name (Hangul in it, or too short a key).
     */
    static Set<String> ofLatin(String name) {
        String spelt = name.replace("+", " plus ").replace("#", " sharp ").replace("&", " and ");
        if (Folding.hasHangul(spelt)) {
            return Set.of();
        }
        List<String> prefixes = new ArrayList<>(List.of(""));
        for (String word : spelt.split("[^A-Za-z]+")) {
            if (word.isEmpty()) {
                continue;
            }
            Set<String> readings = new LinkedHashSet<>();
            boolean capitals = word.length() <= 5 && word.chars().allMatch(Character::isUpperCase);
            boolean noVowel = word.toLowerCase(Locale.ROOT).chars().noneMatch(c -> "aeiouy".indexOf(c) >= 0);
            if (!noVowel) {
                String said = collapse(word(word.toLowerCase(Locale.ROOT)));
                readings.add(said); // "RRS" is no word to say
                readings.add(collapse(word(word.toLowerCase(Locale.ROOT), true))); // "engine": 엔진 beside 엔긴
                if (said.endsWith("NT") && word.toLowerCase(Locale.ROOT).endsWith("nt")) {
                    readings.add(said.substring(0, said.length() - 1) + "J"); // "content": 콘텐츠 beside 콘텐트
                }
            }
            if (capitals || noVowel) {
                readings.add(collapse(letters(word.toLowerCase(Locale.ROOT))));
            }
            List<String> next = new ArrayList<>();
            for (String p : prefixes) {
                for (String r : readings) {
                    next.add(p.isEmpty() ? r : p + "|" + r); // words stay apart: "auth db" is not "city web"
                }
            }
            prefixes = next.size() > 16 ? next.subList(0, 16) : next; // bounded: few acronyms in one name
        }
        Set<String> out = new LinkedHashSet<>();
        prefixes.stream().filter(k -> units(k) >= 2).forEach(out::add);
        return out;
    }

    /**
     * The keys of written words in a row, each word on its own — in Hangul by its sound, in Latin letters as a word
     * or its letters — joined with the word mark ("로그인 VM" → LKN|BM); none when a word has neither.
     */
    static Set<String> ofWords(List<String> words) {
        List<String> keys = new ArrayList<>(List.of(""));
        for (String w : words) {
            Set<String> parts = Folding.hasHangul(w) ? Set.of(ofHangul(w))
                    : w.matches("[A-Za-z]+") ? ofLatinWord(w) : Set.of();
            List<String> next = new ArrayList<>();
            for (String k : keys) {
                parts.stream().filter(p -> !p.isEmpty()).forEach(p -> next.add(k.isEmpty() ? p : k + "|" + p));
            }
            keys = next.size() > 16 ? next.subList(0, 16) : next;
        }
        return new LinkedHashSet<>(keys);
    }

    /** The key of Hangul words (other characters are left out): 택스 디비 박스 → TKSTBBKS. */
    static String ofHangul(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0xAC00 || c > 0xD7A3) {
                continue;
            }
            int s = c - 0xAC00;
            b.append(INITIAL[s / (21 * 28)]).append(FINAL[s % 28]);
        }
        return collapse(b.toString());
    }

    /** How many consonants a key sounds ("NG" is one). */
    static int units(String key) {
        return key.replace("NG", "G").replace("|", "").length();
    }

    /** Whether a Hangul word only spells Latin letters by their Korean names ("엠에이지", "씨씨티비", "알알에스"). */
    static boolean spelledLetters(String word) {
        if (word.isEmpty() || word.length() > 40) {
            return false; // no acronym is that long
        }
        // spelt[i]: the first i characters are letter names (linear, however the names overlap)
        boolean[] spelt = new boolean[word.length() + 1];
        spelt[0] = true;
        for (int i = 0; i < word.length(); i++) {
            if (!spelt[i]) {
                continue;
            }
            for (String name : LETTER_NAMES) {
                if (word.startsWith(name, i)) {
                    spelt[i + name.length()] = true;
                }
            }
        }
        return spelt[word.length()];
    }

    /** The keys of a Latin word written in a Hangul run ("택스 db 박스" after the Resolver's 디비 → db). */
    static Set<String> ofLatinWord(String word) {
        Set<String> out = new LinkedHashSet<>();
        if (word.toLowerCase(Locale.ROOT).chars().anyMatch(c -> "aeiouy".indexOf(c) >= 0)) {
            out.add(collapse(word(word.toLowerCase(Locale.ROOT))));
            out.add(collapse(word(word.toLowerCase(Locale.ROOT), true)));
        }
        if (word.length() <= 5) {
            out.add(collapse(letters(word.toLowerCase(Locale.ROOT))));
        }
        return out;
    }

    private static String letters(String word) {
        StringBuilder b = new StringBuilder();
        for (char c : word.toCharArray()) {
            b.append(LETTERS[c - 'a']);
        }
        return b.toString();
    }

    /** One English word read as written: "tax" → TKS, "eleven" → LBN, "search" → SJ, "queue" → K. */
    static String word(String w) {
        return word(w, false);
    }

    /**
     * @param softG a g before e, i or y said as in "engine", "manager", "storage" (엔진, 매니저, 스토리지) — a second
     *              reading beside the hard one ("gigabit" 기가비트), since spelling does not tell them apart
     */
    static String word(String w, boolean softG) {
        return word(w, softG, false);
    }

    /**
     * The keys of a place's own word, not an English one, as Korean spells such names: its r said before a
     * consonant too ("Hamburg" 함부르크, beside the English silent r of "search" 서치), and a last t or d after
     * another consonant left unsaid as the place's own tongue does ("Svalbard" 스발바르), beside its English keys.
     */
    static Set<String> ofPlaceWord(String word) {
        Set<String> out = new LinkedHashSet<>(ofLatinWord(word));
        if (word.toLowerCase(Locale.ROOT).chars().anyMatch(c -> "aeiouy".indexOf(c) >= 0)) {
            String said = collapse(word(word.toLowerCase(Locale.ROOT), false, true));
            out.add(said);
            String lastUnsaid = said.isEmpty() ? "" : said.substring(0, said.length() - 1);
            if (said.endsWith("T") && units(lastUnsaid) >= 4 && !lastUnsaid.endsWith("NG")
                    && "BKLMNPSJ".indexOf(lastUnsaid.charAt(lastUnsaid.length() - 1)) >= 0) {
                out.add(lastUnsaid);
            }
        }
        return out;
    }

    private static String word(String w, boolean softG, boolean rSaid) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            char next = i + 1 < w.length() ? w.charAt(i + 1) : ' ';
            switch (c) {
                case 'c' -> {
                    if (next == 'h') {
                        b.append('J');
                        i++;
                    } else if (next == 'k') {
                        b.append('K');
                        i++;
                    } else {
                        b.append(next == 'e' || next == 'i' || next == 'y' ? 'S' : 'K');
                    }
                }
                case 's' -> {
                    b.append('S');
                    if (next == 'h') {
                        i++;
                    }
                }
                case 't' -> {
                    if (next == 'h') {
                        b.append('S');
                        i++;
                    } else {
                        b.append('T');
                    }
                }
                case 'p' -> {
                    b.append('P');
                    if (next == 'h') {
                        i++;
                    }
                }
                case 'n' -> {
                    boolean soft = softG && next == 'g' && i + 2 < w.length() && "eiy".indexOf(w.charAt(i + 2)) >= 0;
                    if (next == 'g' && !soft) {
                        b.append("NG");
                        i++;
                    } else {
                        b.append(next == 'k' || next == 'c' || next == 'q' ? "NG" : "N"); // "bank" is 뱅크
                    }
                }
                case 'q' -> {
                    b.append('K');
                    if (next == 'u') {
                        i++;
                    }
                }
                case 'r' -> {
                    if (rSaid || "aeiouy".indexOf(next) >= 0) {
                        b.append('L'); // a silent r otherwise: "search" is 서치, "portal" 포털
                    }
                }
                case 'h' -> {
                    if (i == 0) {
                        b.append('H');
                    }
                }
                case 'x' -> b.append("KS");
                case 'b', 'v' -> b.append('B');
                case 'f' -> b.append('P');
                case 'g' -> b.append(softG && (next == 'e' || next == 'i' || next == 'y') ? 'J' : 'K');
                case 'k' -> b.append('K');
                case 'd' -> b.append('T');
                case 'j', 'z' -> b.append('J');
                case 'l' -> b.append('L');
                case 'm' -> b.append('M');
                default -> { } // vowels, w, y
            }
        }
        return b.toString();
    }

    /** Letters said twice in a row are one sound ("settlement" → STLMNT, 일레븐 → LBN). */
    private static String collapse(String key) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            if (i == 0 || key.charAt(i) != key.charAt(i - 1)) {
                b.append(key.charAt(i));
            }
        }
        return b.toString();
    }
}
