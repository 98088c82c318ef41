package dev.opsuite.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load driver: {@code concurrency} virtual users, each sending its next request when
 * the previous one answered, for a warm-up then a measured window. Latency counts requests that
 * started and ended inside the window; throughput counts completions inside it. Asynchronous, so
 * 32 users cost the driver one or two threads, not 32.
 */
final class LoadDriver {
    /** One request; completes with true when the answer was right. */
    interface Call {
        CompletableFuture<Boolean> start();
    }

    record Run(String name, int concurrency, long completed, long errors, double seconds, long[] sortedNanos) {
        double p50Ms() {
            return percentileMs(0.50);
        }

        double p99Ms() {
            return percentileMs(0.99);
        }

        double meanMs() {
            return sortedNanos.length == 0 ? 0 : Arrays.stream(sortedNanos).average().orElse(0) / 1e6;
        }

        double throughput() {
            return seconds == 0 ? 0 : completed / seconds;
        }

        double percentileMs(double q) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(q * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
        }
    }

    /** Called by the driver's own thread at the measured window's start and end (e.g. to read CPU counters). */
    interface Window {
        Window NONE = new Window() {
            @Override
            public void started() {}

            @Override
            public void ended() {}
        };

        void started();

        void ended();
    }

    private LoadDriver() {}

    /**
     * @param maxRequests stop early after this many measured requests (slow calls); 0 = no limit
     */
    static Run run(String name, int concurrency, Duration warmup, Duration measure, long maxRequests, Call call)
            throws InterruptedException {
        return run(name, concurrency, warmup, measure, maxRequests, call, Window.NONE);
    }

    /** As above; {@code window} hears of the measured window's start and end, on time, while the load runs. */
    static Run run(String name, int concurrency, Duration warmup, Duration measure, long maxRequests, Call call,
                   Window window) throws InterruptedException {
        long begin = System.nanoTime();
        long measureStart = begin + warmup.toNanos();
        long end = measureStart + measure.toNanos();
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong lastCompletion = new AtomicLong(measureStart);
        Worker[] workers = new Worker[concurrency];
        for (int i = 0; i < concurrency; i++) {
            workers[i] = new Worker(call, measureStart, end, maxRequests, completed, errors, lastCompletion);
            workers[i].next();
        }
        if (window != Window.NONE) { // only then: a run capped by maxRequests may end before its window
            sleepUntil(measureStart);
            window.started();
            sleepUntil(end);
            window.ended();
        }
        for (Worker w : workers) {
            try {
                // every call carries its own deadline; this bound only guards against a lost callback
                w.done.get(measure.toNanos() + warmup.toNanos() + TimeUnit.SECONDS.toNanos(120), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(name + ": a virtual user did not finish", e);
            }
        }
        long stoppedAt = Math.min(end, Math.max(measureStart + 1, lastCompletion.get()));
        int n = 0;
        for (Worker w : workers) {
            n += w.size;
        }
        long[] all = new long[n];
        int at = 0;
        for (Worker w : workers) {
            System.arraycopy(w.nanos, 0, all, at, w.size);
            at += w.size;
        }
        Arrays.sort(all);
        return new Run(name, concurrency, completed.get(), errors.get(), (stoppedAt - measureStart) / 1e9, all);
    }

    /**
     * One request at a time for about {@code window}: at least {@code minRequests} (slow calls still
     * get a p50) and at most {@code maxRequests}; never past {@code hardCap}.
     */
    static Run sequential(String name, int minRequests, int maxRequests, Duration window, Duration hardCap,
                             Call call) throws InterruptedException {
        long begin = System.nanoTime();
        long[] nanos = new long[maxRequests];
        int n = 0;
        long errors = 0;
        while (n < maxRequests) {
            long elapsed = System.nanoTime() - begin;
            if (elapsed >= hardCap.toNanos() || (elapsed >= window.toNanos() && n >= minRequests)) {
                break;
            }
            long t0 = System.nanoTime();
            boolean ok = await(call);
            nanos[n++] = System.nanoTime() - t0;
            errors += ok ? 0 : 1;
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long[] measured = Arrays.copyOf(nanos, n);
        Arrays.sort(measured);
        return new Run(name, 1, n, errors, seconds, measured);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static boolean await(Call call) throws InterruptedException {
        try {
            return Boolean.TRUE.equals(call.start().get(120, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    private static final class Worker {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        private final Call call;
        private final long measureStart;
        private final long end;
        private final long maxRequests;
        private final AtomicLong completed;
        private final AtomicLong errors;
        private final AtomicLong lastCompletion;
        long[] nanos = new long[1024];
        int size;

        Worker(Call call, long measureStart, long end, long maxRequests, AtomicLong completed, AtomicLong errors,
               AtomicLong lastCompletion) {
            this.call = call;
            this.measureStart = measureStart;
            this.end = end;
            this.maxRequests = maxRequests;
            this.completed = completed;
            this.errors = errors;
            this.lastCompletion = lastCompletion;
        }

        void next() {
            long t0 = System.nanoTime();
            if (t0 >= end || (maxRequests > 0 && completed.get() >= maxRequests)) {
                done.complete(null);
                return;
            }
            CompletableFuture<Boolean> f;
            try {
                f = call.start();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((ok, err) -> {
                long t1 = System.nanoTime();
                if (t1 >= measureStart && t1 <= end) {
                    completed.incrementAndGet();
                    lastCompletion.accumulateAndGet(t1, Math::max);
                    if (err != null || !Boolean.TRUE.equals(ok)) {
                        errors.incrementAndGet();
                    }
                    if (t0 >= measureStart) {
                        record(t1 - t0);
                    }
                }
                next();
            });
        }

        private void record(long ns) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = ns;
        }
    }
}
