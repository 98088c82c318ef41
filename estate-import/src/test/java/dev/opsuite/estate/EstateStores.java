package dev.opsuite.estate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.opsuite.stores.EmbeddedNeo4jProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Real stores for the estate tests, started once per test JVM: an embedded PostgreSQL (each test
 * gets its own fresh database) and an embedded Neo4j in its own process (wiped per test).
 */
public final class EstateStores {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private static EmbeddedNeo4jProcess neo4j;
    private static Driver driver;

    private EstateStores() {}

    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    public static synchronized Driver neo4j() {
        if (driver == null) {
            try {
                Path dir = Files.createTempDirectory("estate-neo4j-");
                neo4j = EmbeddedNeo4jProcess.start(dir, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(EmbeddedNeo4jProcess.USER, neo4j.password()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                driver.close();
                neo4j.close();
            }));
        }
        return driver;
    }

    /** A new, empty database with the estate schema migrated. */
    static HikariDataSource freshDatabase() {
        HikariDataSource ds = emptyDatabase();
        EstateSchema.migrate(ds);
        return ds;
    }

    /** A new database without any table. */
    public static HikariDataSource emptyDatabase() {
        String name = "estate_test_" + DATABASES.incrementAndGet();
        try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres().getJdbcUrl("postgres", name));
        config.setMaximumPoolSize(4);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    /** An importer on {@code ds} and an emptied graph. */
    static EstateImporter importer(HikariDataSource ds) {
        try (var session = neo4j().session()) {
            session.run("MATCH (n) DETACH DELETE n").consume();
        }
        EstateImporter importer = new EstateImporter(ds, neo4j());
        importer.ensureGraphSchema();
        return importer;
    }
}
