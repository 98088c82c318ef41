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
 */
public record ImportProgress(Phase phase, long rowsRead, long rowsWritten, long rowsRefused, long bytesConsumed,
                             long bytesTotal, long elapsedMs) {

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
