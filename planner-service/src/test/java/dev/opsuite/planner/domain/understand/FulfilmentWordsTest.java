package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings met on a seventeenth estate (a retailer's fulfilment network in Korea, New Jersey, California and
 * Rotterdam) and its writers (English loanwords in Hangul, US ops chat with "ET", a Rotterdam engineer's dates): each
 * case failed before its fix, and each fix is a rule of reading, not a word of this estate. Asked on Saturday
 * 2038-11-27 at 02:30 in Seoul (US Black Friday noon in New Jersey).
 */
class FulfilmentWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2038-11-27T02:30:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("vmi/ewr-a", "Edison VM", "vm"),
                ci("deploy/eu-wms", "Magazijn WMS", "app"), ci("mysql://oms-icn1", "Order DB", "database"),
                ci("deploy/oms", "Order Hub", "app"), ci("RTM2.wan", "Rotterdam WAN", "network"),
                ci("vmi/cart-a", "Cart VM", "vm"), ci("deploy/label", "Label Service", "app"));
        List<Map.Entry<Integer, String>> aliases = List.of(Map.entry(0, "뉴저지 VM"), Map.entry(6, "송장 출력"));
        estate = new WordsEstate(NOW, new EntityDictionary(17, cis, aliases, List.of()));
    }

    @Test
    void theZoneOfTheDayAskedWhereverItIsSaid() {
        PlanModel remark = estate.plan("뉴저지 VM cpu 11월 6일 토요일 최고 몇 찍음? 뉴저지 현지 날짜 기준(EDT)");
        assertEquals("2038-11-06T00:00-04:00", remark.metric().timeFrom(), "a zone in a remark still reads the day: " + remark);
        PlanModel et = estate.plan("Lowest CPU on the Edison VM between 8 AM and noon ET on 11/26?");
        assertEquals("2038-11-26T08:00-05:00", et.metric().timeFrom(), "ET is US eastern time: " + et);
        PlanModel rotterdam = estate.plan("What happened with Magazijn WMS on 31-10-2038, Rotterdam date?");
        assertEquals("2038-10-31T00:00+02:00", rotterdam.history().timeFrom(), rotterdam.toString());
        PlanModel ourDay = estate.plan("Max latency of Magazijn WMS on 31-10-2038, our day in Rotterdam?");
        assertEquals("2038-11-01T00:00+01:00", ourDay.metric().timeTo(), "the 25-hour day of the clock change: " + ourDay);
        PlanModel local = estate.plan("Magazijn WMS 에러 레이트 10월 31일 맥스요. 로테르담 로컬 데이트 기준으로요");
        assertEquals("2038-10-31T00:00+02:00", local.metric().timeFrom(), local.toString());
        assertEquals("error_rate", local.metric().metricName(), "에러 레이트: " + local);
        assertEquals("max", local.metric().agg());
    }

    @Test
    void loanwordsInHangulAndAnInflectedName() {
        PlanModel top = estate.plan("지금 씨피유 유틸라이제이션 제일 높은 VM 탑3 랭킹 리스트업 부탁드려요.");
        assertEquals(3, top.metric().topN(), top.toString());
        assertEquals("cpu_usage", top.metric().metricName());
        PlanModel ordered = estate.plan("Which 3 apps had the highest peak error rate last month? Ordered please.");
        assertEquals("", ordered.primary().ciCode(), "'Ordered' is no misspelt 'Order DB': " + ordered.primary());
        assertEquals(3, ordered.metric().topN());
        PlanModel below = estate.plan("지난주 평균 디스크가 35%도 안 되는 VM이 뭐야?");
        assertEquals("lt", below.metric().threshold().op(), "35%도 안 되는: below 35 %: " + below);
        assertEquals(View.IMPACT, estate.plan("When the Rotterdam WAN falls away, which applications get hit?").view());
    }

    @Test
    void aNameBeforeARelativeClauseOfCallingIsItsObject() {
        assertEquals(View.IMPACT, estate.plan("송장 출력 직접 부르는 애들 누구임?").view(), "who calls it");
        assertEquals(View.DEPENDENCY, estate.plan("송장 출력이 직접 부르는 애들 누구임?").view(), "what it calls");
    }

    @Test
    void aPlaceByTwoOfItsWordsAndAnEnvironmentSaidInHangul() {
        List<EntityDictionary.Entity> cis = List.of(site("ONT8.wan", "Ontario WAN", "network", "US Ontario CA", "prod"),
                site("vmi/ont-a", "Ontario VM", "vm", "US Ontario CA", "prod"),
                site("sandy-quail", "Montaña Alta", "server", "US Ontario CA", "prod"),
                site("vmi/ewr-a", "Edison VM", "vm", "US Edison NJ", "prod"),
                site("vmi/old-rf", "Legacy RF VM", "vm", "KR Icheon", "sandbox"));
        List<Map.Entry<String, String>> values = List.of(Map.entry("ci.location", "US Ontario CA"),
                Map.entry("ci.location", "US Edison NJ"), Map.entry("ci.location", "KR Icheon"),
                Map.entry("ci.environment", "prod"), Map.entry("ci.environment", "sandbox"));
        WordsEstate sites = new WordsEstate(NOW, new EntityDictionary(18, cis, List.of(), values));
        PlanModel ontario = sites.plan("How many servers do we have in Ontario CA?");
        assertEquals("", ontario.primary().ciCode(), "two words of a place name it, not its WAN or VM: " + ontario);
        assertTrue(ontario.primary().filters().stream().anyMatch(f -> f.field().equals("location")
                && f.values().equals(List.of("US Ontario CA"))), ontario.toString());
        PlanModel edison = sites.plan("list the VMs in Edison NJ");
        assertTrue(edison.unexplained().isEmpty(), "NJ is a word of the place: " + edison.unexplained());
        PlanModel sandbox = sites.plan("샌드박스 인바이런먼트에 있는 CI 전부 리스트업해 주세요.");
        assertTrue(sandbox.primary().filters().stream().anyMatch(f -> f.field().equals("environment")
                && f.values().equals(List.of("sandbox"))), "샌드박스 sounds as sandbox: " + sandbox);
    }

    private static EntityDictionary.Entity site(String code, String name, String type, String location, String env) {
        return new EntityDictionary.Entity(code, name, type, false,
                Map.of("ci.status", "running", "ci.location", location, "ci.environment", env));
    }

    @Test
    void theIncidentBeforeWhichIsLookedForOverAYear() {
        PlanModel p = estate.plan("Order Hub 인시던트 직전에 뭐 건드렸음?");
        assertEquals("incident", p.history().anchor(), p.toString());
        assertEquals("last_365d", p.history().timeRange(), "an incident 103 days back is still the one meant");
    }
}
