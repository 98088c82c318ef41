package dev.opsuite.kit.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BreakersTest {
    static final class Down extends RuntimeException {
        Down() {
            super("connection refused");
        }
    }

    static final class Open extends RuntimeException {
        Open(String last) {
            super("open: " + last);
        }
    }

    @Test
    void twoOutagesOpenItThenCallsFailAtOnceUntilTheProbeSeesTheDependencyBack() throws Exception {
        AtomicBoolean up = new AtomicBoolean(false);
        AtomicInteger reached = new AtomicInteger();
        try (Breakers b = new Breakers("test", Duration.ofMillis(50))) {
            java.util.function.Supplier<String> call = () -> {
                reached.incrementAndGet();
                if (!up.get()) {
                    throw new Down();
                }
                return "ok";
            };
            for (int i = 0; i < 2; i++) {
                assertThrows(Down.class, () -> b.call("db", call, e -> e instanceof Down, up::get, Open::new));
            }
            assertTrue(b.isOpen("db"));
            Open open = assertThrows(Open.class, () -> b.call("db", call, e -> e instanceof Down, up::get, Open::new));
            assertEquals("open: connection refused", open.getMessage());
            assertEquals(2, reached.get(), "an open breaker does not reach the dependency");
            assertEquals("OPEN", b.states().get(0).state());
            up.set(true);
            for (int i = 0; i < 100 && b.isOpen("db"); i++) {
                Thread.sleep(20);
            }
            assertFalse(b.isOpen("db"), "the background probe closed it");
            assertEquals("ok", b.call("db", call, e -> e instanceof Down, up::get, Open::new));
        }
    }

    @Test
    void anErrorOfTheRequestsOwnMakingDoesNotCount() {
        try (Breakers b = new Breakers("test", Duration.ofSeconds(60))) {
            for (int i = 0; i < 5; i++) {
                assertThrows(IllegalArgumentException.class, () -> b.call("db", () -> {
                    throw new IllegalArgumentException("bad statement");
                }, e -> e instanceof Down, () -> true, Open::new));
            }
            assertFalse(b.isOpen("db"));
            assertThrows(Down.class, () -> b.call("db", () -> {
                throw new Down();
            }, e -> e instanceof Down, () -> false, Open::new));
            assertFalse(b.isOpen("db"), "one outage alone does not open it");
        }
    }
}
