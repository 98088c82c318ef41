package dev.opsuite.gateway.trace;

import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.Trace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Traces that could not be queued or stored, kept as JSON lines until they can be replayed. */
public final class TraceSpill {
    private static final Logger log = LoggerFactory.getLogger(TraceSpill.class);
    private final Path dir;

    public TraceSpill(Path dir) {
        this.dir = dir;
    }

    public synchronized void write(Trace trace) {
        try {
            append("spill-" + java.time.LocalDate.now() + ".jsonl", trace);
        } catch (IOException e) {
            log.error("trace {} could not be spilled to {}: {}", trace.getTraceId(), dir, e.getMessage());
        }
    }

    private Path append(String fileName, Trace trace) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            w.write(Structs.toJson(trace));
            w.newLine();
        }
        return file;
    }

    /**
     * Keeps a trace trace-service refused as invalid where an operator can read it ("rejected-*.json"
     * is never replayed: sending it again would be refused again).
     */
    public synchronized void reject(Trace trace, String reason) {
        try {
            Path file = append("rejected-" + java.time.LocalDate.now() + ".json-lines", trace);
            log.error("trace {} refused by trace-service ({}); kept in {}", trace.getTraceId(), reason, file);
        } catch (IOException e) {
            log.error("trace {} refused by trace-service ({}) and could not be kept: {}", trace.getTraceId(), reason,
                    e.getMessage());
        }
    }

    /** Resubmits every spilled trace (trace-service writes are idempotent on trace_id). */
    public void replay(Consumer<Trace> sink) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            // *.replaying: a replay interrupted by a crash; its traces are replayed again (writes are idempotent)
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")
                    || p.getFileName().toString().endsWith(".jsonl.replaying")).sorted().toList();
        } catch (IOException e) {
            log.warn("cannot list trace spill {}: {}", dir, e.getMessage());
            return;
        }
        for (Path f : files) {
            try {
                Path claimed = f.getFileName().toString().endsWith(".replaying") ? f
                        : f.resolveSibling(f.getFileName() + ".replaying");
                if (!claimed.equals(f)) {
                    Files.move(f, claimed);
                }
                try (Stream<String> lines = Files.lines(claimed, StandardCharsets.UTF_8)) {
                    lines.filter(l -> !l.isBlank()).forEach(l -> sink.accept(Structs.fromJson(l, Trace.newBuilder()).build()));
                }
                Files.delete(claimed);
                log.info("replayed spilled traces from {}", f.getFileName());
            } catch (IOException | RuntimeException e) {
                log.warn("cannot replay {}: {}", f, e.getMessage());
            }
        }
    }
}
