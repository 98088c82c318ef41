package dev.opsuite.trace;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL per test JVM (started on first use, stopped by its shutdown hook);
 * each test class gets its own database in it, so classes never see each other's rows.
 */
final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    /** A new, empty database; returns its JDBC URL (user "postgres", no password). */
    static String freshDatabaseUrl() {
        String name = "trace_test_" + COUNTER.incrementAndGet();
        try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres().getJdbcUrl("postgres", name);
    }

    static TraceConfig config(String url) {
        return TraceConfig.from(dev.opsuite.kit.config.Env.of(java.util.Map.of(
                "OPS_TRACE_DB_URL", url,
                "OPS_TRACE_DB_USER", "postgres",
                "OPS_TRACE_PORT", "0",
                "OPS_TRACE_DB_POOL", "4")));
    }
}
