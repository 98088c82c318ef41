package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.Flow;

/**
 * Progress of one file's import for `./ops import`, on stderr, for files of {@code minBytes} or more.
 * While it uploads: a body publisher that counts the bytes and lines (rows) it hands to the HTTP client,
 * and a line at most once per {@code everyMillis} — file, MB sent of the total, rows, rows and MB per
 * second, an ETA — then a last line when all is sent. Then the product's own figures, from the
 * gateway's progress events ({@link #served}): the pass under way, rows so far, rows and MB per second,
 * how far of all the passes' bytes and the product's ETA. Until the first of those arrives (the upload
 * waits for an import thread), a line says for how long the product has had the file.
 */
final class UploadProgress {
    private final PrintStream err;
    private final long minBytes;
    private final long everyMillis;
    private final boolean terminal;
    /** When the last counted upload was sent whole (System.nanoTime), 0 while one is under way. */
    private volatile long sentAt;
    /** The product's last progress event shown for the current file, null before the first. */
    private JsonNode lastServed;
    private long lastServedAt;

    UploadProgress(PrintStream err, long minBytes, long everyMillis, boolean terminal) {
        this.err = err;
        this.minBytes = minBytes;
        this.everyMillis = everyMillis;
        this.terminal = terminal;
    }

    /** Whether a file of this size is worth progress lines. */
    boolean shows(long bytes) {
        return bytes >= minBytes;
    }

    /** The file's body, counting as it goes when it is large enough to be worth a progress line. */
    HttpRequest.BodyPublisher wrap(String name, HttpRequest.BodyPublisher file) {
        long total = file.contentLength();
        sentAt = 0;
        lastServed = null;
        if (!shows(total)) {
            return file;
        }
        return HttpRequest.BodyPublishers.fromPublisher(new Counting(name, file, total), total);
    }

    private final class Counting implements Flow.Publisher<ByteBuffer> {
        private final String name;
        private final Flow.Publisher<ByteBuffer> source;
        private final long total;

        Counting(String name, Flow.Publisher<ByteBuffer> source, long total) {
            this.name = name;
            this.source = source;
            this.total = total;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> downstream) {
            long started = System.nanoTime();
            sentAt = 0;
            source.subscribe(new Flow.Subscriber<>() {
                private long bytes;
                private long rows;
                private long lastPrint = System.nanoTime();

                @Override
                public void onSubscribe(Flow.Subscription s) {
                    downstream.onSubscribe(s);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    for (int i = item.position(); i < item.limit(); i++) {
                        if (item.get(i) == '\n') {
                            rows++;
                        }
                    }
                    bytes += item.remaining();
                    long now = System.nanoTime();
                    if ((now - lastPrint) / 1_000_000 >= everyMillis) {
                        lastPrint = now;
                        line(false);
                    }
                    downstream.onNext(item);
                }

                @Override
                public void onError(Throwable t) {
                    downstream.onError(t);
                }

                @Override
                public void onComplete() {
                    line(true);
                    sentAt = System.nanoTime();
                    downstream.onComplete();
                }

                private void line(boolean done) {
                    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
                    double mbps = bytes / 1e6 / seconds;
                    // the header line is not a row
                    long dataRows = Math.max(0, rows - 1);
                    String eta = done ? "sent; the product imports it now"
                            : "ETA " + duration((total - bytes) / Math.max(1.0, bytes / seconds));
                    String text = String.format(Locale.ROOT, "%s  %.1f of %.1f MB (%d%%)  %,d rows  %,.0f rows/s  %.1f MB/s  %s",
                            name, bytes / 1e6, total / 1e6, total == 0 ? 100 : bytes * 100 / total, dataRows,
                            dataRows / seconds, mbps, eta);
                    if (terminal) {
                        err.print("\r" + text + (done ? "\n" : "\u001b[K"));
                        err.flush();
                    } else {
                        err.println(text);
                    }
                }
            });
        }
    }

