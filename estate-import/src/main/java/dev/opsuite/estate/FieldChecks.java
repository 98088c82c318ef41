package dev.opsuite.estate;

import java.time.DateTimeException;
import java.util.Set;

/** The checks every estate value goes through; each returns the normalised value or throws. */
final class FieldChecks {
    static final int MAX_CODE_LENGTH = 200;

    private FieldChecks() {}

    /** Trimmed text, or null when empty/absent. Rejects NUL, which PostgreSQL text cannot hold. */
    static String optional(CsvRow row, int position) throws FieldError {
        String v = row.raw(position).strip();
        if (v.indexOf('\0') >= 0) {
            throw new FieldError(position, "NUL character is not allowed");
        }
        return v.isEmpty() ? null : v;
    }

    static String required(CsvRow row, int position) throws FieldError {
        String v = optional(row, position);
        if (v == null) {
            throw new FieldError(position, "required value is empty");
        }
        return v;
    }

    static String code(CsvRow row, int position) throws FieldError {
        String v = required(row, position);
        if (v.length() > MAX_CODE_LENGTH) {
            throw new FieldError(position, "ci_code longer than " + MAX_CODE_LENGTH + " characters");
        }
        return v;
    }

    /** A ci_code that must already be in the estate; {@code known} null means "do not check". */
    static String knownCode(CsvRow row, int position, Set<String> known) throws FieldError {
        String v = code(row, position);
        if (known != null && !known.contains(v)) {
            throw new FieldError(position, "unknown ci_code '" + Texts.excerpt(v)
                    + "' (import it in a cis file first)");
        }
        return v;
    }

    static String oneOf(CsvRow row, int position, Set<String> allowed) throws FieldError {
        String v = required(row, position);
        return Vocabulary.canonical(allowed, v).orElseThrow(() -> new FieldError(position,
                "'" + Texts.excerpt(v) + "' is not one of " + String.join(", ", allowed)));
    }

    /**
     * ISO-8601 with an explicit offset; a local time would be silently read in some server zone.
     * Spreadsheets write a space where ISO wants 'T'; that is accepted (same instant).
     */
    static IsoTimestamps.Parsed timestamp(CsvRow row, int position) throws FieldError {
        String v = required(row, position);
        String iso = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + 'T' + v.substring(11) : v;
        try {
            return IsoTimestamps.parse(iso);
        } catch (DateTimeException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("year out of range")) {
                throw new FieldError(position, "timestamp " + e.getMessage());
            }
            throw new FieldError(position, IsoTimestamps.isLocal(iso)
                    ? "timestamp has no UTC offset: '" + Texts.excerpt(v) + "' (write e.g. 2026-11-20T10:00:00+09:00 or ...Z)"
                    : "not an ISO-8601 timestamp with offset: '" + Texts.excerpt(v) + "'");
        }
    }

    /** A finite decimal number, returned as its validated text (PostgreSQL parses it identically). */
    static String number(CsvRow row, int position) throws FieldError {
        String v = required(row, position);
        int exponent = decimalShape(v);
        if (exponent < 0) {
            throw new FieldError(position, "not a number: '" + Texts.excerpt(v) + "'");
        }
        // Only an exponent or a very long mantissa can overflow a double.
        if ((exponent > 0 || v.length() > 300) && Double.isInfinite(Double.parseDouble(v))) {
            throw new FieldError(position, "number out of range: '" + Texts.excerpt(v) + "'");
        }
        return v;
    }

    /**
     * Plain decimal notation {@code [+-]digits[.digits][e[+-]digits]} — Double.parseDouble alone
     * would also take "NaN", "0x1p3" or "1d". Hand-written: it runs on every metric row.
     *
     * @return -1 if not decimal, 1 if it has an exponent, 0 otherwise
     */
    private static int decimalShape(String v) {
        int i = 0;
        int n = v.length();
        if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(v.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && v.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(v.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return -1;
        }
        if (i == n) {
            return 0;
        }
        if (v.charAt(i) != 'e' && v.charAt(i) != 'E') {
            return -1;
        }
        i++;
        if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
            i++;
        }
        int expDigits = 0;
        while (i < n && isDigit(v.charAt(i))) {
            i++;
            expDigits++;
        }
        return i == n && expDigits > 0 && expDigits <= 3 ? 1 : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
