package dev.opsuite.guard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Cypher guard of VALIDATE: comments, strings and quoted names cannot hide a clause, nor fake one. */
class CypherGuardTest {
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