    /**
     * Waits for the product's answer to an upload (with events: its first); once the file is sent whole,
     * a line says for how long the product has had it: rewritten each interval on a terminal, else one
     * line every ten intervals.
     */
    <T> T await(String name, java.util.concurrent.CompletableFuture<T> answer)
            throws java.io.IOException, InterruptedException {
        boolean shown = false;
        long lastLine = 0;
        while (true) {
            try {
                T done = answer.get(Math.max(everyMillis, 200), java.util.concurrent.TimeUnit.MILLISECONDS);
                if (shown && terminal) {
                    err.print("\r\u001b[K");
                    err.flush();
                }
                return done;
            } catch (java.util.concurrent.TimeoutException e) {
                long since = sentAt;
                long now = System.nanoTime();
                // on a terminal the line is rewritten in place; in a log, one every ten intervals
                if (since != 0 && (terminal || lastLine == 0 || (now - lastLine) / 1_000_000 >= 10 * everyMillis)) {
                    shown = true;
                    lastLine = now;
                    String text = String.format(Locale.ROOT, "%s  importing for %s", name,
                            duration((now - since) / 1e9));
                    if (terminal) {
                        err.print("\r" + text + "\u001b[K");
                        err.flush();
                    } else {
                        err.println(text);
                    }
                }
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof java.io.IOException io) {
                    throw io;
                }
                throw new java.io.IOException(e.getCause());
            }
        }
    }

    /**
     * One progress event of the product's (the gateway's {@code event: progress}): a line at most once
     * per interval, and whenever the pass changes.
     */
    void served(String name, JsonNode progress) {
        long now = System.nanoTime();
        boolean newPhase = lastServed == null || !lastServed.path("phase").equals(progress.path("phase"));
        if (!newPhase && (now - lastServedAt) / 1_000_000 < everyMillis) {
            return;
        }
        String text = name + "  " + served(progress, lastServed);
        lastServed = progress;
        lastServedAt = now;
        if (terminal) {
            err.print("\r" + text + "\u001b[K");
            err.flush();
        } else {
            err.println(text);
        }
    }

    /** The product's events ended (its result or error follows on stdout): a terminal's line is cleared. */
    void ended() {
        if (terminal && lastServed != null) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    /**
     * The figures of one progress event: the pass, its rows so far ({@code rows_read} while validating,
     * {@code rows_written} after), rows and MB per second since the event before (the pass's own rate:
     * from its start when the pass changed), how far of all the passes' bytes, and the product's ETA
     * ({@code eta_ms}, from the average rate so far). The upsert pass reads no file: it says so instead of an ETA.
     */
    static String served(JsonNode now, JsonNode before) {
        String phase = now.path("phase").asText();
        long rows = rows(now);
        long bytes = now.path("bytes_consumed").asLong();
        long total = now.path("bytes_total").asLong();
        long ms = now.path("elapsed_ms").asLong();
        boolean samePhase = before != null && before.path("phase").asText().equals(phase);
        long dRows = samePhase ? rows - rows(before) : rows;
        long dBytes = before == null ? bytes : bytes - before.path("bytes_consumed").asLong();
        double dSeconds = Math.max(1e-3, (ms - (before == null ? 0 : before.path("elapsed_ms").asLong())) / 1e3);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s %,d rows", phase, rows));
        if ("upsert".equals(phase)) {
            line.append("  storing them in the estate tables");
        } else {
            if (!"graph".equals(phase)) {
                line.append(String.format(Locale.ROOT, "  %,.0f rows/s", Math.max(0, dRows) / dSeconds));
            }
            // the product's own ETA (eta_ms, from its average rate); a gateway without it: the same, computed here
            double perMs = bytes / (double) Math.max(1, ms);
            String eta = now.has("eta_ms") ? duration(now.path("eta_ms").asLong() / 1e3)
                    : bytes == 0 ? "?" : duration((total - bytes) / perMs / 1e3);
            line.append(String.format(Locale.ROOT, "  %.1f MB/s  %d%%  ETA %s", Math.max(0, dBytes) / 1e6 / dSeconds,
                    total == 0 ? 100 : bytes * 100 / total, eta));
        }
        long refused = now.path("rows_refused").asLong();
        if (refused > 0) {
            line.append(String.format(Locale.ROOT, "  %,d refused", refused));
        }
        return line.toString();
    }

    private static long rows(JsonNode p) {
        return "validate".equals(p.path("phase").asText()) ? p.path("rows_read").asLong() : p.path("rows_written").asLong();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + " s";
    }
}
