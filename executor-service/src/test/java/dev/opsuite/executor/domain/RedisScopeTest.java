package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.guard.ScopedTemplates;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A scoped caller and a redis template: Redis cannot filter by codes, so EXECUTE keeps only the rows in scope. */
class RedisScopeTest {
    private static QueryTemplate template(String scope) throws Exception {
        return QueryTemplate.from(ModelJson.MAPPER.readTree("{\"name\": \"live_heartbeat_missed\", \"language\": \"redis\", "
                + "\"statement\": \"ZRANGEBYSCORE heartbeat:server:last_seen -inf {time_from} WITHSCORES\""
                + (scope == null ? "" : ", \"scope\": " + scope) + "}"));
    }

    @Test
    void rowsOfCisOutsideTheScopeAreLeftOut() throws Exception {
        SqlPort.Tabular t = new SqlPort.Tabular(List.of("ci_code", "ts"), List.of(List.of("SVR005", "t1"),
                List.of("SVR037", "t2"), List.of("SVR046", "t3")), false);
        SqlPort.Tabular kept = ScopeCheck.redisRows(template("{\"columns\": [\"ci_code\"]}"), t, Set.of("SVR037"));
        assertEquals(List.of(List.of("SVR037", "t2")), kept.rows());
    }

    @Test
    void aResultWithoutTheScopeColumnsIsRefusedAndATemplateWithoutThemCannotRunScoped() throws Exception {
        SqlPort.Tabular t = new SqlPort.Tabular(List.of("member", "score"), List.of(List.of("SVR005", 1L)), false);
        OpsException e = assertThrows(OpsException.class,
                () -> ScopeCheck.redisRows(template("{\"columns\": [\"ci_code\"]}"), t, Set.of("SVR005")));
        assertEquals(ErrorCode.POLICY_DENIED, e.code());
        assertTrue(ScopedTemplates.problem(template(null)).isPresent());
        assertTrue(ScopedTemplates.problem(template("{\"columns\": []}")).isPresent());
        assertTrue(ScopedTemplates.problem(template("{\"columns\": [\"ci_code\"]}")).isEmpty());
    }
}
