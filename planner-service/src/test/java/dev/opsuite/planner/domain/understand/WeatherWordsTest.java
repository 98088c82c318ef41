package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings met on a fifteenth estate (a weather service with a station on New Zealand time) and its writers
 * (dialect Korean, pager-speak, aviation date-time groups): each case failed before its fix, and each fix is a rule
 * of reading, not a word of this estate. Asked on the leap day 2036-02-29 at 09:04 in Seoul (00:04 UTC).
 */
class WeatherWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2036-02-29T09:04:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("x3000c0s11b0n0", "Cirrus", "server"),
                ci("JSKO98", "Slurm Controller", "app"), ci("WOKO11", "CAP Feed", "app"),
                ci("SMAA40", "Polar Obs Relay", "app"), ci("fd42:40::/48", "Radar WAN", "network"),
                ci("qemu/2203", "Aviation VM", "vm"), ci("x1000c1s0b0n0", "Gale", "server"),
                ci("SMKO01", "SYNOP Decoder", "app"), ci("WWKO10", "Warning Issuer", "app"),
                ci("qemu/2103", "Alert VM", "vm"), ci("FPKO50", "Forecast Desk", "app"));
        List<Map.Entry<Integer, String>> aliases = List.of(Map.entry(0, "권운 호스트"), Map.entry(1, "slurmctld"),
                Map.entry(3, "polar relay"), Map.entry(4, "radar network"), Map.entry(5, "항공 VM"),
                Map.entry(9, "warning vm"));
        estate = new WordsEstate(NOW, new EntityDictionary(15, cis, aliases, List.of()));
    }

    @Test
    void whatBreaksWhenItGoesDown() {
        PlanModel dialect = estate.plan("권운 호스트 뻗으믄 어떤 서비스가 날아가노?");
        assertEquals(View.IMPACT, dialect.view(), "뻗으믄 is 뻗으면 (if it goes down): " + dialect);
        PlanModel arrow = estate.plan("slurmctld down -> which apps stall?");
        assertEquals(View.IMPACT, arrow.view(), arrow.toString());
        assertEquals("JSKO98", arrow.primary().ciCode());
    }

    @Test
    void aNeedOfTheAskersIsNoDependency() {
        PlanModel owner = estate.plan("who owns CAP Feed? need to ping them :wave:");
        assertEquals(Intent.LOOKUP, owner.intent(), owner.toString());
        assertTrue(owner.primary().fields().contains("owner"), owner.toString());
        assertEquals(View.DEPENDENCY, estate.plan("does CAP Feed need the Aviation VM?").view(), "asked, it is one");
        assertEquals(View.DEPENDENCY, estate.plan("상태 CAP Feed는 뭐에 의존하고 있어?").view(),
                "a field word beside a dependency word that is not weak");
    }

    @Test
    void graphWordsOfThisWriter() {
        PlanModel ride = estate.plan("Which networks does the polar relay ride on, end to end?");
        assertEquals(View.DEPENDENCY, ride.view(), ride.toString());
        assertTrue(ride.primary().filters().stream().anyMatch(f -> f.values().contains("network")),
                "'networks' is the type, not a word of 'radar network': " + ride);
        assertTrue(ride.unexplained().isEmpty(), ride.unexplained().toString());
        PlanModel down = estate.plan("which network does Polar Obs Relay depend on, all the way down?");
        assertTrue(down.primary().filters().stream().noneMatch(f -> f.values().contains("stopped")),
                "'all the way down' is no state: " + down);
        assertEquals(View.COMPOSITION, estate.plan("항공 VM 탑재 항목.").view(), "탑재: what is loaded on it");
        PlanModel remark = estate.plan("2월 13일 오전 11시 반부터 오후 1시 40분까지 Gale CPU 최고 얼마였노? 그날 00UTC 런 다 날아갔다 아이가.");
        assertEquals("cpu_usage", remark.metric().metricName(), "a failure told in a remark asks no impact: " + remark);
        assertEquals("max", remark.metric().agg());
    }

    @Test
    void zuluTimesAndDateTimeGroups() {
        PlanModel range = estate.plan("INC-360213-01 postmortem: avg cpu on Gale 02:30Z-04:40Z, 13 Feb");
        assertEquals("2036-02-13T02:30Z", range.metric().timeFrom(), "read in UTC, the zone written: " + range);
        assertEquals("2036-02-13T04:40Z", range.metric().timeTo());
        PlanModel dtg = estate.plan("SYNOP Decoder error rate, mean, since 290000Z.");
        assertEquals("2036-02-29T09:00+09:00", dtg.metric().timeFrom(), "29th 00:00 UTC: " + dtg);
        PlanModel nz = estate.plan("Yesterday our time (NZDT, 28 Feb), what was the average latency on the Polar Obs Relay?");
        assertEquals("2036-02-28T00:00+13:00", nz.metric().timeFrom(), nz.toString());
        assertTrue(nz.unexplained().isEmpty(), nz.unexplained().toString());
        PlanModel remark = estate.plan("Relay latency peak on 27 Feb our time (NZDT)? Got a warning that morning");
        assertEquals("SMAA40", remark.primary().ciCode(), "a shared word in a remark is not asked about: " + remark);
        assertTrue(remark.unexplained().contains("warning"), "and it is said: " + remark.unexplained());
        PlanModel peak = estate.plan("And the day before, 20 June 2033 NZST, what was Gale's peak?");
        assertEquals("cpu_usage", peak.metric().metricName(), "a peak of no measure named is the load: " + peak);
        assertEquals("2033-06-20T00:00+12:00", peak.metric().timeFrom(), peak.toString());
        PlanModel now = estate.plan("SYNOP Decoder error rate at 290004Z, i.e. right now.");
        assertEquals("latest", now.metric().agg(), "the moment named is now: " + now);
        PlanModel offset = estate.plan("max cpu of Gale yesterday UTC+9");
        assertEquals("2036-02-28T00:00+09:00", offset.metric().timeFrom(), offset.toString());
    }

    @Test
    void aRemarkAfterTheQuestionNamesNothingAsked() {
        PlanModel p = estate.plan("Good evening everyone, I'm covering for Minsu this week so forgive me if this is a silly"
                + " one. Which VMs are running above 65% memory at the moment? I'd like to add them to the watch list for"
                + " the holiday. Best, Hannah (IT Service Desk)");
        assertEquals("mem_usage", p.metric().metricName(), p.toString());
        assertEquals("gt", p.metric().threshold().op());
        assertTrue(p.metric().timeFrom().isEmpty(), "asked of the present; 'this week' is the greeting's: " + p);
        assertTrue(p.primary().ciCode().isEmpty(), "the signature's 'Desk' is no CI asked about: " + p);
        assertTrue(p.unexplained().contains("desk"), "and it is said: " + p.unexplained());
    }
}
