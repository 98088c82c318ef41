package dev.opsuite.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Redis: loopback only, never reachable without a password, no stale server left. */
class EmbeddedRedisProcessTest {
    @TempDir
    Path dir;

    @Test
    void startsOnLoopbackWithPasswordsAndStopsCleanly() throws Exception {
        try (EmbeddedRedisProcess redis = EmbeddedRedisProcess.start(dir, 0)) {
            assertTrue(EmbeddedRedisProcess.ping(redis.port(), "default", redis.adminPassword(), null));
            assertTrue(EmbeddedRedisProcess.ping(redis.port(), EmbeddedRedisProcess.READER, redis.readerPassword(), null));
            assertFalse(EmbeddedRedisProcess.ping(redis.port(), "default", "wrong", null), "a wrong password is refused");
            assertNotEquals(redis.adminPassword(), redis.readerPassword());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve(EmbeddedRedisProcess.READER_PASSWORD_FILE))));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("redis.conf"))));
            assertFalse(ProcessHandle.of(redis.pid()).orElseThrow().info().commandLine().orElse("")
                    .contains(redis.adminPassword()), "no password on the command line");
        }
    }

    @Test
    void aServerLeftByAKilledRunIsStoppedAtTheNextStart() throws Exception {
        EmbeddedRedisProcess first = EmbeddedRedisProcess.start(dir, 0);
        long stale = first.pid(); // not closed: as if this JVM had been killed
        try (EmbeddedRedisProcess second = EmbeddedRedisProcess.start(dir, 0)) {
            assertFalse(ProcessHandle.of(stale).map(ProcessHandle::isAlive).orElse(false), "the stale server is gone");
            assertTrue(second.isAlive());
        } finally {
            first.close();
        }
    }
}
