package dev.opsuite.gateway.trace;

import dev.opsuite.conductor.TraceSink;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.WriteTracesRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships traces to trace-service off the answer path: a bounded queue drained in batches by one
 * thread. A failed batch is retried with backoff, never dropped; when the queue is full a trace is
 * spilled to disk and replayed later, so no trace is silently lost.
 */
public final class TraceShipper implements TraceSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TraceShipper.class);

    private final java.util.concurrent.atomic.AtomicLong rejected = new java.util.concurrent.atomic.AtomicLong();
    private final BlockingQueue<Trace> queue;
    private final ConcurrentHashMap<String, Trace> pending = new ConcurrentHashMap<>();
    private final Consumer<WriteTracesRequest> writer;
    private final TraceSpill spill;
    private final int batchSize;
    private final Thread worker;
    private final Object lifecycle = new Object();
    private volatile boolean running = true;
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();

    private final TraceJournal journal;

    public TraceShipper(Consumer<WriteTracesRequest> writer, TraceSpill spill, int batchSize, int capacity) {
        this(writer, spill, batchSize, capacity, null);
    }

    /**
     * @param journal the durable mode's journal (every trace appended before the answer is sent), or
     *                null: traces then live in memory until stored, and a kill -9 loses the queued ones
     */
    public TraceShipper(Consumer<WriteTracesRequest> writer, TraceSpill spill, int batchSize, int capacity,
                        TraceJournal journal) {
        this.journal = journal;
        this.writer = writer;
        this.spill = spill;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::drain, "trace-shipper");
        this.worker.setDaemon(true);
        this.worker.start();
        spill.replay(t -> {
            replayed.incrementAndGet();
            submit(t);
        });
        if (journal != null) {
            replayJournal();
        }
    }

    /** Traces an earlier run journaled but never stored (a kill -9): submitted again, then their old segment goes. */
    private void replayJournal() {
        for (java.nio.file.Path segment : journal.leftovers()) {
            try {
                List<Trace> traces = TraceJournal.read(segment);
                replayed.addAndGet(traces.size());
                traces.forEach(this::submit); // journaled again in the current segment first
                journal.forget(segment);
                log.info("replayed {} journaled traces from {}", traces.size(), segment.getFileName());
            } catch (java.io.IOException | RuntimeException e) {
                log.warn("cannot replay trace journal {}: {}", segment, e.getMessage());
            }
        }
    }

    private void done(List<Trace> traces) {
        if (journal != null) {
            journal.done(traces.stream().map(Trace::getTraceId).toList());
        }
    }

    @Override
    public void submit(Trace trace) {
        submitted.incrementAndGet();
        if (journal != null) {
            try {
                journal.append(trace); // before the answer leaves: a kill -9 from here on loses nothing
            } catch (RuntimeException e) {
                log.error("trace {} not journaled ({}); it is shipped from memory only", trace.getTraceId(),
                        e.getMessage());
            }
        }
        boolean queued;
        synchronized (lifecycle) {
            // after close nothing drains the queue: such traces go straight to disk
            queued = false;
            if (running) {
                pending.put(trace.getTraceId(), trace); // before offer: the worker may store it at once
                queued = queue.offer(trace);
                if (!queued) {
                    pending.remove(trace.getTraceId());
                }
            }
        }
        if (!queued) {
            spill.write(trace);
            spilled.incrementAndGet();
            done(List.of(trace));
        }
    }

    @Override
    public Optional<Trace> pending(String traceId) {
        return Optional.ofNullable(pending.get(traceId));
    }

    private void drain() {
        List<Trace> batch = new ArrayList<>(batchSize);
        long backoffMs = 100;
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Trace first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                }
                writer.accept(WriteTracesRequest.newBuilder().addAllTraces(batch).build());
                written.addAndGet(batch.size());
                batch.forEach(t -> pending.remove(t.getTraceId()));
                done(batch);
                batch.clear();
                backoffMs = 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                if (e instanceof dev.opsuite.model.errors.OpsException ops
                        && ops.code() == dev.opsuite.model.errors.ErrorCode.INVALID_ARGUMENT) {
                    // the store refused the content: retrying the batch would block every later trace
                    isolate(batch);
                    batch.clear();
                    continue;
                }
                failedBatches.incrementAndGet();
                log.warn("trace batch of {} not stored yet ({}); retrying in {} ms", batch.size(), e.getMessage(),
                        backoffMs);
                if (!running) {
                    break;
                }
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 2_000);
            }
        }
        // whatever could not be stored before shutdown goes to disk, never away
        synchronized (lifecycle) {
            queue.drainTo(batch);
        }
        batch.forEach(t -> {
            spill.write(t);
            spilled.incrementAndGet();
        });
        done(batch);
    }

    /** Stores a refused batch trace by trace; a trace refused alone is kept aside, never retried. */
    private void isolate(List<Trace> batch) {
        for (Trace t : batch) {
            try {
                writer.accept(WriteTracesRequest.newBuilder().addTraces(t).build());
                written.incrementAndGet();
            } catch (dev.opsuite.model.errors.OpsException e) {
                if (e.code() == dev.opsuite.model.errors.ErrorCode.INVALID_ARGUMENT) {
                    rejected.incrementAndGet();
                    spill.reject(t, e.getMessage());
                } else {
                    spill.write(t); // the store is failing now: replayed on the next start
                    spilled.incrementAndGet();
                }
            }
            pending.remove(t.getTraceId());
        }
        done(batch);
    }

    public long rejected() {
        return rejected.get();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long submitted() {
        return submitted.get();
    }

    public long written() {
        return written.get();
    }

    /** Traces submitted again at start from the spill or the journal of an earlier run. */
    public long replayed() {
        return replayed.get();
    }

    /** Traces waiting in the queue for the writer. */
    public int queueDepth() {
        return queue.size();
    }

    public long spilled() {
        return spilled.get();
    }

    public long failedBatches() {
        return failedBatches.get();
    }

    /** Flushes for up to 5 s, then spills the rest. */
    @Override
    public void close() {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!queue.isEmpty() && System.currentTimeMillis() < deadline) {
            sleep(20);
        }
        synchronized (lifecycle) {
            running = false;
        }
        try {
            worker.join(7_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (journal != null) {
            journal.close();
        }
        log.info("trace shipper closed: submitted {}, written {}, spilled {}", submitted.get(), written.get(),
                spilled.get());
    }
}
