package dev.opsuite.estate;

import java.util.function.LongSupplier;

/**
 * Counts one import's rows and bytes as its passes go and tells a {@link ImportProgress.Listener}:
 * at once when a phase begins, then at most once per interval however fast the rows come (the clock
 * is read once every {@link #CHECK_EVERY} rows). One import thread drives it.
 */
final class ImportMeter {
    static final int CHECK_EVERY = 256;

    private final ImportProgress.Listener listener;
    private final long fileBytes;
    private final long bytesTotal;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long start;
    private long passStart;
    private ImportProgress.Phase phase;
    /** Bytes of the passes through the file already finished. */
    private long passesDone;
    private long passBytes;
    private long rowsRead;
    private long rowsWritten;
    private long rowsRefused;
    private long lastSent;
    private int sinceCheck;

    /** @param passes how many passes read the file (see {@link #passesOf}) */
    ImportMeter(ImportProgress.Listener listener, long fileBytes, int passes, long intervalNanos, LongSupplier clock) {
        this.listener = listener;
        this.fileBytes = Math.max(0, fileBytes);
        this.bytesTotal = this.fileBytes * passes;
        this.intervalNanos = intervalNanos;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    static ImportMeter of(ImportProgress.Listener listener, long fileBytes, FileKind kind, java.time.Duration interval) {
        return new ImportMeter(listener, fileBytes, passesOf(kind), interval.toNanos(), System::nanoTime);
    }

    /** validate and copy read every file; the graph pass reads cis and relations once more. */
    static int passesOf(FileKind kind) {
        return kind == FileKind.CIS || kind == FileKind.RELATIONS ? 3 : 2;
    }

    /** A phase begins: the previous pass through the file is done, and the listener hears of it now. */
    void phase(ImportProgress.Phase next) {
        if (phase != null && phase.readsFile()) {
            passesDone += fileBytes;
        }
        phase = next;
        passBytes = 0;
        long now = clock.getAsLong();
        passStart = now;
        send(now);
    }

    /** One more row of the current pass, which has now read this many bytes of the file. */
    void row(long bytesIntoPass) {
        passBytes = bytesIntoPass;
        switch (phase) {
            case VALIDATE -> rowsRead++;
            case COPY -> rowsWritten++;
            default -> { }
        }
        if (++sinceCheck >= CHECK_EVERY) {
            sinceCheck = 0;
            long now = clock.getAsLong();
            if (now - lastSent >= intervalNanos) {
                send(now);
            }
        }
    }

    /** The row just counted was refused. */
    void refused() {
        rowsRefused++;
    }

    ImportProgress snapshot(long now) {
        // a pass can read a little past the size it was given (a buffered reader's last block): never over the total
        long consumed = Math.min(bytesTotal, passesDone + Math.min(passBytes, fileBytes));
        return new ImportProgress(phase, rowsRead, rowsWritten, rowsRefused, consumed, bytesTotal,
                (now - start) / 1_000_000, (now - passStart) / 1_000_000);
    }

    private void send(long now) {
        lastSent = now;
        listener.progress(snapshot(now));
    }
}
