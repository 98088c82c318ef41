package dev.opsuite.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * `./ops bench --soak [minutes]`: a mix of question kinds offered open-loop at 70 % of the maximum
 * throughput measured just before, for the given time; at the start, the middle and the end the
 * all-in-one's heap after a full GC (jcmd GC.run, GC.heap_info), RSS, threads and open sockets are
 * read. Passes when no ask failed, heap and RSS stay within 10 % and threads and sockets do not grow.
 */
final class Soak {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private Soak() {}

    /** Closed loop c=8 over the mix: the maximum throughput, requests per second. */
    static double maxThroughput(RestProbe rest, List<String> mix) throws InterruptedException {
        AtomicLong i = new AtomicLong();
        LoadDriver.Run r = LoadDriver.run("soak max", 8, Duration.ofSeconds(15), Duration.ofSeconds(15), 0,
                () -> rest.askStatus(mix.get((int) (i.getAndIncrement() % mix.size()))).thenApply(s -> s == 200));
        return r.completed() / r.seconds();
    }

    static ObjectNode run(RestProbe rest, long pid, List<String> mix, double rate, Duration length) throws Exception {
        ObjectNode out = ModelJson.MAPPER.createObjectNode();
        out.put("offered_rps", Math.round(rate * 10) / 10.0).put("minutes", length.toSeconds() / 60.0);
        ArrayNode samples = out.putArray("samples");
        samples.add(sample("start", pid));
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        java.util.Map<String, Long> errorsBy = new java.util.concurrent.ConcurrentHashMap<>();
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        long interval = (long) (1e9 / rate);
        long begin = System.nanoTime();
        long end = begin + length.toNanos();
        long next = begin;
        boolean midTaken = false;
        long n = 0;
        while (next < end) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            if (!midTaken && System.nanoTime() - begin >= length.toNanos() / 2) {
                samples.add(sample("middle", pid));
                midTaken = true;
            }
            String question = mix.get((int) (n++ % mix.size()));
            inFlight.add(rest.askStatus(question).thenAccept(s -> {
                if (s == 200) {
                    answered.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    errorsBy.merge(s + " " + question, 1L, Long::sum);
                }
            }));
            inFlight.removeIf(CompletableFuture::isDone);
            next += interval;
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        samples.add(sample("end", pid));
        out.put("asked", n).put("answered", answered.get()).put("errors", failed.get());
        ObjectNode by = out.putObject("errors_by_status_and_question");
        errorsBy.forEach(by::put);
        verdict(out, samples);
        return out;
    }

    private static void verdict(ObjectNode out, ArrayNode s) {
        double heapSpread = spread(s, "heap_after_full_gc_kb", 0);
        double rssSpread = spread(s, "rss_kb", 1); // from the middle on: the start is before the JIT and caches fill
        long threadGrowth = s.get(2).path("threads").asLong() - s.get(1).path("threads").asLong();
        long socketGrowth = s.get(2).path("sockets").asLong() - s.get(1).path("sockets").asLong();
        out.put("heap_max_over_min", heapSpread).put("rss_max_over_min_from_middle", rssSpread)
                .put("threads_growth_middle_to_end", threadGrowth).put("sockets_growth_middle_to_end", socketGrowth);
        boolean pass = out.path("errors").asLong() == 0 && heapSpread <= 1.10 && rssSpread <= 1.10
                && threadGrowth <= 2 && socketGrowth <= 2;
        out.put("pass", pass);
    }

    private static double spread(ArrayNode s, String field, int from) {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = from; i < s.size(); i++) {
            long v = s.get(i).path(field).asLong();
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return min <= 0 ? 0 : Math.round(1000.0 * max / min) / 1000.0;
    }

    private static ObjectNode sample(String when, long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        long heap = 0;
        Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
        while (m.find()) {
            heap += Long.parseLong(m.group(1));
        }
        ObjectNode o = ModelJson.MAPPER.createObjectNode().put("at", when).put("heap_after_full_gc_kb", heap)
                .put("rss_kb", ProcFs.status(pid, "VmRSS")).put("threads", ProcFs.status(pid, "Threads"))
                .put("sockets", sockets(pid));
        BenchMain.say("soak %s: heap after full GC %,d kB, RSS %,d kB, %d threads, %d sockets", when, heap,
                o.path("rss_kb").asLong(), o.path("threads").asLong(), o.path("sockets").asLong());
        return o;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return text;
    }

    private static long sockets(long pid) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.filter(f -> {
                try {
                    return Files.readSymbolicLink(f).toString().startsWith("socket:");
                } catch (IOException gone) {
                    return false;
                }
            }).count();
        }
    }
}
