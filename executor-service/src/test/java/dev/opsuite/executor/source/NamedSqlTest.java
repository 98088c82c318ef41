package dev.opsuite.executor.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void namedParametersBecomePlaceholdersInOrder() {
        NamedSql sql = NamedSql.parse("SELECT * FROM ci WHERE ci_code = :ci_code AND metric_name = :metric_name"
                + " LIMIT :limit");

        assertEquals("SELECT * FROM ci WHERE ci_code = ? AND metric_name = ? LIMIT ?", sql.jdbcSql());
        assertEquals(List.of("ci_code", "metric_name", "limit"), sql.paramNames());
    }

    @Test
    void castsAreLeftAlone() {
        NamedSql sql = NamedSql.parse("SELECT :ts::timestamptz, value::text, x::numeric(10,2) FROM m WHERE id = :id::int");

        assertEquals("SELECT ?::timestamptz, value::text, x::numeric(10,2) FROM m WHERE id = ?::int", sql.jdbcSql());
        assertEquals(List.of("ts", "id"), sql.paramNames());
    }

    @Test
    void stringLiteralsAreLeftAlone() {
        NamedSql sql = NamedSql.parse("SELECT ':not_a_param', 'it''s :still_not' FROM t WHERE a = :a");

        assertEquals("SELECT ':not_a_param', 'it''s :still_not' FROM t WHERE a = ?", sql.jdbcSql());
        assertEquals(List.of("a"), sql.paramNames());
    }

    @Test
    void quotedIdentifiersAreLeftAlone() {
        NamedSql sql = NamedSql.parse("SELECT \"quoted:ident\", \"a\"\"b:c\" FROM t WHERE x = :x");

        assertEquals("SELECT \"quoted:ident\", \"a\"\"b:c\" FROM t WHERE x = ?", sql.jdbcSql());
        assertEquals(List.of("x"), sql.paramNames());
    }

    @Test
    void lineCommentsAreLeftAlone() {
        NamedSql sql = NamedSql.parse("SELECT 1 -- :comment here\nFROM t WHERE y = :y -- trailing :z");

        assertEquals("SELECT 1 -- :comment here\nFROM t WHERE y = ? -- trailing :z", sql.jdbcSql());
        assertEquals(List.of("y"), sql.paramNames());
    }

    @Test
    void blockCommentsAreLeftAlone() {
        NamedSql sql = NamedSql.parse("SELECT /* :c */ a FROM t /* multi\n line :d */ WHERE b = :b");

        assertEquals("SELECT /* :c */ a FROM t /* multi\n line :d */ WHERE b = ?", sql.jdbcSql());
        assertEquals(List.of("b"), sql.paramNames());
    }

    @Test
    void repeatedNamesAppearOncePerOccurrence() {
        NamedSql sql = NamedSql.parse("SELECT * FROM e WHERE a = :ci OR b = :other OR c = :ci");

        assertEquals("SELECT * FROM e WHERE a = ? OR b = ? OR c = ?", sql.jdbcSql());
        assertEquals(List.of("ci", "other", "ci"), sql.paramNames());
    }

    @Test
    void arrayParameterInsideAny() {
        NamedSql sql = NamedSql.parse("SELECT * FROM ci_alias WHERE alias_norm = ANY(:mentions)");

        assertEquals("SELECT * FROM ci_alias WHERE alias_norm = ANY(?)", sql.jdbcSql());
        assertEquals(List.of("mentions"), sql.paramNames());
    }

    @Test
    void statementWithoutParametersIsUnchanged() {
        String text = "SELECT now(), 'a:b', x FROM t WHERE y > 1";
        NamedSql sql = NamedSql.parse(text);

        assertEquals(text, sql.jdbcSql());
        assertEquals(List.of(), sql.paramNames());
    }

    @Test
    void colonNotFollowedByANameIsKept() {
        NamedSql sql = NamedSql.parse("SELECT arr[1:2], :p FROM t");

        assertEquals("SELECT arr[1:2], ? FROM t", sql.jdbcSql());
        assertEquals(List.of("p"), sql.paramNames());
    }
}
