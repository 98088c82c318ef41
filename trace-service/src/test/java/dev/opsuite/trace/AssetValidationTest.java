package dev.opsuite.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.AssetType;
import dev.opsuite.trace.domain.validation.AssetValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The content rules per asset type, on content as the gRPC layer hands it (numbers as doubles). */
class AssetValidationTest {
    private static final Path DEFAULTS = Path.of("..", "assets", "defaults");
    private static final Path GUIDE = Path.of("src", "test", "resources", "guide-assets");

    private final AssetValidator validator = new AssetValidator();

    private static Map<String, Object> content(String json) {
        return Structs.toMap(Structs.fromJson(json, Struct.newBuilder()).build());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> problems(AssetType type, String name, String json) {
        return validator.problems(type, name, content(json));
    }

    @Test
    void everyRepositoryDefaultAssetIsValid() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DEFAULTS)) {
            files = walk.filter(p -> p.toString().endsWith(".json") && !p.getParent().equals(DEFAULTS)).sorted().toList();
        }
        assertTrue(files.size() >= 8, "expected the default assets under " + DEFAULTS.toAbsolutePath() + ": " + files);
        for (Path f : files) {
            AssetType type = AssetType.parse(f.getParent().getFileName().toString()).orElseThrow();
            String name = f.getFileName().toString().replace(".json", "");
            assertEquals(List.of(), problems(type, name, read(f)), f.toString());
        }
    }

    @Test
    void everyUserGuideExampleIsValid() {
        Map<AssetType, String> examples = Map.of(AssetType.SOURCE, "postgres_main", AssetType.SCHEMA, "ci_schema",
                AssetType.RESOLVER, "ci_resolver", AssetType.POLICY, "ci_policy");
        examples.forEach((type, name) -> assertEquals(List.of(),
                problems(type, name, read(GUIDE.resolve(type.wireName() + ".json"))), type.wireName()));
    }

    @Test
    void aPolicyDataScopeOnAFieldThatIsNotACiFieldIsRefused() {
        List<String> p = problems(AssetType.POLICY, "ci_policy", """
                {"name": "ci_policy", "data_access": {"scopes": [{"role": "payments", "scope": {"team": ["pay"]}},
                 {"role": "noc", "scope": "*"}], "default_scope": {"owner": []}}}
                """);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("$.data_access.scopes[0].scope.team: not a CI field"), p.toString());
        assertTrue(p.get(1).startsWith("$.data_access.default_scope.owner: must be a non-empty array"), p.toString());
    }

    @Test
    void policyAnomalySettingsAreCheckedByTheDetectorsOwnRanges() {
        assertEquals(List.of(), problems(AssetType.POLICY, "ci_policy", """
                {"name": "ci_policy", "anomaly": {"threshold": 8, "baseline_hours": 48, "history_quantile": 0.99}}"""));
        assertEquals(List.of("$.anomaly.baseline_hours: must be an integer between 1 and 168"),
                problems(AssetType.POLICY, "ci_policy", "{\"anomaly\": {\"baseline_hours\": 400}}"));
        assertEquals(List.of("$.anomaly.seasonal_days: must be an integer between 0 and 28"),
                problems(AssetType.POLICY, "ci_policy", "{\"anomaly\": {\"seasonal_days\": 1.5}}"));
        List<String> unknown = problems(AssetType.POLICY, "ci_policy", "{\"anomaly\": {\"treshold\": 5}}");
        assertEquals(1, unknown.size(), unknown.toString());
        assertTrue(unknown.get(0).startsWith("$.anomaly.treshold: is no detector setting (known: [baseline_hours,"),
                unknown.toString());
        List<String> kind = problems(AssetType.POLICY, "ci_policy", "{\"anomaly\": {\"threshold\": \"high\"}}");
        assertEquals(1, kind.size(), kind.toString());
        assertTrue(kind.get(0).startsWith("$.anomaly.threshold: "), kind.toString());
        // the measures that are the trouble itself: names, none blank, as a list
        assertEquals(List.of(), problems(AssetType.POLICY, "ci_policy",
                "{\"anomaly\": {\"trouble_measures\": [\"latency_ms\", \"queue_depth\"]}}"));
        assertEquals(List.of("$.anomaly.trouble_measures: must list measure names, none blank"),
                problems(AssetType.POLICY, "ci_policy", "{\"anomaly\": {\"trouble_measures\": [\"latency_ms\", \" \"]}}"));
        List<String> notAList = problems(AssetType.POLICY, "ci_policy", "{\"anomaly\": {\"trouble_measures\": \"latency_ms\"}}");
        assertEquals(1, notAList.size(), notAList.toString());
        assertTrue(notAList.get(0).startsWith("$.anomaly.trouble_measures: "), notAList.toString());
    }

    @Test
    void aQueryTemplateWhoseScopingClauseIsNotUsedIsRefused() {
        List<String> p = problems(AssetType.QUERY, "q", """
                {"name": "q", "queries": [{"name": "a", "language": "sql", "source": "s",
                 "statement": "SELECT ci_code FROM ci", "scope": {"columns": ["ci_code"], "outside": "nope"},
                 "params": [{"name": "scope_all", "type": "boolean"}, {"name": "scope_ci_codes", "type": "string[]"}]}]}
                """);
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).contains("must use and declare the parameter scope_all"), p.toString());
        assertTrue(p.get(1).startsWith("$.queries[0].scope.outside: names no query"), p.toString());
    }

    @Test
    void policyReportsEveryProblemWithItsPath() {
        List<String> p = problems(AssetType.POLICY, "ci_policy", """
                {"name": "ci_policy", "budget": {"max_steps": 0, "max_depth": 2.5, "timeout_seconds": "60"},
                 "security": {"allowed_operations": "SELECT", "blocked_tables": ["users", 7]},
                 "replan": {"max_replans": -1, "max_internal_retries": 0}}
                """);
        assertEquals(List.of("$.budget.max_steps: must be an integer >= 1",
                "$.budget.max_depth: must be an integer >= 1",
                "$.budget.timeout_seconds: must be an integer >= 1",
                "$.security.allowed_operations: must be an array",
                "$.security.blocked_tables[1]: must be a string",
                "$.replan.max_replans: must be an integer >= 0"), p);
    }

    @Test
    void documentsSourcesNameACollectionAndATableOnlyWithItsSource() {
        List<String> p = problems(AssetType.SOURCE, "docs", """
                {"type": "documents", "connection": {"collection": "Bad Name", "table": "kb; DROP TABLE x"},
                 "permissions": {"read_only": true}}
                """);
        assertTrue(p.contains("$.connection.collection: a documents source names its collection: 1-64 lower-case "
                + "letters, digits, '_' or '-'"), p.toString());
        assertTrue(p.contains("$.connection.table: must be a table name (name or schema.name)"), p.toString());
        assertTrue(p.contains("$.connection.from_source: is required with a table: the postgres source to read it "
                + "through"), p.toString());
        assertTrue(problems(AssetType.SOURCE, "docs", """
                {"type": "documents", "connection": {"collection": "kb", "table": "public.kb", "from_source": "pg"},
                 "permissions": {"read_only": true}}
                """).isEmpty());
    }

    @Test
    void aDocumentsSourcesThesaurusIsCheckedRuleByRule() {
        List<String> p = problems(AssetType.SOURCE, "docs", """
                {"type": "documents", "connection": {"collection": "kb"}, "permissions": {"read_only": true},
                 "search": {"synonyms": ["cert, certificate, 인증서", "bounce => restart", "drain", "a,, b",
                                         "a => b => c", 7]}}
                """);
        assertEquals(List.of("$.search.synonyms[5]: must be a string",
                "$.search.synonyms[2]: an equivalence names two words at least (\"cert, certificate\"), or maps "
                        + "with '=>'",
                "$.search.synonyms[3]: an empty word: words are separated by single commas (\"cert, certificate\")",
                "$.search.synonyms[4]: at most one '=>' in a rule"), p);
        assertEquals(List.of("$.search: is read by a documents source only"), problems(AssetType.SOURCE, "pg", """
                {"type": "postgres", "connection": {"host": "h"}, "permissions": {"read_only": true},
                 "search": {"synonyms": ["cert, certificate"]}}
                """));
    }

    @Test
    void sourceSecretsByReferenceOnly() {
        List<String> p = problems(AssetType.SOURCE, "pg", """
                {"type": "mysql", "connection": {"host": "h", "password": "hunter2", "user_ref": 3},
                 "permissions": {"read_only": "yes"}, "limits": {"max_rows": 0}, "api_key": "k"}
                """);
        assertTrue(p.contains("$.type: must be one of documents, neo4j, postgres, redis, timescale"), p.toString());
        assertTrue(p.contains("$.connection.password: secrets by reference only; use password_ref naming a secret"),
                p.toString());
        assertTrue(p.contains("$.connection.user_ref: must be a string naming a secret"), p.toString());
        assertTrue(p.contains("$.permissions.read_only: must be a boolean"), p.toString());
        assertTrue(p.contains("$.limits.max_rows: must be an integer >= 1"), p.toString());
        assertTrue(p.contains("$.api_key: secrets by reference only; use api_key_ref naming a secret"), p.toString());
        assertEquals(List.of("$.connection: is required"), problems(AssetType.SOURCE, "x", "{\"type\": \"neo4j\"}"));
    }

    @Test
    void aRedisSourceTakesNoSecretInItsUriAndADatabaseIndex() {
        assertEquals(List.of(), problems(AssetType.SOURCE, "r", """
                {"type": "redis", "connection": {"host": "127.0.0.1", "port_ref": "P", "password_ref": "R",
                 "database": 0, "tls": true, "timeout_ms": 500}, "permissions": {"read_only": true},
                 "limits": {"max_keys": 100}}
                """));
        assertEquals(List.of(), problems(AssetType.SOURCE, "r", """
                {"type": "redis", "connection": {"uri": "rediss://cache.internal:6380/2"}}"""));
        List<String> p = problems(AssetType.SOURCE, "r", """
                {"type": "redis", "connection": {"uri": "redis://user:hunter2@h:6379/0", "database": 99},
                 "limits": {"max_keys": 0}}""");
        assertTrue(p.contains("$.connection.uri: must be redis:// or rediss:// host[:port][/database] without a user, "
                + "password or parameters"), p.toString());
        assertTrue(p.contains("$.connection.database: must be a database index (0-15)"), p.toString());
        assertTrue(p.contains("$.limits.max_keys: must be an integer >= 1"), p.toString());
        assertTrue(problems(AssetType.SOURCE, "n", """
                {"type": "neo4j", "connection": {"uri": "redis://h:6379"}}""").toString().contains("bolt://"));
    }

    @Test
    void aRedisSourcesTlsCaIsASecretReadOnlyWithTls() {
        assertEquals(List.of(), problems(AssetType.SOURCE, "r", """
                {"type": "redis", "connection": {"host": "cache.internal", "tls": true, "tls_ca_ref": "REDIS_CA",
                 "tls_verify_hostname": false}}"""));
        assertEquals(List.of(), problems(AssetType.SOURCE, "r", """
                {"type": "redis", "connection": {"uri": "rediss://cache.internal:6380/0", "tls_ca_ref": "REDIS_CA",
                 "tls_verify_hostname": "true"}}"""));
        assertEquals(List.of("$.connection.tls_ca: a CA certificate is given by reference: tls_ca_ref naming a secret "
                + "that holds the PEM", "$.connection.tls_ca_ref: must be a string naming a secret",
                "$.connection.tls_verify_hostname: must be true or false"), problems(AssetType.SOURCE, "r", """
                {"type": "redis", "connection": {"tls": true, "tls_ca": "-----BEGIN CERTIFICATE-----", "tls_ca_ref": " ",
                 "tls_verify_hostname": "maybe"}}""").stream().sorted().distinct().toList());
        assertEquals(List.of("$.connection.tls_ca_ref: is only read with TLS: set tls true or use a rediss:// URI",
                "$.connection.tls_verify_hostname: is only read with TLS: set tls true or use a rediss:// URI"),
                problems(AssetType.SOURCE, "r", """
                {"type": "redis", "connection": {"uri": "redis://cache.internal:6379/0", "tls_ca_ref": "REDIS_CA",
                 "tls_verify_hostname": false}}"""));
        assertEquals(List.of("$.connection.tls_ca_ref: is read by a redis source only"), problems(AssetType.SOURCE,
                "n", """
                {"type": "neo4j", "connection": {"uri": "bolt+s://graph.internal:7687", "tls_ca_ref": "CA"}}"""));
    }

    @Test
    void aRedisSourcesClientCertificateIsTwoSecretsGivenTogetherOnlyWithTls() {
        assertEquals(List.of(), problems(AssetType.SOURCE, "r", """
                {"type": "redis", "connection": {"host": "cache.internal", "tls": true, "tls_ca_ref": "REDIS_CA",
                 "tls_cert_ref": "REDIS_CLIENT_CERT", "tls_key_ref": "REDIS_CLIENT_KEY"}}"""));
        assertEquals(List.of("$.connection.tls_key_ref: is required with tls_cert_ref: a client certificate and its key "
                + "go together (give both, or neither)"), problems(AssetType.SOURCE, "r", """
                {"type": "redis", "connection": {"uri": "rediss://cache.internal:6380/0",
                 "tls_cert_ref": "REDIS_CLIENT_CERT"}}"""));
        assertEquals(List.of("$.connection.tls_cert_ref: is required with tls_key_ref: a client certificate and its key "
                + "go together (give both, or neither)"), problems(AssetType.SOURCE, "r", """
                {"type": "redis", "connection": {"tls": true, "tls_key_ref": "REDIS_CLIENT_KEY"}}"""));
        assertEquals(List.of("$.connection.tls_cert: a client certificate is given by reference: tls_cert_ref naming a "
                + "secret that holds the PEM", "$.connection.tls_cert_ref: must be a string naming a secret",
                "$.connection.tls_key: a client key is given by reference: tls_key_ref naming a secret that holds the "
                + "PEM"), problems(AssetType.SOURCE, "r", """
                {"type": "redis", "connection": {"tls": true, "tls_cert": "-----BEGIN CERTIFICATE-----",
                 "tls_key": "-----BEGIN PRIVATE KEY-----", "tls_cert_ref": "", "tls_key_ref": "K"}}""")
                .stream().sorted().distinct().toList());
        assertEquals(List.of("$.connection.tls_cert_ref: is only read with TLS: set tls true or use a rediss:// URI",
                "$.connection.tls_key_ref: is only read with TLS: set tls true or use a rediss:// URI"),
                problems(AssetType.SOURCE, "r", """
                {"type": "redis", "connection": {"host": "cache.internal", "tls_cert_ref": "C", "tls_key_ref": "K"}}"""));
        assertEquals(List.of("$.connection.tls_cert_ref: is read by a redis source only",
                "$.connection.tls_key_ref: is read by a redis source only"), problems(AssetType.SOURCE, "n", """
                {"type": "neo4j", "connection": {"uri": "bolt+s://graph.internal:7687", "tls_cert_ref": "C",
                 "tls_key_ref": "K"}}"""));
    }

    @Test
    void sourceConnectionValuesCannotSmuggleUrlParameters() {
        List<String> p = problems(AssetType.SOURCE, "pg", """
                {"type": "postgres", "connection": {"host": "db/x?socketFactory=evil", "port": 70000,
                 "database": "ops?sslmode=disable", "url": "jdbc:postgresql://h/db?socketFactory=x.Y"}}
                """);
        assertTrue(p.contains("$.connection.host: must be a host name or IP address"), p.toString());
        assertTrue(p.contains("$.connection.port: must be a port number (1-65535)"), p.toString());
        assertTrue(p.contains("$.connection.database: must be a plain database name"), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("$.connection.url: must be jdbc:postgresql://")), p.toString());
        List<String> neo = problems(AssetType.SOURCE, "g", """
                {"type": "neo4j", "connection": {"uri": "bolt://h:7687?x=1"}}
                """);
        assertTrue(neo.stream().anyMatch(s -> s.startsWith("$.connection.uri: must be bolt://")), neo.toString());
        assertEquals(List.of(), problems(AssetType.SOURCE, "pg", """
                {"type": "postgres", "connection": {"host": "10.0.0.5", "port": 5432, "database": "estate",
                 "user_ref": "PG_USER", "password_ref": "PG_PASSWORD"}}
                """));
        assertEquals(List.of(), problems(AssetType.SOURCE, "g", """
                {"type": "neo4j", "connection": {"uri": "neo4j+s://graph.example.com:7687", "user_ref": "U"}}
                """));
    }

    @Test
    void schemaResolverQueryMappingPromptScreenRules() {
        assertEquals(List.of("$.entities[1]: must be an object", "$.entities[0].name: is required",
                        "$.entities[0].fields[0].name: must be a string", "$.metrics[0].name: is required"),
                problems(AssetType.SCHEMA, "s",
                        "{\"entities\": [{\"fields\": [{\"name\": 1}]}, 3], \"metrics\": [{}]}"));
        List<String> r = problems(AssetType.RESOLVER, "r", """
                {"rules": [{"rule_type": "pattern_rule", "rule_data": {"pattern": "([a-z"}},
                           {"rule_type": "alias_mapping", "rule_data": {"source_entity": "A"}},
                           {"rule_type": "magic", "rule_data": []}]}
                """);
        // the fields' kinds first (from the asset model), then the rules of the type
        assertEquals(4, r.size(), r.toString());
        assertEquals("$.rules[2].rule_type: must be one of alias_mapping, pattern_rule, transformation", r.get(0));
        assertEquals("$.rules[2].rule_data: must be an object", r.get(1));
        assertTrue(r.get(2).startsWith("$.rules[0].rule_data.pattern: must be a valid regular expression (RE2"), r.get(2));
        assertEquals("$.rules[1].rule_data.target_entity: is required", r.get(3));
        assertEquals(List.of("$.queries[1].language: must be one of cypher, redis, search, sql",
                        "$.queries[1].statement: must be a non-empty string", "$.queries[1].source: is required",
                        "$.queries[1].params[0].name: is required", "$.queries[1].name: duplicate query name 'a'",
                        "$.bindings[0].query: names no query in $.queries ('b')"),
                problems(AssetType.QUERY, "q", """
                        {"queries": [{"name": "a", "language": "sql", "statement": "SELECT 1", "source": "pg"},
                                     {"name": "a", "language": "gql", "statement": " ", "params": [{}]}],
                         "bindings": [{"query": "b"}, {"query": "a"}]}
                        """));
        assertEquals(List.of("$.rules[0].query: is required", "$.rules[0].blocks[0].type: must be one of chart, markdown,"
                        + " network, passages, table, text, timeline"),
                problems(AssetType.MAPPING, "m", "{\"rules\": [{\"blocks\": [{\"type\": \"pie\"}]}]}"));
        assertEquals(List.of("$.rules: must be an object"), problems(AssetType.PROMPT, "p", "{\"rules\": []}"));
        assertEquals(List.of(), problems(AssetType.PROMPT, "p", "{\"anything\": [1, {\"x\": null}]}"));
        assertEquals(List.of("$.actions[0].action_id: is required"),
                problems(AssetType.SCREEN, "s", "{\"actions\": [{\"label\": \"x\"}]}"));
    }

    /**
     * The planner runs asset patterns on RE2/J: what it cannot compile is refused on save with its path —
     * look-around and back-references too, which java.util.regex would have let through — while plain
     * words and phrases that are no pattern are left alone.
     */
    @Test
    void promptAndPolicyPatternsCompileAsThePlannerRunsThem() {
        List<String> p = problems(AssetType.PROMPT, "p", """
                {"rules": {"thresholds": [{"pattern": "over (?<v>\\\\d+"}],
                           "depth_patterns": ["depth (\\\\d+)", "(?<=hop )\\\\d"],
                           "references": {"patterns": [{"pattern": "(INC-\\\\d+)\\\\1", "event_type": "incident"}]},
                           "time": {"atoms": [{"pattern": "[0-9"}]},
                           "understanding": {"corrections": ["no wait", "(말고"], "type_doubts": ["*vm"],
                                             "state_inclusions": ["@state (것도|ones) 포함", "including (@state"],
                                             "definite_words": ["the", "(this", "^(그"]},
                           "intent_keywords": {"list": ["show (me", "^list [a-"]}}}
                """);
        assertEquals(List.of("$.rules.thresholds[0].pattern", "$.rules.depth_patterns[1]",
                        "$.rules.references.patterns[0].pattern", "$.rules.time.atoms[0].pattern",
                        "$.rules.understanding.corrections[1]", "$.rules.understanding.type_doubts[0]",
                        "$.rules.understanding.state_inclusions[1]", "$.rules.understanding.definite_words[2]",
                        "$.rules.intent_keywords.list[1]"),
                p.stream().map(x -> x.substring(0, x.indexOf(':'))).toList(), p.toString());
        assertTrue(p.stream().allMatch(x -> x.contains("must be a valid regular expression (RE2")), p.toString());
        List<String> policy = problems(AssetType.POLICY, "pol", """
                {"security": {"reject_rules": [{"policy": "x", "patterns": ["drop table", "^(drop|delete"]}],
                              "commands": {"rules": [{"policy": "w", "patterns": ["^rm -rf (?!tmp)"]}]},
                              "blocked_tables": ["^odd"]}}
                """);
        assertEquals(List.of("$.security.reject_rules[0].patterns[1]", "$.security.commands.rules[0].patterns[0]"),
                policy.stream().filter(x -> x.contains("regular expression")).map(x -> x.substring(0, x.indexOf(':')))
                        .toList(), policy.toString());
    }

    @Test
    void contentNameMustBeTheAssetName() {
        List<String> p = problems(AssetType.PROMPT, "ci_planner", "{\"name\": \"other\"}");
        assertEquals(List.of("$.name: must equal the asset name 'ci_planner', got 'other'"), p);
        assertFalse(problems(AssetType.PROMPT, "ci_planner", "{\"name\": 5}").isEmpty());
    }

    @Test
    void llmSettingsOfPromptAndMappingAreChecked() {
        List<String> p = problems(AssetType.PROMPT, "pp", "{\"name\":\"pp\",\"strategy\":\"llm_please\","
                + "\"model\":{\"temperature\":5,\"max_tokens\":0,\"strict\":\"yes\"},"
                + "\"few_shot\":[{\"question\":\"\",\"plan_output\":{\"kind\":\"drop\"}}],\"llm_routes\":{\"direct\":1}}");
        for (String path : List.of("$.strategy", "$.model.temperature", "$.model.max_tokens", "$.model.strict",
                "$.few_shot[0].question", "$.few_shot[0].plan_output.kind", "$.llm_routes.direct")) {
            assertTrue(p.stream().anyMatch(x -> x.startsWith(path + ":")), path + " in " + p);
        }
        List<String> m = problems(AssetType.MAPPING, "mm", "{\"name\":\"mm\",\"rules\":[],"
                + "\"summary\":{\"enabled\":\"on\",\"max_rows\":0}}");
        assertTrue(m.stream().anyMatch(x -> x.startsWith("$.summary.enabled:")), m.toString());
        assertTrue(m.stream().anyMatch(x -> x.startsWith("$.summary.max_rows:")), m.toString());
        assertEquals(List.of(), problems(AssetType.MAPPING, "mm", "{\"name\":\"mm\",\"rules\":[],"
                + "\"summary\":{\"enabled\":true,\"max_rows\":20}}"));
    }
}
