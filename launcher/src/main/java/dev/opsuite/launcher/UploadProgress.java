package dev.opsuite.launcher;

import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.concurrent.Flow;

/**
 * Progress of one file's upload for `./ops import`: a body publisher that counts the bytes and lines
 * (rows) it hands to the HTTP client, and a line on stderr at most once per {@code everyMillis} — file,
 * MB sent of the total, rows, rows and MB per second, and an ETA — then a last line when all is sent.
 * The gateway spools an upload, then imports it: the rates and the ETA are the upload's, and the last
 * line says that the product imports it now (`./ops import` then prints its rows and time). Files smaller
 * than {@code minBytes} are sent without it.
 */
final class UploadProgress {
    private final PrintStream err;
    private final long minBytes;
    private final long everyMillis;
    private final boolean terminal;
    /** When the last counted upload was sent whole (System.nanoTime), 0 while one is under way. */
    private volatile long sentAt;

    UploadProgress(PrintStream err, long minBytes, long everyMillis, boolean terminal) {
        this.err = err;
        this.minBytes = minBytes;
        this.everyMillis = everyMillis;
        this.terminal = terminal;
    }

    /** The file's body, counting as it goes when it is large enough to be worth a progress line. */
    HttpRequest.BodyPublisher wrap(String name, HttpRequest.BodyPublisher file) {
        long total = file.contentLength();
        sentAt = 0;
        if (total < minBytes) {
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
     * Waits for the product's answer to an upload; once the file is sent whole, a line says for how long
     * the product has been importing it (it reports no progress of its own): rewritten each interval on a
     * terminal, else one line every ten intervals.
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

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + " s";
    }
}
