package dev.opsuite.estate;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams the normalised rows of a file that has already passed validation. Used by the load
 * passes, which therefore never hold more than one row (or one graph batch) in memory.
 */
final class MappedRows {

    @FunctionalInterface
    interface Sink {
        void accept(long line, String[] fields) throws Exception;
    }

    private MappedRows() {}

    /** @return the number of rows handed to the sink */
    /** Counts each row handed over on the meter. */
    static long forEach(Path file, String fileName, FileKind kind, ImportMeter meter, Sink sink) throws Exception {
        long rows = 0;
        try (CsvSource source = CsvSource.open(file, fileName, kind)) {
            RowMapper mapper = RowMapper.forKind(kind, source.header(), null, null);
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                String[] fields;
                try {
                    fields = mapper.map(row);
                } catch (FieldError e) {
                    throw new IOException(fileName + " changed after validation (line " + row.line() + ")");
                }
                sink.accept(row.line(), fields);
                rows++;
                meter.row(source.bytesConsumed());
            }
        }
        return rows;
    }
}
