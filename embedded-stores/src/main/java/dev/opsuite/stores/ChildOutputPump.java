package dev.opsuite.stores;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;

/**
 * Copies a child process's stdout or stderr into our log, line by line, on a daemon thread.
 *
 * <p>Lines are cut at {@link #MAX_LINE_CHARS} so a child printing without newlines cannot exhaust our heap.
 * The last lines of all pumps of one child are kept in a shared {@link Tail} for error messages. A pump
 * given a ready prefix completes its future with the first line starting with it, and fails the future
 * if the stream ends first (the child died).
 */
final class ChildOutputPump implements Runnable {

    static final int MAX_LINE_CHARS = 2_000;

    private final String name;
    private final InputStream stream;
    private final Logger log;
    private final Tail tail;
    private final String readyPrefix;
    private final CompletableFuture<String> readyLine;

    private ChildOutputPump(String name, InputStream stream, Logger log, Tail tail, String readyPrefix,
                            CompletableFuture<String> readyLine) {
        this.name = name;
        this.stream = stream;
        this.log = log;
        this.tail = tail;
        this.readyPrefix = readyPrefix;
        this.readyLine = readyLine;
    }

    /** Starts a pump; {@code readyPrefix} and {@code readyLine} may be null for a stream with no ready line. */
    static Thread start(String name, InputStream stream, Logger log, Tail tail, String readyPrefix,
                        CompletableFuture<String> readyLine) {
        Thread thread = new Thread(new ChildOutputPump(name, stream, log, tail, readyPrefix, readyLine), name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            boolean truncated = false;
            char[] buffer = new char[4096];
            int count;
            while ((count = reader.read(buffer)) >= 0) {
                for (int i = 0; i < count; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        emit(line, truncated);
                        line.setLength(0);
                        truncated = false;
                    } else if (c != '\r') {
                        if (line.length() < MAX_LINE_CHARS) {
                            line.append(c);
                        } else {
                            truncated = true;
                        }
                    }
                }
            }
            if (line.length() > 0) {
                emit(line, truncated);
            }
        } catch (IOException e) {
            // the pipe was closed under us: the child is gone
        } finally {
            if (readyLine != null) {
                readyLine.completeExceptionally(new IOException(name + " ended before a '" + readyPrefix + "' line"));
            }
        }
    }

    private void emit(StringBuilder line, boolean truncated) {
        String text = truncated ? line + " [line truncated]" : line.toString();
        tail.add(text);
        if (readyLine != null && !readyLine.isDone() && text.startsWith(readyPrefix)) {
            readyLine.complete(text);
            return;
        }
        log.info("[{}] {}", name, text);
    }

    /** The last lines a child printed, across its streams. */
    static final class Tail {
        private final int capacity;
        private final Deque<String> lines = new ArrayDeque<>();

        Tail(int capacity) {
            this.capacity = capacity;
        }

        synchronized void add(String line) {
            if (lines.size() == capacity) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }

        @Override
        public synchronized String toString() {
            return lines.isEmpty() ? "(no output)" : String.join("\n", lines);
        }
    }
}
