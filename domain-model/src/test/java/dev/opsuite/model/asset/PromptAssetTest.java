package dev.opsuite.model.asset;

import static dev.opsuite.model.asset.TestJson.defaultAsset;
import static dev.opsuite.model.asset.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.AssetDoc;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptAssetTest {
    @Test
    void theShippedPromptParsesInTheAssetsOrder() {
        PromptAsset p = PromptAsset.from(defaultAsset("prompt", "ci_planner.json"));
        assertEquals("ci_planner", p.name());
        assertEquals("rules_first", p.strategy());
        assertTrue(p.systemPrompt().startsWith("You are the planner"), p.systemPrompt());
        assertEquals(5, p.fewShot().size());
        assertEquals("서버A의 CPU 사용량은?", p.fewShot().get(0).question());
        assertTrue(p.fewShot().get(0).planOutput().startsWith("{\"kind\":\"plan\""), "kept as JSON text");
        PromptRules r = p.rules();
        assertEquals("identity", r.direct().get(0).name());
        assertEquals("impact", r.intentKeywords().keySet().iterator().next(), "groups in the asset's order");
        assertTrue(r.intentKeywords().containsKey("document"), "a group the reference does not list is kept");
        assertEquals("zone", r.time().atoms().get(0).name());
        assertEquals(defaultAsset("prompt", "ci_planner.json").path("rules").path("time").path("atoms").size(),
                r.time().atoms().size(), "every atom, none dropped");
        assertEquals(Map.of("name", "zone", "kind", "zone"), r.time().atoms().get(0).constants());
        assertEquals(9, r.time().monthNames().get("sept"));
        assertEquals(List.of("since_before", "since_after", "until_before", "until_after", "end_before", "end_after", "join_before", "join_after"),
                List.copyOf(r.time().connectors().keySet()));
        assertEquals(0.25, r.numberWords().get("a quarter of a"));
        assertEquals(Optional.of(0), r.layer("server"));
        assertEquals("incident", r.references().get(0).eventType());
        assertEquals(Optional.empty(), r.thresholds().get(0).op(), "a level reached names its op in the pattern");
        assertEquals(Optional.of("between"), r.thresholds().get(2).op());
        assertEquals("last_7d", r.defaults().eventRange());
        assertEquals(List.of(), List.copyOf(p.others().keySet()), "the shipped asset has no member of its own");
        assertThrows(UnsupportedOperationException.class, () -> r.intentKeywords().put("x", List.of()));
    }

    @Test
    void everyDefaultWhenNothingIsGiven() {
        PromptAsset p = PromptAsset.from(json("{}"));
        assertEquals(p, PromptAsset.EMPTY);
        assertEquals(PromptAsset.EMPTY, PromptAsset.of(null));
        assertEquals("rules_first", p.strategy());
        assertEquals(new PromptAsset.Model(Optional.empty(), Optional.empty(), true), p.model());
        assertEquals(new PromptAsset.LlmRoutes(true, true), p.llmRoutes());
        PromptDefaults d = p.rules().defaults();
        assertEquals(new PromptDefaults("last_24h", "last_1h", "last_7d", "last_7d", 5, 3, "1 hour", 24, 60,
                "last_365d", "last_90d"), d);
        assertEquals("last_30d", PromptDefaults.from(json("{'history_range': 'last_30d'}")).eventRange(),
                "the event range defaults to the history range");
        PromptUnderstanding u = p.rules().understanding();
        assertEquals(0.5, u.clarifyAbove());
        assertEquals(1.0, u.llmAbove());
        assertEquals(8, u.definiteMaxCandidates());
        assertEquals("", u.clarify().in("ko"));
        assertEquals(2, p.rules().hostingLayersBelow());
        assertEquals("", p.rules().runningState(), "no running-state filter unless named");
        assertEquals(Optional.empty(), p.rules().layer("server"));
        assertEquals(List.of(), p.rules().time().connectors("since_before"));
    }

    @Test
    void aMissingOptionalSectionReadsAsItsDefaultsAndTheRestAsGiven() {
        PromptAsset p = PromptAsset.from(json("{'strategy': 'llm_only', 'model': {'max_tokens': 512.0, 'temperature': 0},"
                + "'rules': {'trend': ['trend', '추이'], 'defaults': {'top_n': 10}}}"));
        assertEquals("llm_only", p.strategy());
        assertEquals(new PromptAsset.Model(Optional.of(512), Optional.of(0.0), true), p.model(),
                "numbers may arrive as doubles (protobuf Struct)");
        assertEquals(List.of("trend", "추이"), p.rules().trend());
        assertEquals(10, p.rules().defaults().topN());
        assertEquals(3, p.rules().defaults().graphDepth());
        assertEquals(List.of(), p.rules().time().atoms(), "no time section: no atom");
        assertEquals(List.of(), p.fewShot());
        PromptTime.Atom atom = PromptTime.from(json("{'atoms': [{'pattern': 'yesterday', 'day_offset': -1}]}"))
                .atoms().get(0);
        assertEquals(new PromptTime.Atom("", "relative", "yesterday", Map.of("day_offset", "-1")), atom,
                "the name defaults to nothing, the kind to relative; constants are text");
        List<PromptTime.Holiday> holidays = PromptTime.from(json("{'holidays': [{'name': 'chuseok', 'calendar': 'lunar',"
                + " 'month': 8, 'day': 15, 'days_before': 1, 'days_after': 1, 'substitute': 'sunday', 'substitute_since': 2014},"
                + " {'name': 'christmas', 'month': 12, 'day': 25}]}")).holidays();
        assertEquals(List.of(new PromptTime.Holiday("chuseok", "lunar", 8, 15, 1, 1, "sunday", 2014),
                new PromptTime.Holiday("christmas", "solar", 12, 25, 0, 0, "none", 0)), holidays,
                "a holiday is solar, alone and without substitute unless it says otherwise");
    }

    @Test
    void aMalformedSectionReadsAsItsDefaultAsThePlannerAlwaysTookIt() {
        PromptAsset p = PromptAsset.from(json("{'strategy': 'sometimes', 'few_shot': ['no example', {'question': 'q'}],"
                + "'rules': {'defaults': {'top_n': 'five', 'graph_depth': 2}, 'time': 'tomorrow',"
                + "'number_words': {'two': 2, 'three': 'three'}, 'thresholds': [{'pattern': 'over (?P<v>\\\\d+)',"
                + " 'op': 5}], 'my_words': ['kept']}, 'notes': 'mine'}"));
        assertEquals("sometimes", p.strategy(), "kept as written: the planner refuses it, naming it");
        assertEquals(List.of(new PromptAsset.FewShot("q", "")), p.fewShot(), "an example that is no object is left out");
        assertEquals(5, p.rules().defaults().topN(), "a number written as text is not read as one");
        assertEquals(2, p.rules().defaults().graphDepth());
        assertEquals(List.of(), p.rules().time().atoms(), "a time section that is no object has no atom");
        assertEquals(Map.of("two", 2.0), p.rules().numberWords(), "a number word that is no number is left out");
        assertEquals(Optional.empty(), p.rules().thresholds().get(0).op(), "an operator that is no string: by the words");
        assertEquals(List.of("my_words"), List.copyOf(p.rules().others().keySet()), "an operator's own section is kept");
        assertEquals("mine", p.others().get("notes").textValue());
        assertFalse(p.others().containsKey("strategy"));
    }

    @Test
    void anAppliedVersionIsParsedOnce() {
        AssetDoc doc = new AssetDoc("prompt", "p", 1, "published", json("{'rules': {'trend': ['trend']}}"));
        assertSame(PromptAsset.of(doc), PromptAsset.of(doc));
    }
}
