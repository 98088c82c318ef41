package dev.opsuite.guard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Cypher guard of VALIDATE: comments, strings and quoted names cannot hide a clause, nor fake one. */
class CypherGuardTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "MATCH (n RETURN n",                                  // not Cypher: refused, never guessed at
        "MATCH (n) RETURN n; MATCH (m) RETURN m",             // a second statement, even a read
        "MATCH (n)-[r]->(m RETURN n",
    })
    void whatTheParserCannotReadIsRefused(String cypher) {
        java.util.Optional<String> why = CypherGuard.refusal(cypher);
        assertTrue(why.isPresent(), cypher);
    }

    @org.junit.jupiter.api.Test
    void everyShippedCypherTemplatePasses() throws Exception {
        var asset = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                java.nio.file.Path.of("..", "assets", "defaults", "query", "ci_queries.json").toFile());
        int n = 0;
        for (var q : asset.path("queries")) {
            if (q.path("language").asText().equals("cypher")) {
                n++;
                assertTrue(CypherGuard.refusal(q.path("statement").asText()).isEmpty(), q.path("name").asText() + ": "
                        + CypherGuard.refusal(q.path("statement").asText()));
            }
        }
        assertTrue(n >= 6, "the shipped Query asset has its graph templates: " + n);
    }

    @org.junit.jupiter.api.Test
    void theParserNamesTheClause() {
        // the parser layer alone (the keyword scan is what refuses these first in refusal())
        assertTrue(CypherGuard.refusal("MATCH (n RETURN n").orElseThrow().contains("cannot be parsed"));
        assertTrue(CypherGuard.refusal("MATCH (n) DETACH DELETE n").orElseThrow().contains("DETACH"));
        assertTrue(CypherGuard.refusal("MATCH (n) RETURN n;").isEmpty(), "a trailing semicolon is one statement");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
        "LOAD/**/CSV FROM 'file:///etc/passwd' AS l RETURN l",
        "LOAD// a comment\nCSV FROM 'https://evil.example/x' AS l RETURN l",
        "MATCH (n) DETACH DELETE n",
        "MATCH (n:CI) SET n.x = 1 RETURN n",
        "MATCH (n) CALL { WITH n CREATE (m) } RETURN n",
        "CALL dbms.listConfig()",
        "CALL db.labels()",
        "USE system SHOW USERS",
        "MATCH (n) FOREACH (x IN [1] | CREATE (m))",
        "match (n) merge (m:X) return m",
    })
    void writesFileReadsProceduresAndOtherDatabasesAreRefused(String cypher) {
        assertTrue(PlanValidator.cypherWrites(cypher), cypher);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "MATCH (t:CI {ci_code: $ci_code})-[r]-(d:CI) RETURN d.ci_code",
        "MATCH (n:CI) WHERE n.ci_name = 'CREATE TABLE x' RETURN n",
        "MATCH (n:CI) WHERE n.title CONTAINS \"delete me\" RETURN n // set aside",
        "MATCH (n:`SET`) RETURN n.created_at AS created, n.loaded AS setting",
    })
    void readsAndWordsInsideStringsPass(String cypher) {
        assertFalse(PlanValidator.cypherWrites(cypher), cypher);
    }
}
