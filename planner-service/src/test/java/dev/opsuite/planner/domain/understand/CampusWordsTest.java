package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings met on a fifth estate (a university's campus IT, names with dots and Korean aliases): each
 * case failed before its fix, and each fix is a rule of reading, not a word of this estate.
 */
class CampusWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-03T09:40:00+09:00"); // a Thursday
    private static WordsEstate estate;

    @BeforeAll
    static void load() throws Exception {
        List<EntityDictionary.Entity> cis = List.of(
                ci("SV_7001", "HPC Head Node", "server"), ci("SV_7002", "gpu-node.a100", "server"),
                ci("vm_lib_01", "library.vm", "vm"), ci("vm_portal_01", "portal.vm", "vm"),
                ci("vm_stg_01", "staging.vm", "vm"),
                ci("DB_HAKSA_1", "학사 DB 주서버", "database"), ci("DB_HAKSA_2", "학사 DB 복제본", "database"),
                ci("NW_WIFI_01", "WLC-A bongwan", "network"), ci("NW_WIFI_02", "WLC-B 기숙사", "network"),
                ci("app_hpc_jupyter", "JupyterHub.research", "app"), ci("app_sso", "통합인증", "app"),
                ci("app_card", "출입통제 시스템", "app"), ci("srvc_yeongu", "Research Computing", "service"));
        estate = new WordsEstate(NOW, new EntityDictionary(9, cis,
                List.of(Map.entry(5, "학사 DB 메인"), Map.entry(6, "학사 DB 읽기전용"), Map.entry(7, "본관 무선 컨트롤러"),
                        Map.entry(8, "기숙사 무선 컨트롤러"), Map.entry(9, "notebook hub"), Map.entry(10, "single sign-on"),
                        Map.entry(12, "연구 전산")),
                List.of(Map.entry("ci.location", "jeongbo-center"), Map.entry("ci.location", "eng-hall-7"),
                        Map.entry("ci.owner", "research-computing"), Map.entry("ci.owner", "haksa-it"))));
    }

    private static EntityDictionary.Entity ci(String code, String name, String type) {
        return new EntityDictionary.Entity(code, name, type, false,
                Map.of("ci.status", "running", "ci.location", "jeongbo-center"));
    }

    @Test
    void aStopWordGluedToALatinTypeWordLeavesItTheType() {
        PlanModel p = estate.plan("돌고 있는 vm중 메모리 45% 미만인 거");
        assertEquals(Intent.LIST, p.intent(), p.toString());
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("ci_type") && f.values().contains("vm")),
                p.toString());
        assertTrue(p.primary().ciCodes().isEmpty(), p.toString());
    }

    @Test
    void toLogInIsNoEventLogAndAWholeDayWidensThePartOfIt() {
        PlanModel p = estate.plan("Nobody could log in on Friday evening — what was the highest error rate the single sign-on "
                + "reached over that whole day?");
        assertEquals(Intent.AGGREGATE, p.intent(), p.toString());
        assertEquals("max", p.metric().agg());
        assertEquals("2026-11-27T00:00+09:00", p.metric().timeFrom(), p.toString());
        assertEquals("2026-11-28T00:00+09:00", p.metric().timeTo());
        // without the whole-day words the evening is the range
        assertEquals("2026-12-02T18:00+09:00", estate.plan("통합인증 어제 저녁 에러율 최고치").metric().timeFrom());
        assertEquals("2026-11-27T00:00+09:00",
                estate.plan("금요일 저녁에 로그인이 안 됐는데 그날 하루 종일 통합인증 에러율 최고치는?").metric().timeFrom());
        // "login" as a word (a name's part: "the login outage") is not the verb
        assertFalse(estate.plan("what changed before the login outage of 통합인증").understanding().get("claims").toString()
                .contains("text=login, kind=stopword"));
    }

    @Test
    void anIfInAnotherClauseIsNoHypotheticalFailure() {
        PlanModel p = estate.plan("Sorry if this is basic — my notebooks keep failing, what's the error rate on "
                + "JupyterHub.research at the moment?");
        assertEquals("error_rate", p.metric().metricName(), p.toString());
        assertFalse(p.intent() == Intent.EXPAND, p.toString());
        assertEquals(Intent.EXPAND, estate.plan("what breaks if JupyterHub.research fails?").intent());
    }

    @Test
    void partialMentionsSideBySideWhoseCisMeetAreOneName() {
        PlanModel p = estate.plan("How has the GPU compute node's CPU load developed over this week?");
        assertEquals("SV_7002", p.primary().ciCode(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
        // two names that do not meet stay two
        assertEquals(List.of("SV_7001", "SV_7002"), estate.plan("compare the head node and the gpu node cpu").primary().ciCodes());
    }

    @Test
    void aSharedStatusIsNoValueOfNameMatesTheyAreAskedFor() {
        PlanModel p = estate.plan("무선 컨트롤러 상태 어때");
        assertTrue(p.primary().filters().isEmpty(), p.toString());
        String entities = p.understanding().get("entities").toString();
        assertTrue(entities.contains("NW_WIFI_01") && entities.contains("NW_WIFI_02"), p.toString());
    }

    @Test
    void aLongMisspeltIntentWordIsReadAShortOneIsNot() {
        PlanModel p = estate.plan("full dependncy list for the JupyterHub.research");
        assertEquals(Intent.EXPAND, p.intent(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
    }

    @Test
    void aSyllableCutFromInsideAKoreanWordIsNotAVocabularyWord() {
        PlanModel p = estate.plan("정보전산원에 DB 몇 개");
        assertFalse(p.understanding().get("claims").toString().contains("value=before"), p.toString());
        assertTrue(estate.plan("출입통제 시스템 배포전에 바뀐 거").understanding().get("claims").toString().contains("before"),
                "a particle after it keeps 전 its meaning");
    }

    @Test
    void theParticleAfterANameDecidesCallersEvenWhenTheAnalyserReadAnEnding() {
        PlanModel p = estate.plan("학사 DB 메인을 직접 호출하는 구성항목");
        assertEquals("DB_HAKSA_1", p.primary().ciCode());
        assertEquals("in", p.graph().direction(), p.toString());
        assertEquals("out", estate.plan("학사 DB 메인이 호출하는 것들").graph().direction());
    }

    @Test
    void aKoreanWordIsAlsoMatchedAsTheNamesWereCut() {
        PlanModel p = estate.plan("이번 주 학사 DB 주서버와 복제본의 평균 메모리 사용률을 비교하여 주십시오.");
        assertEquals(List.of("DB_HAKSA_1", "DB_HAKSA_2"), p.primary().ciCodes(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
    }

    @Test
    void whatMustBeAliveForACiToRunIsWhatItDependsOn() {
        PlanModel p = estate.plan("학사 DB 읽기전용 복제본이 돌아가려면 뭐가 다 살아 있어야 하는지 궁금합니다");
        assertEquals("out", p.graph().direction(), p.toString());
        assertTrue(p.graph().relationTypes().isEmpty(), "every relation, not only the hosting chain: " + p.graph());
    }

    @Test
    void aNameThatIsAlsoATeamBeforeAWordForOtherTypesIsTheTeam() {
        PlanModel p = estate.plan("Which research computing machines are running above 40% CPU right now?");
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("owner")
                && f.values().equals(List.of("research-computing"))), p.toString());
        assertEquals("", p.primary().ciCode(), p.toString());
        assertEquals("srvc_yeongu", estate.plan("Research Computing cpu now").primary().ciCode());
    }

    @Test
    void aKoreanWordStartingWithAPlacesRomanizedNameIsThatPlaceAndAWordCutShortNamesNothing() {
        PlanModel p = estate.plan("정보전산원 전산실에 DB가 몇 개나 있는지 알려주실 수 있을까요?");
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("location")
                && f.values().equals(List.of("jeongbo-center"))), p.toString());
        assertEquals("", p.primary().ciCode(), "전산 of 전산실 is not the alias 연구 전산: " + p);
        assertTrue(p.unexplained().contains("전산실"), "the room word is said as not understood: " + p.unexplained());
        assertEquals("srvc_yeongu", estate.plan("연구 전산 cpu 지금").primary().ciCode());
    }

    @Test
    void aMisspeltSecretWordIsStillRejectedAndAnEverydayNeighbourIsNot() {
        PlanDecision d = estate.decide("giv me the root pasword for vm_stg_01");
        assertEquals("reject", d.kind(), d.toString());
        assertEquals("secret_protection", d.rejectPolicy());
        assertEquals("reject", estate.decide("show the credentails of portal.vm").kind());
        PlanDecision passed = estate.decide("which checks passed on portal.vm yesterday");
        assertFalse("reject".equals(passed.kind()), passed.toString());
        assertNull(estate.decide("passport of portal.vm").rejectPolicy());
    }

    @Test
    void theEndsOfAPathAreTheNamesMarkedAsItsStartAndEndNotThoseOfTheSentenceBefore() {
        PlanModel p = estate.plan("통합인증이 학사 DB랑 엮여 있다던데, 본관 무선 컨트롤러에서 학사 DB 메인까지 어떤 경로로 이어지나요?");
        assertEquals(Intent.PATH, p.intent(), p.toString());
        assertEquals("NW_WIFI_01", p.primary().ciCode(), p.toString());
        assertEquals("DB_HAKSA_1", p.secondary().ciCode(), p.toString());
        assertTrue(p.unexplained().contains("통합인증"), "the name not used is said: " + p.unexplained());
        PlanModel en = estate.plan("the single sign-on and the head node are related, but what is the path from the notebook hub "
                + "to gpu-node.a100?");
        assertEquals("app_hpc_jupyter", en.primary().ciCode(), en.toString());
        assertEquals("SV_7002", en.secondary().ciCode(), en.toString());
        // one CI named twice: the better naming stands for it, in its place ("notebook hub까지" is the end)
        PlanModel twice = estate.plan("notebook이 느리던데, 학사 DB 메인에서 notebook hub까지 경로");
        assertEquals("DB_HAKSA_1", twice.primary().ciCode(), twice.toString());
        assertEquals("app_hpc_jupyter", twice.secondary().ciCode(), twice.toString());
        // unmarked, the order is the question's
        PlanModel plain = estate.plan("path between gpu-node.a100 and library.vm");
        assertEquals("SV_7002", plain.primary().ciCode(), plain.toString());
    }

    @Test
    void aKoreanWordBeforeAValueThatRomanizesToAWordOfItIsItsGloss() {
        PlanModel p = estate.plan("학사 쪽 haksa-it 이 맡고 있는 앱들이 어떤 건지 좀 정리해 주세요");
        assertEquals(Intent.LIST, p.intent(), p.toString());
        assertTrue(p.candidates().isEmpty(), "학사 is the team's gloss, not a partial name of the 학사 DBs: " + p);
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("owner") && f.values().equals(List.of("haksa-it"))),
                p.toString());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
        // a word that is no romanization of the value still names its CI
        assertEquals("app_sso", estate.plan("통합인증 haksa-it cpu").primary().ciCode());
    }
}
