package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * "11월 20일 캐시 충전 결제 실패 장애 전에 바뀐 것": the incident named by the words of its title anchors the
 * answer when the CI the words partly fit had none over the range.
 */
class AnchorTitlesTest {
    private final AssetBundle assets = new AssetBundle(DefaultAssets.docs());
    private static final List<Object> PAY = List.of("ms/pay-gw", "Payment Gateway", "2026-11-20T11:05Z", "캐시 충전 결제 실패");
    private static final List<Object> CHAT = List.of("ms/chat-hub", "chat.hub", "2026-11-20T03:00Z", "채팅 메시지 지연");

    private static PlanModel changesBefore(String ciCode, String question) {
        PlanModel.History h = new PlanModel.History(true, List.of("deploy", "change"), List.of(), "day:2026-11-20",
                "2026-11-20T00:00+09:00", "2026-11-21T00:00+09:00", 0, true, "incident", 24, "");
        return new PlanModel(Intent.LIST, View.SUMMARY, new PlanModel.Primary("ci", ciCode, List.of(), List.of(),
                List.of(), 0, 0, List.of(), List.of(), "Cash Shop"), null, null, null, h, null, "ko", List.of(),
                List.of(), question, List.of("충전", "수행", "결제"), null, List.of());
    }

    private ExecutionResult run(PlanModel plan, List<List<Object>> incidents) {
        PlanExecutorTest.FakePort sql = new PlanExecutorTest.FakePort(assets)
                .rows("anchor_titles", AnchorCandidatesTest.TITLE_COLUMNS, incidents)
                .rows("events_before_incident", AnchorCandidatesTest.EVENT_COLUMNS, List.of());
        ExecutionResult r = new PlanExecutor(sql, new PlanExecutorTest.FakePort(assets))
                .execute(plan, List.of("events_before_incident"), assets);
        assertEquals(List.of("anchor_titles", "events_before_incident"), sql.queriesRun());
        return r;
    }

    @Test
    void theIncidentWhoseTitleTheQuestionNamesIsTheAnchorAndTheAnswerSaysSo() {
        ExecutionResult r = run(changesBefore("Biz.Store", "11월 20일 캐시 충전 결제 실패 장애 발생 이전 수행된 배포 및 변경 작업"),
                List.of(CHAT, PAY));
        assertEquals("ms/pay-gw", r.resolvedPlan().primary().ciCode());
        assertEquals("Payment Gateway", r.resolvedPlan().primary().ciName());
        assertEquals("2026-11-20T11:05:01Z", r.resolvedPlan().history().timeTo()); // its CI's last one is this one
        assertEquals(List.of("titled:캐시 충전 결제 실패"), r.resolvedPlan().adjustments());
        assertEquals(List.of("수행"), r.resolvedPlan().unexplained()); // the title's words named the incident
        String answer = new dev.opsuite.executor.compose.AnswerComposer().compose(r.resolvedPlan(), r.outputs(), assets)
                .answer();
        assertTrue(answer.startsWith("질문의 단어가 제목에 있는 장애를 기준으로 했습니다: Payment Gateway(ms/pay-gw)의 '캐시 충전 결제 실패'."),
                answer);
    }

    @Test
    void theCiNamedKeepsItsOwnIncidentAndOneSharedWordIsNotEnough() {
        PlanModel own = changesBefore("ms/chat-hub", "11월 20일 캐시 충전 결제 실패 장애 전 변경");
        assertEquals("ms/chat-hub", run(own, List.of(CHAT, PAY)).resolvedPlan().primary().ciCode());
        PlanModel weak = changesBefore("Biz.Store", "11월 20일 결제 장애 전 변경");
        ExecutionResult r = run(weak, List.of(CHAT, PAY));
        assertEquals("Biz.Store", r.resolvedPlan().primary().ciCode());
        assertTrue(r.resolvedPlan().adjustments().isEmpty());
    }

    @Test
    void wordsAreLettersApartFromDigits() {
        assertEquals(Set.of("시즌", "패치", "다운로드", "실패"), AnchorTitles.words("시즌7 패치 다운로드 실패 (7)"));
    }
}
