package dev.opsuite.executor.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceTargetsTest {

    private static void refused(Runnable r) {
        OpsException e = assertThrows(OpsException.class, r::run);
        assertEquals(ErrorCode.POLICY_DENIED, e.code(), e.getMessage());
    }

    @Test
    void theDefaultAllowsLoopbackOnly() {
        SourceTargets t = SourceTargets.loopbackOnly();
        t.check("s", "127.0.0.1", 5432);
        t.check("s", "localhost", 5432);
        t.checkJdbc("s", "jdbc:postgresql://127.0.0.1:5432/ops");
        t.checkUri("s", "bolt://127.0.0.1:7687", 7687);
        refused(() -> t.check("s", "10.1.2.3", 5432));
        refused(() -> t.checkJdbc("s", "jdbc:postgresql://127.0.0.1:5432,10.9.9.9:5432/ops"));
    }

    @Test
    void metadataLinkLocalWildcardAndOwnPortsAreNeverAllowed() {
        SourceTargets t = new SourceTargets(List.of("*"), Set.of(8080, 9092));
        t.check("s", "10.1.2.3", 5432);
        refused(() -> t.check("s", "169.254.169.254", 80));
        refused(() -> t.checkUri("s", "bolt://169.254.169.254:7687", 7687));
        refused(() -> t.check("s", "metadata.google.internal", 80));
        refused(() -> t.check("s", "fe80::1", 5432));
        refused(() -> t.check("s", "0.0.0.0", 5432));
        refused(() -> t.check("s", "127.0.0.1", 8080));
        refused(() -> t.checkJdbc("s", "jdbc:postgresql://127.0.0.1:9092/ops"));
    }

    @Test
    void cidrsAndNamesAreMatchedExactly() {
        SourceTargets t = new SourceTargets(List.of("10.20.0.0/16", "db.internal.example"), Set.of());
        t.check("s", "10.20.255.1", 5432);
        refused(() -> t.check("s", "10.21.0.1", 5432));
        refused(() -> t.check("s", "127.0.0.1", 5432));
        assertThrows(IllegalArgumentException.class, () -> new SourceTargets(List.of("10.0.0.0/40"), Set.of()));
    }

    @Test
    void jdbcParametersThatLoadClassesOrWriteFilesAreRefused() {
        SourceTargets t = SourceTargets.loopbackOnly();
        for (String p : new String[] {"socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext",
                "sslfactory=x", "loggerFile=/tmp/x", "authenticationPluginClassName=x"}) {
            OpsException e = assertThrows(OpsException.class, () -> t.checkJdbc("s",
                    "jdbc:postgresql://127.0.0.1:5432/ops?" + p));
            assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
        }
    }
}
