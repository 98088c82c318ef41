package dev.opsuite.kit.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LruTest {
    @Test
    void dropsTheLeastRecentlyUsedBeyondItsBound() {
        Map<String, Integer> m = Lru.bounded(2);
        m.put("a", 1);
        m.put("b", 2);
        assertEquals(1, m.get("a")); // "a" is now the most recently used
        m.put("c", 3);
        assertEquals(2, m.size());
        assertNull(m.get("b"));
        assertEquals(1, m.get("a"));
        assertEquals(3, m.get("c"));
    }
}
