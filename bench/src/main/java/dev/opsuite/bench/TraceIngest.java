package dev.opsuite.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.proto.v1.Trace;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Trace ingest at steady state: copies of a real ask trace (new ids) written to trace-service's
 * WriteTraces by a few concurrent writers in batches of the gateway's default size, then a count in
 * the database of every id sent — zero loss means every trace put on the wire is stored.
 */
final class TraceIngest {
    static final int WRITERS = 4;
    static final int BATCH = 200; // the gateway's OPS_TRACE_BATCH_SIZE default

    private final BenchMain.BenchPlan plan;
    private final GrpcProbe trace;
    private final int postgresPort;

    TraceIngest(BenchMain.BenchPlan plan, GrpcProbe trace, int postgresPort) {
        this.plan = plan;
        this.trace = trace;
        this.postgresPort = postgresPort;
    }

    void run(String templateTraceId, ObjectNode out) throws InterruptedException, SQLException {
        if (templateTraceId == null) {
            throw new IllegalStateException("no ask trace to copy");
        }
        Trace template = trace.fetchTrace(templateTraceId);
        String prefix = "bench-" + Long.toString(System.currentTimeMillis(), 36) + "-";
        AtomicLong sent = new AtomicLong();
        LoadDriver.Run run = LoadDriver.run("trace_ingest", WRITERS, plan.ingestWarmup(), plan.ingestWindow(), 0,
                trace.writeTraces(template, BATCH, prefix, sent));
        long stored = countStored(prefix);
        ObjectNode o = out.putObject("trace_ingest");
        o.put("writers", WRITERS).put("batch", BATCH).put("trace_bytes", template.getSerializedSize())
                .put("traces_per_s", Measurements.round(run.throughput() * BATCH))
                .put("batch_p50_ms", Measurements.round(run.p50Ms())).put("batch_p99_ms", Measurements.round(run.p99Ms()))
                .put("failed_batches", run.errors()).put("sent", sent.get()).put("stored", stored)
                .put("lost", sent.get() - stored).put("window_s", Measurements.round(run.seconds()));
        BenchMain.say("trace ingest %.0f traces/s (%d B each), sent %d, stored %d", run.throughput() * BATCH,
                template.getSerializedSize(), sent.get(), stored);
    }

    /** Trust authentication on loopback (the embedded store's initdb); superuser of the bench's own data dir. */
    private long countStored(String prefix) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/opsdb";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM ops.traces WHERE trace_id LIKE ?")) {
            ps.setQueryTimeout(120);
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
