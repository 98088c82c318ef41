package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Declared, typed template parameters: conversion for binding and clear refusals. */
class TemplateParamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static QueryTemplate template(String params) throws Exception {
        return QueryTemplate.from(JSON.readTree("{\"name\":\"t\",\"params\":" + params + "}"));
    }

    private static String refusal(QueryTemplate t, String statement, String language, Map<String, Object> given) {
        OpsException e = assertThrows(OpsException.class, () -> TemplateParams.bind(t, statement, language, given));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        return e.getMessage();
    }

    @Test
    void valuesAreConvertedToTheirDeclaredTypes() throws Exception {
        QueryTemplate t = template("[{\"name\":\"code\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"int\"},"
                + "{\"name\":\"x\",\"type\":\"float\"},{\"name\":\"on\",\"type\":\"boolean\"},"
                + "{\"name\":\"from\",\"type\":\"timestamp\"},{\"name\":\"codes\",\"type\":\"string[]\"}]");
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("codes", List.of("a", "b"));
        given.put("from", "2026-11-20T10:00:00+09:00");
        given.put("on", true);
        given.put("x", 2.0);
        given.put("n", 5.0); // JSON numbers arrive as doubles
        given.put("code", "SVR001");
        Map<String, Object> bound = TemplateParams.bind(t,
                "SELECT 1 WHERE :code = :code AND :n > 0 AND :x > 0 AND :on AND :from < now() AND 'a' = ANY(:codes)",
                "sql", given);
        assertEquals(List.of("code", "n", "x", "on", "from", "codes"), List.copyOf(bound.keySet()), "declaration order");
        assertEquals(5L, bound.get("n"));
        assertEquals(OffsetDateTime.parse("2026-11-20T10:00:00+09:00"), bound.get("from"));
        assertEquals("2026-11-20T10:00+09:00", TemplateParams.printable(bound).get("from"));
    }

    @Test
    void missingExtraWrongTypedAndUndeclaredAreRefused() throws Exception {
        QueryTemplate t = template("[{\"name\":\"n\",\"type\":\"int\"}]");
        assertTrue(refusal(t, "SELECT :n", "sql", Map.of()).contains("params.n is missing (int)"));
        assertTrue(refusal(t, "SELECT :n", "sql", Map.of("n", 1, "m", 2)).contains("params.m is not a parameter"));
        assertTrue(refusal(t, "SELECT :n", "sql", Map.of("n", "1")).contains("params.n must be an integer"));
        assertTrue(refusal(t, "SELECT :n", "sql", Map.of("n", 1.5)).contains("params.n must be an integer"));
        assertTrue(refusal(t, "SELECT :n, :other", "sql", Map.of("n", 1)).contains("other"));
        assertTrue(refusal(t, "MATCH (c) WHERE c.x = $n AND c.y = $y RETURN c", "cypher", Map.of("n", 1))
                .contains("parameter y"));
        QueryTemplate odd = template("[{\"name\":\"v\",\"type\":\"uuid\"}]");
        assertTrue(refusal(odd, "SELECT :v", "sql", Map.of("v", "x")).contains("unsupported type 'uuid'"));
        QueryTemplate ts = template("[{\"name\":\"at\",\"type\":\"timestamp\"}]");
        assertTrue(refusal(ts, "SELECT :at", "sql", Map.of("at", "2026-11-20 10:00")).contains("RFC 3339"));
    }

    @Test
    void aLiteralOrCastIsNotAParameter() throws Exception {
        QueryTemplate t = template("[{\"name\":\"code\",\"type\":\"string\"}]");
        Map<String, Object> bound = TemplateParams.bind(t, "SELECT ':not_a_param', now()::text WHERE c = :code", "sql",
                Map.of("code", "x"));
        assertEquals(Map.of("code", "x"), bound);
    }
}
