package dev.opsuite.executor.neo4j;

import dev.opsuite.executor.domain.GraphPort;
import dev.opsuite.executor.domain.SourceCheck;
import dev.opsuite.executor.domain.SourceHealthPort;
import dev.opsuite.executor.domain.SourcePoolPort;
import dev.opsuite.executor.domain.SqlPort;
import dev.opsuite.executor.source.SecretResolver;
import dev.opsuite.executor.source.SourcePools;
import dev.opsuite.kit.cache.Lru;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.summary.QueryType;

/**
 * GraphPort on Neo4j: one driver per Source asset version, READ sessions only, and every
 * statement first EXPLAINed — anything whose query type is not READ_ONLY is refused.
 */
public final class Neo4jGraphAdapter implements GraphPort, SourceHealthPort, SourcePoolPort, AutoCloseable {
    private final dev.opsuite.executor.source.SourceTargets targets;
    private final SecretResolver secrets;
    private final SourcePools<Driver> drivers;
    /**
     * "name@version\nstatement" found READ_ONLY by EXPLAIN. A statement's query type is fixed by its
     * text and the database's procedures, so each is EXPLAINed once per source version (refusals are
     * not kept: a refused statement is EXPLAINed again every time).
     */
    private final Map<String, Boolean> readOnly = Lru.bounded(1024);

    public Neo4jGraphAdapter(SecretResolver secrets) {
        this(secrets, new SourcePools<>(16, Duration.ofMinutes(30)), dev.opsuite.executor.source.SourceTargets.loopbackOnly());
    }

    public Neo4jGraphAdapter(SecretResolver secrets, SourcePools<Driver> drivers,
                             dev.opsuite.executor.source.SourceTargets targets) {
        this.secrets = secrets;
        this.drivers = drivers;
        this.targets = targets;
    }

    @Override
    public SqlPort.Tabular query(AssetDoc source, String statement, Map<String, Object> params, int maxRows,
                                 int timeoutSeconds) {
        Driver driver = driver(source);
        TransactionConfig tx = TransactionConfig.builder().withTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)))
                .build();
        String checked = source.name() + "@" + source.version() + "\n" + statement;
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            return session.executeRead(t -> {
                if (!readOnly.containsKey(checked)) {
                    QueryType type = t.run("EXPLAIN " + statement, params).consume().queryType();
                    if (type != QueryType.READ_ONLY) {
                        throw new OpsException(ErrorCode.POLICY_DENIED, "Cypher query type " + type + " is not read-only");
                    }
                    readOnly.put(checked, Boolean.TRUE);
                }
                return read(t.run(statement, params), maxRows);
            }, tx);
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw new OpsException(ErrorCode.UNAVAILABLE, "source " + source.name() + " is unavailable", e);
        } catch (ClientException e) {
            throw new OpsException(ErrorCode.INVALID_ARGUMENT, "source " + source.name() + " rejected the query: "
                    + e.code(), e);
        } catch (Neo4jException e) {
            throw new OpsException(ErrorCode.UNAVAILABLE, "source " + source.name() + " failed: " + e.code(), e);
        }
    }

    /** Reachable and answering; read-only means the executor refuses every non-READ_ONLY query type. */
    @Override
    public SourceCheck check(AssetDoc source) {
        long start = System.nanoTime();
        try (Session session = driver(source).session(SessionConfig.builder()
                .withDefaultAccessMode(AccessMode.READ).build())) {
            QueryType type = session.executeRead(t -> t.run("EXPLAIN CREATE (n:OpsProbe)").consume().queryType());
            session.executeRead(t -> t.run("RETURN 1").consume());
            int ms = (int) ((System.nanoTime() - start) / 1_000_000);
            return new SourceCheck(true, type != QueryType.READ_ONLY, ms,
                    "READ sessions; writes are refused by the EXPLAIN query-type check");
        } catch (RuntimeException e) {
            int ms = (int) ((System.nanoTime() - start) / 1_000_000);
            return new SourceCheck(false, false, ms, e.getMessage() == null ? "unreachable"
                    : secrets.scrub(SourceAsset.of(source).connection(), e.getMessage()));
        }
    }

    private static SqlPort.Tabular read(Result result, int maxRows) {
        List<String> columns = new ArrayList<>(result.keys());
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (result.hasNext()) {
            Record r = result.next();
            if (rows.size() >= maxRows) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (String c : columns) {
                row.add(plain(r.get(c)));
            }
            rows.add(row);
        }
        return new SqlPort.Tabular(columns, rows, truncated);
    }

    private static Object plain(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        String type = v.type().name();
        if (type.startsWith("LIST")) { // "LIST OF ANY?"
            return v.asList(Neo4jGraphAdapter::plain);
        }
        if (type.startsWith("PATH")) {
            return v.asPath().toString();
        }
        return switch (type.replace("?", "").trim()) {
            case "MAP" -> {
                Map<String, Object> m = new LinkedHashMap<>();
                v.asMap(Neo4jGraphAdapter::plain).forEach(m::put);
                yield m;
            }
            case "NODE" -> new LinkedHashMap<>(v.asNode().asMap());
            case "RELATIONSHIP" -> {
                Map<String, Object> m = new LinkedHashMap<>(v.asRelationship().asMap());
                m.put("type", v.asRelationship().type());
                yield m;
            }
            case "INTEGER" -> v.asLong();
            case "FLOAT" -> v.asDouble();
            case "BOOLEAN" -> v.asBoolean();
            case "STRING" -> v.asString();
            default -> v.toString();
        };
    }

    /** The driver of this source version (package-private: the schema scan shares it). */
    Driver driver(AssetDoc source) {
        return drivers.get(source, k -> {
            Map<String, String> conn = secrets.resolve(source.name(), SourceAsset.of(source).connection());
            String uri = conn.getOrDefault("uri", SourceAsset.Connection.DEFAULT_URI);
            targets.checkUri(source.name(), uri, 7687); // before any connection: SSRF through a Source asset
            Config cfg = Config.builder().withConnectionTimeout(3, java.util.concurrent.TimeUnit.SECONDS)
                    .withMaxConnectionPoolSize(16).withConnectionAcquisitionTimeout(3, java.util.concurrent.TimeUnit.SECONDS)
                    // a down graph fails fast; the control loop decides about retries
                    .withMaxTransactionRetryTime(2, java.util.concurrent.TimeUnit.SECONDS).build();
            return conn.containsKey("user")
                    ? GraphDatabase.driver(uri, AuthTokens.basic(conn.get("user"), conn.getOrDefault("password", "")), cfg)
                    : GraphDatabase.driver(uri, AuthTokens.none(), cfg);
        });
    }

    /** Closes the drivers of name@version (every version when 0); their refs. */
    @Override
    public List<String> retire(String name, int version) {
        return drivers.retire(name, version);
    }

    /** name@version of every open driver. */
    @Override
    public List<String> openPools() {
        return drivers.open();
    }

    @Override
    public void close() {
        drivers.close();
    }
}
