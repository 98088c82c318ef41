package dev.opsuite.kit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Env's strict mode: a read of a name the catalog does not declare throws, naming it. */
class EnvStrictTest {
    private String before;

    @BeforeEach
    void strict() {
        before = System.getProperty(Env.STRICT_PROPERTY);
        System.setProperty(Env.STRICT_PROPERTY, "true");
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Env.STRICT_PROPERTY);
        } else {
            System.setProperty(Env.STRICT_PROPERTY, before);
        }
    }

    @Test
    void anUndeclaredNameIsRefusedByEveryRead() {
        Env env = Env.of(Map.of("OPS_NOT_DECLARED_ANYWHERE", "1"));
        for (Runnable read : new Runnable[] {() -> env.get("OPS_NOT_DECLARED_ANYWHERE"),
                () -> env.get("OPS_NOT_DECLARED_ANYWHERE", "x"), () -> env.getInt("OPS_NOT_DECLARED_ANYWHERE", 1),
                () -> env.require("OPS_NOT_DECLARED_ANYWHERE")}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, read::run);
            assertTrue(e.getMessage().startsWith("OPS_NOT_DECLARED_ANYWHERE is read but not declared"), e.getMessage());
        }
    }

    @Test
    void declaredNamesAndFamilyMembersAreRead() {
        Env env = Env.of(Map.of("OPS_HTTP_PORT", "9999", "OPS_SECRET_ENVSTRICT_TEST", "v"));
        assertEquals(9999, env.getInt("OPS_HTTP_PORT", 8080));
        assertEquals(Optional.of("v"), env.get("OPS_SECRET_ENVSTRICT_TEST"));
    }

    @Test
    void theVariableADeclaredReferenceNamesIsRead() {
        Env named = Env.of(Map.of("OPS_LLM_API_KEY_REF", "ENVSTRICT_TEST_KEY", "ENVSTRICT_TEST_KEY", "k"));
        assertEquals(Optional.of("k"), named.get("ENVSTRICT_TEST_KEY"));

        Env unnamed = Env.of(Map.of("ENVSTRICT_TEST_KEY", "k"));
        assertThrows(IllegalStateException.class, () -> unnamed.get("ENVSTRICT_TEST_KEY"));
    }

    @Test
    void withoutStrictModeAnyNameIsRead() {
        System.setProperty(Env.STRICT_PROPERTY, "false");
        assertEquals(Optional.of("1"), Env.of(Map.of("OPS_NOT_DECLARED_ANYWHERE", "1")).get("OPS_NOT_DECLARED_ANYWHERE"));
    }
}
