package dev.opsuite.estate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Second looks at a file the CSV parser gave up on, to tell the operator exactly where: the
 * parser reports neither the column of an unclosed quote nor the line of a bad UTF-8 byte
 * (decoding runs a buffer ahead). Both scans stream and are bounded.
 */
final class CsvDiagnosis {
    private CsvDiagnosis() {}

    /**
     * The 1-based column of the field whose quoting is broken in the record starting on
     * {@code startLine}, or 0 when it cannot be told.
     */
    static int quoteFaultColumn(Path file, long startLine) {
        try (Reader r = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            if (!skipLines(r, startLine - 1)) {
                return 0;
            }
            return scanRecord(r);
        } catch (IOException | RuntimeException e) {
            return 0; // only a diagnosis: the file is rejected either way
        }
    }

    private static boolean skipLines(Reader r, long lines) throws IOException {
        long seen = 0;
        int prev = -1;
        while (seen < lines) {
            int c = r.read();
            if (c < 0) {
                return false;
            }
            if (c == '\n' && prev != '\r' || c == '\r') {
                seen++;
            }
            prev = c;
        }
        if (prev == '\r') {
            r.mark(1);
            if (r.read() != '\n') {
                r.reset();
            }
        }
        return true;
    }

    /** RFC 4180 state machine over one record; reports the field a quote went wrong in. */
    private static int scanRecord(Reader r) throws IOException {
        int field = 1;
        boolean atFieldStart = true;
        boolean inQuotes = false;
        boolean afterClosingQuote = false;
        int quotedField = 0;
        long budget = RecordLengthGuard.MAX_RECORD_CHARS + 65_536L;
        for (int c = r.read(); c >= 0 && budget-- > 0; c = r.read()) {
            if (inQuotes) {
                if (c == '"') {
                    r.mark(1);
                    if (r.read() != '"') {
                        r.reset();
                        inQuotes = false;
                        afterClosingQuote = true;
                    }
                }
            } else if (c == ',') {
                field++;
                atFieldStart = true;
                afterClosingQuote = false;
            } else if (c == '\n' || c == '\r') {
                return 0; // the record ended cleanly: the fault is not a quoting one
            } else if (afterClosingQuote) {
                return field;
            } else if (c == '"' && atFieldStart) {
                inQuotes = true;
                quotedField = field;
                atFieldStart = false;
            } else {
                atFieldStart = false;
            }
        }
        return inQuotes ? quotedField : 0;
    }

    /** The 1-based line holding the first byte sequence that is not UTF-8, or 0 if none. */
    static long firstNonUtf8Line(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        long line = 1;
        try (InputStream is = Files.newInputStream(file)) {
            boolean eof = false;
            while (!eof) {
                int n = is.read(in.array(), in.position(), in.remaining());
                eof = n < 0;
                in.position(in.position() + Math.max(n, 0));
                in.flip();
                int start = in.position();
                CoderResult result = decoder.decode(in, out, eof);
                line += newlines(in.array(), start, in.position());
                if (result.isError()) {
                    return line;
                }
                out.clear();
                in.compact();
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static long newlines(byte[] bytes, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                n++;
            }
        }
        return n;
    }
}
