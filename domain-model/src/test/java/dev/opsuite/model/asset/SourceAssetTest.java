package dev.opsuite.model.asset;

import static dev.opsuite.model.asset.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.model.AssetDoc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceAssetTest {
    @Test
    void anEmptySourceReadsAsTheDeclaredDefaults() {
        SourceAsset s = SourceAsset.from(json("{}"));
        assertEquals("", s.type());
        assertFalse(s.permissions().readOnly());
        assertEquals(List.of(), s.permissions().schemaAllowlist());
        assertEquals(new SourceAsset.Limits(10_000, 30, 8), s.limits());
        assertEquals(Map.of(), s.connection().literals());
        assertEquals(Map.of(), s.connection().refs());
        assertEquals(s, SourceAsset.from(null));
    }

    @Test
    void connectionValuesAreTextWithWholeNumbersAsIntegers_andReferencesApart() {
        SourceAsset s = SourceAsset.from(json("{'type': 'postgres', 'connection': {'host': 'db.local', 'port': 5433.0,"
                + " 'database': 'estate', 'user_ref': 'ESTATE_USER', 'password_ref': 'ESTATE_PW', 'sslmode': 'require'},"
                + " 'permissions': {'read_only': true, 'schema_allowlist': ['estate', 'public']},"
                + " 'limits': {'max_rows': 500, 'max_duration_seconds': 5.0, 'max_connections': 2}, 'owner': 'dba'}"));
        assertEquals("postgres", s.type());
        assertFalse(s.isNeo4j());
        assertEquals(Map.of("host", "db.local", "port", "5433", "database", "estate", "sslmode", "require"),
                s.connection().literals());
        assertEquals(List.of("host", "port", "database", "sslmode"), List.copyOf(s.connection().literals().keySet()));
        assertEquals(Map.of("user", "ESTATE_USER", "password", "ESTATE_PW"), s.connection().refs());
        assertEquals(new SourceAsset.Connection.Member("user", "ESTATE_USER", true), s.connection().members().get(3),
                "members keep the asset's order");
        assertTrue(s.permissions().readOnly());
        assertEquals(List.of("estate", "public"), s.permissions().schemaAllowlist());
        assertEquals(new SourceAsset.Limits(500, 5, 2), s.limits());
    }

    @Test
    void wrongKindsReadAsDefaults_andOnlyTrueDeclaresReadOnly() {
        SourceAsset s = SourceAsset.from(json("{'type': 7, 'permissions': {'read_only': 'true', 'schema_allowlist': 'x'},"
                + " 'limits': {'max_rows': '5', 'max_connections': null}, 'connection': 'postgres://x'}"));
        assertEquals("", s.type());
        assertFalse(s.permissions().readOnly());
        assertEquals(List.of(), s.permissions().schemaAllowlist());
        assertEquals(SourceAsset.from(json("{}")).limits(), s.limits());
        assertEquals(Map.of(), s.connection().literals());
    }

    @Test
    void aSourceVersionIsParsedOnce() {
        JsonNode content = json("{'type': 'neo4j', 'connection': {'uri': 'bolt://g:7687'}}");
        SourceAsset first = SourceAsset.of(new AssetDoc("source", "graph", 2, "published", content));
        assertSame(first, SourceAsset.of(new AssetDoc("source", "graph", 2, "draft", content)));
        assertTrue(first.isNeo4j());
    }
}
