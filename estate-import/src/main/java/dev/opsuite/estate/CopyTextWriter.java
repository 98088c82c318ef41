package dev.opsuite.estate;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes rows in PostgreSQL COPY text format (tab-separated, backslash escapes, \N for NULL).
 * Text format is chosen over CSV format because escaping is a cheap per-character check.
 */
final class CopyTextWriter {
    private final Writer out;

    CopyTextWriter(Writer out) {
        this.out = out;
    }

    void row(long line, String[] fields) throws IOException {
        out.write(Long.toString(line));
        for (String f : fields) {
            out.write('\t');
            field(f);
        }
        out.write('\n');
    }

    private void field(String v) throws IOException {
        if (v == null) {
            out.write("\\N");
            return;
        }
        if (!needsEscape(v)) {
            out.write(v);
            return;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
    }

    private static boolean needsEscape(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
