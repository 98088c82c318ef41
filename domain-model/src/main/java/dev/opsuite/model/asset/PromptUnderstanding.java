package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A Prompt's {@code rules.understanding}: how much of a question must be understood, the texts the
 * rules planner asks back with, and the words that decide what a phrase names.
 *
 * @param clarifyAbove          share of the words left unexplained above which the rules planner asks back
 * @param llmAbove              under {@code rules_first}: share unexplained above which the LLM is asked
 * @param unreadableTime        asked back when a time cannot be read ({@code {problems}})
 * @param clarify               asked back when too much is unexplained ({@code {words}}, {@code {reading}})
 * @param notUnderstood         said of what this version does not read
 * @param relationIntents       intent groups about a CI's relations (with one, a type and a place name one CI)
 * @param definiteWords         words making a phrase definite ("the", "그")
 * @param definiteMaxCandidates a definite phrase names a CI only when at most this many CIs fit it
 * @param questionWords         question words the list group also holds that ask for no list ("which")
 * @param placeFields           {@code entity.field} names holding places
 * @param valueUnits            units after a bare count word ("%", "ms")
 * @param valueWords            value words before a bare count word ("지금")
 * @param bareCountWords        count words that may ask for a value ("몇")
 * @param whenWords             words asking when ("언제"; {@code ^…} is a pattern)
 * @param wholeWords            words made of two shorter known ones, never split ("update")
 * @param counters              Korean counters after a number that make it a count ("개", "대", "행")
 * @param corrections           patterns of words by which a writer takes back what they just wrote ("no wait", "말고")
 * @param typeDoubts            patterns of words by which a writer says they do not know which of the types they
 *                              name is meant ("no idea if", "인지 모르")
 * @param placeOneWords         words right after a place that make it one CI there ("the Sydney one", "부산 쪽")
 * @param nameWordEquivalents   per word said beside a name, its other spellings as whole words of CI names and codes
 *                              ("korean" → kr, korea, 한국): beside a name several CIs share, it names those that have one
 * @param stateInclusions       patterns around a state word ({@code @state}) by which the writer includes the CIs in
 *                              that state rather than asking for them alone ("꺼져 있는 것도 포함해서", "including stopped")
 * @param allWell               patterns around a state word ({@code @state}) by which the writer asks whether every
 *                              CI is in that state ("다 정상이야?", "is everything running?"): the ones that are not
 *                              answer it
 * @param anySampleWords        words asking about any one sample of a range ("ever", "at any point", "한 번이라도",
 *                              "적 있"): beside a threshold, its maximum when above and its minimum when below
 * @param durationWords         patterns asking how long ("how long", "몇 시간 동안", "시간이 얼마나"): beside a threshold
 *                              on a measure named, the samples over it, counted with the time they cover
 * @param measureMovement       patterns of a measure moving ("내려가", "went down"): right after a measure named, the
 *                              measure going down (beside a threshold, the samples past it; alone, its course), not an
 *                              outage
 * @param freeShare             patterns of a free, available or remaining share ("free", "여유", "남은"): beside a
 *                              threshold in percent on a measure kept as a share used (unit %), the rest of it — under
 *                              10 % free is over 90 % used
 * @param latestEventWords      words asking for the latest event of a kind ("last", "최근"): beside a word asking when
 *                              and no time named, the one latest such event, looked for as far back as
 *                              {@code rules.defaults.anchor_range}
 * @param typeWordAlso          per CI type a type word names, the other CI types people also call by that word
 *                              ("service" → app): right after a CI's name it is that CI's own word, no filter
 */
