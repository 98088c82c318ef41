package dev.opsuite.planner.domain.understand;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "런던 빼고 서버 몇 대", "status of everything in LA": a word that several CIs' names or aliases share ("런던 워커 1",
 * "la-lb") and that spells the one place all of those CIs stand at, but only weakly — a Hangul spelling of one of the
 * place's Latin words, too short to be trusted by its sound alone ("런던" → London of "London DC", see
 * {@link SoundKeys}; a place's own word keeps its r, "스발바르" → Svalbard, see {@link SoundKeys#ofPlaceWord}), or two
 * or three letters that are the initials of the place's words in a row ("la" → Los Angeles
 * of "GCP Los Angeles") — names the place, not one of the CIs to ask between. Both hints are needed, the spelling and
 * every CI with the word being at that place: a word some CIs elsewhere also carry stays a name.
 */
final class PlaceByItsCis {
    /** A Hangul word spells a Latin word of the place by its sound when it sounds at least this many consonants. */
    private static final int MIN_SOUND_UNITS = 3;

    private PlaceByItsCis() {}

    static Optional<Word> of(String compact, List<EntityDictionary.Entity> cis, EntityDictionary dictionary,
            List<String> placeFields) {
        if (cis.size() < 2) {
            return Optional.empty();
        }
        for (String field : placeFields) {
            Set<String> seen = new HashSet<>();
            cis.forEach(e -> seen.add(e.fields().getOrDefault(field, "")));
            if (seen.size() != 1 || seen.contains("")) {
                continue;
            }
            String place = seen.iterator().next();
            for (Map.Entry<Word, List<String>> v : dictionary.valueWordLists().entrySet()) {
                if (v.getKey().group().equals(field) && v.getKey().value().equals(place) && spells(compact, v.getValue())) {
                    return Optional.of(v.getKey());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean spells(String compact, List<String> placeWords) {
        if (compact.length() >= 2 && compact.chars().allMatch(c -> Folding.isHangul((char) c))) {
            String key = SoundKeys.ofHangul(compact);
            return SoundKeys.units(key) >= MIN_SOUND_UNITS && placeWords.stream()
                    .anyMatch(w -> w.length() >= 3 && w.matches("[a-z]+") && SoundKeys.ofPlaceWord(w).contains(key));
        }
        if (!compact.matches("[a-z]{2,3}")) {
            return false;
        }
        for (int j = 0; j + compact.length() <= placeWords.size(); j++) {
            boolean initials = true;
            for (int i = 0; i < compact.length() && initials; i++) {
                String w = placeWords.get(j + i);
                initials = w.length() >= 2 && w.matches("[a-z]+") && w.charAt(0) == compact.charAt(i);
            }
            if (initials) {
                return true;
            }
        }
        return false;
    }
}
