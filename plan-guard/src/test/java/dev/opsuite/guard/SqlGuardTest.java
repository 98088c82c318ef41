package dev.opsuite.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlGuardTest {
    private final SqlGuard guard = new SqlGuard(Set.of("SELECT"), Set.of("users", "credentials"), Set.of("public"),
            Set.of("count", "avg", "max", "length", "any"));

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT ci_code, ci_name FROM ci WHERE ci_code = :ci_code",
        "SELECT c.ci_code, m.value FROM ci c JOIN LATERAL (SELECT value FROM ci_metric WHERE ci_code = c.ci_code ORDER BY ts DESC LIMIT 1) m ON true",
        "WITH x AS (SELECT ci_code FROM ci) SELECT count(*) FROM x",
        "SELECT a.ci_code FROM ci_alias a WHERE a.alias_norm = ANY(:mentions) ORDER BY length(a.alias_norm) DESC",
        "SELECT avg(value) FROM public.ci_metric"
    })
    void readOnlySelectsOnAllowedTablesPass(String sql) {
        SqlGuard.Verdict v = guard.check(sql);
        assertTrue(v.allowed(), sql + " -> " + v.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DELETE FROM ci | allowed_operations",
        "UPDATE ci SET status = 'x' | allowed_operations",
        "SELECT 1; DROP TABLE ci | single_statement",
        "WITH d AS (DELETE FROM ci RETURNING *) SELECT * FROM d | allowed_operations",
        "SELECT * FROM credentials | blocked_tables",
        "SELECT * FROM ci JOIN users u ON true | blocked_tables",
        "SELECT * FROM (SELECT secret FROM public.credentials) s | blocked_tables",
        "SELECT * FROM ops.traces | schema_allowlist",
        "SELECT * FROM pg_catalog.pg_shadow | schema_allowlist",
        "SELECT rolname, rolpassword FROM pg_authid | schema_allowlist",
        "SELECT * FROM pg_shadow | schema_allowlist",
        "SELECT usename, passwd FROM \"pg_shadow\" | schema_allowlist",
        "SELECT * FROM ci WHERE ci_code IN (SELECT rolname FROM pg_roles) | schema_allowlist",
        "WITH x AS (SELECT * FROM pg_stat_activity) SELECT * FROM x | schema_allowlist",
        "SELECT * FROM information_schema.tables | schema_allowlist",
        "SELECT pg_sleep(10) | allowed_functions",
        "SELECT * INTO newtable FROM ci | allowed_operations",
        "SELECT * FROM ci FOR UPDATE | allowed_operations",
        "SELEC garbage FROM | parse"
    })
    void everythingElseIsDenied(String sql, String rule) {
        SqlGuard.Verdict v = guard.check(sql);
        assertFalse(v.allowed(), sql);
        assertEquals(rule, v.rule(), sql + " -> " + v.reason());
    }
}
