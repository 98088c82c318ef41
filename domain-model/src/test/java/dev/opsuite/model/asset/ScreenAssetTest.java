package dev.opsuite.model.asset;

import static dev.opsuite.model.asset.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsuite.model.AssetDoc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScreenAssetTest {
    @Test
    void anEmptyScreenReadsAsTheDeclaredDefaults() {
        ScreenAsset s = ScreenAsset.from(json("{}"));
        assertEquals(new ScreenAsset("screen", "stack", Map.of(), 50, 200, List.of()), s);
        assertEquals("Block", s.component("table"));
        assertEquals(s, ScreenAsset.from(null));
        assertEquals(ScreenAsset.DEFAULTS, ScreenAsset.of(null));
    }

    @Test
    void wrongKindsReadAsDefaults() {
        ScreenAsset s = ScreenAsset.from(json("{'name': 3, 'layout': ['grid'], 'components': {'table': 'DataTable', "
                + "'chart': 7}, 'page_size': '30', 'max_table_rows': null, 'actions': [{'action_id': 1, 'when': true, "
                + "'label': 5, 'options': 'last_1h'}, 'more']}"));
        assertEquals(new ScreenAsset("screen", "stack", Map.of("table", "DataTable"), 50, 200,
                List.of(new ScreenAsset.Action("", "", Text.EMPTY, List.of()))), s);
        assertEquals("Block", s.component("chart"), "a component that is no string is the default");
    }

    @Test
    void theDefaultScreenParsesWithItsComponentsAndActions() throws Exception {
        ScreenAsset s = ScreenAsset.from(TestJson.defaultAsset("screen", "ci_screen.json"));
        assertEquals("ci_screen", s.name());
        assertEquals(7, s.components().size());
        assertEquals("DataTable", s.component("table"));
        assertEquals("EventTimeline", s.component("timeline"));
        assertEquals(50, s.pageSize());
        assertEquals(200, s.maxTableRows());
        assertEquals(List.of("load_more_rows", "select_ci", "drill_ci", "show_dependencies", "change_time_range"),
                s.actions().stream().map(ScreenAsset.Action::actionId).toList());
        assertEquals("Open {ci_code}", s.actions().get(2).label().in("en"));
        assertEquals("기간 변경", s.actions().get(4).label().in("ko"));
        assertEquals(List.of("last_1h", "last_24h", "last_7d"), s.actions().get(4).options());
        s.actions().forEach(a -> assertEquals(true, ScreenAsset.Action.CONDITIONS.contains(a.when()), a.when()));
    }

    @Test
    void anAppliedVersionIsParsedOnce() {
        AssetDoc doc = new AssetDoc("screen", "s", 1, "published", json("{'page_size': 20}"));
        assertSame(ScreenAsset.of(doc), ScreenAsset.of(doc));
        assertEquals(20, ScreenAsset.of(doc).pageSize());
    }
}
