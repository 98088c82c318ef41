package dev.opsuite.model.asset;

import static dev.opsuite.model.asset.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.model.AssetDoc;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MappingAssetTest {
    @Test
    void anEmptyMappingReadsAsTheDeclaredDefaults() {
        MappingAsset m = MappingAsset.from(json("{}"));
        assertEquals(MappingAsset.DEFAULT_DECIMALS, m.decimals());
        assertEquals(MappingAsset.DEFAULT_STALE_AFTER_MINUTES, m.staleAfterMinutes());
        assertEquals(List.of(), m.rules());
        assertEquals(Optional.empty(), m.reading(), "no reading member: no reading line");
        assertEquals(new MappingAsset.Summary(false, MappingAsset.Summary.DEFAULT_SYSTEM_PROMPT,
                MappingAsset.Summary.DEFAULT_MAX_ROWS, MappingAsset.Summary.DEFAULT_MAX_TOKENS, 0.0), m.summary());
        assertEquals("", m.messages().notFound().in("ko"));
        assertEquals(Text.EMPTY, m.messages().toolFailed("timeout"));
        assertEquals(Text.EMPTY, m.messages().store("ci_resolver"));
        assertEquals(m, MappingAsset.EMPTY);
        assertEquals(MappingAsset.EMPTY, MappingAsset.from(null));
        assertEquals(MappingAsset.EMPTY, MappingAsset.of(null));
    }

    @Test
    void aBlocksOptionalTemplatesArePresentOnlyWhenGiven() {
        MappingAsset m = MappingAsset.from(json("{'rules': [{'query': 'q', 'list_limit': '7', 'blocks': ["
                + "{'type': 'text', 'template': {'ko': '값 {value}', 'en': 'value {value}'}, 'count_template': null,"
                + " 'empty': 'none', 'agg_templates': {'max': 'peak {value}'}},"
                + "'not a block',"
                + "{'type': 'table', 'columns': [{'from': 'ci_code'}, {'from': 'value', 'label': 'Value'}, 3]},"
                + "{'type': 'chart', 'x': 'ts'}]}, 'not a rule']}"));
        assertEquals(1, m.rules().size(), "a rule that is no object is left out");
        MappingAsset.Rule rule = m.rule("q").orElseThrow();
        assertEquals(Optional.empty(), m.rule("other"));
        assertEquals(MappingAsset.Rule.DEFAULT_LIST_LIMIT, rule.listLimit(), "\"7\" is no number: the default");
        assertEquals(3, rule.blocks().size(), "a block that is no object is left out");
        MappingAsset.BlockRule text = rule.blocks().get(0);
        assertEquals("값 {value}", text.template().in("ko"));
        assertEquals("value {value}", text.template().in("ja"), "a language not given reads as English");
        assertEquals(Optional.of(Text.EMPTY), text.countTemplate(), "JSON null counts as given, as it always did");
        assertEquals(Optional.of(Text.of("none")), text.empty());
        assertEquals(Optional.empty(), text.staleTemplate());
        assertEquals("peak {value}", text.aggTemplates().get("max").in("en"));
        assertEquals(Map.of(), text.fieldTemplates());
        MappingAsset.BlockRule table = rule.blocks().get(1);
        assertEquals(List.of(new MappingAsset.Column("ci_code", "ci_code"), new MappingAsset.Column("value", "Value")),
                table.columns(), "a label defaults to the column; a column that is no object is left out");
        MappingAsset.BlockRule chart = rule.blocks().get(2);
        assertEquals("ts", chart.x());
        assertEquals(MappingAsset.BlockRule.DEFAULT_Y, chart.y());
    }

    @Test
    void labelsMessagesReadingAndSummaryAreRead() {
        MappingAsset m = MappingAsset.from(json("{'number_format': {'decimals': 2}, 'stale_after_minutes': 0,"
                + "'agg_labels': {'avg': {'ko': '평균', 'en': 'average'}}, 'reading': {},"
                + "'messages': {'stores': {'metric_sql': 'the metrics store'}, 'tool_failed': {'timeout': 'slow {store}'},"
                + " 'narrowed': {'incident': 'of {n}'}},"
                + "'summary': {'enabled': true, 'max_rows': 0, 'temperature': 0.3}}"));
        assertEquals(2, m.decimals());
        assertEquals(1, m.staleAfterMinutes(), "at least a minute");
        assertEquals("평균", m.aggLabels().get("avg").in("ko"));
        assertEquals(Optional.of(Map.of()), m.reading(), "a reading member without templates: a line of nothing");
        assertEquals("the metrics store", m.messages().store("metric_sql").in("ko"));
        assertEquals("slow {store}", m.messages().toolFailed("timeout").in("en"));
        assertEquals("of {n}", m.messages().narrowed().get("incident").in("en"));
        assertTrue(m.summary().enabled());
        assertEquals(1, m.summary().maxRows(), "at least one row");
        assertEquals(0.3, m.summary().temperature());
    }

    @Test
    void anAppliedVersionIsParsedOnce() {
        JsonNode content = json("{'rules': [{'query': 'q'}]}");
        AssetDoc doc = new AssetDoc("mapping", "m", 1, "published", content);
        assertSame(MappingAsset.of(doc), MappingAsset.of(doc));
    }
}
