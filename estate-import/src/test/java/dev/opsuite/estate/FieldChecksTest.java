package dev.opsuite.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Value checks without a database: timestamps, numbers, vocabulary, alias normal form. */
class FieldChecksTest {

    private static CsvRow row(String value) throws Exception {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader("\"" + value.replace("\"", "\"\"") + "\""))
                .setFormat(CSVFormat.RFC4180).get()) {
            CSVRecord r = p.iterator().next();
            return new CsvRow(2, r);
        }
    }

    private static long epoch(String ts) throws Exception {
        return FieldChecks.timestamp(row(ts), 0).epochSecond();
    }

    private static String timestampError(String ts) {
        return assertThrows(FieldError.class, () -> FieldChecks.timestamp(row(ts), 0)).getMessage();
    }

    @Test
    void timestampsNeedAnOffsetAndAgreeWithJavaTime() throws Exception {
        long expected = Instant.parse("2026-11-20T01:00:00Z").getEpochSecond();
        for (String ts : new String[] {"2026-11-20T10:00:00+09:00", "2026-11-20T01:00:00Z", "2026-11-20 10:00:00+09:00",
            "2026-11-20T01:00:00.000Z", "2026-11-20T10:00+09:00", "2026-11-19T20:00:00-05:00", " 2026-11-20T01:00:00Z "}) {
            assertEquals(expected, epoch(ts), ts);
        }
        // the slow path normalises what PostgreSQL might read differently
        assertEquals("2026-11-20T01:00:00Z", FieldChecks.timestamp(row("2026-11-20T10:00+09:00"), 0).text());
        assertTrue(timestampError("2026-11-20T10:00:00").startsWith("timestamp has no UTC offset"));
        assertTrue(timestampError("2026-02-30T00:00:00Z").startsWith("not an ISO-8601 timestamp"));
        assertTrue(timestampError("2026-11-20T24:00:00Z").startsWith("not an ISO-8601 timestamp"));
        assertTrue(timestampError("1714000000").startsWith("not an ISO-8601 timestamp"));
        assertTrue(timestampError("1800-01-01T00:00:00Z").contains("year out of range"));
        assertTrue(timestampError("2026-11-20T10:00:00+19:00").startsWith("not an ISO-8601 timestamp"));
    }

    @Test
    void numbersArePlainDecimalsAndFinite() throws Exception {
        for (String ok : new String[] {"0", "-1", "+2.5", "45.", ".5", "1e3", "1.5E-3", "99.9"}) {
            assertEquals(ok, FieldChecks.number(row(ok), 0));
        }
        for (String bad : new String[] {"abc", "NaN", "Infinity", "0x1p3", "1d", "1,5", "1e", "e3", ".", "-", "1e1000",
            "1e999"}) {
            assertThrows(FieldError.class, () -> FieldChecks.number(row(bad), 0), bad);
        }
    }

    @Test
    void vocabularyIsCaseInsensitiveButCanonical() throws Exception {
        assertEquals("load_balancer", FieldChecks.oneOf(row("LOAD_BALANCER"), 0, Vocabulary.CI_TYPES));
        assertEquals("DEPENDS_ON", FieldChecks.oneOf(row("depends_on"), 0, Vocabulary.RELATION_TYPES));
        assertThrows(FieldError.class, () -> FieldChecks.oneOf(row("load balancer"), 0, Vocabulary.CI_TYPES));
        assertThrows(FieldError.class, () -> FieldChecks.required(row("a\0b"), 0));
    }

    @Test
    void aliasNormLowersAndDropsAllWhitespace() {
        assertEquals("결제서비스", AliasNorm.normalize(" 결제 \u3000서비스\u00a0"));
        assertEquals("server-a", AliasNorm.normalize("Server-A\t"));
    }
}
