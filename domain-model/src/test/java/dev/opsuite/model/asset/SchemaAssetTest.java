package dev.opsuite.model.asset;

import static dev.opsuite.model.asset.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.AssetDoc;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaAssetTest {
    @Test
    void anEmptyCatalogReadsAsTheDeclaredDefaults() {
        SchemaAsset s = SchemaAsset.from(json("{}"));
        assertEquals(List.of(), s.entities());
        assertEquals(SchemaAsset.DEFAULT_PRIMARY, s.primaryEntity());
        assertEquals(SchemaAsset.DEFAULT_EVENTS, s.eventsEntity());
        assertEquals(SchemaAsset.EMPTY, s);
        assertEquals(SchemaAsset.EMPTY, SchemaAsset.from(null));
        assertEquals(SchemaAsset.EMPTY, SchemaAsset.of(null));
    }

    @Test
    void entitiesFieldsValuesAndTheirWordsAreRead() {
        SchemaAsset s = SchemaAsset.from(json("{'entities': ["
                + "{'name': 'host', 'synonyms': ['box', 3]},"
                + "{'name': 'node', 'role': 'primary', 'fields': [{'name': 'status', 'enum': ['up', 'down'],"
                + "  'enum_labels': {'up': ['가동 중', 'running']}, 'synonyms': ['state']}, {'name': 'owner', 'type': 'text'},"
                + "  'not a field']},"
                + "{'name': 'happenings', 'role': 'events'}, 7],"
                + "'relations': [{'type': 'DEPENDS_ON'}, {'type': 'RUNS_ON', 'dependent': 'source'}]}"));
        assertEquals(3, s.entities().size(), "an entity that is no object is left out");
        assertEquals("node", s.primaryEntity(), "the primary role wins over the first entity");
        assertEquals("happenings", s.eventsEntity());
        assertEquals(List.of("box"), s.entity("host").orElseThrow().synonyms(), "a synonym that is no string is left out");
        SchemaAsset.Entity node = s.entity("node").orElseThrow();
        assertEquals(2, node.fields().size());
        SchemaAsset.FieldDef status = node.field("status").orElseThrow();
        assertTrue(status.enumerated());
        assertEquals(List.of("up", "down"), status.values());
        assertEquals(List.of("가동 중", "running"), status.labels("up"));
        assertEquals(List.of(), status.labels("down"));
        assertEquals(SchemaAsset.DEFAULT_FIELD_TYPE, status.type());
        SchemaAsset.FieldDef owner = node.field("owner").orElseThrow();
        assertFalse(owner.enumerated());
        assertEquals("text", owner.type());
        assertEquals(Optional.empty(), node.field("location"));
        assertEquals(List.of("DEPENDS_ON", "RUNS_ON"), s.relationTypes());
    }

    @Test
    void aMetricIsLabelledInTheQuestionsLanguageElseByItsName() {
        SchemaAsset s = SchemaAsset.from(json("{'metrics': [{'name': 'cpu_usage', 'unit': '%',"
                + " 'display_name': {'ko': 'CPU 사용률', 'en': 'CPU usage'}, 'synonyms': ['cpu']}, {'name': 'rps'}]}"));
        SchemaAsset.Metric cpu = s.metric("cpu_usage").orElseThrow();
        assertEquals("CPU 사용률", cpu.label("ko"));
        assertEquals("CPU usage", cpu.label("de"), "a language not given reads as English");
        assertEquals(List.of("ko", "en"), List.copyOf(cpu.displayName().languages().keySet()), "in the asset's order");
        assertEquals("%", cpu.unit());
        SchemaAsset.Metric rps = s.metric("rps").orElseThrow();
        assertEquals("rps", rps.label("ko"), "no display name: the name");
        assertEquals("", rps.unit());
    }

    @Test
    void anAppliedVersionIsParsedOnce() {
        AssetDoc doc = new AssetDoc("schema", "s", 1, "published", json("{'metrics': [{'name': 'm'}]}"));
        assertSame(SchemaAsset.of(doc), SchemaAsset.of(doc));
    }
}
