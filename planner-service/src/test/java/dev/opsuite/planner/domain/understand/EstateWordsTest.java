package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.DefaultAssets;
import dev.opsuite.planner.domain.PlanDecision;
import dev.opsuite.planner.domain.RulesPlanner;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Words of an imported estate whose names and values are in Latin letters while the question is in
 * Korean, glosses, name-shaped words that are prefixes of several names, and hosting direction by
 * the types' layers.
 */
class EstateWordsTest {
    private static final OffsetDateTime NOW = EstateFixture.NOW;
    private static final ZoneId SEOUL = EstateFixture.SEOUL;
    private static AssetBundle assets;
    private static Lexicon lexicon;
    private static EntityDictionary dict;

    @BeforeAll
    static void load() throws Exception {
        assets = DefaultAssets.load();
        lexicon = Lexicon.of(assets.schema(), assets.prompt().rules(), assets.resolver());
        dict = EstateFixture.dictionary();
    }

    private static Understanding read(String q) {
        return Understander.understand(q, lexicon, dict, assets.prompt().rules(), NOW, SEOUL, Map.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "이천 허브 서버들 뭐뭐 있어요?|ci.location=icheon-hub", // a word several CIs' aliases share: their place
        "이천에 있는 데이터베이스|ci.location=icheon-hub",
        "김포 장비 목록|ci.location=gimpo-center", // no CI alias has it: the romanized word alone
        "종로 장비 목록|ci.location=jongno-office"}) // ICU writes "jonglo": one letter off
    void aKoreanPlaceNameIsTheEstatesLatinValue(String question, String value) {
        Understanding u = read(question);
        assertTrue(u.has("value", value), u.claims().toString());
        assertTrue(u.entities().isEmpty(), u.entities().toString());
    }

    @Test
    void aWordBeforeABracketedValueIsItsGloss() {
        Understanding u = read("창고팀(wms-crew) 앱 리스트");
        assertTrue(u.has("value", "ci.owner=wms-crew"), u.claims().toString());
        assertTrue(u.entities().isEmpty(), "창고 is the team's gloss, not a CI: " + u.entities());
        assertTrue(u.unexplained().isEmpty(), u.unexplained().toString());
    }

