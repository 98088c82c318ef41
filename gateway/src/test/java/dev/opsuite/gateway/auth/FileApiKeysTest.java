package dev.opsuite.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.errors.OpsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileApiKeysTest {
    @TempDir
    Path dir;

    @Test
    void aKeyIsShownOnceStoredHashedAndVerified() throws Exception {
        Path file = dir.resolve("keys.json");
        FileApiKeys keys = new FileApiKeys(file);
        ApiKeys.Created c = keys.create("ci-bot", List.of("operator"));
        assertTrue(c.token().matches("ops_[a-z0-9]{12}_[A-Za-z0-9_-]{43}"), c.token());
        String stored = Files.readString(file);
        assertFalse(stored.contains(c.token().substring(17)), "the secret is not stored");
        assertTrue(stored.contains("\"iterations\" : " + FileApiKeys.ITERATIONS), stored);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Principal p = keys.verify(c.token()).orElseThrow();
        assertEquals("ci-bot", p.name());
        assertEquals(List.of("operator", "viewer"), p.roles());
        // another process (a fresh instance on the same file) knows it too
        assertTrue(new FileApiKeys(file).verify(c.token()).isPresent());
    }

    @Test
    void wrongMalformedAndRevokedTokensAreRefused() {
        FileApiKeys keys = new FileApiKeys(dir.resolve("keys.json"));
        ApiKeys.Created c = keys.create("ci-bot", List.of("viewer"));
        String forged = c.token().substring(0, c.token().length() - 1) + (c.token().endsWith("A") ? "B" : "A");
        assertTrue(keys.verify(forged).isEmpty());
        assertTrue(keys.verify("ops_" + "a".repeat(12) + "_" + "b".repeat(43)).isEmpty());
        assertTrue(keys.verify("Robert'); DROP TABLE keys;--").isEmpty());
        assertTrue(keys.verify("").isEmpty());
        assertTrue(keys.verify(c.token()).isPresent());
        FileApiKeys other = new FileApiKeys(dir.resolve("keys.json"));
        other.revoke(c.key().id()).orElseThrow();
        assertTrue(keys.verify(c.token()).isEmpty(), "a revocation by another instance takes effect at once");
        assertFalse(keys.hasActiveAdmin());
    }

    @Test
    void namesAndRolesAreChecked() {
        FileApiKeys keys = new FileApiKeys(dir.resolve("keys.json"));
        assertThrows(OpsException.class, () -> keys.create("", List.of("viewer")));
        assertThrows(OpsException.class, () -> keys.create("x", List.of()));
        assertThrows(OpsException.class, () -> keys.create("x", List.of("Admin;drop")));
        assertThrows(OpsException.class, () -> keys.create("x\n", List.of("viewer")));
        assertTrue(keys.revoke("nope").isEmpty());
    }
}