public record PromptUnderstanding(double clarifyAbove, double llmAbove, Text unreadableTime, Text clarify,
                                  Text notUnderstood, List<String> relationIntents, List<String> definiteWords,
                                  int definiteMaxCandidates, List<String> questionWords, List<String> placeFields,
                                  List<String> valueUnits, List<String> valueWords, List<String> bareCountWords,
                                  List<String> whenWords, List<String> wholeWords, List<String> counters,
                                  List<String> corrections, List<String> typeDoubts,
                                  List<String> placeOneWords, Map<String, List<String>> nameWordEquivalents,
                                  List<String> stateInclusions, Map<String, List<String>> typeWordAlso,
                                  List<String> allWell, List<String> anySampleWords, List<String> durationWords,
                                  List<String> measureMovement, List<String> freeShare,
                                  List<String> latestEventWords) {
    public static final double DEFAULT_CLARIFY_ABOVE = 0.5;
    public static final double DEFAULT_LLM_ABOVE = 1.0;
    public static final int DEFAULT_DEFINITE_MAX_CANDIDATES = 8;

    public PromptUnderstanding {
        relationIntents = List.copyOf(relationIntents);
        definiteWords = List.copyOf(definiteWords);
        questionWords = List.copyOf(questionWords);
        placeFields = List.copyOf(placeFields);
        valueUnits = List.copyOf(valueUnits);
        valueWords = List.copyOf(valueWords);
        bareCountWords = List.copyOf(bareCountWords);
        whenWords = List.copyOf(whenWords);
        wholeWords = List.copyOf(wholeWords);
        counters = List.copyOf(counters);
        corrections = List.copyOf(corrections);
        typeDoubts = List.copyOf(typeDoubts);
        placeOneWords = List.copyOf(placeOneWords);
        nameWordEquivalents = Map.copyOf(nameWordEquivalents);
        stateInclusions = List.copyOf(stateInclusions);
        typeWordAlso = Map.copyOf(typeWordAlso);
        allWell = List.copyOf(allWell);
        anySampleWords = List.copyOf(anySampleWords);
        durationWords = List.copyOf(durationWords);
        measureMovement = List.copyOf(measureMovement);
        freeShare = List.copyOf(freeShare);
        latestEventWords = List.copyOf(latestEventWords);
    }

    /** Whether a type word naming {@code named} may call a CI of type {@code own} ("the X service" for an app). */
    public boolean typeWordNames(String named, String own) {
        return named.equals(own) || typeWordAlso.getOrDefault(named, List.of()).contains(own);
    }

    /** Whether the text starts with a counter ("개 중", "행"): the number before it is a count. */
    public boolean startsWithCounter(String text) {
        String t = text.stripLeading();
        return counters.stream().anyMatch(c -> !c.isEmpty() && t.startsWith(c));
    }

    static PromptUnderstanding from(JsonNode u) {
        JsonNode m = u.path("messages");
        return new PromptUnderstanding(Read.number(u.path("clarify_above"), DEFAULT_CLARIFY_ABOVE),
                Read.number(u.path("llm_above"), DEFAULT_LLM_ABOVE), Text.from(m.path("unreadable_time")),
                Text.from(m.path("clarify")), Text.from(m.path("not_understood")),
                Read.strings(u.path("relation_intents")), Read.strings(u.path("definite_words")),
                Read.integer(u.path("definite_max_candidates"), DEFAULT_DEFINITE_MAX_CANDIDATES),
                Read.strings(u.path("question_words")), Read.strings(u.path("place_fields")),
                Read.strings(u.path("value_units")), Read.strings(u.path("value_words")),
                Read.strings(u.path("bare_count_words")), Read.strings(u.path("when_words")),
                Read.strings(u.path("whole_words")), Read.strings(u.path("counters")),
                Read.strings(u.path("corrections")), Read.strings(u.path("type_doubts")),
                Read.strings(u.path("place_one_words")), Read.stringLists(u.path("name_word_equivalents")),
                Read.strings(u.path("state_inclusions")), Read.stringLists(u.path("type_word_also")),
                Read.strings(u.path("all_well")), Read.strings(u.path("any_sample_words")),
                Read.strings(u.path("duration_words")), Read.strings(u.path("measure_movement")),
                Read.strings(u.path("free_share")), Read.strings(u.path("latest_event_words")));
    }
}
