package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An alias written with a Korean loanword beside a word in Latin letters ("로그인 VM", "스토리지 NAS") said in English
 * ("the login vm", "storage NAS"): the CI whose alias it is, met word by word — the Korean word by its sound, the
 * Latin word as written. A word that only sounds like part of it, or a Latin word the alias does not hold, is not it.
 */
class LatinSaidAliasWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        estate = new WordsEstate(OffsetDateTime.parse("2032-08-09T11:00:00+09:00"), new EntityDictionary(4,
                List.of(ci("ZQ-VM-1", "auth-node-a", "vm"), ci("ZQ-VM-2", "shop-node", "vm"),
                        ci("ZQ-ST-1", "arc-nas-01", "storage"), ci("ZQ-DB-1", "ord-db", "database"),
                        ci("ZQ-APP-1", "mobile.api.prod", "app"), ci("ZQ-APP-2", "mobile.api.uat", "app")),
                List.of(Map.entry(0, "로그인 VM"), Map.entry(1, "상점 VM"), Map.entry(2, "스토리지 NAS"),
                        Map.entry(3, "주문 DB"), Map.entry(4, "모바일 API")), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"what is the CPU of the login vm now?", "Login VM memory usage over the last hour",
        "show me events of the login vm yesterday"})
    void theLoginVm(String question) {
        PlanModel p = estate.plan(question);
        assertEquals("ZQ-VM-1", p.primary().ciCode(), question + ": " + p);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"disk usage of the storage NAS", "what happened to storage nas last week?"})
    void theStorageNas(String question) {
        PlanModel p = estate.plan(question);
        assertEquals("ZQ-ST-1", p.primary().ciCode(), question + ": " + p);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"what is the CPU of the logging vm now?", "login db status", "how many vms are there?"})
    void notTheAlias(String question) {
        PlanModel p = estate.plan(question);
        assertTrue(!"ZQ-VM-1".equals(p.primary().ciCode()) && !"ZQ-ST-1".equals(p.primary().ciCode()),
                question + ": " + p);
    }

    @org.junit.jupiter.api.Test
    void beside() {
        PlanModel p = estate.plan("Between the login vm and the shop-node, which one had more CPU in the past 24 hours?");
        List<String> named = new java.util.ArrayList<>(p.primary().ciCodes());
        named.add(p.primary().ciCode());
        named.add(p.secondary().ciCode());
        assertTrue(named.contains("ZQ-VM-1") && named.contains("ZQ-VM-2"), "both compared: " + p);
    }

    @org.junit.jupiter.api.Test
    void wordsOtherNamesHoldAsWrittenAreAskedBetween() {
        PlanModel p = estate.plan("lat on the mobile api");
        assertEquals(List.of("ZQ-APP-1", "ZQ-APP-2"), WordsEstate.candidates(p), p.toString());
    }
}
