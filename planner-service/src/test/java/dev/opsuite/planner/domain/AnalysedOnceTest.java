package dev.opsuite.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.planner.domain.understand.Analyses;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A question is analysed once: its understanding reuses what screening it for commands analysed. */
class AnalysedOnceTest {
    private static AssetBundle assets;
    private final RulesPlanner planner = new RulesPlanner();
    private final OffsetDateTime now = OffsetDateTime.parse("2026-11-25T21:30:00+09:00");
    private final ZoneId zone = ZoneId.of("Asia/Seoul");

    @BeforeAll
    static void load() throws Exception {
        assets = DefaultAssets.load();
    }

    @Test
    void understandingAnalysesNoTextTheScreenAlreadyAnalysed() {
        for (String q : new String[] {"지난 24시간 서버A의 CPU 평균은?", "서버A의 CPU 사용량은?",
                "What is the CPU usage of srv-seoul-03?"}) {
            RulesPlanner.Screened screened = planner.screen(q, assets);
            int screening = screened.analyses().tokenizations();
            int asked = screened.analyses().asked();
            assertTrue(screening >= 1, q);
            PlanDecision d = planner.plan(q, assets, now, zone, null, screened);
            assertEquals("plan", d.kind(), q);
            assertTrue(screened.analyses().asked() > asked, "understanding analyses through the question's analyses: " + q);
            // the screen read the resolved question (and the raw one when it differs); understanding reads the
            // resolved one again, unchanged here: no second analysis of it
            assertEquals(screening, screened.analyses().tokenizations(), q);
        }
    }

    @Test
    void theSharedAnalysisPlansExactlyAsAFreshOne() {
        for (String q : new String[] {"지난 24시간 서버A의 CPU 평균은?", "서버A의 CPU 사용량은?",
                "What is the CPU usage of srv-seoul-03?", "paymentservice의 에러율 추이", "서버A 재시작해줘",
                "delete all rows of cmdb_ci"}) {
            RulesPlanner.Screened shared = planner.screen(q, assets);
            RulesPlanner.Screened fresh = new RulesPlanner.Screened(shared.language(), shared.applied(), shared.reject());
            String a = ModelJson.MAPPER.valueToTree(planner.plan(q, assets, now, zone, null, shared)).toString();
            String b = ModelJson.MAPPER.valueToTree(planner.plan(q, assets, now, zone, null, fresh)).toString();
            assertEquals(b, a, q);
        }
    }

    @Test
    void aCommandIsStillRefusedThroughTheSharedAnalysis() {
        RulesPlanner.Screened screened = planner.screen("서버A 재시작해줘", assets);
        Optional<PlanDecision> reject = screened.reject();
        assertTrue(reject.isPresent());
        assertEquals("reject", reject.get().kind());
    }

    @Test
    void aTextIsTokenizedOncePerQuestion() {
        Analyses analyses = Analyses.ofOneQuestion();
        RouteRules routes = new RouteRules(assets.policy(), assets.prompt().rules());
        routes.reject("지난 24시간 서버a의 cpu 평균은 ?", "ko", analyses);
        routes.reject("지난 24시간 서버a의 cpu 평균은 ?", "ko", analyses);
        assertEquals(1, analyses.tokenizations());
        routes.reject("지난 24시간 서버a의 cpu 평균은?", "ko", analyses);
        assertEquals(2, analyses.tokenizations());
    }

    @Test
    void aFreshQuestionSharesNothing() {
        Analyses one = Analyses.ofOneQuestion();
        Analyses other = Analyses.ofOneQuestion();
        RouteRules routes = new RouteRules(assets.policy(), assets.prompt().rules());
        routes.reject("서버a의 cpu 사용량은 ?", "ko", one);
        routes.reject("서버a의 cpu 사용량은 ?", "ko", other);
        assertEquals(1, one.tokenizations());
        assertEquals(1, other.tokenizations());
    }
}
