package dev.opsuite.estate;

import java.util.Locale;

/**
 * How far one import has come, counted where the rows are parsed and written.
 *
 * @param phase         the pass under way
 * @param rowsRead      data records the validate pass has read
 * @param rowsWritten   rows the copy pass has streamed into PostgreSQL
 * @param rowsRefused   rows the validate pass has refused (any refuses the file; at most
 *                      {@link ImportValidator#MAX_PROBLEMS} are counted)
 * @param bytesConsumed bytes of the file read so far, over every pass through it
 * @param bytesTotal    the bytes every pass will read (the file's size times its passes)
 * @param elapsedMs     since the import began
 * @param passElapsedMs since the pass under way began
 */
public record ImportProgress(Phase phase, long rowsRead, long rowsWritten, long rowsRefused, long bytesConsumed,
                             long bytesTotal, long elapsedMs, long passElapsedMs) {

    /**
     * The pass's own rate: its rows (read while validating, written while copying) per second since it
     * began; 0 in a pass that counts no rows (upsert, graph, index) or before a millisecond has passed.
     */
    public long rowsPerSecond() {
        long rows = switch (phase) {
            case VALIDATE -> rowsRead;
            case COPY -> rowsWritten;
            default -> 0;
        };
        return passElapsedMs <= 0 ? 0 : Math.round(rows * 1000.0 / passElapsedMs);
    }

    /** Bytes of the file read per second since the import began, over all its passes. */
    public long bytesPerSecond() {
        return elapsedMs <= 0 ? 0 : Math.round(bytesConsumed * 1000.0 / elapsedMs);
    }

    /**
     * How long reading the rest of the passes' bytes should take at the average rate so far, in ms; -1
     * while nothing has been read (no rate yet). The upsert pass reads no bytes: its time is not in it.
     */
    public long etaMs() {
        if (bytesConsumed <= 0) {
            return -1;
        }
        return Math.round((double) (bytesTotal - bytesConsumed) * elapsedMs / bytesConsumed);
    }

    /** The passes of an import, in the order they run; a CSV file is read once by each pass that reads it. */
    public enum Phase {
        /** The whole file read and checked; nothing written. */
        VALIDATE(true),
        /** The rows streamed into a PostgreSQL staging table. */
        COPY(true),
        /** One statement moves them into the estate tables. */
        UPSERT(false),
        /** CIs or relations merged into Neo4j. */
        GRAPH(true),
        /** A document's sections indexed. */
        INDEX(false);

        private final boolean readsFile;

        Phase(boolean readsFile) {
            this.readsFile = readsFile;
        }

        boolean readsFile() {
            return readsFile;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where an import's progress goes; called on the import's thread, so it must not block. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = p -> { };

        void progress(ImportProgress p);
    }
}
