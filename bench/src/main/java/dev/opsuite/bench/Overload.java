package dev.opsuite.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop overload: asks arrive at a fixed rate (a multiple of the throughput measured at c=8 in the
 * same run), whatever the answers do — unlike the closed loops, which slow down with the product.
 * Reports what was answered (and how fast), what was refused at once (429/503, and how fast), and what
 * failed otherwise (timeouts, resets).
 */
final class Overload {
    private Overload() {}

    static ObjectNode run(RestProbe rest, String question, double ratePerSecond, Duration window) throws Exception {
        List<Long> okNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> shedNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicLong other = new AtomicLong();
        List<CompletableFuture<?>> all = new ArrayList<>();
        long intervalNanos = (long) (1_000_000_000L / ratePerSecond);
        long begin = System.nanoTime();
        long end = begin + window.toNanos();
        long next = begin;
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long sent = System.nanoTime();
            all.add(rest.askStatus(question).thenAccept(status -> {
                long took = System.nanoTime() - sent;
                if (status == 200) {
                    okNanos.add(took);
                } else if (status == 429 || status == 503) {
                    shedNanos.add(took);
                } else {
                    other.incrementAndGet();
                }
            }));
            next += intervalNanos;
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double seconds = window.toNanos() / 1e9;
        ObjectNode r = ModelJson.MAPPER.createObjectNode();
        r.put("offered_rps", Math.round(ratePerSecond)).put("sent", all.size()).put("seconds", seconds)
                .put("answered", okNanos.size()).put("answered_rps", Math.round(okNanos.size() / seconds))
                .put("answered_p50_ms", pct(okNanos, 0.5)).put("answered_p99_ms", pct(okNanos, 0.99))
                .put("refused", shedNanos.size()).put("refused_p99_ms", pct(shedNanos, 0.99))
                .put("failed_otherwise", other.get());
        return r;
    }

    private static double pct(List<Long> nanos, double q) {
        List<Long> s = new ArrayList<>(nanos);
        if (s.isEmpty()) {
            return 0;
        }
        Collections.sort(s);
        return Math.round(s.get(Math.min(s.size() - 1, (int) Math.ceil(q * s.size()) - 1)) / 10_000.0) / 100.0;
    }
}
