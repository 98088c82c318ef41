package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.executor.ExecutorConfig;
import dev.opsuite.executor.ExecutorServiceApp;
import dev.opsuite.gateway.GatewayApp;
import dev.opsuite.gateway.GatewayConfig;
import dev.opsuite.kit.config.Env;
import dev.opsuite.planner.PlannerConfig;
import dev.opsuite.planner.PlannerServiceApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two executor-service replicas and a planner run apart (their own servers on loopback TCP), a gateway given
 * both executors as OPS_EXECUTOR_TARGET and calling over TCP. Several callers ask for some seconds; in the middle
 * one executor dies while a call runs on it (every connection reset, its port refusing — a killed process as the
 * network sees it; the service is closed after). No
 * ask fails: calls on the dead replica are repeated on the other, which serves the rest, and the gateway's
 * breaker for executor-service stays closed.
 */
class ReplicasEndToEndTest {
    private static final int CALLERS = 4;
    private static final long RUN_MS = 8_000;
    private static final long KILL_AT_MS = 3_000;

    private record Ask(long startNanos, long endNanos, int status, String problem) {}

    @Test
    void anExecutorKilledUnderLoadFailsNoAsk() throws Exception {
        AllInOne ops = OpsStack.get();
        Path data = TempData.create("ops-replicas-");
        Env env = ops.serviceEnv();
        ExecutorServiceApp executorA = ExecutorServiceApp.start(ExecutorConfig.from(env.with(Map.of("OPS_EXECUTOR_PORT", "0"))));
        ExecutorServiceApp executorB = ExecutorServiceApp.start(ExecutorConfig.from(env.with(Map.of("OPS_EXECUTOR_PORT", "0"))));
        KillableProxy a = new KillableProxy(executorA.port());
        KillableProxy b = new KillableProxy(executorB.port());
        String executors = "127.0.0.1:" + a.port() + ",127.0.0.1:" + b.port();
        PlannerServiceApp planner = PlannerServiceApp.start(PlannerConfig.from(env.with(Map.of(
                "OPS_PLANNER_PORT", "0", "OPS_EXECUTOR_TARGET", executors))));
        GatewayApp gateway = GatewayApp.start(GatewayConfig.from(env.with(Map.of(
                "OPS_HTTP_PORT", "0",
                "OPS_PLANNER_TARGET", "127.0.0.1:" + planner.port(),
                "OPS_EXECUTOR_TARGET", executors,
                "OPS_TRACE_TARGET", "127.0.0.1:" + ops.tracePort(),
                "OPS_STAGE_TRANSPORT", "tcp", // never in-process, though the services share this JVM
                "OPS_RATE_PER_SECOND", "0",
                "OPS_CONCURRENT_PER_CALLER", "1000",
                "OPS_DATA_DIR", data.toString(),
                "OPS_KEYS_FILE", ops.keysFile().toString()))));
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        AtomicBoolean aClosed = new AtomicBoolean();
        try {
            Http http = new Http(ops, gateway.port());
            Http.Reply warm = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
            assertEquals(200, warm.status(), warm.raw());
            assertTrue(warm.data().path("answer").asText().contains("SVR001"), warm.raw());

            AtomicBoolean stop = new AtomicBoolean();
            long t0 = System.nanoTime();
            List<Future<List<Ask>>> runs = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                int caller = c;
                runs.add(callers.submit(() -> {
                    List<Ask> asks = new ArrayList<>();
                    for (int i = 0; !stop.get(); i++) {
                        boolean serverA = (caller + i) % 2 == 0;
                        long start = System.nanoTime();
                        Http.Reply r = http.post("/ops/ci/ask", Http.ask(serverA ? "서버A의 CPU 사용량은?" : "서버B의 CPU 사용량은?"));
                        String answer = r.data().path("answer").asText();
                        String problem = r.status() != 200 ? r.raw()
                                : !answer.contains(serverA ? "SVR001" : "SVR002") ? "unexpected answer: " + r.raw()
                                : null;
                        asks.add(new Ask(start, System.nanoTime(), r.status(), problem));
                    }
                    return asks;
                }));
            }
            Thread.sleep(KILL_AT_MS);
            long aBefore = a.bytesIn();
            long bBefore = b.bytesIn();
            long killedAt = a.killDuringNextCall(5_000); // a call in flight on A dies with it
            aClosed.set(true);
            executorA.close();
            Thread.sleep(Math.max(0, RUN_MS - (System.nanoTime() - t0) / 1_000_000));
            stop.set(true);
            List<Ask> asks = new ArrayList<>();
            for (Future<List<Ask>> f : runs) {
                asks.addAll(f.get(60, TimeUnit.SECONDS));
            }
            List<String> failed = asks.stream().filter(x -> x.problem() != null).map(Ask::problem).toList();
            long after = asks.stream().filter(x -> x.startNanos() > killedAt).count();
            long spanning = asks.stream().filter(x -> x.startNanos() <= killedAt && x.endNanos() >= killedAt).count();
            long maxSpanningMs = asks.stream().filter(x -> x.startNanos() <= killedAt && x.endNanos() >= killedAt)
                    .mapToLong(x -> (x.endNanos() - x.startNanos()) / 1_000_000).max().orElse(0);
            long firstAfterMs = asks.stream().filter(x -> x.startNanos() > killedAt && x.problem() == null)
                    .mapToLong(x -> (x.endNanos() - killedAt) / 1_000_000).min().orElse(-1);
            long maxMs = asks.stream().mapToLong(x -> (x.endNanos() - x.startNanos()) / 1_000_000).max().orElse(0);
            System.out.printf("replicas: %d asks in %d ms by %d callers, %d failed; %d in flight at the kill (longest"
                            + " %d ms), %d asked after it (first answered %d ms after the kill); slowest ask %d ms;"
                            + " bytes to executor A %d before the kill, to B %d before and %d after%n",
                    asks.size(), (System.nanoTime() - t0) / 1_000_000, CALLERS, failed.size(), spanning, maxSpanningMs,
                    after, firstAfterMs, maxMs, aBefore, bBefore, b.bytesIn() - bBefore);

            assertEquals(List.of(), failed.stream().limit(5).toList(), failed.size() + " of " + asks.size() + " asks failed");
            assertTrue(aBefore > 0 && bBefore > 0, "both replicas served before the kill: " + aBefore + " / " + bBefore);
            assertTrue(after >= 10, "asks went on after the kill: " + after);
            assertTrue(b.bytesIn() - bBefore > bBefore / 10, "the surviving replica served the rest");
            // the service as a whole stayed reachable: its breaker never opened, health still ready
            Http.Reply health = http.get("/ops/health");
            assertEquals(200, health.status(), health.raw());
            assertFalse(health.raw().contains("OPEN"), health.raw());
        } finally {
            callers.shutdownNow();
            gateway.close();
            planner.close();
            a.close();
            b.close();
            if (!aClosed.get()) {
                executorA.close();
            }
            executorB.close();
            TempData.delete(data);
        }
    }
}
