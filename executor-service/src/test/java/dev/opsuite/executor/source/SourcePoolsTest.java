package dev.opsuite.executor.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.model.AssetDoc;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pools per source version: one per version, retired by name@version, bounded in count and idle time. */
class SourcePoolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A hand-written pool that only records being closed. */
    private static final class FakePool implements AutoCloseable {
        final String ref;
        boolean closed;

        FakePool(AssetDoc source) {
            this.ref = source.ref();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static AssetDoc source(String name, int version, String status, String host) {
        ObjectNode content = JSON.createObjectNode().put("name", name).put("type", "postgres");
        content.putObject("connection").put("host", host);
        return new AssetDoc("source", name, version, status, content);
    }

    @Test
    void eachVersionGetsItsOwnPoolAndRetireClosesOnlyThatVersion() {
        try (SourcePools<FakePool> pools = new SourcePools<>(10, Duration.ofHours(1))) {
            FakePool v1 = pools.get(source("pg", 1, "published", "h"), FakePool::new);
            assertSame(v1, pools.get(source("pg", 1, "published", "h"), FakePool::new), "reused within a version");
            FakePool v2 = pools.get(source("pg", 2, "published", "h"), FakePool::new);
            FakePool other = pools.get(source("other", 1, "published", "h"), FakePool::new);
            assertEquals(List.of("other@1", "pg@1", "pg@2"), pools.open());

            assertEquals(List.of("pg@1"), pools.retire("pg", 1));
            assertTrue(v1.closed);
            assertFalse(v2.closed || other.closed);
            assertEquals(List.of(), pools.retire("pg", 1), "retiring twice closes nothing");
            assertEquals(List.of("pg@2"), pools.retire("pg", 0), "version 0 retires every version of the name");
            assertTrue(v2.closed);
            assertEquals(List.of("other@1"), pools.open());
        }
    }

    @Test
    void aDraftAndAChangedConnectionDoNotShareAPool() {
        try (SourcePools<FakePool> pools = new SourcePools<>(10, Duration.ofHours(1))) {
            FakePool a = pools.get(source("pg", 3, "draft", "h"), FakePool::new);
            FakePool b = pools.get(source("pg", 3, "draft", "other-host"), FakePool::new);
            assertFalse(a == b);
            assertEquals("pg@3(draft)", a.ref);
            assertEquals(2, pools.retire("pg", 3).size());
        }
    }

    @Test
    void aboveTheLimitTheLeastRecentlyUsedPoolIsClosed() {
        try (SourcePools<FakePool> pools = new SourcePools<>(2, Duration.ofHours(1))) {
            FakePool first = pools.get(source("a", 1, "published", "h"), FakePool::new);
            FakePool second = pools.get(source("b", 1, "published", "h"), FakePool::new);
            pools.get(source("a", 1, "published", "h"), FakePool::new); // a is now more recent than b
            FakePool third = pools.get(source("c", 1, "published", "h"), FakePool::new);
            assertTrue(second.closed, "b was the least recently used");
            assertFalse(first.closed || third.closed);
            assertEquals(List.of("a@1", "c@1"), pools.open());
        }
    }

    @Test
    void poolsIdleLongerThanTheLimitAreClosedWhenAnotherIsTaken() {
        SourcePools<FakePool> pools = new SourcePools<>(10, Duration.ZERO);
        FakePool old = pools.get(source("a", 1, "published", "h"), FakePool::new);
        FakePool now = pools.get(source("b", 1, "published", "h"), FakePool::new);
        assertTrue(old.closed, "idle past the limit");
        assertFalse(now.closed, "the pool being taken is never evicted");
        pools.close();
        assertTrue(now.closed);
        assertEquals(List.of(), pools.open());
    }
}
