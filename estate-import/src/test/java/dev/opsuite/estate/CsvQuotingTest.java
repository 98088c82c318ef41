package dev.opsuite.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4180 quoting and non-ASCII text survive the whole path (CSV → COPY → PostgreSQL / Neo4j). */
class CsvQuotingTest extends EstateTestSupport {

    @Test
    void embeddedCommasQuotesAndNewlines() throws Exception {
        load("cis", CIS);
        String events = "ts,ci_code,event_type,severity,title,detail\r\n"
                + "2026-11-24T00:00:00Z,APP001,alert,major,\"error rate, p95 \"\"high\"\"\",\"line one\r\nline two\ttab \\N\"\r\n"
                + "2026-11-24T00:05:00Z,APP001,build,info,build #7 succeeded,\"a\n\nb\"\r\n";
        assertEquals(2, load("events", events).rowsRead());
        assertEquals(List.of(List.of("error rate, p95 \"high\"", "line one\r\nline two\ttab \\N"),
                        List.of("build #7 succeeded", "a\n\nb")),
                query("SELECT title, detail FROM ci_event WHERE ci_code = 'APP001' AND ts >= '2026-11-24' ORDER BY ts"));
    }

    @Test
    void lineNumbersCountPhysicalLinesOfMultiLineRecords() throws Exception {
        load("cis", CIS);
        String events = "ts,ci_code,event_type,severity,title,detail\n"
                + "2026-11-24T00:00:00Z,APP001,alert,major,t1,\"three\nline\ndetail\"\n"
                + "\n" // a blank line is skipped but still counted
                + "2026-11-24T00:05:00Z,APP001,alert,loud,t2,x\n";
        EstateImportException e = assertThrows(EstateImportException.class, () -> load("events", events));
        assertEquals("events.csv line 6 column 4 (severity): 'loud' is not one of critical, major, minor, info",
                e.getMessage());
    }

    @Test
    void koreanTextRoundTrips() throws Exception {
        String cis = "\uFEFFci_code,ci_name,ci_type,status,aliases,설명\n" // BOM as written by spreadsheets
                + "SVC009,배송,service,running,\"배송 서비스|배송서비스|택배, 물류\",\"한글 설명, 쉼표 포함\"\n";
        load("cis", cis);
        assertEquals(List.of(List.of("배송", "{\"설명\": \"한글 설명, 쉼표 포함\"}")),
                query("SELECT ci_name, attributes::text FROM ci WHERE ci_code = 'SVC009'"));
        assertEquals(List.of(List.of("SVC009")), query("SELECT ci_code FROM ci_alias WHERE alias_norm = ?",
                AliasNorm.normalize("택배, 물류")));
        load("events", "ts,ci_code,event_type,severity,title,detail\n"
                + "2026-11-24T09:00:00+09:00,SVC009,incident,critical,배송 지연 장애,\"원인: 외부 API 응답 지연\n조치: 재시도\"\n");
        assertEquals(List.of(List.of("배송 지연 장애", "원인: 외부 API 응답 지연\n조치: 재시도")),
                query("SELECT title, detail FROM ci_event WHERE ci_code = 'SVC009'"));
        assertEquals(1, graph("MATCH (c:CI {ci_code:'SVC009', ci_name:'배송'}) RETURN count(c)"));
    }
}
