package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.config.Env;
import dev.opsuite.proto.v1.ApplyRetentionRequest;
import dev.opsuite.proto.v1.ApplyRetentionResponse;
import dev.opsuite.proto.v1.OpsServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * #19 item 6: `./ops estate retention` through REST and gRPC to the executor's estate store — estate_admin only,
 * audited, bad values refused in the envelope. The stack is shared with the other tests, so every run here keeps
 * far more days than the demo holds (99999d) and removes nothing; what retention removes is tested on its own
 * database in estate-import's MetricRetentionTest.
 */
class RetentionEndToEndTest {

    /** The demo's oldest metric sample (the live demo only appends newer ones). */
    private static String oldest(AllInOne ops) throws Exception {
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT min(ts)::text FROM ci_metric")) {
            rs.next();
            return String.valueOf(rs.getString(1));
        }
    }

    @Test
    void anEstateAdminAppliesItFromTheCommandLineAndNothingNewerGoes() throws Exception {
        AllInOne ops = OpsStack.get();
        String before = oldest(ops);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = EstateCli.run(new String[] {"retention", "99999d"}, Env.of(Map.of("OPS_HTTP_PORT",
                        Integer.toString(ops.httpPort()), "OPS_API_KEY", TestKeys.token(ops, "estate_admin"))),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        String cutoff = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(99999, ChronoUnit.DAYS).toString();
        assertEquals("metric samples before " + cutoff + " removed: 0 partitions dropped, 0 rows deleted one by one,"
                + " 0 rollup rows deleted", out.toString(StandardCharsets.UTF_8).strip());
        assertEquals(before, oldest(ops), "the oldest sample is still there");
        Http http = new Http(ops);
        String audit = "";
        for (int i = 0; i < 100 && !audit.contains("\"outcome\":\"ok\""); i++) {
            Thread.sleep(100); // written off the request path, in batches
            audit = http.get("/ops/audit?action=ApplyRetention&limit=20", "admin").raw();
        }
        assertTrue(audit.contains("\"outcome\":\"ok\"") && audit.contains("\"principal\":\"key:"), audit);

        // an operator may not; the command line says so in one line and exits 1
        err.reset();
        exit = EstateCli.run(new String[] {"retention", "30d"}, Env.of(Map.of("OPS_HTTP_PORT",
                        Integer.toString(ops.httpPort()), "OPS_API_KEY", TestKeys.token(ops, "operator"))),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("refused (HTTP 403)"), err.toString(StandardCharsets.UTF_8));
        assertEquals(EstateCli.USAGE, EstateCli.run(new String[] {"retention"}, Env.of(Map.of()), new PrintStream(out),
                new PrintStream(err)));
        assertEquals(before, oldest(ops), "the oldest sample is still there");
    }

    @Test
    void badBodiesAndCallersAreRefusedInTheEnvelope() throws Exception {
        Http http = new Http(OpsStack.get());
        String[][] bad = {
            {"{\"keep\":\"0d\"}", "e.g. 30d"},
            {"{\"keep\":\"30\"}", "e.g. 30d"},
            {"{\"keep\":\"30h\"}", "e.g. 30d"},
            {"{\"keep\":\"-3d\"}", "e.g. 30d"},
            {"{\"keep\":\"100000d\"}", "e.g. 30d"},
            {"{\"keep\":\"1d'); DROP TABLE ci_metric;--\"}", "e.g. 30d"},
            {"{\"keep\":\"" + "9".repeat(5000) + "d\"}", "e.g. 30d"},
            {"{}", "e.g. 30d"},
            {"{\"keep\":30}", ""},
            {"{\"keep\":[\"30d\"]}", ""},
            {"{\"keep\":\"30d\"", ""},
            {"{\"kept\":\"30d\"}", ""},
        };
        for (String[] b : bad) {
            BadInputTest.assertEnvelope(http.post("/ops/estate/retention", b[0], "estate_admin"), 400, b[1]);
        }
        BadInputTest.assertEnvelope(http.post("/ops/estate/retention", "{\"keep\":\"30d\"}"), 403, "estate_admin");
        BadInputTest.assertEnvelope(http.post("/ops/estate/retention", "{\"keep\":\"30d\"}", "operator"), 403, "estate_admin");
        BadInputTest.assertEnvelope(http.post("/ops/estate/retention", "{\"keep\":\"30d\"}", "asset_admin"), 403, "estate_admin");
        assertFalse(oldest(OpsStack.get()).isEmpty(), "nothing was removed by a refused call");
    }

    @Test
    void grpcCallersGetTheSameAnswerAndTheSameRefusals() throws Exception {
        AllInOne ops = OpsStack.get();
        ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", ops.httpPort()).usePlaintext().build();
        try {
            Metadata admin = new Metadata();
            admin.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                    "Bearer " + TestKeys.token(ops, "estate_admin"));
            OpsServiceGrpc.OpsServiceBlockingStub stub = OpsServiceGrpc.newBlockingStub(ch)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(admin))
                    .withDeadlineAfter(60, TimeUnit.SECONDS);
            ApplyRetentionResponse r = stub.applyRetention(ApplyRetentionRequest.newBuilder().setKeep("99999d").build());
            assertEquals(0, r.getDroppedPartitionsCount() + r.getDeletedMetricRows() + r.getDeletedRollupRows());
            assertFalse(r.getCutoff().isEmpty());
            StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                    () -> stub.applyRetention(ApplyRetentionRequest.newBuilder().setKeep("forever").build()));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
            e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                    () -> OpsServiceGrpc.newBlockingStub(ch).applyRetention(
                            ApplyRetentionRequest.newBuilder().setKeep("30d").build()));
            assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
        } finally {
            ch.shutdownNow();
        }
    }
}
