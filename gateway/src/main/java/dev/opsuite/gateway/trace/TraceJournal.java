package dev.opsuite.gateway.trace;

import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable mode of trace shipping (OPS_TRACE_DURABLE): every trace is appended to a journal
 * segment before the answer leaves, so a kill -9 of the process loses none — the next start
 * replays the journal (trace-service writes are idempotent on trace_id). {@code write} leaves the
 * line in the OS's buffers (survives the process being killed); {@code fsync} forces it to the disk
 * too (survives the machine going down). A segment is deleted once every trace in it was stored
 * or spilled; a new one starts every {@link #SEGMENT_ENTRIES} traces.
 */
public final class TraceJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TraceJournal.class);
    static final int SEGMENT_ENTRIES = 1_000;
    private static final String PREFIX = "journal-";

    private final Path dir;
    private final boolean fsync;
    private final Map<String, Segment> segmentOf = new HashMap<>();
    private Segment current;
    private long sequence;

    private static final class Segment {
        final Path file;
        final FileChannel channel;
        int entries;
        int outstanding;

        Segment(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }
    }

    public TraceJournal(Path dir, boolean fsync) {
        this.dir = dir;
        this.fsync = fsync;
    }

    /** The traces left in journal segments by an earlier run; the caller submits them again, then calls {@link #forget}. */
    synchronized List<Path> leftovers() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(PREFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Trace> read(Path segment) throws IOException {
        List<Trace> out = new ArrayList<>();
        for (String line : Files.readAllLines(segment, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(Structs.fromJson(line, Trace.newBuilder()).build());
            } catch (RuntimeException e) { // a line cut short by the kill: the trace before it was answered
                log.warn("skipping a torn line in {}: {}", segment.getFileName(), e.getMessage());
            }
        }
        return out;
    }

    synchronized void forget(Path segment) throws IOException {
        Files.deleteIfExists(segment);
    }

    /** Appends one trace (and forces it to disk in fsync mode) before the answer is sent. */
    synchronized void append(Trace trace) {
        try {
            if (current == null || current.entries >= SEGMENT_ENTRIES) {
                roll();
            }
            byte[] line = (Structs.toJson(trace) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) {
                current.channel.write(b);
            }
            if (fsync) {
                current.channel.force(false);
            }
            current.entries++;
            current.outstanding++;
            segmentOf.put(trace.getTraceId(), current);
        } catch (IOException e) {
            throw new UncheckedIOException("trace journal " + dir + ": " + e.getMessage(), e);
        }
    }

    /** These traces are stored (or spilled): segments with nothing outstanding, except the current one, go. */
    synchronized void done(Collection<String> traceIds) {
        for (String id : traceIds) {
            Segment s = segmentOf.remove(id);
            if (s != null) {
                s.outstanding--;
                if (s.outstanding == 0 && s != current) {
                    delete(s);
                }
            }
        }
    }

    private void roll() throws IOException {
        Files.createDirectories(dir);
        if (current != null && current.outstanding == 0) {
            delete(current);
        }
        Path file = dir.resolve(PREFIX + System.currentTimeMillis() + "-" + (sequence++) + ".jsonl");
        current = new Segment(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    private static void delete(Segment s) {
        try {
            s.channel.close();
            Files.deleteIfExists(s.file);
        } catch (IOException e) {
            log.warn("trace journal segment {} not deleted: {}", s.file, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            if (current.outstanding == 0) {
                delete(current);
            } else {
                try {
                    current.channel.close();
                } catch (IOException e) {
                    log.warn("closing {}: {}", current.file, e.getMessage());
                }
            }
            current = null;
        }
    }
}
