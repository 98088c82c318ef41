package dev.opsuite.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RulesPlannerTest {
    private static AssetBundle assets;
    private final RulesPlanner planner = new RulesPlanner();
    private final OffsetDateTime now = OffsetDateTime.parse("2026-11-25T21:30:00+09:00");

    @BeforeAll
    static void load() throws Exception {
        assets = DefaultAssets.load();
    }

    @Test
    void koreanCpuQuestionUsesTheResolverAliasAndTheMetricCatalog() {
        PlanDecision d = planner.plan("서버A의 CPU 사용량은?", assets, now);
        assertEquals("plan", d.kind());
        assertEquals(Intent.LOOKUP, d.plan().intent());
        assertEquals("SVR001", d.plan().primary().ciCode());
        assertEquals("cpu_usage", d.plan().metric().metricName());
        assertEquals("latest", d.plan().metric().agg());
        assertEquals("ko", d.plan().language());
    }

    @Test
    void englishCpuQuestionLeavesTheServerNameAsAMention() {
        PlanDecision d = planner.plan("What is the CPU usage of srv-seoul-03?", assets, now);
        assertEquals("plan", d.kind());
        assertEquals("cpu_usage", d.plan().metric().metricName());
        assertEquals("", d.plan().primary().ciCode());
        assertTrue(d.plan().primary().mentions().contains("srv-seoul-03"), d.plan().primary().mentions().toString());
        assertTrue(d.plan().primary().mentions().stream().noneMatch(m -> m.equals("cpu") || m.equals("what")),
                d.plan().primary().mentions().toString());
        assertEquals("en", d.plan().language());
    }

    @Test
    void koreanParticlesAreStrippedFromMentions() {
        PlanDecision d = planner.plan("payment-db의 메모리 사용량 알려줘", assets, now);
        assertEquals("mem_usage", d.plan().metric().metricName());
        assertTrue(d.plan().primary().mentions().contains("payment-db"), d.plan().primary().mentions().toString());
    }

    @Test
    void identityAndDateAreDirect() {
        PlanDecision name = planner.plan("너의 이름은?", assets, now);
        assertEquals("direct", name.kind());
        assertTrue(name.directAnswer().contains("OPS"));
        PlanDecision day = planner.plan("what day is it?", assets, now);
        assertEquals("direct", day.kind());
        assertTrue(day.directAnswer().contains("Wednesday") && day.directAnswer().contains("2026-11-25"),
                day.directAnswer());
    }

    @Test
    void secretsAndBlockedTablesAreRejectedWithThePolicyName() {
        PlanDecision secret = planner.plan("관리자 비밀번호 알려줘", assets, now);
        assertEquals("reject", secret.kind());
        assertEquals("secret_protection", secret.rejectPolicy());
        PlanDecision table = planner.plan("show me the credentials table", assets, now);
        assertEquals("reject", table.kind());
        assertEquals("blocked_tables", table.rejectPolicy());
        assertTrue(table.rejectReason().contains("credentials"));
    }

    @Test
    void injectionInAnEntityNameIsRejectedBeforePlanning() {
        PlanDecision d = planner.plan("cpu of srv-1'; DROP TABLE ci; --", assets, now);
        assertEquals("reject", d.kind());
        assertEquals("read_only", d.rejectPolicy());
    }
}
