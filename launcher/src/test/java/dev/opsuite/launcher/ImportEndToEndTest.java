package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's own estate, loaded with the importer client (what `./ops import DIR` runs). */
class ImportEndToEndTest {
    private static AllInOne ops;

    @BeforeAll
    static void up() throws Exception {
        ops = OpsStack.get();
    }

    @Test
    void importedCisAreAnsweredByAliasAndReimportIsIdempotent(@TempDir Path dir) throws Exception {
        OffsetDateTime t = OffsetDateTime.now(ZoneOffset.ofHours(9)).truncatedTo(ChronoUnit.MINUTES);
        Files.writeString(dir.resolve("cis.csv"), """
                ci_code,ci_name,ci_type,status,environment,location,owner,aliases,rack
                IMP001,"edge-gw, primary",server,running,prod,dc1-seoul,net-team,"게이트웨이서버|edge gateway",R12
                IMP002,edge-db,database,maintenance,prod,dc1-seoul,dba-team,엣지DB,R13
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("relations.csv"), """
                source_ci_code,relation_type,target_ci_code
                IMP002,RUNS_ON,IMP001
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("metrics.csv"), "ts,ci_code,metric_name,value\n"
                + t.minusMinutes(10) + ",IMP001,cpu_usage,12.5\n"
                + t.minusMinutes(5) + ",IMP001,cpu_usage,77.25\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("events.csv"), """
                ts,ci_code,event_type,severity,title,detail
                %s,IMP001,alert,major,"cpu high, sustained","cpu > 75%% for 5 minutes"
                """.formatted(t.minusMinutes(4)), StandardCharsets.UTF_8);
        ImportClient client = new ImportClient("127.0.0.1", ops.httpPort(), TestKeys.optional(ops, "estate_admin"));
        List<ImportClient.Result> first = client.importDirectory(dir);
        assertEquals(4, first.size());
        first.forEach(r -> assertTrue(r.ok(), r.file() + " " + r.body()));
        assertEquals(2, first.get(0).body().path("data").path("rows_read").asLong());

        Http http = new Http(ops);
        Http.Reply ko = http.post("/ops/ci/ask", Http.ask("게이트웨이서버의 CPU 사용량은?"));
        assertEquals("edge-gw, primary(IMP001)의 현재 CPU 사용량은 77.3%입니다.", ko.data().path("answer").asText(),
                ko.raw());
        Http.Reply en = http.post("/ops/ci/ask", Http.ask("what is the cpu usage of edge gateway?"));
        assertTrue(en.data().path("answer").asText().contains("(IMP001) is 77.3%"), en.raw());

        Http.Reply byAttribute = http.post("/ops/ci/ask", Http.ask("search for r12"));
        assertTrue(byAttribute.data().path("blocks").toString().contains("IMP001"),
                "extra columns are searchable attributes: " + byAttribute.raw());

        List<ImportClient.Result> again = client.importDirectory(dir);
        again.forEach(r -> assertTrue(r.ok(), r.file() + " " + r.body()));
        Http.Reply still = http.post("/ops/ci/ask", Http.ask("게이트웨이서버의 CPU 사용량은?"));
        assertEquals(ko.data().path("answer").asText(), still.data().path("answer").asText());
    }

    @Test
    void aBadMetricsFileNamesLineAndColumn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("metrics.csv"), """
                ts,ci_code,metric_name,value
                2026-11-20T10:00:00+09:00,SVR001,cpu_usage,10
                2026-11-20T10:05:00,SVR001,cpu_usage,11
                """, StandardCharsets.UTF_8);
        ImportClient.Result r = new ImportClient("127.0.0.1", ops.httpPort(), TestKeys.optional(ops, "estate_admin")).importDirectory(dir).get(0);
        assertEquals(400, r.status(), r.body().toString());
        String message = r.body().path("message").asText();
        assertTrue(message.contains("metrics.csv") && message.contains("line 3") && message.contains("ts"), message);
    }

    /**
     * #18: a large file's import shows rows and MB per second and an ETA on stderr (here from the first
     * byte): the upload's, then the product's own as it validates, copies, upserts and merges the graph.
     */
    @Test
    void anImportShowsItsProgress(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("ci_code,ci_name,ci_type,status,environment,location,owner,aliases,rack\n");
        csv.append("IMP001,\"edge-gw, primary\",server,running,prod,dc1-seoul,net-team,\"게이트웨이서버|edge gateway\",R12\n");
        csv.append("IMP002,edge-db,database,maintenance,prod,dc1-seoul,dba-team,엣지DB,R13\n");
        Files.writeString(dir.resolve("cis.csv"), csv, StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        UploadProgress progress = new UploadProgress(new java.io.PrintStream(err, true, StandardCharsets.UTF_8), 0, 0, false);
        List<ImportClient.Result> results = new ImportClient("127.0.0.1", ops.httpPort(),
                TestKeys.optional(ops, "estate_admin"), progress).importDirectory(dir);
        assertTrue(results.get(0).ok(), results.get(0).body().toString());
        assertEquals(2, results.get(0).body().path("data").path("rows_read").asLong(), results.get(0).body().toString());
        String shown = err.toString(StandardCharsets.UTF_8);
        // the upload's lines (the last says it is sent), "importing for N s" while it waits for a thread, then the product's
        List<String> lines = shown.strip().lines().filter(l -> !l.matches("cis\\.csv  importing for .*")).toList();
        int sent = lines.indexOf(lines.stream().filter(l -> l.endsWith("sent; the product imports it now")).findFirst()
                .orElseThrow(() -> new AssertionError(shown)));
        assertTrue(lines.get(sent).matches("cis\\.csv  0\\.0 of 0\\.0 MB \\(100%\\)  2 rows  [\\d,]+ rows/s  [\\d.]+ MB/s  "
                + "sent; the product imports it now"), shown);
        assertEquals(List.of("validate", "copy", "upsert", "graph"), lines.subList(sent + 1, lines.size()).stream()
                .map(l -> l.split(" +")[1]).toList(), shown);
        assertTrue(lines.get(sent + 2).matches("cis\\.csv  copy     [\\d,]+ rows  [\\d,]+ rows/s  [\\d.]+ MB/s  \\d+%  ETA .+"), shown);
        assertEquals("1m05s", UploadProgress.duration(65));
        assertEquals("2h01m", UploadProgress.duration(7260));
        assertEquals("9 s", UploadProgress.duration(9.2));
    }
}
