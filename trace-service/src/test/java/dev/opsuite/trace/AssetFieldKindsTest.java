package dev.opsuite.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Struct;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.AssetType;
import dev.opsuite.trace.domain.validation.AssetValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kinds the asset model declares, checked generically on save: every declared field present,
 * wherever it is (elements, map entries, members of keys the author chooses), reported with its
 * JSON path; required members; nothing refused that a reader accepts; unknown members allowed.
 */
class AssetFieldKindsTest {
    private final AssetValidator validator = new AssetValidator();

    private List<String> problems(AssetType type, String json) {
        Map<String, Object> content = Structs.toMap(Structs.fromJson(json, Struct.newBuilder()).build());
        return validator.problems(type, "a", content);
    }

    @Test
    void aFieldOfTheWrongKindIsReportedWithItsPath() {
        assertEquals(List.of("$.budget.max_depth: must be an integer >= 1"),
                problems(AssetType.POLICY, "{\"budget\": {\"max_depth\": \"x\"}}"));
        assertEquals(List.of("$.queries[0].params: must be an array"), problems(AssetType.QUERY, """
                {"queries": [{"name": "q", "language": "sql", "statement": "SELECT 1", "source": "pg",
                 "params": "limit"}]}
                """));
        assertEquals(List.of("$.page_size: must be an integer", "$.actions[1]: must be an object",
                        "$.actions[0].label: must be a string or an object of language → string"),
                problems(AssetType.SCREEN, "{\"page_size\": \"50\", \"actions\": [{\"action_id\": \"a\", \"label\": 3}, 7]}"));
    }

    @Test
    void fieldsTheValidatorDidNotLookAtBeforeAreCheckedToo() {
        assertEquals(List.of("$.rules[0].blocks[0].title: must be a string or an object of language → string",
                "$.rules[0].list_limit: must be an integer",
                "$.messages.stores.ci_lookup.en: must be a string", "$.summary.temperature: must be a number"),
                problems(AssetType.MAPPING, """
                        {"rules": [{"query": "q", "list_limit": 2.5, "blocks": [{"type": "text", "title": ["t"]}]}],
                         "messages": {"stores": {"ci_lookup": {"ko": "CI DB", "en": false}}},
                         "summary": {"enabled": false, "temperature": "warm"}}
                        """));
        assertEquals(List.of("$.rules.number_words.three: must be a number",
                        "$.rules.time.atoms[0].pattern: must be a string", "$.rules.time.month_names.sept: must be an integer"),
                problems(AssetType.PROMPT, """
                        {"rules": {"number_words": {"two": 2, "three": "3", "half a": 0.5},
                                   "time": {"atoms": [{"pattern": 5}], "month_names": {"sept": 9.5}}}}
                        """));
        assertEquals(List.of("$.rbac.roles.viewer.allowed_intents: must be an array",
                        "$.rbac.operations.StageTest[1]: must be a string"),
                problems(AssetType.POLICY, """
                        {"rbac": {"roles": {"viewer": {"allowed_intents": "LOOKUP"}, "guest": {"allowed_intents": ["*"]}},
                                  "operations": {"StageTest": ["admin", 1]}}}
                        """));
        assertEquals(List.of("$.queries[0].fixtures[0].rows[1]: must be an array"), problems(AssetType.QUERY, """
                {"queries": [{"name": "q", "language": "sql", "statement": "SELECT 1", "source": "pg",
                 "fixtures": [{"columns": ["n"], "rows": [[1], "2"]}]}]}
                """));
    }

    @Test
    void aRequiredFieldMissingIsReported() {
        assertEquals(List.of("$.queries[0].statement: is required"), problems(AssetType.QUERY,
                "{\"queries\": [{\"name\": \"q\", \"language\": \"sql\", \"source\": \"pg\"}]}"));
        assertEquals(List.of("$.entities: is required"), problems(AssetType.SCHEMA, "{\"metrics\": []}"));
        assertEquals(List.of("$.summary.enabled: is required"), problems(AssetType.MAPPING,
                "{\"rules\": [], \"summary\": {\"max_rows\": 5}}"));
        assertEquals(List.of("$.data_access.scopes[0].role: is required"), problems(AssetType.POLICY,
                "{\"data_access\": {\"scopes\": [{\"scope\": \"*\"}]}}"));
    }

    @Test
    void whatAReaderAcceptsIsAccepted() {
        // a port as a number or as digits; text as a string or per language; a scope as "*" or as fields
        assertEquals(List.of(), problems(AssetType.SOURCE,
                "{\"type\": \"postgres\", \"connection\": {\"host\": \"db\", \"port\": \"5432\"}}"));
        assertEquals(List.of(), problems(AssetType.SOURCE,
                "{\"type\": \"postgres\", \"connection\": {\"host\": \"db\", \"port\": 5432}}"));
        assertEquals(List.of(), problems(AssetType.MAPPING, """
                {"rules": [{"query": "q", "unanswered": "the CPU", "blocks": [{"type": "text",
                 "template": {"ko": "{value}", "en": "{value}"}, "empty": "none"}]}]}
                """));
        assertEquals(List.of(), problems(AssetType.POLICY, """
                {"data_access": {"scopes": [{"role": "noc", "scope": "*"}, {"role": "pay", "scope": {"owner": ["pay"]}}],
                 "default_scope": "none"}}
                """));
        // a time pattern's constant fields are any scalar; fixtures' values any JSON
        assertEquals(List.of(), problems(AssetType.PROMPT,
                "{\"rules\": {\"time\": {\"atoms\": [{\"pattern\": \"x\", \"day_offset\": -1, \"H\": \"0\", \"mine\": true}]}}}"));
    }

    @Test
    void oneProblemPerPathAndUnknownMembersAllowed() {
        // the kind stands; the port rule does not repeat it
        assertEquals(List.of("$.connection.port: must be a port number (1-65535)"), problems(AssetType.SOURCE,
                "{\"type\": \"neo4j\", \"connection\": {\"port\": true}}"));
        assertEquals(List.of(), problems(AssetType.POLICY,
                "{\"budget\": {\"max_dpeth\": \"x\"}, \"owner_notes\": [1, {\"a\": null}]}"));
    }
}
