package dev.opsuite.estate;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the records of one estate file (UTF-8, RFC 4180, header row) one at a time, tracking
 * the physical line each record starts on. Holds one record in memory, never the file.
 */
final class CsvSource implements Closeable {
    // ignoreEmptyLines=false keeps line numbers exact; blank lines are skipped here instead.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Path file;
    private final String fileName;
    private final RecordLengthGuard guard;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Header header;
    private final CountingStream bytes;
    private long linesConsumed;

    private CsvSource(Path file, String fileName, FileKind kind) throws IOException {
        this.file = file;
        this.fileName = fileName;
        // REPORT, not the default REPLACE: a mis-encoded file must be rejected, not mangled.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.bytes = new CountingStream(Files.newInputStream(file));
        this.guard = new RecordLengthGuard(new InputStreamReader(bytes, decoder));
        try {
            this.parser = CSVParser.builder().setReader(guard).setFormat(FORMAT).get();
        } catch (IOException | RuntimeException e) {
            guard.close();
            throw e;
        }
        this.records = parser.iterator();
        try {
            this.header = readHeader(kind);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private Header readHeader(FileKind kind) {
        CsvRow first;
        try {
            first = nextRecord();
        } catch (CsvSyntaxException e) {
            throw new EstateImportException(e.problem());
        }
        if (first == null || isBlank(first.record())) {
            throw new EstateImportException(new ImportProblem(fileName, 1, 0, null,
                    "a header row is required on the first line"));
        }
        return Header.parse(first.record().toList(), kind, fileName);
    }

    /** Opens the file and checks its header; throws {@link EstateImportException} for a bad header. */
    static CsvSource open(Path file, String fileName, FileKind kind) throws IOException {
        return new CsvSource(file, fileName, kind);
    }

    Header header() {
        return header;
    }

    /** Bytes of the file read so far (the decoder reads ahead by a buffer: a little past the last record). */
    long bytesConsumed() {
        return bytes.count;
    }

    /**
     * The next non-blank data record, or null at the end of the file.
     *
     * @throws CsvSyntaxException when the file cannot be parsed any further
     */
    CsvRow next() {
        while (true) {
            CsvRow row = nextRecord();
            if (row == null || !isBlank(row.record())) {
                return row;
            }
        }
    }

    private CsvRow nextRecord() {
        long startLine = linesConsumed + 1;
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            throw syntaxError(startLine, e.getCause());
        } catch (IllegalStateException e) {
            // defensive: older commons-csv versions surfaced lexer failures this way
            throw syntaxError(startLine, e.getCause() == null ? e : e.getCause());
        }
        guard.recordEnded();
        linesConsumed = parser.getCurrentLineNumber();
        return new CsvRow(startLine, record);
    }

    private CsvSyntaxException syntaxError(long startLine, Throwable cause) {
        if (cause instanceof CharacterCodingException) {
            long badLine = CsvDiagnosis.firstNonUtf8Line(file);
            return new CsvSyntaxException(new ImportProblem(fileName, badLine > 0 ? badLine : startLine, 0, null,
                    "not valid UTF-8 text (save the file as UTF-8)"));
        }
        String msg = cause == null || cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        String what;
        if (cause instanceof RecordLengthGuard.RecordTooLongException) {
            what = "unbalanced quote: a record runs past " + RecordLengthGuard.MAX_RECORD_CHARS
                    + " characters (a quoted field is probably never closed)";
        } else if (msg.contains("eof reached before encapsulated")) {
            what = "unbalanced quote: a quoted field is never closed";
        } else if (msg.contains("encapsulated token and delimiter")) {
            what = "unexpected character after a closing quote (a quote inside a quoted field must be doubled)";
        } else {
            what = "malformed CSV: " + Texts.excerpt(cause == null ? "unknown" : cause.getMessage());
        }
        int column = CsvDiagnosis.quoteFaultColumn(file, startLine);
        String name = column > 0 && header != null && column <= header.size() ? header.nameAt(column - 1) : null;
        return new CsvSyntaxException(new ImportProblem(fileName, startLine, column, name, what));
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the bytes read through it, for progress; one thread reads. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** The file cannot be parsed past this point; validation stops here. */
    static final class CsvSyntaxException extends RuntimeException {
        private final ImportProblem problem;

        CsvSyntaxException(ImportProblem problem) {
            super(problem.describe());
            this.problem = problem;
        }

        ImportProblem problem() {
            return problem;
        }
    }
}
