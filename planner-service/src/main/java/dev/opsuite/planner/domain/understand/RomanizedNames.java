package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names and aliases written in Hangul by their romanized form: "납부 연계" is said "napbu yeongye" or "nabbu-yeongye"
 * by a writer who reads Korean names in Latin letters. The key is the name's words romanized ({@link Romanized}; ICU
 * writes each letter as it is, "납부" → nabbu) and its Latin words as written, compact, with the romanization's
 * voiced and voiceless spellings of one Korean consonant made one (k/g, p/b, t/d, r/l: "jakseong" and ICU's
 * "jagseong" of 작성 meet). A key of seven letters or more is also met within one edit ("gwalli" / "gwanli" of 관리,
 * an assimilation the writer spelt), among keys one letter shorter or longer; with more than
 * {@link #MAX_FUZZY_SCAN} keys only exact keys are looked up.
 */
final class RomanizedNames {
    static final int MIN_KEY = 5;
    private static final int MIN_FUZZY_KEY = 7;
    private static final int MAX_FUZZY_SCAN = 4096;
    private final Map<String, List<EntityDictionary.Name>> byKey = new HashMap<>();
    /** The keys by their length, for the fuzzy look-up. */
    private final Map<Integer, List<String>> keysByLength = new HashMap<>();

    RomanizedNames(List<EntityDictionary.Name> names) {
        for (EntityDictionary.Name n : names) {
            if (n.kind() == EntityDictionary.NameKind.CODE || !Folding.hasHangul(n.surface())) {
                continue;
            }
            String key = keyOfName(n.surface());
            if (key.length() >= MIN_KEY) {
                List<EntityDictionary.Name> same = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                if (!same.contains(n)) {
                    same.add(n);
                }
            }
        }
        byKey.keySet().forEach(k -> keysByLength.computeIfAbsent(k.length(), l -> new ArrayList<>()).add(k));
    }

    /** The names whose romanized key the Latin words said meet (exactly, else within one edit), or none. */
    List<EntityDictionary.Name> find(List<String> latinWords) {
        String key = normal(String.join("", latinWords));
        if (key.length() < MIN_KEY) {
            return List.of();
        }
        List<EntityDictionary.Name> exact = byKey.get(key);
        if (exact != null || key.length() < MIN_FUZZY_KEY || byKey.size() > MAX_FUZZY_SCAN) {
            return exact == null ? List.of() : exact;
        }
        List<EntityDictionary.Name> near = new ArrayList<>();
        for (int length = key.length() - 1; length <= key.length() + 1; length++) {
            for (String k : keysByLength.getOrDefault(length, List.of())) {
                if (Edits.distance(k, key) <= 1) {
                    byKey.get(k).stream().filter(n -> !near.contains(n)).forEach(near::add);
                }
            }
        }
        return near;
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** "" when a word is neither all Hangul nor Latin letters and digits. */
    static String keyOfName(String surface) {
        StringBuilder key = new StringBuilder();
        for (String w : surface.strip().split("\\s+")) {
            String r = Romanized.of(w);
            if (r.isEmpty()) {
                if (!w.matches("[A-Za-z0-9._()\\-]+")) {
                    return "";
                }
                r = w;
            }
            key.append(r);
        }
        return normal(key.toString());
    }

    private static String normal(String s) {
        String letters = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return letters.replace('k', 'g').replace('p', 'b').replace('t', 'd').replace('r', 'l');
    }
}