    @Test
    void severalWordsBeforeABracketedValueAreItsGloss() {
        Understanding u = read("how many things we are having in the cloud region (cloud-apne2)?");
        assertTrue(u.has("value", "ci.location=cloud-apne2"), u.claims().toString());
        assertTrue(u.entities().isEmpty(), u.entities().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "운영 환경(hx-prod)에 등록된 데이터베이스의 수량", "how many apps are in the production environment (hx-prod)?"})
    void aLabelBeforeTheBracketedValueIsItsGlossNotASecondValue(String question) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        PlanModel.Filter env = p.primary().filters().stream().filter(f -> f.field().equals("environment")).findFirst().orElseThrow();
        assertEquals(List.of("hx-prod"), env.values(), question);
        assertFalse(p.unexplained().contains("운영 환경") || p.unexplained().contains("production environment"),
                p.unexplained().toString());
    }

    @Test
    void aSchemaLabelAlsoReadsAsTheEstatesValueThatContainsIt() {
        PlanModel p = new RulesPlanner().plan("운영 환경에 있는 앱이 몇개에요?", assets, NOW, SEOUL, dict).plan();
        PlanModel.Filter env = p.primary().filters().stream().filter(f -> f.field().equals("environment")).findFirst().orElseThrow();
        assertTrue(env.values().contains("hx-prod"), env.toString());
    }

    @Test
    void ordinaryHyphenatedWordsAreNotCiNames() {
        Understanding u = read("List the customer-facing services that wms-crew is accountable for.");
        assertTrue(u.nameShaped().isEmpty(), u.nameShaped().toString());
        assertTrue(u.unexplained().contains("customer-facing"), u.unexplained().toString());
        assertTrue(read("list apps, i.e. all of them").nameShaped().isEmpty());
        // a word of a CI's name or a type word keeps it a name that EXECUTE looks up and reports
        assertEquals(List.of("label-db"), read("cpu of label-db").nameShaped());
        assertEquals(List.of("payment-db"), read("incidents of payment-db in the last 3 days").nameShaped());
        assertEquals(List.of("zz-one"), read("what is the cpu usage of zz-one?").nameShaped());
        assertEquals(List.of("foo-bar"), read("incidents of foo-bar in the last 3 days").nameShaped());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"가산 DR에 뭐뭐 있는지 목록 줘", "가산 DR센터에 서버, VM 다 합쳐서 몇 대?"})
    void aPlaceWrittenWholeInKoreanIsThePlaceNotAHostNamedAfterIt(String question) {
        Understanding u = read(question);
        assertTrue(u.has("value", "ci.location=gasan-dr"), u.claims().toString());
        assertTrue(u.entities().isEmpty(), u.entities().toString());
        assertTrue(u.nameShaped().isEmpty(), u.nameShaped().toString());
    }

    @Test
    void aGraphWordInAnotherSentenceDoesNotTurnAMetricQuestionIntoAGraphOne() {
        PlanModel p = new RulesPlanner().plan("Patients keep calling the front desk about logins. What is label-printer's error rate right now?",
                assets, NOW, SEOUL, dict).plan();
        assertEquals("error_rate", p.metric().metricName());
        assertEquals(0, p.graph().depth());
    }

    @Test
    void nonAndAKnownWordIsNotAName() {
        assertTrue(read("how many non-prod cis (hx-prod)").nameShaped().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"What was the p99 latency of label-printer last week?|p99",
        "label-printer 지난주 응답시간 99퍼센타일|p99", "90th percentile latency of label-printer yesterday|p90"})
    void otherPercentilesAreTheirOwnAggregation(String question, String agg) {
        // p99 was answered as the average, with 'p99' listed as not understood
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertEquals(agg, p.metric().agg(), question + ": " + p.metric());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"median latency of label-printer in the last 6 hours",
        "지난 6시간 label-printer 응답시간 중앙값"})
    void aMedianIsTheFiftiethPercentile(String question) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertEquals("p50", p.metric().agg(), question + ": " + p.metric());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
    }

    @Test
    void notReachingAValueIsBelowIt() {
        PlanModel p = new RulesPlanner().plan("창고 크루(wms-crew) 꺼 중에 지금 CPU 30% 안 되는거 뭐뭐 있어요?", assets, NOW, SEOUL, dict).plan();
        assertEquals("lt", p.metric().threshold().op());
        assertEquals(30.0, p.metric().threshold().value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CPU 80% 넘는 fleet-db|DB_FLEET", // one CI named: the condition on it, not on the whole estate
        "is fleet-db over 80% cpu?|DB_FLEET",
        "CPU 80% 넘는 k8s-node 서버|k8s-node-a1 k8s-node-a2", // a part of names: every CI it names
        "k8s-node servers with memory above 70%|k8s-node-a1 k8s-node-a2"})
    void aThresholdKeepsTheCisTheQuestionNames(String question, String codes) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertEquals("gt", p.metric().threshold().op(), question + ": " + p.metric());
        assertEquals(List.of(codes.split(" ")), p.primary().ciCodes(), question + ": " + p.primary());
        assertTrue(p.missingSlots().isEmpty(), "no choice to ask for: " + p.missingSlots());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"what's the busiest k8s-node server right now?", "k8s-node 서버 중 CPU 제일 높은 거"})
    void aSuperlativeOverAPartOfNamesRanksTheCisItNames(String question) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertEquals(List.of("k8s-node-a1", "k8s-node-a2"), p.primary().ciCodes(), question + ": " + p.primary());
        assertEquals(1, p.metric().topN(), question + ": " + p.metric());
        assertTrue(p.missingSlots().isEmpty(), "no choice to ask for: " + p.missingSlots());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "label-printer is needing which VMs, also the not direct ones?|6",
        "what does label-printer call directly|1",
        "label-printer가 돌아가려면 밑에 뭐뭐 필요해요? 끝까지 다요|6"})
    void howFarThroughTheGraph(String question, int depth) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertEquals(depth, p.graph().depth(), question + ": " + p.graph());
        assertEquals("out", p.graph().direction(), question + ": " + p.graph());
    }

    @Test
    void aTypeWordInsideTheHostingChainIsTheWayNotAFilter() {
        PlanModel p = new RulesPlanner().plan("node-a1.icheon에 올라간 거요, 그 VM 안에서 도는 것까지 다 알려주세요", assets, NOW, SEOUL, dict).plan();
        assertEquals("in", p.graph().direction());
        assertTrue(p.primary().filters().isEmpty(), p.primary().filters().toString());
    }

    @Test
    void needingAFigureIsNotADependency() {
        PlanModel p = new RulesPlanner().plan("What is label-printer's error rate at this moment? I need the figure for a note.",
                assets, NOW, SEOUL, dict).plan();
        assertEquals("error_rate", p.metric().metricName());
        assertEquals(0, p.graph().depth(), p.graph().toString());
    }

    @Test
    void aNameShapedWordThatPrefixesSeveralNamesIsAskedAbout() {
        LinkedEntity e = read("mem on k8s-node-a").entities().get(0);
        assertEquals(List.of("k8s-node-a1", "k8s-node-a2"), e.candidates().stream().map(EntityDictionary.Entity::ciCode).toList());
    }

    @Test
    void vocabularyWordsWrittenWholeInAliasesNameThoseCis() {
        EntityDictionary vms = new EntityDictionary(5, List.of(
                new EntityDictionary.Entity("HX.WMS.02", "wms-vm-02", "vm", false),
                new EntityDictionary.Entity("HX.ORD.02", "order-vm-02", "vm", false),
                new EntityDictionary.Entity("HX.NTF.01", "notify-vm", "vm", false),
                new EntityDictionary.Entity("APP_Notify", "알림톡 발송", "app", false)),
                List.of(Map.entry(0, "창고 DB VM"), Map.entry(1, "주문 DB VM"), Map.entry(2, "알림 VM"),
                        Map.entry(3, "카카오 알림")), List.of());
        // two type words side by side: the CIs whose alias holds them, to choose from — not a list of both types
        PlanModel db = new RulesPlanner().plan("DB VM 메모리 지금 얼마에요?", assets, NOW, SEOUL, vms).plan();
        assertEquals(List.of("HX.ORD.02", "HX.WMS.02"), db.candidates().stream().map(PlanModel.Candidate::ciCode).sorted()
                .toList());
        // an event word in a metric question names the CIs it is written in
        PlanModel alert = new RulesPlanner().plan("알림 쪽 CPU 사용률을 보고하여 주십시오.", assets, NOW, SEOUL, vms).plan();
        assertEquals(List.of("APP_Notify", "HX.NTF.01"), alert.candidates().stream().map(PlanModel.Candidate::ciCode)
                .sorted().toList());
        // but a list of the types, and events asked for, keep their vocabulary meaning
        assertTrue(new RulesPlanner().plan("list all DB VMs", assets, NOW, SEOUL, vms).plan().candidates().isEmpty());
        assertTrue(new RulesPlanner().plan("DB VMs memory now", assets, NOW, SEOUL, vms).plan().candidates().isEmpty(),
                "in the plural they are the type, not one CI to choose");
        assertTrue(new RulesPlanner().plan("어제 알림 이력", assets, NOW, SEOUL, vms).plan().candidates().isEmpty());
    }

    @Test
    void aCountWordBeforeAUnitAsksForTheValue() {
        assertFalse(read("HX.WMS.01 메모리 지금 몇 %예요?").has("intent", "count"));
        assertFalse(read("wms-vm-01 latency 몇 ms?").has("intent", "count"));
        assertFalse(read("wms-vm-01 cpu 마지막 값 몇이었어?").has("intent", "count"), "몇 after a word for a value");
        assertTrue(read("서버 몇 대야?").has("intent", "count"));
        assertTrue(read("cpu 사용률 80 넘는 서버 몇 대?").has("intent", "count"), "몇 대 counts whatever precedes it");
    }

    @Test
    void aCompactRangeIsTime() {
        assertEquals("last_5d", read("wms-vm-01 mem trend 5d").time().name());
        assertTrue(read("wms-vm-01 latency over 500ms").time().name().isEmpty(), "500ms is a threshold, not minutes");
    }

    @Test
    void aSuperlativeNamesItsMeasureWhenNoMetricWordDoes() {
        PlanModel p = new RulesPlanner().plan("Which two apps have been slowest so far this week?", assets, NOW, SEOUL, dict).plan();
        assertEquals("latency_ms", p.metric().metricName());
        assertEquals(2, p.metric().topN());
        assertEquals("this_week", p.metric().timeRange());
        assertEquals("cpu_usage", new RulesPlanner().plan("busiest 2 servers", assets, NOW, SEOUL, dict).plan().metric().metricName());
    }

    @Test
    void aNumberWithACounterBeforeATypeWordNamesTheCisWithThatNumber() {
        EntityDictionary numbered = new EntityDictionary(4, List.of(
                new EntityDictionary.Entity("BM-LABEL-07", "label-print-07", "server", false),
                new EntityDictionary.Entity("ec2-apne2-07", "c5.search.host", "server", false)), List.of(), List.of());
        PlanModel p = new RulesPlanner().plan("07번 서버 cpu 보여줘", assets, NOW, SEOUL, numbered).plan();
        assertEquals(List.of("primary.ci"), p.missingSlots());
        assertEquals(List.of("BM-LABEL-07", "ec2-apne2-07"), p.candidates().stream().map(PlanModel.Candidate::ciCode).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "label-printer 장애 나기 전에 누가 뭐 건드렸어요?", "label-printer incident, chg before?",
        "INC on label-printer (11-25): deploys/changes in the lead-up?",
        "label-printer 죽기 전에 배포한 거 있어?", "label-printer 뻗었을 때 그 전에 변경 뭐 있었어"})
    void changesBeforeAnIncidentInEverydayWords(String question) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertTrue(p.history().eventTypes().contains("change"), question + ": " + p.history());
        assertTrue(!p.history().anchor().isEmpty() || p.history().windowHours() > 0, question + ": " + p.history());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "node-a1.icheon runs what|in", // nothing hosts a server: what runs on it
        "what runs label-printer|out", // nothing runs on an app: where it runs
        "label-printer 어디서 돌아가|out"})
    void hostingDirectionFollowsTheTypesLayers(String question, String direction) {
        PlanDecision d = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict);
        PlanModel p = d.plan();
        assertEquals(direction, p.graph().direction(), question + ": " + p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // a service runs on nothing directly: what it needs to run is its dependency closure
        "Parcel Tracking 서비스가 돌아가려면 밑에 뭐가 필요해?|out|",
        "what servers does Parcel Tracking run on|out|",
        // only dependents can be of a higher layer than the CI named
        "Which business services depend, at any level, on fleet-db?|in|"})
    void typeLayersDecideTheWayThroughTheGraph(String question, String direction) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertEquals(direction, p.graph().direction(), question + ": " + p);
        assertTrue(p.graph().relationTypes().isEmpty(), "every relation, not only hosting: " + p.graph());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"how does label-printer reach fleet-db", "Can wms-vm-01 get to fleet-db?",
        "How do I get from wms-vm-01 to fleet-db?", "How do I go from label-printer to fleet-db?"})
    void reachingOneCiFromAnotherIsAPath(String question) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertEquals(dev.opsuite.model.Intent.PATH, p.intent(), question + ": " + p);
        assertEquals("DB_FLEET", p.secondary().ciCode(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"icheon-core.sw down which apps hit", "if icheon-core.sw is down, what is impacted?"})
    void aStatusBesideTheCiOfAnImpactQuestionIsItsPremiseNotAFilter(String question) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertEquals(dev.opsuite.model.View.IMPACT, p.view(), question + ": " + p);
        assertEquals("NW_ICH", p.primary().ciCode());
        assertTrue(p.primary().filters().stream().noneMatch(f -> f.field().equals("status")), p.primary().filters().toString());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
        // a status of the impacted CIs is still a filter
        PlanModel running = new RulesPlanner().plan("which running apps are impacted if icheon-core.sw fails", assets, NOW,
                SEOUL, dict).plan();
        assertTrue(running.primary().filters().stream().anyMatch(f -> f.field().equals("status")), running.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"wms-vm-01이랑 fleet-db 중에 지금 메모리를 더 많이 쓰는 게 어느 쪽이야?",
        "Of wms-vm-01 and fleet-db, which one uses more memory right now?"})
    void usingAMeasureIsConsumptionNotACall(String question) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertTrue(p.graph() == null || p.intent() != dev.opsuite.model.Intent.EXPAND, question + ": " + p);
        assertEquals("mem_usage", p.metric().metricName(), p.toString());
        assertEquals(List.of("DB_FLEET", "HX.WMS.01"), p.primary().ciCodes().stream().sorted().toList(), p.toString());
        // a call verb with a CI as its object stays a call
        PlanModel calls = new RulesPlanner().plan("label-printer가 쓰는 DB의 메모리", assets, NOW, SEOUL, dict).plan();
        assertEquals(dev.opsuite.model.Intent.EXPAND, calls.intent(), calls.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"How many times did fleet-db exceed 90% CPU on 2014-04-17?",
        "2014-04-17에 fleet-db CPU가 90% 넘은 횟수", "how many samples of fleet-db were above 90% cpu on 2014-04-17"})
    void howManyTimesOverAThresholdCountsTheSamplesOverIt(String question) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertEquals("count", p.metric().agg(), question + ": " + p);
        assertEquals("gt", p.metric().threshold().op());
        assertEquals(90.0, p.metric().threshold().value());
        assertTrue(p.metric().timeFrom().startsWith("2014-04-17T00:00"), p.metric().toString());
        assertEquals(List.of("DB_FLEET"), p.primary().ciCodes().isEmpty() ? List.of(p.primary().ciCode()) : p.primary().ciCodes());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "What was the CPU of fleet-db at 14:30 on 2014-04-17?|2014-04-17T13:30+09:00|2014-04-17T14:31+09:00",
        "2014년 4월 17일 오후 2시 30분 fleet-db CPU|2014-04-17T13:30+09:00|2014-04-17T14:31+09:00",
        "last cpu reading of fleet-db on 2014-04-17|2014-04-17T00:00+09:00|2014-04-18T00:00+09:00",
        "2014-04-17 fleet-db CPU 마지막 값|2014-04-17T00:00+09:00|2014-04-18T00:00+09:00"})
    void aMeasureAtOneMomentIsItsLastSampleAtOrBeforeIt(String question, String from, String to) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertEquals("last", p.metric().agg(), question + ": " + p);
        assertTrue(java.time.OffsetDateTime.parse(from).isEqual(java.time.OffsetDateTime.parse(p.metric().timeFrom())),
                p.metric().toString());
        assertTrue(java.time.OffsetDateTime.parse(to).isEqual(java.time.OffsetDateTime.parse(p.metric().timeTo())),
                p.metric().toString());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"max cpu of fleet-db at 14:30 on 2014-04-17|max",
        "the last cpu reading of fleet-db|latest"})
    void anAggregationNamedKeepsItsOwnReading(String question, String agg) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertEquals(agg, p.metric().agg(), question + ": " + p);
        // the latest value is one lookup, never an aggregate over a default range
        assertEquals(agg.equals("latest"), p.metric().timeFrom().isEmpty(), question + ": " + p);
    }

    @Test
    void aSuperlativeThatOrdersYieldsToTheAggregationNamed() {
        PlanModel p = new RulesPlanner().plan("which database had the highest average cpu on 2014-04-17?", assets, NOW,
                SEOUL, dict).plan();
        assertEquals("avg", p.metric().agg(), p.toString());
        assertEquals("desc", p.metric().order(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"When was the cpu of fleet-db highest on 2014-04-17?|max|",
        "2014년 4월 17일 fleet-db CPU가 가장 낮았던 시각은 언제야?|min|",
        "When was fleet-db cpu above 90% on 2014-04-17?|count|",
        "fleet-db CPU가 언제 90%를 넘었어?|count|",
        "When was fleet-db above 90% on 2014-04-17?||when above 90% on 2014-04-17",
        // a peak of no measure named is the load (rules.superlative_metrics; the reading names CPU), and its time is given
        "At what time did fleet-db peak on 2014-04-17?|max|"})
    void whenIsUnderstoodOnlyByAnAnswerThatGivesATime(String question, String agg, String unexplained) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        if (agg != null) {
            assertEquals(agg, p.metric().agg(), question + ": " + p);
        }
        assertEquals(unexplained == null ? "" : unexplained, String.join(" ", p.unexplained()), question + ": " + p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"daily average cpu of fleet-db from 2014-04-14 to 2014-04-16|1 day",
        "2014년 4월 17일 fleet-db CPU 시간별 추이|1 hour",
        "fleet-db cpu every 5 minutes over the last 30 days|6 hours"})
    void aTrendWordMayNameItsBucketWidth(String question, String bucket) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertEquals(bucket, p.metric().bucket(), question + ": " + p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"2014-04-16 하루 동안 fleet-db CPU 최소값과 최대값|최대값",
        "How many samples does fleet-db have for 2014-04-17?|how many samples"})
    void anAggregationTheAnswerDoesNotGiveIsSaid(String question, String unexplained) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertTrue(p.unexplained().contains(unexplained), question + ": " + p.unexplained() + " " + p.metric());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Any deploys before the last outage of fleet-db?",
        "Were there deploys before fleet-db went down?"})
    void changesBeforeAFailureToldAsAnImpactPhrase(String question) {
        PlanModel p = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).plan();
        assertTrue(p.history().enabled() && !p.history().anchor().isEmpty(), question + ": " + p);
        assertTrue(p.history().eventTypes().contains("deploy"), p.history().toString());
    }

    @Test
    void aParticleOfATimeWordNeverTakesTheFirstSyllableOfTheNextWord() {
        // "오전 에러율": the "에" of 에러율 is not the particle of 오전 (was read as "오전 에", and no metric)
        PlanModel p = new RulesPlanner().plan("fleet-db 오늘 오전 에러율 평균", assets, NOW, SEOUL, dict).plan();
        assertEquals("error_rate", p.metric().metricName(), p.toString());
        assertEquals("avg", p.metric().agg(), p.toString());
        assertTrue(p.metric().timeTo().startsWith("2026-") && p.unexplained().isEmpty(), p.toString());
    }
}
