package dev.opsuite.estate;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Caps how many characters one CSV record may span. Without it, a single unbalanced quote near the
 * top of a 2 GiB upload makes the CSV lexer buffer the whole rest of the file as one field.
 * Counting is per read call, so the cap is approximate by one read-ahead buffer.
 */
final class RecordLengthGuard extends FilterReader {
    static final int MAX_RECORD_CHARS = 1 << 20;

    /** Thrown (inside the lexer's IOException path) when a record exceeds the cap. */
    static final class RecordTooLongException extends IOException {
        RecordTooLongException() {
            super("record longer than " + MAX_RECORD_CHARS + " characters");
        }
    }

    private long sinceRecordStart;

    RecordLengthGuard(Reader in) {
        super(in);
    }

    /** Called after each complete record. */
    void recordEnded() {
        sinceRecordStart = 0;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        count(c < 0 ? 0 : 1);
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int n) throws IOException {
        sinceRecordStart += n;
        // One buffer of read-ahead belongs to the next records, hence the slack.
        if (sinceRecordStart > MAX_RECORD_CHARS + 65_536L) {
            throw new RecordTooLongException();
        }
    }
}
