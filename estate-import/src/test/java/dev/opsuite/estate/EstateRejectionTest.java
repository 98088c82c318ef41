package dev.opsuite.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bad file is rejected whole, located by line and column, and writes nothing anywhere. */
class EstateRejectionTest extends EstateTestSupport {
    private EstateStats baseline;

    @BeforeEach
    void sample() throws Exception {
        loadSample();
        baseline = importer.stats();
    }

    private EstateImportException reject(String kind, String content) {
        EstateImportException e = assertThrows(EstateImportException.class, () -> load(kind, content));
        assertEquals(baseline, importer.stats(), "nothing of a bad file may be written");
        return e;
    }

    private static void assertAt(EstateImportException e, long line, int column, String name, String text) {
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(name, e.columnName(), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void wrongEnumValue() throws Exception {
        // the good rows before the bad one are not written either
        EstateImportException e = reject("cis", CIS.replace("SVC001,payment,service", "SVC001,payment,bananas")
                + "NEW001,new-ci,vm,running,,,,,\n");
        assertAt(e, 5, 3, "ci_type", "'bananas' is not one of server, vm, database");
        assertEquals(0, count("SELECT count(*) FROM ci WHERE ci_code = 'NEW001'"));
        assertEquals(0, graph("MATCH (c:CI {ci_code:'NEW001'}) RETURN count(c)"));
    }

    @Test
    void timestampWithoutOffset() {
        EstateImportException e = reject("metrics", "ci_code,ts,metric_name,value\n"
                + "SVR001,2026-11-25T10:00:00Z,cpu_usage,1\n"
                + "SVR001,2026-11-25T10:05:00,cpu_usage,2\n");
        assertAt(e, 3, 2, "ts", "timestamp has no UTC offset: '2026-11-25T10:05:00'");
    }

    @Test
    void badNumberMessageNamesFileLineAndColumn() {
        StringBuilder csv = new StringBuilder("ts,ci_code,metric_name,value\n");
        for (int i = 0; i < 10; i++) {
            csv.append("2026-11-25T10:").append(10 + i).append(":00Z,SVR001,cpu_usage,").append(i).append('\n');
        }
        csv.append("2026-11-25T11:00:00Z,SVR001,cpu_usage,abc\n");
        EstateImportException e = reject("metrics", csv.toString());
        assertEquals("metrics.csv line 12 column 4 (value): not a number: 'abc'", e.getMessage());
        reject("metrics", "ts,ci_code,metric_name,value\n2026-11-25T11:00:00Z,SVR001,cpu_usage,NaN\n");
        reject("metrics", "ts,ci_code,metric_name,value\n2026-11-25T11:00:00Z,SVR001,cpu_usage,1e999\n");
    }

    @Test
    void unknownCiCode() {
        EstateImportException e = reject("relations", RELATIONS + "APP001,DEPENDS_ON,NOPE42\n");
        assertAt(e, 5, 3, "target_ci_code", "unknown ci_code 'NOPE42'");
        e = reject("events", EVENTS.replace("2026-11-22T12:00:00Z,APP001", "2026-11-22T12:00:00Z,APP999"));
        assertAt(e, 4, 2, "ci_code", "unknown ci_code 'APP999'");
    }

    @Test
    void missingHeaderColumn() {
        EstateImportException e = reject("metrics", "ts,ci_code,value\n2026-11-25T11:00:00Z,SVR001,1\n");
        assertAt(e, 1, 0, "metric_name", "missing required column");
        e = reject("relations", "source_ci_code,relation_type,target_ci_code,weight\nSVC001,DEPENDS_ON,APP001,3\n");
        assertAt(e, 1, 4, "weight", "unknown column");
        e = reject("events", "");
        assertAt(e, 1, 0, null, "header row is required");
    }

    @Test
    void unbalancedQuote() {
        EstateImportException e = reject("events", EVENTS
                + "2026-11-24T00:00:00Z,APP001,alert,minor,\"error rate above 5%,detail\n"
                + "2026-11-24T00:05:00Z,APP001,alert,minor,ok,fine\n");
        assertAt(e, 5, 5, "title", "unbalanced quote");
        e = reject("events", EVENTS + "2026-11-24T00:00:00Z,APP001,alert,minor,\"quoted\"oops,detail\n");
        assertAt(e, 5, 5, "title", "unexpected character after a closing quote");
    }

    @Test
    void unclosedQuoteInALargeFileIsCaughtWithoutBufferingTheRest() throws Exception {
        StringBuilder csv = new StringBuilder(EVENTS).append("2026-11-24T00:00:00Z,APP001,alert,minor,ok,\"never closed\n");
        String filler = "2026-11-24T00:05:00Z,APP001,alert,minor,filler row,some detail text\n";
        while (csv.length() < 3 * RecordLengthGuard.MAX_RECORD_CHARS) {
            csv.append(filler);
        }
        EstateImportException e = reject("events", csv.toString());
        assertAt(e, 5, 6, "detail", "unbalanced quote");
    }

    @Test
    void wrongFieldCountInvalidUtf8AndCollectedProblems() throws Exception {
        EstateImportException e = reject("relations", RELATIONS + "SVC001,DEPENDS_ON\n");
        assertAt(e, 5, 3, "target_ci_code", "expected 3 fields as in the header but found 2");

        byte[] latin1 = ("source_ci_code,relation_type,target_ci_code\nSVC001,DEPENDS_ON,APP001\n"
                + "SVC001,DEPENDS_ON,caf\u00e9\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("latin1.csv"), latin1);
        e = assertThrows(EstateImportException.class,
                () -> importer.importFile("relations", "latin1.csv", dir.resolve("latin1.csv")));
        assertAt(e, 3, 0, null, "not valid UTF-8");

        // several problems are reported together, in file order
        e = reject("metrics", "ts,ci_code,metric_name,value\n"
                + "2026-11-25T11:00:00Z,SVR001,cpu,1\n"
                + "2026-11-25T11:00:00Z,SVR001,cpu_usage,\n"
                + "yesterday,SVR001,cpu_usage,1\n");
        assertEquals(3, e.problems().size(), e.getMessage());
        assertEquals("metrics.csv line 3 column 4 (value): required value is empty", e.problems().get(1).describe());
        assertEquals(4, e.problems().get(2).line());
    }

    @Test
    void duplicateKeysInOneFile() {
        EstateImportException e = reject("cis", CIS + "SVR001,other-name,server,running,,,,,\n");
        assertAt(e, 6, 1, "ci_code", "duplicate ci_code 'SVR001' (first on line 2)");
        // found by the database inside the load transaction, which then rolls back
        e = reject("metrics", "ts,ci_code,metric_name,value\n"
                + "2026-10-01T00:00:00Z,SVR001,cpu_usage,1\n"
                + "2026-10-01T09:00:00+09:00,SVR001,cpu_usage,2\n");
        assertAt(e, 3, 0, null, "same ci_code, metric_name and ts as line 2");
    }

    @Test
    void unknownFileKindIsAnInvalidArgument() {
        OpsException e = assertThrows(OpsException.class, () -> importer.importFile("servers", "x.csv",
                file("x.csv", CIS)));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
    }
}
