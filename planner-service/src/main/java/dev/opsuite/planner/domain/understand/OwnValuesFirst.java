package dev.opsuite.planner.domain.understand;

import java.util.List;
import java.util.Locale;

/**
 * A field value said in the question that folds to a value of the operator's own CIs and to one only the
 * demo's CIs hold ("Data Team" beside the demo's "data-team", "Platform Ops" beside "platform-ops"): the
 * operator's own, as a partial name is (the demo only when nothing else). The demo's value stays when the
 * question spells it exactly and none of the operator's ("how many CIs does data-team own") — an exact
 * spelling beats a folded one, and a demo value named exactly is never dropped.
 */
final class OwnValuesFirst {
    private OwnValuesFirst() {}

    /**
     * Values a word only partly spells ("busan" of the operator's "Busan Claims Center" and of the demo's
     * "dc2-busan"): the operator's own when they hold one, as a partial name is; the demo's only when nothing else.
     */
    static List<Word> partial(List<Word> values, EntityDictionary dictionary) {
        List<Word> own = values.stream().filter(w -> w.kind() != Word.Kind.VALUE
                || dictionary.ownValue(w.group() + "=" + w.value())).toList();
        return own.isEmpty() || own.size() == values.size() ? values : own;
    }

    static List<Word> of(List<Word> words, String surface, EntityDictionary dictionary) {
        List<Word> values = words.stream().filter(w -> w.kind() == Word.Kind.VALUE).toList();
        List<Word> own = values.stream().filter(w -> dictionary.ownValue(w.group() + "=" + w.value())).toList();
        if (own.isEmpty() || own.size() == values.size()) {
            return words;
        }
        String said = surface.strip().toLowerCase(Locale.ROOT);
        List<Word> spelt = values.stream().filter(w -> w.value().toLowerCase(Locale.ROOT).equals(said)).toList();
        List<Word> kept = spelt.isEmpty() || spelt.stream().anyMatch(own::contains) ? own : spelt;
        return words.stream().filter(w -> w.kind() != Word.Kind.VALUE || kept.contains(w)).toList();
    }
}
