package dev.opsuite.estate;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Per test: a fresh database, an emptied graph, an importer and a scratch directory. */
public abstract class EstateTestSupport {
    protected static final String CIS = String.join("\n",
            "ci_code,ci_name,ci_type,status,environment,location,owner,aliases,ip_address",
            "SVR001,srv-seoul-01,server,running,prod,dc1-seoul,infra-team,서버A|server-a,10.10.1.1",
            "DB003,payment-db,database,error,prod,dc1-seoul,dba-team,결제DB|결제 DB,",
            "APP001,payment-api,app,running,prod,dc1-seoul,payment-team,,",
            "SVC001,payment,service,running,prod,dc1-seoul,payment-team,결제 서비스|결제서비스,") + "\n";
    protected static final String RELATIONS = String.join("\n",
            "source_ci_code,relation_type,target_ci_code",
            "SVC001,DEPENDS_ON,APP001",
            "APP001,DEPENDS_ON,DB003",
            "DB003,RUNS_ON,SVR001") + "\n";
    protected static final String METRICS = String.join("\n",
            "ts,ci_code,metric_name,value",
            "2026-11-20T10:00:00+09:00,SVR001,cpu_usage,45.2",
            "2026-11-20T10:05:00+09:00,SVR001,cpu_usage,47.9",
            "2026-11-30T23:55:00Z,DB003,mem_usage,61.5",
            "2026-12-01T00:00:00Z,DB003,mem_usage,62",
            "2026-12-01T00:05:00.000+00:00,APP001,latency_ms,1.5e2") + "\n";
    static final String EVENTS = String.join("\n",
            "ts,ci_code,event_type,severity,title,detail",
            "2026-11-23T09:00:00+09:00,DB003,incident,critical,payment-db outage,too many clients",
            "2026-11-23T08:40:00+09:00,APP001,deploy,info,deploy payment-api v3.8.1,",
            "2026-11-22T12:00:00Z,APP001,build,major,build #123 failed,unit tests failed: PaymentServiceTest.refund")
            + "\n";

    @TempDir
    protected Path dir;
    HikariDataSource ds;
    protected EstateImporter importer;

    @BeforeEach
    void stores() {
        ds = EstateStores.freshDatabase();
        importer = EstateStores.importer(ds);
    }

    @AfterEach
    void closePool() {
        ds.close();
    }

    Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    ImportReport load(String kind, String content) throws IOException {
        return importer.importFile(kind, kind + ".csv", file(kind + ".csv", content));
    }

    void loadSample() throws IOException {
        load("cis", CIS);
        load("relations", RELATIONS);
        load("metrics", METRICS);
        load("events", EVENTS);
    }

    long count(String sql, Object... args) throws SQLException {
        List<List<Object>> rows = query(sql, args);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    List<List<Object>> query(String sql, Object... args) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    long graph(String cypher) {
        try (var s = EstateStores.neo4j().session()) {
            return s.run(cypher).single().get(0).asLong();
        }
    }
}
